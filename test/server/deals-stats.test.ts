/**
 * The review queue's clock: `overdue` on deals (every role), overdue first in the queue's sort,
 * `GET /v1/deals/stats`, and what reviewers and partners read of a deal to decide and to learn
 * the decision. Due times are moved into the past in the database, as time passing would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditEntry, Deal, DealStats } from '../../src/core/schema/index.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { customer, dealBody, usd, word } from './deals-support.js';

describe(`review queue: overdue, sort and stats (${databaseLabel})`, { timeout: 90_000 }, () => {
  let s: TestServer;
  let admin: string;
  let manager: string;
  let seller: string;
  let partner: string;
  let partnerId: string;
  const deals: Record<'late' | 'today' | 'later' | 'other', Deal> = {} as never;

  before(async () => {
    s = await startTestServer();
    admin = await s.token('program_admin');
    manager = await s.token('channel_manager', { sub: 'usr_stats_cm' });
    seller = await s.token('seller');
    // A partner of its own, so the seeded deals do not enter the counts.
    const region = `Region ${word()}`;
    const p = await s.request('POST', '/v1/partners', {
      token: admin,
      body: { name: `${word()} Partners`, type: 'msp', region, domains: [] },
    });
    assert.equal(p.status, 201, p.text);
    partnerId = p.body.id;
    partner = await s.token('partner_user', { partner: partnerId, sub: 'usr_stats_partner' });
    const routing = await s.request('PUT', '/v1/program/review-routing', {
      token: admin,
      body: {
        rules: [
          { region, assignee: { id: 'usr_stats_cm', name: 'Stats CM', email: 'cm@x.example' } },
        ],
        fallback: null,
      },
    });
    assert.equal(routing.status, 200, routing.text);
    for (const k of ['late', 'today', 'later', 'other'] as const) {
      const r = await s.request('POST', '/v1/deals', {
        token: partner,
        body: dealBody(customer(), { amount: usd(50_000) }),
      });
      assert.equal(r.body.status, 'under_review', r.text);
      deals[k] = r.body;
    }
    // Time passes: one review is a day late, one falls due later today (UTC), one in three days.
    await s.store.query(`update deals set review_due_at = now() - interval '1 day' where id = $1`, [
      deals.late.id,
    ]);
    await s.store.query(
      `update deals set review_due_at = greatest(now() + interval '1 second',
         (date_trunc('day', now() at time zone 'UTC') + interval '1 day' - interval '1 second')
           at time zone 'UTC') where id = $1`,
      [deals.today.id],
    );
    await s.store.query(
      `update deals set review_due_at = now() + interval '3 days' where id = $1`,
      [deals.later.id],
    );
    await s.store.query(
      `update deals set review_due_at = now() + interval '5 days' where id = $1`,
      [deals.other.id],
    );
    const moved = await s.request('POST', `/v1/deals/${deals.other.id}/assign`, {
      token: manager,
      body: { assignee: { id: 'usr_someone_else', name: 'Someone Else', email: 'se@x.example' } },
    });
    assert.equal(moved.status, 200, moved.text);
  });
  after(() => s.close());

  const stats = async (query: string, token = manager) => {
    const r = await s.request('GET', `/v1/deals/stats${query}`, { token });
    assert.equal(r.status, 200, r.text);
    return r.body as DealStats;
  };

  it('reads overdue: true past reviewDueAt, for vendor and partner roles alike', async () => {
    for (const token of [seller, partner]) {
      const late = await s.request('GET', `/v1/deals/${deals.late.id}`, { token });
      assert.equal(late.body.overdue, true);
      const soon = await s.request('GET', `/v1/deals/${deals.today.id}`, { token });
      assert.equal(soon.body.overdue, false);
    }
    const list = await s.request('GET', `/v1/deals?partnerId=${partnerId}`, { token: partner });
    const overdue = (list.body.items as Deal[]).filter((d) => d.overdue).map((d) => d.id);
    assert.deepEqual(overdue, [deals.late.id]);
  });

  it('sorts the queue overdue first (sort=reviewDueAt)', async () => {
    const r = await s.request(
      'GET',
      `/v1/deals?partnerId=${partnerId}&status=under_review&sort=reviewDueAt&limit=2`,
      { token: seller },
    );
    const ids = (r.body.items as Deal[]).map((d) => d.id);
    assert.deepEqual(ids, [deals.late.id, deals.today.id]);
    const next = await s.request(
      'GET',
      `/v1/deals?partnerId=${partnerId}&status=under_review&sort=reviewDueAt&limit=2&cursor=${r.body.nextCursor}`,
      { token: seller },
    );
    assert.deepEqual(
      (next.body.items as Deal[]).map((d) => d.id),
      [deals.later.id, deals.other.id],
    );
  });

  it('counts under review, overdue, due today and assigned to me, with the list filters', async () => {
    assert.deepEqual(await stats(`?partnerId=${partnerId}`), {
      underReview: 4,
      overdue: 1,
      dueToday: 1,
      assignedToMe: 3,
    });
    assert.deepEqual(await stats(`?partnerId=${partnerId}&assignee=me`), {
      underReview: 3,
      overdue: 1,
      dueToday: 1,
      assignedToMe: 3,
    });
    assert.deepEqual(await stats(`?partnerId=${partnerId}&assignee=usr_someone_else`), {
      underReview: 1,
      overdue: 0,
      dueToday: 0,
      assignedToMe: 0,
    });
    assert.equal((await stats(`?partnerId=${partnerId}&status=approved`)).underReview, 0);
    assert.equal((await stats(`?partnerId=${partnerId}&q=no-such-text-${word()}`)).underReview, 0);
    // Another reviewer is assigned none of them; the whole queue holds the seeded ones too.
    assert.equal((await stats(`?partnerId=${partnerId}`, seller)).assignedToMe, 0);
    assert.ok((await stats('', seller)).underReview > 4);
  });

  it('answers partners 403 and bad filters 422 naming them', async () => {
    const r = await s.request('GET', '/v1/deals/stats', { token: partner });
    assert.equal(r.status, 403);
    const bad = await s.request('GET', '/v1/deals/stats?status=lost&sort=-amount', {
      token: manager,
    });
    assert.equal(bad.status, 422);
    assert.deepEqual((bad.body.errors as Array<{ path: string }>).map((e) => e.path).sort(), [
      'sort',
      'status',
    ]);
    assert.equal((await s.request('GET', '/v1/deals/stats')).status, 401);
  });

  it('a decided deal leaves the counts and is no longer overdue', async () => {
    const d = await s.request('POST', `/v1/deals/${deals.late.id}/decision`, {
      token: manager,
      body: { decision: 'reject', reasonCode: 'insufficient_information', comment: 'Need the PO.' },
    });
    assert.equal(d.status, 200, d.text);
    assert.equal(d.body.overdue, false);
    assert.deepEqual(await stats(`?partnerId=${partnerId}`), {
      underReview: 3,
      overdue: 0,
      dueToday: 1,
      assignedToMe: 2,
    });
  });

  it('gives reviewers the facts: products, contact, amount, close date, partner tier, matches', async () => {
    const d = (await s.request('GET', `/v1/deals/${deals.today.id}`, { token: manager }))
      .body as Deal;
    assert.ok(d.products.length > 0 && d.contact.email && d.amount.amount > 0);
    assert.match(d.expectedCloseDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(d.partnerTier, { id: 'tier_registered', name: 'Registered', rank: 1 });
    // A second partner registers the same customer: the reviewer sees which deal it matched.
    const holder = (await s.request('GET', `/v1/deals/${deals.later.id}`, { token: seller }))
      .body as Deal;
    const gold = await s.token('partner_user', { partner: 'prt_brightpath' });
    const clash = await s.request('POST', '/v1/deals', {
      token: gold,
      body: dealBody(holder.customer, { amount: usd(50_000) }),
    });
    assert.equal(clash.status, 201, clash.text);
    const seen = (await s.request('GET', `/v1/deals/${clash.body.id}`, { token: manager }))
      .body as Deal;
    const match = seen.conflicts.matches.find((m) => m.kind === 'other_partner');
    assert.equal(match?.dealId, holder.id);
    assert.equal(seen.partnerTier?.id, 'tier_gold');
  });

  it('lets the owning partner read the decision and its history, reason and comment included', async () => {
    const h = await s.request('GET', `/v1/deals/${deals.late.id}/history`, { token: partner });
    assert.equal(h.status, 200, h.text);
    const entries = h.body.items as AuditEntry[];
    const rejected = entries.find((e) => e.action === 'deal.rejected');
    const after = rejected?.after as Deal | undefined;
    assert.equal(after?.decision?.reasonCode, 'insufficient_information');
    assert.equal(after?.decision?.comment, 'Need the PO.');
    assert.equal(after && 'assignee' in after, false);
    const deal = await s.request('GET', `/v1/deals/${deals.late.id}`, { token: partner });
    assert.equal(deal.body.decision.comment, 'Need the PO.');
    // Another partner does not learn the deal exists.
    const other = await s.token('partner_user', { partner: 'prt_kestrel' });
    const hidden = await s.request('GET', `/v1/deals/${deals.late.id}/history`, { token: other });
    assert.equal(hidden.status, 404);
  });
});
