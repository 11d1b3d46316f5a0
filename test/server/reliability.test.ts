// Issue 11: the classes of input that once made a 500, an invalid problem or a silent write.
// Each test fails on the server as it was before the fix.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Reply, TestServer } from '../support/server.js';
import { databaseLabel, startTestServer } from '../support/server.js';
import { GOLD, customer, dealBody, partnerToken, usd } from './deals-support.js';

let s: TestServer;
let admin: string;
let cm: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function problem(r: Reply<any>, status: number, code: string, path?: string) {
  assert.equal(r.status, status, r.text);
  assert.equal(r.headers.get('content-type'), 'application/problem+json');
  assert.equal(r.body.status, status);
  assert.equal(r.body.code, code);
  if (path !== undefined) {
    assert.ok(
      (r.body.errors as Array<{ path: string }>).some((e) => e.path === path),
      `no error at ${path}: ${r.text}`,
    );
  }
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const json = { 'content-type': 'application/json' };

async function underReviewDeal(token: string): Promise<string> {
  // Above the gold tier's auto-approval limit, so it waits for review.
  const body = dealBody(customer(), { amount: usd(500_000) });
  const r = await s.request('POST', '/v1/deals', { token, body });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.body.status, 'under_review');
  return r.body.id as string;
}

describe(`reliability: no input makes a 500 (${databaseLabel})`, { timeout: 120_000 }, () => {
  before(async () => {
    s = await startTestServer();
    admin = await s.token('program_admin');
    cm = await s.token('channel_manager');
  });
  after(() => s.close());

  it('answers 404 for a path id holding NUL or an unpaired surrogate', async () => {
    for (const path of [
      '/v1/deals/deal_a%00b',
      '/v1/deals/%00',
      '/v1/partners/prt_x%00',
      '/v1/deals/deal_%ED%A0%80',
      '/v1/deals/deal_%EF%BF%BD',
      '/v1/deals/deal_a%00b/history',
    ]) {
      problem(await s.request('GET', path, { token: admin }), 404, 'not_found');
    }
    problem(
      await s.request('POST', '/v1/deals/deal_a%00b/decision', {
        token: cm,
        body: { decision: 'reject', reasonCode: 'other' },
      }),
      404,
      'not_found',
    );
  });

  it('answers 404 for ids of the wrong shape', async () => {
    for (const path of [
      '/v1/deals/nope',
      '/v1/deals/prt_brightpath',
      `/v1/deals/deal_${'x'.repeat(80)}`,
      '/v1/partners/deal_abc',
      '/v1/partners/..%2F..',
      '/v1/partners/prt_brightpath%20x',
    ]) {
      problem(await s.request('GET', path, { token: admin }), 404, 'not_found');
    }
    problem(
      await s.request('DELETE', `/v1/partners/${GOLD}/embed-keys/nope`, { token: admin }),
      404,
      'not_found',
    );
  });

  it('refuses NUL and unpaired surrogates in query parameters with 422 naming them', async () => {
    problem(
      await s.request('GET', '/v1/deals?q=a%00b', { token: admin }),
      422,
      'validation_failed',
      'q',
    );
    problem(
      await s.request('GET', '/v1/deals?customerDomain=%00.example', { token: admin }),
      422,
      'validation_failed',
      'customerDomain',
    );
    problem(
      await s.request('GET', '/v1/partners?q=x%00', { token: admin }),
      422,
      'validation_failed',
      'q',
    );
    problem(
      await s.request('GET', '/v1/audit?resourceId=deal_%00', { token: admin }),
      422,
      'validation_failed',
      'resourceId',
    );
  });

  it('refuses NUL and unpaired surrogates anywhere in a body with 422 naming the field', async () => {
    const before = await s.store.query<{ n: number }>('select count(*)::int as n from partners');
    problem(
      await s.request('POST', '/v1/partners', {
        token: admin,
        raw: '{"name":"Nul Co","type":"si","region":"EU\\ud800","domains":[]}',
        headers: json,
      }),
      422,
      'validation_failed',
      'region',
    );
    problem(
      await s.request('POST', '/v1/partners', {
        token: admin,
        raw: '{"name":"Nul Co","type":"si","region":"EU","domains":["a\\u0000.example"]}',
        headers: json,
      }),
      422,
      'validation_failed',
      'domains.0',
    );
    problem(
      await s.request('POST', '/v1/partners', {
        token: admin,
        raw: '{"name":"Nul Co","type":"si","region":"EU","domains":[],"\\u0000":1}',
        headers: json,
      }),
      422,
      'validation_failed',
    );
    const token = await partnerToken(s, GOLD);
    const c = customer();
    const body = JSON.stringify(dealBody(c)).replace('Platform rollout', 'Roll\\udc00out');
    problem(
      await s.request('POST', '/v1/deals', { token, raw: body, headers: json }),
      422,
      'validation_failed',
      'title',
    );
    problem(
      await s.request('POST', '/v1/deals/check', {
        token,
        raw: '{"customer":{"name":"Acme\\u0000"}}',
        headers: json,
      }),
      422,
      'validation_failed',
      'customer.name',
    );
    const after = await s.store.query<{ n: number }>('select count(*)::int as n from partners');
    assert.equal(after.rows[0]!.n, before.rows[0]!.n);
    const deals = await s.store.query('select 1 from deals where customer_name = $1', [c.name]);
    assert.equal(deals.rowCount, 0);
  });

  it('refuses forged cursors and cursors of another list or sort with 422 at cursor', async () => {
    // Real cursors still work.
    const deals = await s.request('GET', '/v1/deals?limit=1', { token: admin });
    assert.equal(deals.status, 200, deals.text);
    const dealCursor = deals.body.nextCursor as string;
    assert.ok(dealCursor);
    assert.equal(
      (await s.request('GET', `/v1/deals?limit=1&cursor=${dealCursor}`, { token: admin })).status,
      200,
    );
    const partners = await s.request('GET', '/v1/partners?limit=1', { token: admin });
    const partnerCursor = partners.body.nextCursor as string;
    assert.ok(partnerCursor);
    assert.equal(
      (await s.request('GET', `/v1/partners?limit=1&cursor=${partnerCursor}`, { token: admin }))
        .status,
      200,
    );

    const forged: Array<[string, string]> = [
      ['/v1/deals', b64({ s: '-submittedAt', k: 'yesterday', id: 'deal_x' })],
      ['/v1/deals', b64({ l: 'deals-submittedAt', k: 'yesterday', id: 'deal_x' })],
      ['/v1/deals', b64({ l: 'deals-submittedAt', k: '2026-02-30 10:00:00+00', id: 'deal_x' })],
      ['/v1/deals', b64({ l: 'deals-submittedAt', k: 12, id: 'deal_x' })],
      ['/v1/deals', b64({ l: 'deals-submittedAt', k: '2026-01-01 10:00:00+00', id: 7 })],
      ['/v1/deals', b64({ l: 'deals-submittedAt', k: '2026-01-01 10:00:00+00', id: 'a\u0000' })],
      ['/v1/deals?sort=-amount', b64({ l: 'deals-amount', k: '12.5', id: 'deal_x' })],
      [
        '/v1/deals?sort=-amount',
        b64({ l: 'deals-amount', k: '99999999999999999999', id: 'deal_x' }),
      ],
      ['/v1/deals?sort=-amount', dealCursor],
      ['/v1/deals?sort=reviewDueAt', dealCursor],
      ['/v1/deals', partnerCursor],
      ['/v1/deals', b64([1, 2])],
      ['/v1/deals', b64(null)],
      ['/v1/deals', '%00'],
      ['/v1/partners', b64({ t: '1', id: 'prt_x' })],
      ['/v1/partners', b64({ l: 'partners', k: '1', id: 'prt_x' })],
      ['/v1/partners', b64({ l: 'partners', k: '+275760-09-13T00:00:00.000Z', id: 'prt_x' })],
      ['/v1/partners', dealCursor],
      ['/v1/opportunities', partnerCursor],
      ['/v1/audit', partnerCursor],
      [`/v1/deals/${deals.body.items[0].id}/history`, partnerCursor],
    ];
    for (const [path, cursor] of forged) {
      const sep = path.includes('?') ? '&' : '?';
      const r = await s.request('GET', `${path}${sep}cursor=${cursor}`, { token: admin });
      problem(r, 422, 'validation_failed', 'cursor');
    }
  });

  it('answers JSON nested deeper than 64 levels with 400, also with an Idempotency-Key', async () => {
    const nested = (n: number) => `{"name":${'['.repeat(n)}${']'.repeat(n)}}`;
    for (const headers of [json, { ...json, 'idempotency-key': 'deep-1' }]) {
      problem(
        await s.request('POST', '/v1/partners', { token: admin, raw: nested(65), headers }),
        400,
        'malformed_json',
      );
      problem(
        await s.request('POST', '/v1/partners', { token: admin, raw: nested(100_000), headers }),
        400,
        'malformed_json',
      );
    }
    // At the limit it is parsed, and refused for what it is.
    problem(
      await s.request('POST', '/v1/partners', {
        token: admin,
        raw: nested(63),
        headers: { ...json, 'idempotency-key': 'deep-2' },
      }),
      422,
      'validation_failed',
      'name',
    );
  });

  it('carries the HTTP status in every problem, also in invalid_transition', async () => {
    const id = await underReviewDeal(await partnerToken(s, GOLD));
    const decide = (decision: string, reasonCode: string) =>
      s.request('POST', `/v1/deals/${id}/decision`, { token: cm, body: { decision, reasonCode } });
    assert.equal((await decide('reject', 'other')).status, 200);
    const again = await decide('reject', 'other');
    problem(again, 409, 'invalid_transition');
    assert.equal(again.body.dealStatus, 'rejected');
  });

  it('lets withdraw take no body or {} and refuses any other body, withdrawing nothing', async () => {
    const token = await partnerToken(s, GOLD);
    const id = await underReviewDeal(token);
    const withdraw = (raw: string | undefined, headers: Record<string, string> = json) =>
      s.request('POST', `/v1/deals/${id}/withdraw`, {
        token,
        ...(raw === undefined ? {} : { raw }),
        headers,
      });
    problem(await withdraw('{"reason":'), 400, 'malformed_json');
    problem(await withdraw('{"reason":"changed my mind"}'), 422, 'validation_failed', 'reason');
    problem(await withdraw('[]'), 422, 'validation_failed');
    problem(await withdraw('null'), 422, 'validation_failed');
    problem(
      await withdraw('hello', { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    problem(await withdraw(`{"x":"${'a'.repeat(1_100_000)}"}`), 413, 'payload_too_large');
    const still = await s.request('GET', `/v1/deals/${id}`, { token });
    assert.equal(still.body.status, 'under_review');
    const ok = await withdraw('{}');
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.status, 'withdrawn');
    const other = await underReviewDeal(token);
    const bare = await s.request('POST', `/v1/deals/${other}/withdraw`, { token });
    assert.equal(bare.status, 200, bare.text);
  });

  it('creates no embed key for a body other than none or {}', async () => {
    const count = async () =>
      (
        await s.store.query<{ n: number }>(
          'select count(*)::int as n from embed_keys where partner_id = $1',
          [GOLD],
        )
      ).rows[0]!.n;
    const start = await count();
    const create = (raw?: string, headers: Record<string, string> = json) =>
      s.request('POST', `/v1/partners/${GOLD}/embed-keys`, {
        token: admin,
        ...(raw === undefined ? {} : { raw }),
        headers,
      });
    problem(await create('{"name":'), 400, 'malformed_json');
    problem(await create('{"label":"x"}'), 422, 'validation_failed', 'label');
    problem(await create('"x"'), 422, 'validation_failed');
    problem(await create(`{"x":"${'a'.repeat(1_100_000)}"}`), 413, 'payload_too_large');
    problem(
      await create('x=1', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
    );
    assert.equal(await count(), start);
    assert.equal((await create('{}')).status, 201);
    assert.equal((await create()).status, 201);
    assert.equal(await count(), start + 2);
  });
});
