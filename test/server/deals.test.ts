/** Deal registration over HTTP: rules 1–6, the conflict check, confidentiality, expiry, bad input. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Deal } from '../../src/core/schema/index.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import {
  GOLD,
  PLATINUM,
  REGISTERED,
  SILVER,
  assertNoLeak,
  customer,
  dealBody,
  dealCount,
  partnerToken,
  usd,
  word,
} from './deals-support.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe(`deal registration (${databaseLabel})`, { timeout: 60_000 }, () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  let manager: string;

  before(async () => {
    s = await startTestServer();
    for (const p of [GOLD, PLATINUM, SILVER, REGISTERED]) tokens[p] = await partnerToken(s, p);
    manager = await s.token('channel_manager', { sub: 'usr_lf_cm_1' });
  });
  after(() => s.close());

  const register = (partner: string, body: unknown, headers?: Record<string, string>) =>
    s.request('POST', '/v1/deals', {
      token: tokens[partner],
      body,
      ...(headers ? { headers } : {}),
    });

  it('approves automatically within the tier limit and protects the deal (rules 5, 6)', async () => {
    const r = await register(GOLD, dealBody(customer(), { amount: usd(100_000) }));
    assert.equal(r.status, 201, r.text);
    assert.ok(Deal.safeParse(r.body).success, 'the response is a Deal');
    assert.equal(r.body.status, 'approved');
    assert.equal(r.body.stage, 'open');
    assert.equal(r.body.decision.reasonCode, 'approved_auto');
    assert.equal(r.body.conflicts.verdict, 'clear');
    assert.equal(r.body.partnerName, undefined, 'partnerName is for vendor roles');
    const decided = Date.parse(r.body.decision.at);
    assert.equal(Date.parse(r.body.protectedUntil) - decided, 90 * DAY);
    assert.equal(r.headers.get('location'), `/v1/deals/${r.body.id}`);
  });

  it('sends a deal above the limit, or in another currency, to review with the SLA (rule 5)', async () => {
    const above = await register(SILVER, dealBody(customer(), { amount: usd(25_001) }));
    assert.equal(above.status, 201, above.text);
    assert.equal(above.body.status, 'under_review');
    assert.equal(above.body.decision ?? null, null);
    assert.equal(
      Date.parse(above.body.reviewDueAt) - Date.parse(above.body.submittedAt),
      48 * HOUR,
    );
    const euro = await register(
      GOLD,
      dealBody(customer(), { amount: { amount: 100, currency: 'EUR' } }),
    );
    assert.equal(euro.body.status, 'under_review', 'the limit is in USD');
  });

  it('answers 409 duplicate_registration for the same partner, creating nothing (rule 2)', async () => {
    const c = customer();
    const first = await register(GOLD, dealBody(c));
    const before = await dealCount(s);
    const again = await register(
      GOLD,
      dealBody(
        { name: `${c.stem} Corporation`, domain: `https://eu.sales.${c.domain}/x` },
        {
          products: ['lf-edge', 'lf-core'],
        },
      ),
    );
    assert.equal(again.status, 409, again.text);
    assert.equal(again.body.code, 'duplicate_registration');
    assert.equal(again.body.existingDealId, first.body.id);
    assert.equal(await dealCount(s), before);
    // Other products are another deal.
    const other = await register(GOLD, dealBody(c, { products: ['lf-vault'] }));
    assert.equal(other.status, 201);
  });

  it('rejects a registration another partner holds, without naming it (rule 3)', async () => {
    const c = customer();
    const holder = await register(GOLD, dealBody(c));
    assert.equal(holder.body.status, 'approved');
    const r = await register(
      PLATINUM,
      dealBody({ name: `${c.stem} Holdings Limited`, domain: `www.${c.domain}` }),
    );
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.status, 'rejected');
    assert.equal(r.body.decision.reasonCode, 'conflict_other_partner');
    assert.equal(r.body.conflicts.verdict, 'blocked');
    assert.deepEqual(Object.keys(r.body.conflicts.matches[0]).sort(), [
      'kind',
      'matchedOn',
      'similarity',
    ]);
    assert.equal(r.body.conflicts.matches[0].kind, 'other_partner');
    assert.ok(r.body.conflicts.matches[0].matchedOn.includes('domain'));
    const secrets = [holder.body.id, GOLD, 'Brightpath', c.name];
    assertNoLeak(r.body, secrets);
    const got = await s.request('GET', `/v1/deals/${r.body.id}`, { token: tokens[PLATINUM] });
    assertNoLeak(got.body, secrets, 'GET');
    const history = await s.request('GET', `/v1/deals/${r.body.id}/history`, {
      token: tokens[PLATINUM],
    });
    assert.equal(history.status, 200);
    assert.ok(history.body.items.length >= 1);
    assertNoLeak(history.body, secrets, 'history');
    const list = await s.request('GET', '/v1/deals?limit=200', { token: tokens[PLATINUM] });
    assertNoLeak(list.body, secrets, 'list');
    const check = await s.request('POST', '/v1/deals/check', {
      token: tokens[PLATINUM],
      body: { customer: { name: `${c.stem} Holdings`, domain: c.domain } },
    });
    assert.equal(check.body.verdict, 'blocked');
    assertNoLeak(check.body, secrets, 'check');
    // The vendor sees who holds it.
    const vendor = await s.request('GET', `/v1/deals/${r.body.id}`, { token: manager });
    assert.equal(vendor.body.conflicts.matches[0].dealId, holder.body.id);
    assert.equal(vendor.body.conflicts.matches[0].customerName, c.name);
    assert.equal(vendor.body.partnerName, 'Kestrel Integration Group');
  });

  it('reviews a deal another partner has under review, and a possible name match (rule 4)', async () => {
    const c = customer();
    const first = await register(REGISTERED, dealBody(c, { amount: usd(50_000) }));
    assert.equal(first.body.status, 'under_review');
    const second = await register(
      GOLD,
      dealBody({ name: `${c.stem} GmbH`, domain: `${word()}.example` }),
    );
    assert.equal(second.body.status, 'under_review');
    assert.equal(second.body.conflicts.verdict, 'review');
    assert.deepEqual(second.body.conflicts.matches[0], {
      kind: 'other_partner',
      similarity: 1,
      matchedOn: ['name'],
    });
    // A name that is only similar (0.6–0.9), on another domain: a possible match.
    const similar = `${c.stem}x Group`;
    const { rows } = await s.store.query<{ sim: number }>(
      `select similarity(prm_normalize_name($1), prm_normalize_name($2)) as sim`,
      [c.name, similar],
    );
    assert.ok(rows[0]!.sim >= 0.6 && rows[0]!.sim < 0.9, `similarity ${rows[0]!.sim}`);
    const possible = await register(
      PLATINUM,
      dealBody({ name: similar, domain: `${word()}.example` }),
    );
    assert.equal(possible.body.status, 'under_review');
    assert.equal(possible.body.conflicts.verdict, 'review');
    assertNoLeak(possible.body, [first.body.id, second.body.id, c.name, REGISTERED, GOLD]);
  });

  it('reviews a deal for a customer of an open direct opportunity, but not a lost one (rule 4)', async () => {
    const integration = await s.token('integration');
    const open = customer();
    const lost = customer();
    for (const [c, stage] of [
      [open, 'open'],
      [lost, 'lost'],
    ] as const) {
      const r = await s.request('POST', '/v1/opportunities', {
        token: integration,
        body: {
          externalId: `CRM-${word()}`,
          customer: { name: c.name, domain: c.domain },
          products: [],
          stage,
        },
      });
      assert.equal(r.status, 201, r.text);
    }
    const r = await register(GOLD, dealBody({ name: `${open.stem} LLC`, domain: open.domain }));
    assert.equal(r.body.status, 'under_review');
    assert.equal(r.body.conflicts.matches[0].kind, 'direct_opportunity');
    assert.equal(r.body.conflicts.matches[0].opportunityId, undefined);
    assertNoLeak(r.body, ['opp_', open.name]);
    const vendor = await s.request('GET', `/v1/deals/${r.body.id}`, { token: manager });
    assert.match(vendor.body.conflicts.matches[0].opportunityId, /^opp_/);
    const free = await register(GOLD, dealBody(lost));
    assert.equal(free.body.status, 'approved');
  });

  it('needs overlapping products for a conflict', async () => {
    const c = customer();
    await register(GOLD, dealBody(c, { products: ['lf-core'] }));
    const r = await register(PLATINUM, dealBody(c, { products: ['lf-edge'] }));
    assert.equal(r.body.status, 'approved');
    assert.equal(r.body.conflicts.verdict, 'clear');
  });

  it('reads an approved, open deal past its protection as expired, and frees the customer', async () => {
    const c = customer();
    const r = await register(GOLD, dealBody(c));
    await s.store.query(
      `update deals set protected_until = now() - interval '1 day' where id = $1`,
      [r.body.id],
    );
    const got = await s.request('GET', `/v1/deals/${r.body.id}`, { token: tokens[GOLD] });
    assert.equal(got.body.status, 'expired');
    const expired = await s.request('GET', '/v1/deals?status=expired&limit=200', {
      token: tokens[GOLD],
    });
    assert.ok(expired.body.items.some((d: Deal) => d.id === r.body.id));
    assert.ok(expired.body.items.every((d: Deal) => d.status === 'expired'));
    const approved = await s.request('GET', '/v1/deals?status=approved&limit=200', {
      token: tokens[GOLD],
    });
    assert.ok(!approved.body.items.some((d: Deal) => d.id === r.body.id));
    const next = await register(PLATINUM, dealBody(c));
    assert.equal(next.body.status, 'approved', 'an expired deal protects nothing');
    // A won deal is no longer open, so it does not read as expired.
    await s.request('PATCH', `/v1/deals/${r.body.id}`, { token: manager, body: { stage: 'won' } });
    const won = await s.request('GET', `/v1/deals/${r.body.id}`, { token: manager });
    assert.equal(won.body.status, 'approved');
  });

  it('checks with the customer name alone and writes nothing', async () => {
    const c = customer();
    await register(GOLD, dealBody(c));
    const before = await dealCount(s);
    const events = await s.store.query('select count(*) as n from events');
    const own = await s.request('POST', '/v1/deals/check', {
      token: tokens[GOLD],
      body: { customer: { name: c.stem } },
    });
    assert.equal(own.status, 200, own.text);
    assert.equal(own.body.verdict, 'blocked');
    assert.equal(own.body.matches[0].kind, 'own_duplicate');
    const other = await s.request('POST', '/v1/deals/check', {
      token: tokens[SILVER],
      body: { customer: { name: c.stem, domain: '' }, title: '', amount: null },
    });
    assert.equal(other.body.verdict, 'blocked');
    const clear = await s.request('POST', '/v1/deals/check', {
      token: tokens[SILVER],
      body: { customer: { name: word() } },
    });
    assert.deepEqual(clear.body, { verdict: 'clear', matches: [] });
    assert.equal(await dealCount(s), before);
    assert.deepEqual((await s.store.query('select count(*) as n from events')).rows, events.rows);
    const empty = await s.request('POST', '/v1/deals/check', { token: tokens[SILVER], body: {} });
    assert.equal(empty.status, 422);
    assert.equal(empty.body.errors[0].path, 'customer');
  });

  it('lets only partner roles register, and isolates partners', async () => {
    const r = await s.request('POST', '/v1/deals', { token: manager, body: dealBody(customer()) });
    assert.equal(r.status, 403);
    const own = await register(GOLD, dealBody(customer()));
    const other = await s.request('GET', `/v1/deals/${own.body.id}`, { token: tokens[SILVER] });
    assert.equal(other.status, 404);
    const history = await s.request('GET', `/v1/deals/${own.body.id}/history`, {
      token: tokens[SILVER],
    });
    assert.equal(history.status, 404);
    const list = await s.request('GET', `/v1/deals?partnerId=${GOLD}`, { token: tokens[SILVER] });
    assert.deepEqual(list.body.items, []);
    const vendor = await s.request('GET', `/v1/deals/${own.body.id}`, { token: manager });
    assert.equal(vendor.body.partnerName, 'Brightpath Solutions');
  });

  describe('bad input: 422 naming the field, nothing stored', () => {
    const cases: Array<[string, (c: ReturnType<typeof customer>) => unknown, string[]]> = [
      ['an empty body', () => undefined, ['']],
      [
        'an empty object',
        () => ({}),
        ['customer', 'contact', 'title', 'products', 'amount', 'expectedCloseDate'],
      ],
      ['a blank name', (c) => dealBody({ ...c, name: '   ' }), ['customer.name']],
      ['punctuation for a name', (c) => dealBody({ ...c, name: '!!!' }), ['customer.name']],
      ['a title too long', (c) => dealBody(c, { title: 'x'.repeat(201) }), ['title']],
      [
        'wrong types',
        (c) => dealBody(c, { products: 'lf-core', amount: '1000' }),
        ['products', 'amount'],
      ],
      [
        'a float amount',
        (c) => dealBody(c, { amount: { amount: 10.5, currency: 'USD' } }),
        ['amount.amount'],
      ],
      ['a negative amount', (c) => dealBody(c, { amount: usd(-1) }), ['amount.amount']],
      [
        'an absurd amount',
        (c) => dealBody(c, { amount: { amount: 1e17, currency: 'USD' } }),
        ['amount.amount'],
      ],
      [
        'a currency outside the program',
        (c) => dealBody(c, { amount: { amount: 100, currency: 'JPY' } }),
        ['amount.currency'],
      ],
      [
        'unknown products',
        (c) => dealBody(c, { products: ['lf-core', 'lf-nope'] }),
        ['products.1'],
      ],
      ['no products', (c) => dealBody(c, { products: [] }), ['products']],
      [
        'a past close date',
        (c) => dealBody(c, { expectedCloseDate: '2020-01-01' }),
        ['expectedCloseDate'],
      ],
      ['a bad domain', (c) => dealBody({ ...c, domain: 'not a domain' }), ['customer.domain']],
      [
        'a bad email',
        (c) => dealBody(c, { contact: { name: 'A', email: 'nope' } }),
        ['contact.email'],
      ],
      ['an unknown field', (c) => dealBody(c, { status: 'approved' }), ['status']],
    ];
    for (const [name, body, paths] of cases) {
      it(name, async () => {
        const before = await dealCount(s);
        const r = await register(GOLD, body(customer()));
        assert.equal(r.status, 422, r.text);
        assert.equal(r.body.code, 'validation_failed');
        const got = r.body.errors.map((e: { path: string }) => e.path);
        for (const p of paths) assert.ok(got.includes(p), `${p} in ${JSON.stringify(got)}`);
        assert.equal(await dealCount(s), before);
      });
    }

    it('stores script tags, emoji and right-to-left text as text', async () => {
      const c = customer();
      const title = '<script>alert("x")</script> 🚀 مشروع التحليلات';
      const notes = 'שלום\n<img src=x onerror=alert(1)> 👩🏽‍💻';
      const r = await register(GOLD, dealBody({ ...c, name: `${c.stem} مؤسسة` }, { title, notes }));
      assert.equal(r.status, 201, r.text);
      assert.match(r.headers.get('content-type') ?? '', /application\/json/);
      const got = await s.request('GET', `/v1/deals/${r.body.id}`, { token: tokens[GOLD] });
      assert.equal(got.body.title, title);
      assert.equal(got.body.notes, notes);
      assert.equal(got.body.customer.name, `${c.stem} مؤسسة`);
    });
  });
});
