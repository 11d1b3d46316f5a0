// The script-tag loader as a partner's page meets it, in Chromium, served by `prm serve --demo`:
// a page with only <prm-deal-registration> fetches the loader, the runtime and that widget's chunk
// and nothing else; a second widget adds its own chunk only; switching to German adds the German
// messages only. The bytes are counted as the browser received them (gzip of each body), and are
// the bytes `.size-limit.cjs` budgets (which `npm run size` checks). The server sends the scripts
// compressed, hashed chunks cached for good and the loader briefly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { DEMO_IDS } from '../../src/server/seed/demo.js';
import { launchChromium, startDemoServer } from './harness.js';
import type { DemoServer } from './harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Manifest {
  loader: string;
  runtime: string[];
  widgets: Record<
    string,
    { chunks: string[]; later: string[]; messages: Record<string, string[]> }
  >;
}

interface Fetched {
  file: string;
  gzip: number;
  encoding: string | undefined;
  cache: string | undefined;
}

const gzipOf = (file: string) => gzipSync(readFileSync(`${root}dist/${file}`), { level: 9 }).length;
const total = (files: string[]) => files.reduce((sum, f) => sum + gzipOf(f), 0);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe('the loader, on a page served by prm serve', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let manifest: Manifest;
  const fetched: Fetched[] = [];
  const pending: Promise<void>[] = [];
  /** Waits until the network is quiet and every response body has been counted. */
  const settled = async () => {
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
  };
  let counted = 0;
  /** The scripts fetched since the last call. */
  const fresh = () => fetched.slice(counted, (counted = fetched.length));

  before(async () => {
    manifest = JSON.parse(readFileSync(`${root}dist/prm/manifest.json`, 'utf8')) as Manifest;
    server = await startDemoServer();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('response', (response: Response) => {
      if (response.request().resourceType() !== 'script') return;
      const path = new URL(response.url()).pathname;
      if (!path.startsWith('/demo/')) return;
      pending.push(
        response.body().then((body) => {
          const headers = response.headers();
          fetched.push({
            file: path.slice('/demo/'.length),
            gzip: gzipSync(body, { level: 9 }).length,
            encoding: headers['content-encoding'],
            cache: headers['cache-control'],
          });
        }),
      );
    });
    // A partner's page on the server's origin: the loader's tag and one widget, nothing else.
    const user = DEMO_IDS.users.brightpathUser;
    await page.route(`${server.url}/partner-page/`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A partner page</title>
<script type="module" src="/demo/prm-widgets.js" data-api-base="/" data-token-url="/demo/api/token?user=${user}"></script>
</head><body><main><prm-deal-registration></prm-deal-registration></main></body></html>`,
      }),
    );
    await page.goto(`${server.url}/partner-page/`);
    await settled();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a page with only <prm-deal-registration> fetches the loader, the runtime and its chunk', async () => {
    await page
      .locator('prm-deal-registration')
      .getByRole('heading', { name: 'Register a deal' })
      .waitFor();
    await settled();
    const scripts = fresh();
    const expected = [
      manifest.loader,
      ...manifest.runtime,
      ...manifest.widgets['prm-deal-registration']!.chunks,
    ];
    assert.deepEqual(scripts.map((s) => s.file).sort(), [...expected].sort());
    const bytes = scripts.reduce((sum, s) => sum + s.gzip, 0);
    // What the browser got is what size-limit's "a page with only <prm-deal-registration>"
    // measures against its 36 KB budget (`npm run size`).
    assert.equal(bytes, total(expected));
    console.log(`# a page with <prm-deal-registration>: ${scripts.length} scripts, ${kB(bytes)}`);
  });

  it('serves the scripts compressed, hashed chunks immutable and the loader briefly', () => {
    for (const script of fetched) {
      assert.match(script.encoding ?? '', /^(br|gzip)$/, `${script.file} compressed`);
      const expected =
        script.file === manifest.loader
          ? 'public, max-age=300'
          : 'public, max-age=31536000, immutable';
      assert.equal(script.cache, expected, script.file);
    }
  });

  it('a second widget adds its own chunk and nothing else', async () => {
    await page.evaluate(() => {
      document.querySelector('main')!.append(document.createElement('prm-deal-list'));
    });
    await page.waitForFunction(() => customElements.get('prm-deal-list') !== undefined);
    await settled();
    const scripts = fresh();
    const expected = manifest.widgets['prm-deal-list']!.chunks;
    assert.deepEqual(scripts.map((s) => s.file).sort(), [...expected].sort());
    const bytes = scripts.reduce((sum, s) => sum + s.gzip, 0);
    assert.equal(bytes, total(expected));
    console.log(`# a second widget, <prm-deal-list>: ${kB(bytes)} more`);
  });

  it('switching to German fetches the German messages and nothing else', async () => {
    assert.equal(fresh().length, 0, 'nothing fetched while the page stays English');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'de'));
    await page
      .locator('prm-deal-registration')
      .getByRole('heading', { name: 'Deal registrieren' })
      .waitFor();
    await settled();
    const scripts = fresh();
    const expected = ['prm-deal-registration', 'prm-deal-list'].flatMap(
      (tag) => manifest.widgets[tag]!.messages['de'] ?? [],
    );
    assert.ok(expected.length === 2, 'each widget has its German catalogue');
    assert.deepEqual(scripts.map((s) => s.file).sort(), [...expected].sort());
    console.log(`# German: ${scripts.map((s) => `${s.file} ${kB(s.gzip)}`).join(', ')}`);
  });
});

