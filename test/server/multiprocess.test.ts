// Two server processes on one PostgreSQL: they migrate and seed safely when started together,
// and one idempotent POST sent to both creates one resource.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { loadMigrations } from '../../src/server/store/migrate.js';
import { createTestDatabase, usingPostgres } from '../support/server.js';
import type { PrmProcess } from './spawn.js';
import { baseEnv, servePrm } from './spawn.js';

const SECRET = 'multiprocess-secret-0123456789abcdef';
const skip = usingPostgres
  ? false
  : 'needs PostgreSQL: set DATABASE_URL (PGlite is one process by design)';

describe('two server processes on one PostgreSQL', { skip }, () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let servers: PrmProcess[] = [];

  before(async () => {
    db = await createTestDatabase();
    const env = baseEnv({ DATABASE_URL: db.url, PRM_JWT_SECRET: SECRET });
    // Both start on the same fresh database at once: both migrate, both try to seed.
    servers = await Promise.all([
      servePrm(['--seed', 'demo'], env),
      servePrm(['--seed', 'demo'], env),
    ]);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('both migrated safely: every migration applied once, the seed applied once', async () => {
    for (const s of servers) assert.equal((await fetch(`${s.url}/v1/health`)).status, 200);
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const applied = await client.query('select version from schema_migrations order by version');
      assert.deepEqual(
        applied.rows.map((r: { version: number }) => r.version),
        loadMigrations().map((m) => m.version),
      );
      const partners = await client.query('select count(*)::int as n from partners');
      assert.equal(partners.rows[0].n, 12);
      const seeded = servers.filter((s) => /seeded: demo/.test(s.output()));
      assert.equal(seeded.length, 1, 'exactly one process seeded');
    } finally {
      await client.end();
    }
  });

  it('the same idempotent POST sent to both creates one resource', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: 'program_admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_lf_admin')
      .setIssuer('prm')
      .setAudience('prm-api')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode(SECRET));
    const send = (url: string) =>
      fetch(`${url}/v1/partners`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': 'two-processes-1',
        },
        body: JSON.stringify({ name: 'Twice Sent', type: 'si', region: 'EMEA', domains: [] }),
      }).then(async (r) => ({
        status: r.status,
        replayed: r.headers.get('idempotent-replayed'),
        body: (await r.json()) as { id: string },
      }));
    const replies = await Promise.all([
      send(servers[0]!.url),
      send(servers[1]!.url),
      send(servers[0]!.url),
      send(servers[1]!.url),
    ]);
    assert.ok(replies.every((r) => r.status === 201));
    assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
    assert.equal(replies.filter((r) => r.replayed === 'true').length, 3);
    const list = await fetch(`${servers[1]!.url}/v1/partners?q=Twice`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(((await list.json()) as { items: unknown[] }).items.length, 1);
  });
});
