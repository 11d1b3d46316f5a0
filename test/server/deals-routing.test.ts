/**
 * Review routing over HTTP: the rules and their order, region and partner-type matching, the
 * fallback, the assignee hidden from partners, `?assignee=`, and reassigning (roles, audit, event).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditEntry, Deal, ReviewRouting } from '../../src/core/schema/index.js';
import { demoReviewRouting } from '../../src/server/seed/review-routing.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import {
  GOLD,
  PLATINUM,
  REGISTERED,
  customer,
  dealBody,
  openStream,
  partnerToken,
  usd,
} from './deals-support.js';

const reviewer = (n: string) => ({
  id: `usr_rev_${n}`,
  name: `Reviewer ${n.toUpperCase()}`,
  email: `rev.${n}@lumenfold.example`,
});
const A = reviewer('a');
const B = reviewer('b');
const C = reviewer('c');
const D = reviewer('d');

describe(`review routing (${databaseLabel})`, { timeout: 90_000 }, () => {
  let s: TestServer;
  let admin: string;
  let manager: string;
  let seller: string;
  let gold: string; // Brightpath: North America, reseller
  let platinum: string; // Kestrel: EMEA, si
  let small: string; // Tidewater: LATAM, referral

  before(async () => {
    s = await startTestServer();
    admin = await s.token('program_admin');
    manager = await s.token('channel_manager', { sub: A.id, name: A.name, email: A.email });
    seller = await s.token('seller');
    gold = await partnerToken(s, GOLD);
    platinum = await partnerToken(s, PLATINUM);
    small = await partnerToken(s, REGISTERED);
  });
  after(() => s.close());

  const putRouting = (body: unknown, token = admin) =>
    s.request('PUT', '/v1/program/review-routing', { token, body });

  /** A deal that goes to review: above every demo tier's auto-approval limit. */
  const register = async (token: string) => {
    const r = await s.request('POST', '/v1/deals', {
      token,
      body: dealBody(customer(), { amount: usd(900_000) }),
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.status, 'under_review', r.text);
    return r.body as Deal;
  };
  const asVendor = async (id: string) =>
    (await s.request('GET', `/v1/deals/${id}`, { token: seller })).body as Deal;

  it('serves the demo routing to vendor roles, and only the program admin replaces it', async () => {
    const r = await s.request('GET', '/v1/program/review-routing', { token: seller });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, demoReviewRouting());
    assert.equal(
      (await s.request('GET', '/v1/program/review-routing', { token: gold })).status,
      403,
    );
    const body = { rules: [], fallback: null };
    assert.equal((await putRouting(body, manager)).status, 403);
    assert.equal((await putRouting(body, gold)).status, 403);
    assert.equal((await s.request('PUT', '/v1/program/review-routing', { body })).status, 401);
  });

  it('refuses a bad routing with the failing fields named, and changes nothing', async () => {
    const before = (await s.request('GET', '/v1/program/review-routing', { token: admin })).body;
    const r = await putRouting({
      rules: [{ region: 'EMEA', partnerType: 'wholesaler', assignee: { ...A, email: 'nope' } }],
      fallback: null,
      extra: true,
    });
    assert.equal(r.status, 422, r.text);
    const paths = (r.body.errors as Array<{ path: string }>).map((e) => e.path).sort();
    assert.deepEqual(paths, ['extra', 'rules.0.assignee.email', 'rules.0.partnerType']);
    const now = (await s.request('GET', '/v1/program/review-routing', { token: admin })).body;
    assert.deepEqual(now, before);
  });

  it('assigns by the first matching rule: region (any case) and partner type, else the fallback', async () => {
    const routing: ReviewRouting = {
      rules: [
        { region: 'emea', partnerType: 'si', assignee: A },
        { region: 'EMEA', assignee: B },
        { partnerType: 'referral', assignee: C },
      ],
      fallback: D,
    };
    const put = await putRouting(routing);
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(put.body, routing);
    assert.deepEqual(
      (await s.request('GET', '/v1/program/review-routing', { token: seller })).body,
      routing,
    );

    const kestrel = await register(platinum);
    const tidewater = await register(small);
    const brightpath = await register(gold);
    assert.deepEqual(kestrel.assignee, undefined, 'the partner sees no assignee');
    assert.deepEqual((await asVendor(kestrel.id)).assignee, { id: A.id, name: A.name });
    assert.deepEqual((await asVendor(tidewater.id)).assignee, { id: C.id, name: C.name });
    assert.deepEqual((await asVendor(brightpath.id)).assignee, { id: D.id, name: D.name });

    // Order decides: with the EMEA-wide rule first, Kestrel goes to B.
    await putRouting({
      rules: [routing.rules[1], routing.rules[0], routing.rules[2]],
      fallback: D,
    });
    assert.deepEqual((await asVendor((await register(platinum)).id)).assignee, {
      id: B.id,
      name: B.name,
    });
    // Nothing matches and no fallback: nobody.
    await putRouting({ rules: [{ region: 'APAC', assignee: A }], fallback: null });
    assert.equal((await asVendor((await register(gold)).id)).assignee, null);
  });

  it('does not assign deals that do not go to review', async () => {
    await putRouting({ rules: [], fallback: D });
    const r = await s.request('POST', '/v1/deals', {
      token: gold,
      body: dealBody(customer(), { amount: usd(1_000) }),
    });
    assert.equal(r.body.status, 'approved', r.text);
    assert.equal((await asVendor(r.body.id)).assignee, null);
  });

  it('never shows the assignee to partner roles: deal, list, history, events', async () => {
    await putRouting({ rules: [{ partnerType: 'referral', assignee: C }], fallback: null });
    const d = await register(small);
    const one = await s.request('GET', `/v1/deals/${d.id}`, { token: small });
    assert.equal('assignee' in one.body, false);
    assert.equal('partnerTier' in one.body, false);
    const list = await s.request('GET', '/v1/deals?status=under_review&limit=200', {
      token: small,
    });
    for (const item of list.body.items as Deal[]) assert.equal('assignee' in item, false);
    await s.request('POST', `/v1/deals/${d.id}/assign`, { token: manager, body: { assignee: B } });
    const history = await s.request('GET', `/v1/deals/${d.id}/history`, { token: small });
    assert.equal(history.status, 200);
    assert.ok(!history.text.includes(C.id) && !history.text.includes(B.id), history.text);
    assert.deepEqual(
      (history.body.items as AuditEntry[]).map((e) => e.action),
      ['deal.registered'],
    );
    // Live: the partner's stream carries the registration and the reassignment without it.
    const stream = await openStream(s.url, small);
    try {
      const live = await register(small);
      await s.request('POST', `/v1/deals/${live.id}/assign`, {
        token: manager,
        body: { assignee: B },
      });
      const seen: Array<Record<string, unknown>> = [];
      while (seen.length < 2) {
        const m = await stream.next();
        const data = JSON.parse(m.data) as Record<string, unknown>;
        if (data.id === live.id) seen.push(data);
      }
      for (const data of seen) assert.equal('assignee' in data, false, JSON.stringify(data));
    } finally {
      stream.close();
    }
    // Partners may not filter on it either.
    const filtered = await s.request('GET', '/v1/deals?assignee=me', { token: small });
    assert.equal(filtered.status, 422, filtered.text);
    assert.equal(filtered.body.errors[0].path, 'assignee');
  });

  it('filters the list by assignee: me or a user id', async () => {
    await putRouting({ rules: [{ region: 'EMEA', assignee: A }], fallback: B });
    const mine = await register(platinum);
    const theirs = await register(gold);
    const me = await s.request('GET', '/v1/deals?assignee=me&limit=200', { token: manager });
    assert.equal(me.status, 200, me.text);
    const ids = (me.body.items as Deal[]).map((d) => d.id);
    assert.ok(ids.includes(mine.id) && !ids.includes(theirs.id));
    assert.ok((me.body.items as Deal[]).every((d) => d.assignee?.id === A.id));
    const b = await s.request('GET', `/v1/deals?assignee=${B.id}&limit=200`, { token: seller });
    assert.ok((b.body.items as Deal[]).some((d) => d.id === theirs.id));
    assert.ok((b.body.items as Deal[]).every((d) => d.assignee?.id === B.id));
    const none = await s.request('GET', '/v1/deals?assignee=usr_nobody', { token: seller });
    assert.deepEqual(none.body.items, []);
  });

  it('reassigns a deal under review: roles, audit entry, deal.updated event, 409 once decided', async () => {
    await putRouting({ rules: [], fallback: A });
    const d = await register(gold);
    const body = { assignee: C };
    for (const token of [seller, gold, await s.token('integration')]) {
      assert.equal(
        (await s.request('POST', `/v1/deals/${d.id}/assign`, { token, body })).status,
        403,
      );
    }
    const bad = await s.request('POST', `/v1/deals/${d.id}/assign`, {
      token: manager,
      body: { assignee: { id: '', name: 'X', email: 'x' } },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual((bad.body.errors as Array<{ path: string }>).map((e) => e.path).sort(), [
      'assignee.email',
      'assignee.id',
    ]);

    const r = await s.request('POST', `/v1/deals/${d.id}/assign`, { token: manager, body });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.assignee, { id: C.id, name: C.name });
    assert.deepEqual((await asVendor(d.id)).assignee, { id: C.id, name: C.name });
    const byAdmin = await s.request('POST', `/v1/deals/${d.id}/assign`, {
      token: admin,
      body: { assignee: B },
    });
    assert.equal(byAdmin.status, 200);

    const audit = await s.request('GET', `/v1/audit?resourceId=${d.id}`, { token: admin });
    const assigned = (audit.body.items as AuditEntry[]).filter((e) => e.action === 'deal.assigned');
    assert.equal(assigned.length, 2);
    const first = assigned.find((e) => e.actor.id === A.id)!;
    assert.equal(first.actor.role, 'channel_manager');
    assert.deepEqual((first.before as Deal).assignee, { id: A.id, name: A.name });
    assert.deepEqual((first.after as Deal).assignee, { id: C.id, name: C.name });

    const { rows } = await s.store.query<{ type: string; data: Deal }>(
      `select type, data from events where resource_id = $1 order by id`,
      [d.id],
    );
    assert.deepEqual(
      rows.map((e) => [e.type, e.data.assignee?.id]),
      [
        ['deal.created', A.id],
        ['deal.updated', C.id],
        ['deal.updated', B.id],
      ],
    );

    await s.request('POST', `/v1/deals/${d.id}/decision`, {
      token: manager,
      body: { decision: 'reject', reasonCode: 'other', comment: 'No budget' },
    });
    const late = await s.request('POST', `/v1/deals/${d.id}/assign`, { token: manager, body });
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'invalid_transition');
    const missing = await s.request('POST', '/v1/deals/deal_nope/assign', { token: manager, body });
    assert.equal(missing.status, 404);
  });

  it('the demo seed assigns some reviews by its rules and leaves the unmatched ones open', async () => {
    const { rows } = await s.store.query<{ assigned: string; open: string }>(
      `select count(*) filter (where assignee_id is not null) as assigned,
              count(*) filter (where assignee_id is null) as open
         from deals where id like 'deal_demo_%' and status = 'under_review'`,
    );
    assert.ok(Number(rows[0]!.assigned) > 0, 'some seeded reviews are assigned');
    assert.ok(Number(rows[0]!.open) > 0, 'some seeded reviews match no rule');
  });
});
