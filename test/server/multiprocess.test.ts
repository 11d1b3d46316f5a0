// Two server processes on one PostgreSQL: they migrate and seed safely when started together,
// one idempotent POST sent to both creates one resource, the registration race holds across
// them, and a request budget is shared by both.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import pg from 'pg';
import { mintToken } from '../../src/server/identity/tokens.js';
import { loadMigrations } from '../../src/server/store/migrate.js';
import { createTestDatabase, usingPostgres } from '../support/server.js';
import type { PrmProcess } from './spawn.js';
import { baseEnv, servePrm } from './spawn.js';
import { customer, dealBody, usd, word } from './deals-support.js';

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
  const partnerTokens = async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>('select id from partners order by id');
      return Promise.all(
        rows.map(
          async (r) =>
            (
              await mintToken(SECRET, {
                role: 'partner_user',
                partner: r.id,
                sub: `usr_${r.id.slice(4)}_race`,
              })
            ).token,
        ),
      );
    } finally {
      await client.end();
    }
  };
  const register = (url: string, token: string, body: unknown, key?: string) =>
    fetch(`${url}/v1/deals`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    }).then(async (r) => ({
      status: r.status,
      replayed: r.headers.get('idempotent-replayed'),
      body: (await r.json()) as { id: string; status: string },
    }));

  it('approves at most one of many partners registering one customer through both', async () => {
    const tokens = await partnerTokens();
    assert.ok(tokens.length >= 10);
    const c = customer();
    const replies = await Promise.all(
      tokens.map((token, i) =>
        register(
          servers[i % 2]!.url,
          token,
          dealBody(i % 3 ? c : { name: `${c.stem} Corp`, domain: `www.${c.domain}` }, {
            amount: usd(1_000),
          }),
        ),
      ),
    );
    for (const r of replies) assert.equal(r.status, 201, JSON.stringify(r.body));
    const statuses = replies.map((r) => r.body.status);
    assert.equal(statuses.filter((x) => x === 'approved').length, 1, statuses.join());
    assert.equal(statuses.filter((x) => x === 'rejected').length, tokens.length - 1);
  });

  it('gives one idempotent registration sent to both processes at once one deal', async () => {
    const [token] = await partnerTokens();
    const body = dealBody(customer());
    const key = `race-${word()}`;
    const replies = await Promise.all(
      [0, 1, 0, 1, 0, 1].map((i) => register(servers[i]!.url, token!, body, key)),
    );
    for (const r of replies) assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
    assert.equal(replies.filter((r) => r.replayed === 'true').length, 5);
  });
});

describe('a request budget shared by two processes on one PostgreSQL', { skip }, () => {
  const LIMIT = 6;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let servers: PrmProcess[] = [];

  before(async () => {
    db = await createTestDatabase();
    const env = baseEnv({
      DATABASE_URL: db.url,
      PRM_JWT_SECRET: SECRET,
      PRM_RATE_LIMIT: String(LIMIT),
      PRM_RATE_WINDOW: '3600',
    });
    servers = [await servePrm([], env)];
    servers.push(await servePrm([], env));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('refuses the caller once its requests to both together are over the budget', async () => {
    const token = (await mintToken(SECRET, { role: 'seller', sub: 'usr_budget' })).token;
    const statuses: number[] = [];
    // Alternating between the processes; a window boundary on the way allows one more budget.
    for (let i = 0; i < 2 * LIMIT + 2 && statuses.at(-1) !== 429; i++) {
      const r = await fetch(`${servers[i % 2]!.url}/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      statuses.push(r.status);
      await r.arrayBuffer();
    }
    assert.equal(statuses.at(-1), 429, statuses.join());
    // Per process, each would have allowed LIMIT: together they allowed LIMIT (or 2 windows' worth).
    assert.ok(statuses.length === LIMIT + 1 || statuses.length === 2 * LIMIT + 1, statuses.join());
  });
});
