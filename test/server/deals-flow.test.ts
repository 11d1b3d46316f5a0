/** After registration: decisions, withdrawal, CRM sync, history, and lists with every filter. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditEntry, Deal } from '../../src/core/schema/index.js';
import { DECISION_REASON_CODES } from '../../src/core/schema/index.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import {
  GOLD,
  PLATINUM,
  REGISTERED,
  customer,
  dealBody,
  partnerToken,
  usd,
  word,
} from './deals-support.js';

const DAY = 86_400_000;

describe(`deal decisions and lists (${databaseLabel})`, { timeout: 60_000 }, () => {
  let s: TestServer;
  let gold: string;
  let platinum: string;
  let small: string;
  let manager: string;
  let admin: string;
  let integration: string;
  let seller: string;

  before(async () => {
    s = await startTestServer();
    gold = await partnerToken(s, GOLD);
    platinum = await partnerToken(s, PLATINUM);
    small = await partnerToken(s, REGISTERED);
    manager = await s.token('channel_manager', { sub: 'usr_lf_cm_1' });
    admin = await s.token('program_admin');
    integration = await s.token('integration');
    seller = await s.token('seller');
  });
  after(() => s.close());

  /** A deal under review: the registered tier's limit is 5 000 USD. */
  const underReview = async (over: Record<string, unknown> = {}) => {
    const r = await s.request('POST', '/v1/deals', {
      token: small,
      body: dealBody(customer(), { amount: usd(40_000), ...over }),
    });
    assert.equal(r.body.status, 'under_review', r.text);
    return r.body as Deal;
  };
  const decide = (id: string, body: unknown, token = manager) =>
    s.request('POST', `/v1/deals/${id}/decision`, { token, body });

  it('approves manually with protection, and records who and why', async () => {
    const d = await underReview();
    const r = await decide(d.id, {
      decision: 'approve',
      reasonCode: 'approved_manual',
      comment: 'Strong case',
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'approved');
    assert.equal(r.body.decision.by, 'usr_lf_cm_1');
    assert.equal(r.body.decision.comment, 'Strong case');
    assert.equal(Date.parse(r.body.protectedUntil) - Date.parse(r.body.decision.at), 90 * DAY);
  });

  for (const reasonCode of DECISION_REASON_CODES.filter((c) => c !== 'approved_manual')) {
    it(`rejects with ${reasonCode}`, async () => {
      const d = await underReview();
      const r = await decide(d.id, { decision: 'reject', reasonCode }, admin);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.status, 'rejected');
      assert.equal(r.body.decision.reasonCode, reasonCode);
      assert.equal(r.body.protectedUntil, null);
    });
  }

  it('refuses a reason that does not fit the decision', async () => {
    const d = await underReview();
    for (const body of [
      { decision: 'approve', reasonCode: 'other' },
      { decision: 'reject', reasonCode: 'approved_manual' },
    ]) {
      const r = await decide(d.id, body);
      assert.equal(r.status, 422, r.text);
      assert.equal(r.body.errors[0].path, 'reasonCode');
    }
    const unknown = await decide(d.id, { decision: 'approve', reasonCode: 'approved_auto' });
    assert.equal(unknown.status, 422, 'approved_auto is the system’s own');
  });

  it('overrides a rejection, and refuses every other transition with invalid_transition', async () => {
    const d = await underReview();
    await decide(d.id, { decision: 'reject', reasonCode: 'insufficient_information' });
    const again = await decide(d.id, { decision: 'reject', reasonCode: 'other' });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'invalid_transition');
    const override = await decide(d.id, { decision: 'approve', reasonCode: 'approved_manual' });
    assert.equal(override.body.status, 'approved');
    for (const body of [
      { decision: 'approve', reasonCode: 'approved_manual' },
      { decision: 'reject', reasonCode: 'other' },
    ]) {
      const r = await decide(d.id, body);
      assert.equal(r.status, 409, r.text);
      assert.equal(r.body.code, 'invalid_transition');
    }
  });

  it('lets only reviewers decide', async () => {
    const d = await underReview();
    for (const token of [seller, integration, small]) {
      const r = await decide(d.id, { decision: 'approve', reasonCode: 'approved_manual' }, token);
      assert.equal(r.status, 403);
    }
    const missing = await decide('deal_nope', {
      decision: 'approve',
      reasonCode: 'approved_manual',
    });
    assert.equal(missing.status, 404);
  });

  it('lets the owning partner withdraw from under review or approved, once', async () => {
    const d = await underReview();
    const stranger = await s.request('POST', `/v1/deals/${d.id}/withdraw`, { token: gold });
    assert.equal(stranger.status, 404);
    const r = await s.request('POST', `/v1/deals/${d.id}/withdraw`, { token: small });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'withdrawn');
    const twice = await s.request('POST', `/v1/deals/${d.id}/withdraw`, { token: small });
    assert.equal(twice.body.code, 'invalid_transition');
    const decided = await decide(d.id, { decision: 'approve', reasonCode: 'approved_manual' });
    assert.equal(decided.body.code, 'invalid_transition');
    const approved = await s.request('POST', '/v1/deals', {
      token: gold,
      body: dealBody(customer()),
    });
    const w = await s.request('POST', `/v1/deals/${approved.body.id}/withdraw`, { token: gold });
    assert.equal(w.body.status, 'withdrawn');
    const vendor = await s.request('POST', `/v1/deals/${approved.body.id}/withdraw`, {
      token: manager,
    });
    assert.equal(vendor.status, 403);
  });

  it('syncs stage, amount and record id from the CRM, and not on closed deals', async () => {
    const d = (await s.request('POST', '/v1/deals', { token: gold, body: dealBody(customer()) }))
      .body as Deal;
    const r = await s.request('PATCH', `/v1/deals/${d.id}`, {
      token: integration,
      body: { stage: 'won', amount: { amount: 123_456, currency: 'EUR' }, externalId: 'CRM-0042' },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.stage, 'won');
    assert.deepEqual(r.body.amount, { amount: 123_456, currency: 'EUR' });
    assert.equal(r.body.externalId, 'CRM-0042');
    const bad = await s.request('PATCH', `/v1/deals/${d.id}`, { token: manager, body: {} });
    assert.equal(bad.status, 422);
    const currency = await s.request('PATCH', `/v1/deals/${d.id}`, {
      token: manager,
      body: { amount: { amount: 1, currency: 'JPY' } },
    });
    assert.equal(currency.body.errors[0].path, 'amount.currency');
    const partner = await s.request('PATCH', `/v1/deals/${d.id}`, {
      token: gold,
      body: { stage: 'lost' },
    });
    assert.equal(partner.status, 403);
    const w = await underReview();
    await s.request('POST', `/v1/deals/${w.id}/withdraw`, { token: small });
    const closed = await s.request('PATCH', `/v1/deals/${w.id}`, {
      token: manager,
      body: { stage: 'won' },
    });
    assert.equal(closed.body.code, 'invalid_transition');
    const linked = await s.request('PATCH', `/v1/deals/${w.id}`, {
      token: manager,
      body: { externalId: 'CRM-1' },
    });
    assert.equal(linked.status, 200);
  });

  it('keeps the history of every change, in order, in the audit log', async () => {
    const d = await underReview();
    await decide(d.id, { decision: 'approve', reasonCode: 'approved_manual' });
    await s.request('PATCH', `/v1/deals/${d.id}`, { token: integration, body: { stage: 'won' } });
    const h = await s.request('GET', `/v1/deals/${d.id}/history`, { token: small });
    assert.equal(h.status, 200, h.text);
    const entries = h.body.items as AuditEntry[];
    assert.deepEqual(
      entries.map((e) => e.action),
      ['deal.registered', 'deal.approved', 'deal.updated'],
    );
    assert.equal((entries[1]!.before as Deal).status, 'under_review');
    assert.equal((entries[1]!.after as Deal).status, 'approved');
    assert.ok(entries.every((e) => !('partnerName' in ((e.after ?? {}) as object))));
    const vendor = await s.request('GET', `/v1/audit?resourceId=${d.id}`, { token: admin });
    assert.equal(vendor.body.items.length, 3);
    assert.equal(vendor.body.items[0].after.partnerName, 'Tidewater Referral Partners');
  });

  describe('lists', () => {
    const mine: Deal[] = [];
    const stem = word();

    before(async () => {
      for (let i = 0; i < 5; i++) {
        const r = await s.request('POST', '/v1/deals', {
          token: platinum,
          body: dealBody(customer(), {
            title: `${stem} phase ${i}`,
            amount: usd(1_000 * (i + 1) + (i === 4 ? 400_000 : 0)),
          }),
        });
        mine.push(r.body);
      }
    });

    const list = async (query: string, token = manager) => {
      const r = await s.request('GET', `/v1/deals?${query}`, { token });
      assert.equal(r.status, 200, r.text);
      return r.body as { items: Deal[]; nextCursor: string | null };
    };

    it('filters by status, stage, partner, registrable domain and text', async () => {
      const byText = await list(`q=${stem}`);
      assert.deepEqual(byText.items.map((d) => d.id).sort(), mine.map((d) => d.id).sort());
      const byName = await list(`q=${encodeURIComponent(mine[2]!.customer.name.slice(0, 12))}`);
      assert.deepEqual(
        byName.items.map((d) => d.id),
        [mine[2]!.id],
      );
      const review = await list(`q=${stem}&status=under_review`);
      assert.deepEqual(
        review.items.map((d) => d.id),
        [mine[4]!.id],
      );
      const domain = mine[1]!.customer.domain;
      const byDomain = await list(
        `customerDomain=${encodeURIComponent(`https://eu.sales.${domain}/path`)}`,
      );
      assert.deepEqual(
        byDomain.items.map((d) => d.id),
        [mine[1]!.id],
      );
      const partner = await list(`partnerId=${PLATINUM}&limit=200`);
      assert.ok(partner.items.every((d) => d.partnerId === PLATINUM));
      const won = await list('stage=won&limit=200');
      assert.ok(won.items.length > 0 && won.items.every((d) => d.stage === 'won'));
      for (const status of [
        'approved',
        'rejected',
        'withdrawn',
        'under_review',
        'expired',
      ] as const) {
        const page = await list(`status=${status}&limit=200`);
        assert.ok(page.items.length > 0, `seeded ${status}`);
        assert.ok(
          page.items.every((d) => d.status === status),
          status,
        );
      }
      const own = await list('limit=200', gold);
      assert.ok(own.items.length > 0 && own.items.every((d) => d.partnerId === GOLD));
      const bad = await s.request('GET', '/v1/deals?status=lost&sort=amount', { token: manager });
      assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), [
        'sort',
        'status',
      ]);
    });

    for (const [sort, key, desc] of [
      ['-submittedAt', (d: Deal) => Date.parse(d.submittedAt), true],
      ['reviewDueAt', (d: Deal) => (d.reviewDueAt ? Date.parse(d.reviewDueAt) : Infinity), false],
      ['-amount', (d: Deal) => d.amount.amount, true],
    ] as const) {
      it(`pages by ${sort} with a cursor that stays stable under inserts`, async () => {
        const seen: Deal[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: { items: Deal[]; nextCursor: string | null } = await list(
            `sort=${sort}&limit=37${cursor ? `&cursor=${cursor}` : ''}`,
          );
          seen.push(...page.items);
          cursor = page.nextCursor;
          if (pages++ === 1) {
            // A registration in the middle of paging neither shifts nor repeats rows.
            await s.request('POST', '/v1/deals', { token: gold, body: dealBody(customer()) });
          }
        } while (cursor);
        assert.ok(pages > 3);
        const ids = seen.map((d) => d.id);
        assert.equal(new Set(ids).size, ids.length, 'no row twice');
        for (let i = 1; i < seen.length; i++) {
          const a = key(seen[i - 1]!);
          const b = key(seen[i]!);
          assert.ok(desc ? a >= b : a <= b, `${sort} order at ${i}`);
        }
        const { rows } = await s.store.query<{ n: string | number }>(
          'select count(*) as n from deals',
        );
        assert.ok(seen.length >= Number(rows[0]!.n) - 1);
      });
    }

    it('refuses a cursor of another sort', async () => {
      const page = await list('limit=1');
      const r = await s.request('GET', `/v1/deals?sort=-amount&cursor=${page.nextCursor}`, {
        token: manager,
      });
      assert.equal(r.status, 422);
      assert.equal(r.body.errors[0].path, 'cursor');
    });
  });
});
