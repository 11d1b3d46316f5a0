// Idempotency-Key on POST: replays, reuse with another body, concurrent duplicates, scoping by
// caller, and keys that outlive a restart of the server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defineRoute } from '../../src/server/http/registry.js';
import type { TestServer } from '../support/server.js';
import { databaseLabel, startTestServer } from '../support/server.js';

let calls = 0;
let failNext = false;
/** A POST that counts its runs, takes a while, and fails on demand. */
const slow = defineRoute({
  method: 'POST',
  path: '/v1/__test/slow',
  tag: 'Test',
  summary: 'Slow',
  action: 'me.read',
  responses: {},
  handler: async ({ json }) => {
    calls++;
    await new Promise((r) => setTimeout(r, 150));
    if (failNext) {
      failNext = false;
      throw new Error('transient');
    }
    return json({ run: calls }, 201);
  },
});

let s: TestServer;
let admin: string;
const partner = (name: string) => ({ name, type: 'isv', region: 'APAC', domains: [] });
const count = async (name: string) =>
  (
    await s.store.query<{ n: number }>('select count(*)::int as n from partners where name = $1', [
      name,
    ])
  ).rows[0]!.n;

describe(`idempotency (${databaseLabel})`, () => {
  before(async () => {
    s = await startTestServer({ extraRoutes: [slow] });
    admin = await s.token('program_admin');
  });
  after(() => s.close());

  it('replays the first response, status and body, with Idempotent-Replayed', async () => {
    const headers = { 'idempotency-key': 'k-replay' };
    const first = await s.request('POST', '/v1/partners', {
      token: admin,
      body: partner('Replay Co'),
      headers,
    });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    // The same JSON with its keys in another order is the same request.
    const reordered = { domains: [], region: 'APAC', type: 'isv', name: 'Replay Co' };
    const second = await s.request('POST', '/v1/partners', {
      token: admin,
      body: reordered,
      headers,
    });
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.get('location'), first.headers.get('location'));
    assert.equal(await count('Replay Co'), 1);
  });

  it('replays errors too: a 422 stays a 422', async () => {
    const headers = { 'idempotency-key': 'k-invalid' };
    const bad = { ...partner('Bad'), type: 'nope' };
    const a = await s.request('POST', '/v1/partners', { token: admin, body: bad, headers });
    const b = await s.request('POST', '/v1/partners', { token: admin, body: bad, headers });
    assert.equal(a.status, 422);
    assert.equal(b.status, 422);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(b.body, a.body);
  });

  it('the same key with another body or path answers 422 idempotency_key_reused', async () => {
    const headers = { 'idempotency-key': 'k-reuse' };
    await s.request('POST', '/v1/partners', { token: admin, body: partner('First'), headers });
    const other = await s.request('POST', '/v1/partners', {
      token: admin,
      body: partner('Second'),
      headers,
    });
    assert.equal(other.status, 422);
    assert.equal(other.body.code, 'idempotency_key_reused');
    const otherPath = await s.request('POST', '/v1/opportunities', {
      token: admin,
      body: {
        externalId: 'X',
        customer: { name: 'X', domain: 'x.example' },
        products: [],
        stage: 'open',
      },
      headers,
    });
    assert.equal(otherPath.body.code, 'idempotency_key_reused');
    assert.equal(await count('Second'), 0);
  });

  it('keys belong to their caller: another caller with the same key runs anew', async () => {
    const headers = { 'idempotency-key': 'k-shared' };
    const other = await s.token('program_admin', { sub: 'usr_other_admin' });
    const a = await s.request('POST', '/v1/partners', {
      token: admin,
      body: partner('Shared A'),
      headers,
    });
    const b = await s.request('POST', '/v1/partners', {
      token: other,
      body: partner('Shared A'),
      headers,
    });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.body.id, b.body.id);
    assert.equal(b.headers.get('idempotent-replayed'), null);
  });

  it('concurrent duplicates run once; the others wait and replay', async () => {
    calls = 0;
    const headers = { 'idempotency-key': 'k-concurrent' };
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        s.request('POST', '/v1/__test/slow', { token: admin, body: {}, headers }),
      ),
    );
    assert.equal(calls, 1);
    assert.ok(replies.every((r) => r.status === 201 && r.body.run === 1));
    assert.equal(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 4);

    const creates = await Promise.all(
      Array.from({ length: 4 }, () =>
        s.request('POST', '/v1/partners', {
          token: admin,
          body: partner('Burst Ltd'),
          headers: { 'idempotency-key': 'k-burst' },
        }),
      ),
    );
    assert.ok(creates.every((r) => r.status === 201 && r.body.id === creates[0]!.body.id));
    assert.equal(await count('Burst Ltd'), 1);
  });

  it('a failure (500) releases the key so that a retry runs', async () => {
    calls = 0;
    failNext = true;
    const headers = { 'idempotency-key': 'k-retry' };
    const first = await s.request('POST', '/v1/__test/slow', { token: admin, body: {}, headers });
    assert.equal(first.status, 500);
    const retry = await s.request('POST', '/v1/__test/slow', { token: admin, body: {}, headers });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), null);
    assert.equal(calls, 2);
  });

  it('a key outlives a restart of the server, and expires after 24 hours', async () => {
    const headers = { 'idempotency-key': 'k-restart' };
    const first = await s.request('POST', '/v1/partners', {
      token: admin,
      body: partner('Durable Key'),
      headers,
    });
    await s.restart();
    const again = await s.request('POST', '/v1/partners', {
      token: admin,
      body: partner('Durable Key'),
      headers,
    });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.id, first.body.id);
    await s.store.query(
      `update idempotency_keys set created_at = now() - interval '25 hours' where key = 'k-restart'`,
    );
    const later = await s.request('POST', '/v1/partners', {
      token: admin,
      body: partner('Durable Key'),
      headers,
    });
    assert.equal(later.status, 201);
    assert.equal(later.headers.get('idempotent-replayed'), null);
    assert.equal(await count('Durable Key'), 2);
  });

  it('a graceful shutdown lets requests in flight finish', async () => {
    calls = 0;
    const inFlight = s.request('POST', '/v1/__test/slow', { token: admin, body: {} });
    while (calls === 0) await new Promise((r) => setTimeout(r, 5));
    await s.running.close();
    const r = await inFlight;
    assert.equal(r.status, 201);
    await assert.rejects(fetch(`${s.url}/v1/health`), 'no new connections after shutdown');
  });
});
