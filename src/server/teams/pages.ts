/**
 * @module The Microsoft Teams tab pages as the server serves them: `<prefix>tab/` (the personal
 * and configured tab) and `<prefix>config/` (the configurable tab's configuration page), from the
 * build (`dist/demo/teams/`), with their `#prm-teams-config` block written from the deployment's
 * configuration on every request, and the scripts and styles they load beside them. `prm serve`
 * mounts them at `/teams/` when Teams is configured; the demo at `/demo/teams/` with its own ids.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { TabPageConfig } from '../../core/schema/teams.js';
import type { AppEnv } from '../http/context.js';
import { PAGE_CSP, defaultDist, htmlPage, staticFile } from '../http/static-files.js';

/**
 * The tab pages are framed by Teams (and by the demo's simulator, on the same origin). Every
 * other page the server serves keeps `frame-ancestors 'none'`.
 */
export const TEAMS_FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";

/**
 * The tab pages' policy: framed by Teams; TeamsJS fetches its list of Teams' origins from
 * Microsoft's CDN (and falls back to its own); the Partner API where `apiBase` puts it.
 */
export function teamsTabCsp(apiBase?: string): string {
  const connect = ["'self'", 'https://res.cdn.office.net'];
  if (apiBase && URL.canParse(apiBase)) connect.push(new URL(apiBase).origin);
  return PAGE_CSP.replace("frame-ancestors 'none'", TEAMS_FRAME_ANCESTORS).replace(
    "default-src 'self';",
    `default-src 'self'; connect-src ${connect.join(' ')};`,
  );
}

/**
 * JSON that stays inside a `<script type="application/json">` element whatever it holds: `<`,
 * `>` and `&` (and the two JavaScript line separators) as `\u` escapes, so no `</script>` or
 * `<!--` can end the element early. `JSON.parse` reads them back unchanged.
 */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

const CONFIG_BLOCK =
  /(<script type="application\/json" id="prm-teams-config">)[\s\S]*?(<\/script>)/;

/** The page with its `#prm-teams-config` block holding `config`; undefined when it has none. */
export function writeTeamsConfig(html: string, config: TabPageConfig): string | undefined {
  if (!CONFIG_BLOCK.test(html)) return undefined;
  // A function, so that no `$&` or `$'` in a value is read as a replacement pattern.
  return html.replace(CONFIG_BLOCK, (_all, open: string, close: string) => {
    return `${open}${jsonForScript(config)}${close}`;
  });
}

export interface TeamsPagesOptions {
  /** What the pages are told: the deployment's ids. */
  config: TabPageConfig;
  /** The path the pages are served under, ending in `/`: `/teams/`, `/demo/teams/`. */
  prefix: string;
  /** Where the built pages are; the repository's `dist/demo/teams/` by default. */
  dir?: string | undefined;
}

const PAGES: Record<string, string> = { 'tab/': 'tab.html', 'config/': 'config.html' };
/** The pages' own scripts and styles, and the chunks they import: nothing else of the folder. */
const ASSET = /^(?:tab\.(?:js|css)|config-page\.js|chunks\/[\w.-]+\.js)(?:\.map)?$/;

/**
 * Answers a path under `prefix`: a tab page, one of their assets, a redirect to a page's URL
 * with its `/`; undefined for anything else.
 */
export function teamsPages(
  options: TeamsPagesOptions,
): (path: string, acceptEncoding?: string) => Promise<Response | undefined> {
  const dir = options.dir ?? join(defaultDist(), 'demo', 'teams');
  const headers = { 'content-security-policy': teamsTabCsp(options.config.apiBase) };
  return async (path, acceptEncoding) => {
    if (!path.startsWith(options.prefix)) return undefined;
    const rest = path.slice(options.prefix.length);
    if (PAGES[`${rest}/`]) {
      return new Response(null, { status: 301, headers: { location: `${path}/` } });
    }
    const page = PAGES[rest];
    if (!page && !ASSET.test(rest)) return undefined;
    if (!existsSync(join(dir, 'tab.html'))) {
      return htmlPage(
        503,
        'The Teams tab pages are not built',
        'Run `npx vite build` first, then reload.',
        null,
      );
    }
    if (!page) return staticFile(dir, rest, { acceptEncoding });
    let missingBlock = false;
    const response = await staticFile(dir, page, {
      headers,
      transform: (html) => {
        const written = writeTeamsConfig(html, options.config);
        missingBlock = written === undefined;
        return written ?? '';
      },
    });
    if (missingBlock) {
      return htmlPage(
        500,
        'The tab page is broken',
        `${page} has no #prm-teams-config block.`,
        null,
      );
    }
    return response;
  };
}

/** Serves the tab pages at `options.prefix` (`prm serve` with Teams configured). */
export function mountTeams(app: Hono<AppEnv>, options: TeamsPagesOptions): void {
  const answer = teamsPages(options);
  app.get(`${options.prefix}*`, async (c) => {
    return (await answer(c.req.path, c.req.header('accept-encoding'))) ?? c.notFound();
  });
}
