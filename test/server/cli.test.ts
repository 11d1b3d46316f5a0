// The `prm` command as users run it: serve in demo mode on a fresh data dir, mint tokens, keep
// data and the demo secret across a graceful restart, refuse to start without a secret.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { DEMO_IDS } from '../../src/server/seed/demo.js';
import { createTestDatabase, databaseLabel, usingPostgres } from '../support/server.js';
import type { PrmProcess } from './spawn.js';
import { baseEnv, runPrm, servePrm } from './spawn.js';

let dir: string;
let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let env: NodeJS.ProcessEnv;

const get = async (url: string, token?: string) => {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe(`the prm command (${databaseLabel})`, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prm-cli-'));
    db = usingPostgres ? await createTestDatabase() : undefined;
    env = baseEnv({ DATABASE_URL: db?.url });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('serve --demo --seed demo on a fresh data dir answers, keeps data across SIGTERM, and reuses it', async () => {
    const data = join(dir, 'data');
    let server: PrmProcess = await servePrm(['--demo', '--seed', 'demo', '--data', data], env);
    const health = await get(`${server.url}/v1/health`);
    assert.equal(health.status, 200);
    assert.equal(health.body.database, usingPostgres ? 'postgres' : 'pglite');
    const out = server.output();
    assert.match(out, /database: .*\(seeded: demo\)/);
    assert.match(out, /prm token --role partner_admin --partner prt_brightpath/);
    assert.match(out, usingPostgres ? /PostgreSQL at 127\.0\.0\.1/ : /PGlite at .*pglite/);
    const secretFile = join(data, 'jwt-secret');
    assert.equal(statSync(secretFile).mode & 0o777, 0o600);

    // `prm token` finds the demo secret in the data dir.
    const minted = await runPrm(
      [
        'token',
        '--role',
        'program_admin',
        '--sub',
        DEMO_IDS.users.programAdmin,
        '--data',
        data,
        '--ttl',
        '2h',
      ],
      env,
    );
    assert.equal(minted.code, 0, minted.stderr);
    const token = minted.stdout.trim();
    const claims = decodeJwt(token);
    assert.equal(claims.role, 'program_admin');
    assert.equal(claims.exp! - claims.iat!, 7200);

    const created = await fetch(`${server.url}/v1/partners`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Survives Restart', type: 'si', region: 'EMEA', domains: [] }),
    });
    assert.equal(created.status, 201);
    const id = ((await created.json()) as { id: string }).id;

    if (!usingPostgres) {
      // PGlite is one process's database: a second server on the same directory is refused.
      const second = await runPrm(['serve', '--demo', '--data', data, '--port', '0'], env);
      assert.equal(second.code, 1);
      assert.match(second.stderr, /another process \(pid \d+\) is using/);
    }

    assert.equal(await server.stop('SIGTERM'), 0);
    assert.match(server.output(), /SIGTERM: finishing requests in flight/);
    assert.match(server.output(), /stopped/);

    server = await servePrm(['--demo', '--seed', 'demo', '--data', data], env);
    try {
      assert.doesNotMatch(server.output(), /seeded/, 'a second start does not seed again');
      assert.match(server.output(), /signing secret from/);
      const one = await get(`${server.url}/v1/partners/${id}`, token);
      assert.equal(one.status, 200, 'the token of the first run still works, the partner is there');
      assert.equal(one.body.name, 'Survives Restart');
      const all = await get(`${server.url}/v1/partners?limit=200`, token);
      assert.equal(all.body.items.length, 13, 'twelve demo partners, once, and ours');
    } finally {
      assert.equal(await server.stop('SIGINT'), 0);
    }
  });

  it('serve refuses to start without PRM_JWT_SECRET outside demo mode', async () => {
    const r = await runPrm(['serve', '--data', 'memory', '--port', '0'], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /PRM_JWT_SECRET is not set/);
  });

  it('serve takes its settings from the environment', async () => {
    const server = await servePrm([], {
      ...env,
      PRM_JWT_SECRET: 'env-secret-0123456789',
      PRM_DATA: 'memory',
      PRM_SEED: 'demo',
    });
    try {
      const minted = await runPrm(
        ['token', '--role', 'partner_user', '--partner', DEMO_IDS.partners.kestrel],
        { ...env, PRM_JWT_SECRET: 'env-secret-0123456789' },
      );
      assert.equal(minted.code, 0, minted.stderr);
      const me = await get(`${server.url}/v1/me`, minted.stdout.trim());
      assert.equal(me.status, 200);
      assert.equal(me.body.partner.id, DEMO_IDS.partners.kestrel);
    } finally {
      await server.stop();
    }
  });

  it('token refuses unknown roles and partner roles without a partner', async () => {
    const withSecret = { ...env, PRM_JWT_SECRET: 's' };
    const bad = await runPrm(['token', '--role', 'owner'], withSecret);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--role is one of/);
    const noPartner = await runPrm(['token', '--role', 'partner_user'], withSecret);
    assert.equal(noPartner.code, 2);
    assert.match(noPartner.stderr, /--partner is required/);
  });
});