describe('a widget’s later chunks, through the loader', () => {
  let server: DemoServer;
  let browser: Browser;

  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page with only `<tag>` for `user` and answers the scripts it asked for. */
  async function scriptsOf(tag: string, user: string, ready: string): Promise<string[]> {
    const page = await (await browser.newContext()).newPage();
    const files: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() !== 'script') return;
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/demo/')) files.push(path.slice('/demo/'.length));
    });
    await page.route(`${server.url}/partner-page/`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A partner page</title>
<script type="module" src="/demo/prm-widgets.js" data-api-base="/" data-token-url="/demo/api/token?user=${user}"></script>
</head><body><main><${tag}></${tag}></main></body></html>`,
      }),
    );
    await page.goto(`${server.url}/partner-page/`);
    // The widget renders its data only once the chunks it needs for this user are in; the live
    // event stream keeps the network busy, so a moment's quiet stands in for "network idle".
    await page.locator(tag).locator(ready).first().waitFor();
    await page.waitForTimeout(1000);
    await page.close();
    return files.sort();
  }

  it('a partner user’s <prm-mdf-balance> fetches no forms: only the loader, runtime and its chunk', async () => {
    const manifest = JSON.parse(readFileSync(`${root}dist/prm/manifest.json`, 'utf8')) as Manifest;
    const mdf = manifest.widgets['prm-mdf-balance']!;
    assert.ok(mdf.later.length > 0, 'the forms are a chunk of their own');
    const files = await scriptsOf(
      'prm-mdf-balance',
      DEMO_IDS.users.brightpathUser,
      "[part='period']",
    );
    assert.deepEqual(files, [manifest.loader, ...manifest.runtime, ...mdf.chunks].sort());
    console.log(`# <prm-mdf-balance> for a partner user: ${kB(total(mdf.chunks))}`);
  });

  it('a partner admin’s <prm-mdf-balance> fetches the forms’ chunk with its data', async () => {
    const manifest = JSON.parse(readFileSync(`${root}dist/prm/manifest.json`, 'utf8')) as Manifest;
    const mdf = manifest.widgets['prm-mdf-balance']!;
    const files = await scriptsOf(
      'prm-mdf-balance',
      DEMO_IDS.users.brightpathAdmin,
      "[data-action='request']",
    );
    assert.deepEqual(
      files,
      [manifest.loader, ...manifest.runtime, ...mdf.chunks, ...mdf.later].sort(),
    );
    console.log(
      `# <prm-mdf-balance> for a partner admin: ${kB(total([...mdf.chunks, ...mdf.later]))}`,
    );
  });
});
