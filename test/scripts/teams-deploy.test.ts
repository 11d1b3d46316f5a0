// A Teams deployment from configuration alone: `prm serve` with the configuration
// `npm run teams:package` reads serves the tab and configuration pages where the package's
// manifest points, with the deployment's ids written into their #prm-teams-config block (no
// value can break out of it), under a CSP that lets Teams frame them; without a Teams
// configuration those paths are 404, and an incomplete one stops the server with the fields named.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageApp } from '../../src/hosts/teams/package/cli.js';
import type { PrmProcess } from '../server/spawn.js';
import { ROOT, baseEnv, runPrm, servePrm } from '../server/spawn.js';

const CONFIG = {
  appId: '11111111-2222-4333-8444-555555555555',
  domain: 'deals.example.org',
  clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  signInUrl: 'https://overridden.example.org/',
};
/** A value that would end the JSON block, open a script, and expand as a replacement pattern. */
const HOSTILE = `/sign-in?next=</script><script>alert(1)</script><!--$'$&\u2028`;
const API_BASE = 'https://api.example.org/';

/** What the pages must be told: the file's ids, the environment's values over the file's. */
const EXPECTED = {
  clientId: CONFIG.clientId,
  apiScope: `api://${CONFIG.domain}/${CONFIG.clientId}/access_as_user`,
  appId: CONFIG.appId,
  apiBase: 'https://api.example.org',
  signInUrl: HOSTILE,
};

const BLOCK = /<script type="application\/json" id="prm-teams-config">([\s\S]*?)<\/script>/;

let dir: string;
let configFile: string;
let env: NodeJS.ProcessEnv;
let configured: PrmProcess | undefined;
let plain: PrmProcess | undefined;

/** The environment without any Teams setting of the machine running the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e = baseEnv({ PRM_JWT_SECRET: 'teams-deploy-secret-0123456789', PRM_DATA: 'memory' });
  for (const k of Object.keys(e)) if (k.startsWith('PRM_TEAMS_')) delete e[k];
  return { ...e, ...extra };
}

describe('a Teams deployment from configuration', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prm-teams-deploy-'));
    // The built pages as `vite build` lays them out: the pages' HTML as the build copies it, and
    // stand-ins for the scripts (the node tests run before any build).
    const pages = join(dir, 'pages');
    mkdirSync(join(pages, 'chunks'), { recursive: true });
    for (const name of ['tab.html', 'config.html', 'tab.css'])
      copyFileSync(join(ROOT, 'src/hosts/teams/pages', name), join(pages, name));
    for (const name of ['tab.js', 'config-page.js', 'simulator.js', 'chunks/msal-abc123.js'])
      writeFileSync(join(pages, name), `export const name = ${JSON.stringify(name)};\n`);
    configFile = join(dir, 'teams.config.json');
    writeFileSync(configFile, JSON.stringify(CONFIG));
    env = cleanEnv({
      PRM_TEAMS_SIGN_IN_URL: HOSTILE,
      PRM_TEAMS_API_BASE: API_BASE,
      PRM_TEAMS_PAGES: pages,
    });
    [configured, plain] = await Promise.all([
      servePrm(['--teams-config', configFile], env),
      servePrm([], cleanEnv({ PRM_TEAMS_PAGES: pages })),
    ]);
  });
  after(async () => {
    await Promise.all([configured?.stop(), plain?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves both pages where the package points, with the configuration written in and Teams allowed to frame them', async () => {
    const { manifest } = await packageApp({ env, config: configFile, out: join(dir, 'app.zip') });
    const tabs = manifest as {
      staticTabs: { contentUrl: string }[];
      configurableTabs: { configurationUrl: string }[];
    };
    const urls = [tabs.staticTabs[0]!.contentUrl, tabs.configurableTabs[0]!.configurationUrl];
    assert.deepEqual(urls, [
      `https://${CONFIG.domain}/teams/tab/`,
      `https://${CONFIG.domain}/teams/config/`,
    ]);
    assert.match(configured!.output(), /teams: tab pages at http:\S+\/teams\/tab\//);

    for (const [url, script] of [
      [urls[0]!, '../tab.js'],
      [urls[1]!, '../config-page.js'],
    ] as const) {
      const res = await fetch(`${configured!.url}${new URL(url).pathname}`);
      assert.equal(res.status, 200, url);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(
        csp,
        /frame-ancestors 'self' https:\/\/teams\.microsoft\.com https:\/\/\*\.teams\.microsoft\.com /,
      );
      assert.match(
        csp,
        /connect-src 'self' https:\/\/res\.cdn\.office\.net https:\/\/api\.example\.org;/,
      );
      assert.match(csp, /script-src 'self';/);
      assert.doesNotMatch(csp, /unsafe-inline/);

      const html = await res.text();
      const block = BLOCK.exec(html)?.[1];
      assert.ok(block, 'the page has its configuration block');
      // The hostile value is read back whole from the block: it did not end the block early.
      assert.deepEqual(JSON.parse(block), EXPECTED);
      assert.ok(!/[<>]/.test(block), block);
      assert.equal(html.match(/<script\b/g)?.length, 2, 'no script was added to the page');
      assert.equal(html.match(/<\/script>/g)?.length, 2);
      assert.ok(html.includes(`<script type="module" src="${script}"></script>`));
      // The page's scripts and styles are beside it.
      const asset = await fetch(new URL(script, `${configured!.url}${new URL(url).pathname}`));
      assert.equal(asset.status, 200);
      assert.match(asset.headers.get('content-type') ?? '', /^text\/javascript/);
    }
    const chunk = await fetch(`${configured!.url}/teams/chunks/msal-abc123.js`);
    assert.equal(chunk.status, 200);
    assert.equal((await fetch(`${configured!.url}/teams/tab.css`)).status, 200);
    // Only the tab pages' files: not the demo's simulator.
    assert.equal((await fetch(`${configured!.url}/teams/simulator.js`)).status, 404);
    const bare = await fetch(`${configured!.url}/teams/tab`, { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/teams/tab/');
  });

  it('without a Teams configuration the paths are 404; an incomplete one stops the server, naming the fields', async () => {
    for (const path of ['/teams/tab/', '/teams/config/', '/teams/tab.js']) {
      const res = await fetch(`${plain!.url}${path}`);
      assert.equal(res.status, 404, path);
      await res.body?.cancel();
    }
    const broken = await runPrm(
      ['serve', '--port', '0'],
      cleanEnv({ PRM_TEAMS_DOMAIN: CONFIG.domain, PRM_TEAMS_APP_ID: 'not-a-guid' }),
    );
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /appId \(a GUID\)/);
    assert.match(broken.stderr, /clientId \(missing\)/);
  });
});
