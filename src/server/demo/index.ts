/**
 * @module The demo under `/demo/` (`prm serve --demo`): the pages from the build, each under a
 * strict Content-Security-Policy, and the small backend a partner's site would have — a token
 * route that mints embed tokens with the partner's embed key.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import { tabPageConfig } from '../../core/schema/teams.js';
import type { AppEnv } from '../http/context.js';
import {
  PAGE_CSP,
  SECURITY_HEADERS,
  defaultDist,
  htmlPage as page,
  staticFile,
} from '../http/static-files.js';
import { DEMO_IDS } from '../seed/demo.js';
import type { Store } from '../store/index.js';
import { teamsPages } from '../teams/pages.js';
import { DemoKeys } from './keys.js';
import { DEMO_TEAMS_APP } from './teams.js';
import type { DemoTeamsIssuer } from './teams.js';

/** Every demo response carries it; the pages work under it (no inline script or style). */
export const DEMO_CSP = PAGE_CSP;

export interface DemoOptions {
  store: Store;
  /** The server's signing secret: the vendor's staff get tokens signed with it. */
  secret: string;
  /** Where `vite build` wrote its output; the repository's `dist/` by default. */
  distDir?: string;
  /** The Teams simulator's stand-in for Entra ID; its routes exist only when given. */
  teams?: DemoTeamsIssuer | undefined;
}

/** The users a visitor can switch between, in the switcher's order. */
export const DEMO_SWITCHER_USERS = [
  DEMO_IDS.users.brightpathUser,
  DEMO_IDS.users.brightpathAdmin,
  DEMO_IDS.users.kestrelUser,
  DEMO_IDS.users.kestrelAdmin,
  DEMO_IDS.users.channelManager,
  DEMO_IDS.users.seller,
] as const;

const PAGES: Record<string, string> = {
  '/demo/': 'demo/index.html',
  '/demo/intranet/': 'demo/intranet.html',
  '/demo/console/': 'demo/console.html',
  '/demo/teams/': 'demo/teams/simulator.html',
  '/demo/salesforce/': 'demo/salesforce.html',
};

function json(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    },
  });
}

/** Adds the demo's routes to the server's app. */
export function mountDemo(app: Hono<AppEnv>, options: DemoOptions): void {
  const dist = resolve(options.distDir ?? defaultDist());
  const keys = new DemoKeys(options.store, options.secret);

  async function file(relative: string, acceptEncoding = ''): Promise<Response> {
    if (!existsSync(join(dist, 'demo', 'index.html'))) {
      return page(
        503,
        'The demo is not built',
        'Run `npx vite build` first (`npm start` does it for you), then reload.',
      );
    }
    return (
      (await staticFile(dist, relative, { acceptEncoding })) ??
      page(404, 'Not found', 'No such file in the demo.')
    );
  }

  // The Teams tab pages, as `prm serve` serves a deployment's at `/teams/`, with the demo's ids.
  const teamsTab = teamsPages({
    prefix: '/demo/teams/',
    dir: join(dist, 'demo', 'teams'),
    config: tabPageConfig(DEMO_TEAMS_APP),
  });

  // A demo write must come from the demo's own script, not from a form on another site.
  const fromScript = (c: Context) => c.req.header('x-prm-demo') === '1';

  async function api(c: Context<AppEnv>, name: string): Promise<Response> {
    const method = c.req.method;
    if (name === 'users' && method === 'GET') {
      const users = await keys.users(DEMO_SWITCHER_USERS);
      return json({
        users: users.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          partnerId: u.partner_id,
          partnerName: u.partner_name,
          tierName: u.tier_name,
        })),
      });
    }
    if (name === 'token' && method === 'GET') {
      const outcome = await keys.token(c.req.query('user') ?? '');
      return outcome.ok
        ? json({ token: outcome.token, expiresAt: outcome.expiresAt })
        : json({ error: outcome.error, message: outcome.message }, outcome.status);
    }
    const teams = options.teams;
    if (teams && name === 'teams-jwks' && method === 'GET') return json(teams.jwks);
    if (teams && name === 'teams-token' && method === 'GET') {
      // What Entra ID would hand Teams for the signed-in user: for the simulator only.
      const via = c.req.query('via') === 'sso' ? 'sso' : 'naa';
      const [user] = await keys.users([c.req.query('user') ?? '']);
      if (!user) return json({ error: 'unknown_user', message: 'No such demo user.' }, 404);
      return json(await teams.tokens(user, via));
    }
    if (name === 'embed-key') {
      const partner = c.req.query('partner') ?? '';
      if (!Object.values(DEMO_IDS.partners).includes(partner as never)) {
        return json({ error: 'unknown_partner', message: `No demo partner ${partner}.` }, 404);
      }
      if (method === 'GET') {
        return json({ key: (await keys.status(partner)) ?? null });
      }
      if (!fromScript(c)) return json({ error: 'forbidden', message: 'Send X-Prm-Demo: 1.' }, 403);
      if (method === 'POST') return json({ key: await keys.rotate(partner) }, 201);
      if (method === 'DELETE') return json({ key: (await keys.revoke(partner)) ?? null });
    }
    return json({ error: 'not_found', message: `No demo route ${method} ${name}.` }, 404);
  }

  // The first URL `npm start` prints is the demo's; a visitor who trims it to the host lands there too.
  app.get('/', (c) => c.redirect('/demo/', 302));
  app.get('/demo', (c) => c.redirect('/demo/', 301));
  app.all('/demo/*', async (c) => {
    const path = new URL(c.req.url).pathname;
    const apiName = /^\/demo\/api\/([a-z-]+)$/.exec(path)?.[1];
    if (apiName) return api(c, apiName);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return page(405, 'Method not allowed', 'The demo pages are read with GET.');
    }
    const pageFile = PAGES[path];
    if (pageFile) return file(pageFile);
    const tab = await teamsTab(path, c.req.header('accept-encoding'));
    if (tab) return tab;
    if (PAGES[`${path}/`]) return c.redirect(`${path}/`, 301);
    // The embed script as a partner's page loads it (the loader, its chunks, the all-in-one
    // file), and the pages' own scripts and styles.
    const embed =
      /^\/demo\/(prm-widgets(?:\.all)?\.js(?:\.map)?|prm\/[\w.-]+\.(?:js|map|json))$/.exec(
        path,
      )?.[1];
    if (embed) return file(embed, c.req.header('accept-encoding'));
    const asset = /^\/demo\/static\/([\w-]+(?:\/[\w-]+)*\.[a-z0-9]+)$/.exec(path)?.[1];
    if (asset) return file(`demo/${asset}`);
    return page(404, 'Not found', `The demo has no page ${path}.`);
  });
}
