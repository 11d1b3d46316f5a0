/** The expiry sweep: ended protections stored as `expired`, announced once, shared between sweeps. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditEntry, Deal } from '../../src/core/schema/index.js';
import { sweepExpiredDeals } from '../../src/server/domain/deals-expiry.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { GOLD, PLATINUM, customer, dealBody, openStream, partnerToken } from './deals-support.js';

describe(`deal expiry sweep (${databaseLabel})`, { timeout: 60_000 }, () => {
  let s: TestServer;
  let gold: string;
  let platinum: string;
  let manager: string;
  let admin: string;

  before(async () => {
    s = await startTestServer();
    gold = await partnerToken(s, GOLD);
    platinum = await partnerToken(s, PLATINUM);
    manager = await s.token('channel_manager', { sub: 'usr_lf_cm_1' });
    admin = await s.token('program_admin', { sub: 'usr_lf_admin' });
  });
  after(() => s.close());

  /** An auto-approved deal of this partner for a customer of its own. */
  async function approvedDeal(token: string, c = customer()): Promise<Deal> {
    const r = await s.request('POST', '/v1/deals', { token, body: dealBody(c) });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.status, 'approved');
    return r.body as Deal;
  }

  const endProtection = (id: string) =>
    s.store.query(`update deals set protected_until = now() - interval '1 hour' where id = $1`, [
      id,
    ]);

  async function stored(id: string): Promise<{ status: string; stage: string }> {
    const { rows } = await s.store.query<{ status: string; stage: string }>(
      'select status, stage from deals where id = $1',
      [id],
    );
    return rows[0]!;
  }

  async function counts(id: string): Promise<{ audit: number; events: number }> {
    const { rows } = await s.store.query<{ audit: string | number; events: string | number }>(
      `select (select count(*) from audit_entries where resource_id = $1) as audit,
              (select count(*) from events where resource_id = $1) as events`,
      [id],
    );
    return { audit: Number(rows[0]!.audit), events: Number(rows[0]!.events) };
  }

  it('swept the demo backlog at start-up', async () => {
    const { rows } = await s.store.query<{ n: string | number }>(
      `select count(*) as n from deals
        where status = 'approved' and stage = 'open' and protected_until <= now()`,
    );
    assert.equal(Number(rows[0]!.n), 0);
    const { rows: expired } = await s.store.query<{ n: string | number }>(
      `select count(*) as n from deals where status = 'expired'`,
    );
    assert.ok(Number(expired[0]!.n) > 0, 'the demo seed has ended protections');
  });

  it('stores an ended protection as expired with its audit entry and event, once', async () => {
    const c = customer();
    const deal = await approvedDeal(gold, c);
    // Neighbours the sweep must leave alone: still protected, under review, won after it ended.
    const protectedDeal = await approvedDeal(gold);
    const review = await s.request('POST', '/v1/deals', {
      token: gold,
      body: dealBody(customer(), { amount: { amount: 90_000_000, currency: 'USD' } }),
    });
    assert.equal(review.body.status, 'under_review');
    const won = await approvedDeal(gold);
    await s.request('PATCH', `/v1/deals/${won.id}`, { token: manager, body: { stage: 'won' } });
    await endProtection(won.id);
    await endProtection(deal.id);

    // Reads do not wait for the sweep.
    assert.deepEqual(await stored(deal.id), { status: 'approved', stage: 'open' });
    const read = await s.request('GET', `/v1/deals/${deal.id}`, { token: gold });
    assert.equal(read.body.status, 'expired');
    const before = await counts(deal.id);

    const stream = await openStream(s.url, gold);
    try {
      assert.ok((await sweepExpiredDeals(s.store)) >= 1);
      const event = await stream.next();
      assert.equal(event.event, 'deal.updated');
      const data = JSON.parse(event.data) as Deal;
      assert.equal(data.id, deal.id);
      assert.equal(data.status, 'expired');
      assert.equal(data.partnerName, undefined, 'rendered for the partner');
    } finally {
      stream.close();
    }

    assert.deepEqual(await stored(deal.id), { status: 'expired', stage: 'open' });
    assert.deepEqual(await counts(deal.id), {
      audit: before.audit + 1,
      events: before.events + 1,
    });
    const history = await s.request('GET', `/v1/audit?resourceId=${deal.id}`, { token: admin });
    const expiries = (history.body.items as AuditEntry[]).filter(
      (e) => e.action === 'deal.expired',
    );
    assert.equal(expiries.length, 1);
    const last = expiries[0]!;
    assert.equal(last.actor.id, 'system');
    assert.equal((last.before as Deal).status, 'approved');
    assert.equal((last.after as Deal).status, 'expired');
    assert.equal((last.after as Deal).protectedUntil, (last.before as Deal).protectedUntil);

    assert.deepEqual(await stored(protectedDeal.id), { status: 'approved', stage: 'open' });
    assert.deepEqual(await stored(review.body.id), { status: 'under_review', stage: 'open' });
    assert.deepEqual(await stored(won.id), { status: 'approved', stage: 'won' });

    // A second sweep finds nothing and writes nothing.
    const { rows: total } = await s.store.query<{ a: string | number; e: string | number }>(
      'select (select count(*) from audit_entries) as a, (select count(*) from events) as e',
    );
    assert.equal(await sweepExpiredDeals(s.store), 0);
    const { rows: again } = await s.store.query<{ a: string | number; e: string | number }>(
      'select (select count(*) from audit_entries) as a, (select count(*) from events) as e',
    );
    assert.deepEqual(again, total);
    assert.deepEqual(await counts(deal.id), {
      audit: before.audit + 1,
      events: before.events + 1,
    });

    // A stored expiry reads and filters as the derived one did, and protects nothing.
    const list = await s.request('GET', '/v1/deals?status=expired&limit=200', { token: gold });
    assert.ok(list.body.items.some((d: Deal) => d.id === deal.id));
    const approved = await s.request('GET', '/v1/deals?status=approved&limit=200', {
      token: gold,
    });
    assert.ok(!approved.body.items.some((d: Deal) => d.id === deal.id));
    const next = await s.request('POST', '/v1/deals', { token: platinum, body: dealBody(c) });
    assert.equal(next.body.status, 'approved');
    assert.equal(next.body.conflicts.verdict, 'clear');
    const withdraw = await s.request('POST', `/v1/deals/${deal.id}/withdraw`, { token: gold });
    assert.equal(withdraw.status, 409);
    // Won after its protection ended: no longer open, so approved again, as if never swept.
    const patched = await s.request('PATCH', `/v1/deals/${deal.id}`, {
      token: manager,
      body: { stage: 'won' },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.status, 'approved');
    assert.deepEqual(await stored(deal.id), { status: 'approved', stage: 'won' });
  });

  it('shares the work between concurrent sweeps, expiring each deal exactly once', async () => {
    const deals = await Promise.all(Array.from({ length: 7 }, () => approvedDeal(gold)));
    for (const d of deals) await endProtection(d.id);
    const swept = await Promise.all([
      sweepExpiredDeals(s.store, { batchSize: 2 }),
      sweepExpiredDeals(s.store, { batchSize: 2 }),
      sweepExpiredDeals(s.store, { batchSize: 3 }),
    ]);
    assert.equal(
      swept.reduce((a, b) => a + b),
      deals.length,
    );
    const { rows } = await s.store.query<{ resource_id: string; n: string | number }>(
      `select resource_id, count(*) as n from audit_entries
        where action = 'deal.expired' and resource_id = any($1::text[]) group by resource_id`,
      [deals.map((d) => d.id)],
    );
    assert.equal(rows.length, deals.length);
    assert.ok(rows.every((r) => Number(r.n) === 1));
    for (const d of deals) assert.equal((await stored(d.id)).status, 'expired');
  });
});
