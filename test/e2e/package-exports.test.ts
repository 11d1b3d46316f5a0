// What an npm user gets: every subpath export of package.json exists after `vite build` (which
// `npm test` runs before this folder), with its type declarations, and the Node entries load.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
