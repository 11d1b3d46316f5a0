// What an npm user gets: every subpath export of package.json exists after `vite build` (which
// `npm test` runs before this folder), with its type declarations, and the Node entries load.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness.js';
import type * as ServerEntry from '../../src/server/index.js';
import type * as CoreEntry from '../../src/core/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  customElements: string;
};
const serverPkg = JSON.parse(readFileSync(`${root}src/server/package.json`, 'utf8')) as {
  bin: Record<string, string>;
};

describe('the package as npm users get it', () => {
  it('has a built file and type declarations behind every subpath export', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      // Every condition: types, development (warnings kept), default.
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of files) assert.ok(existsSync(`${root}${file}`), `${subpath} → ${file}`);
    }
    assert.ok(existsSync(`${root}${pkg.customElements}`), 'the Custom Elements Manifest');
    for (const bin of Object.values(serverPkg.bin)) {
      assert.ok(existsSync(`${root}src/server/${bin}`), `the server's ${bin}`);
    }
  });

  it('lists every element in the Custom Elements Manifest', () => {
    const manifest = JSON.parse(readFileSync(`${root}${pkg.customElements}`, 'utf8')) as {
      modules: Array<{ exports?: Array<{ kind: string; name: string }> }>;
    };
    const tags = manifest.modules.flatMap((m) =>
      (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name),
    );
    for (const tag of ['prm-provider', 'prm-deal-registration', 'prm-deal-list']) {
      assert.ok(tags.includes(tag), `${tag} in ${tags.join(', ')}`);
    }
  });

  it('@prm-widgets/server signs an embed token in plain Node, without the database', async () => {
    const server = (await import('@prm-widgets/server')) as typeof ServerEntry;
    const minted = await server.mintEmbedToken({
      keyId: 'ek_test',
      secret: 'a-secret-of-enough-length-for-hs256',
      user: { id: 'u1', name: 'Jo', email: 'jo@example.com' },
      role: 'partner_user',
      ttlSeconds: 60,
    });
    assert.equal(minted.token.split('.').length, 3);
    assert.ok(Date.parse(minted.expiresAt) > Date.now());
    const source = readFileSync(`${root}src/server/dist/index.js`, 'utf8');
    assert.doesNotMatch(source, /pglite|from ['"]pg['"]|from ['"]hono/);
  });

  it('the README size table is the one the build gives (npm run size:table)', () => {
    const run = spawnSync(process.execPath, [`${root}scripts/size-table.mjs`, '--check'], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
  });

  it('prm-widgets/core runs in Node too', async () => {
    const core = (await import(`${root}dist/core.js`)) as typeof CoreEntry;
    const client = core.createPartnerClient({ baseUrl: 'http://127.0.0.1:9' });
    assert.equal(typeof client.deals.register, 'function');
  });
});

// `npm pack`, then the tarball installed as an npm user would (`--omit=dev`, the registry for
// lit, ky and zod): none of the reference server's dependencies come along, and a page bundled
// from it with esbuild renders a widget — with the development warnings under the `development`
// condition, without them by default.
describe('the packed package, installed into an empty folder', () => {
  const SERVER_DEPENDENCIES = [
    '@electric-sql/pglite',
    'pg',
    'hono',
    '@hono/node-server',
    'tsx',
    'jose',
    'tldts',
  ];
  let app: string;
  let browser: Browser;

  before(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'prm-pack-'));
    const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', tmp], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(packed.status, 0, packed.stderr);
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    app = join(tmp, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    const installed = spawnSync(
      'npm',
      ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(tmp, filename)],
      { cwd: app, encoding: 'utf8' },
    );
    assert.equal(installed.status, 0, installed.stderr);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (app) rmSync(join(app, '..'), { recursive: true, force: true });
  });

  it('installs no dependency of the reference server', () => {
    assert.ok(existsSync(join(app, 'node_modules/prm-widgets/package.json')));
    assert.ok(existsSync(join(app, 'node_modules/lit/package.json')), 'lit came along');
    for (const name of SERVER_DEPENDENCIES) {
      assert.ok(!existsSync(join(app, 'node_modules', name)), `${name} was installed`);
    }
    assert.ok(!existsSync(join(app, 'node_modules/prm-widgets/src/server')), 'no server sources');
  });

  /** Bundles `import 'prm-widgets/define'` with esbuild and renders a deal list in Chromium. */
  async function render(conditions: string[]): Promise<{ text: string; warnings: string[] }> {
    writeFileSync(join(app, 'page.js'), "import 'prm-widgets/define';\n");
    const result = await esbuild({
      absWorkingDir: app,
      entryPoints: ['page.js'],
      bundle: true,
      format: 'esm',
      write: false,
      conditions,
      logLevel: 'silent',
    });
    const script = result.outputFiles[0]!.text;
    const page = await browser.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    await page.route('http://app.test/**', (route) =>
      route.fulfill(
        route.request().url().endsWith('/page.js')
          ? { contentType: 'text/javascript', body: script }
          : {
              contentType: 'text/html',
              body: '<!doctype html><html lang="en"><body><prm-deal-list></prm-deal-list><script type="module" src="/page.js"></script></body></html>',
            },
      ),
    );
    const devWarning = conditions.includes('development')
      ? page.waitForEvent('console', { predicate: (m) => m.text().includes('[prm-widgets]') })
      : // Without the condition no warning comes: give it the time the development build needs.
        new Promise((resolve) => setTimeout(resolve, 2000));
    await page.goto('http://app.test/');
    // With no client on the page the list renders its skeleton (and, in development, says why).
    await page.waitForFunction(
      () => !!document.querySelector('prm-deal-list')?.shadowRoot?.querySelector('.skeleton'),
    );
    await devWarning;
    const text = await page.evaluate(() =>
      customElements.get('prm-deal-list') ? 'defined and rendered' : 'not defined',
    );
    await page.close();
    return { text, warnings: warnings.filter((w) => w.includes('[prm-widgets]')) };
  }

  it('renders a widget from a page bundled with esbuild, without dev warnings by default', async () => {
    const { text, warnings } = await render([]);
    assert.equal(text, 'defined and rendered');
    assert.deepEqual(warnings, []);
  });

  it('keeps the dev warnings under the development condition', async () => {
    const { text, warnings } = await render(['development']);
    assert.equal(text, 'defined and rendered');
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0]!, /has no Partner API client[\s\S]*#missing-client/);
  });
});
