/** Concurrency of MDF: parallel requests on one allocation and parallel claims on one request never overspend. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseLabel, startTestServer } from '../support/server.js';
import type { Mdf } from './mdf-support.js';
import { activity, figures, freshPartner, pdf, upload, usd } from './mdf-support.js';

describe(`MDF races (${databaseLabel})`, { timeout: 300_000 }, () => {
  const m = {} as Mdf;

  before(async () => {
    m.s = await startTestServer();
    m.programAdmin = await m.s.token('program_admin');
    m.manager = await m.s.token('channel_manager');
  });
  after(() => m.s.close());

  it('lets 100 parallel requests on one allocation take at most what it holds', async () => {
    const p = await freshPartner(m, 5_000);
    // Amounts from 50 to 149 dollars: about 10 000 asked of 5 000.
    const amounts = Array.from({ length: 100 }, (_, i) => 50 + ((i * 37) % 100));
    const replies = await Promise.all(
      amounts.map((dollars) =>
        m.s.request('POST', '/v1/mdf/requests', {
          token: p.token,
          body: {
            allocationId: p.allocationId,
            activity: activity(),
            requestedAmount: usd(dollars),
          },
        }),
      ),
    );
    const created = replies.filter((r) => r.status === 201);
    const refused = replies.filter((r) => r.status !== 201);
    for (const r of refused) {
      assert.equal(r.status, 409, r.text);
      assert.equal(r.body.code, 'insufficient_funds');
    }
    const taken = created.reduce((n, r) => n + r.body.requestedAmount.amount, 0) / 100;
    assert.ok(created.length > 0 && refused.length > 0, `${created.length} created`);
    assert.ok(taken <= 5_000, `took ${taken} of 5000`);
    // Every refusal asked for more than was left at the end: nothing was refused wrongly.
    const f = await figures(m.s, p.token, p.allocationId);
    assert.equal(f.pending, taken);
    assert.equal(f.available, 5_000 - taken);
    for (const r of refused) {
      assert.ok(r.body.available.amount / 100 < 150, 'refused only when it did not fit');
    }

    // Approving everything in parallel keeps approved + pending within the allocation.
    const decisions = await Promise.all(
      created.map((r) =>
        m.s.request('POST', `/v1/mdf/requests/${r.body.id}/decision`, {
          token: m.manager,
          body: { decision: 'approve' },
        }),
      ),
    );
    for (const d of decisions) assert.equal(d.status, 200, d.text);
    const g = await figures(m.s, p.token, p.allocationId);
    assert.equal(g.pending + g.approved, taken);
    assert.ok(g.available >= 0);
  });

  it('decides a request once when ten decisions arrive together', async () => {
    const p = await freshPartner(m, 1_000);
    const r = await m.s.request('POST', '/v1/mdf/requests', {
      token: p.token,
      body: { allocationId: p.allocationId, activity: activity(), requestedAmount: usd(400) },
    });
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        m.s.request('POST', `/v1/mdf/requests/${r.body.id}/decision`, {
          token: m.manager,
          body: i % 2 ? { decision: 'approve', approvedAmount: usd(300) } : { decision: 'reject' },
        }),
      ),
    );
    assert.equal(replies.filter((x) => x.status === 200).length, 1);
    for (const x of replies.filter((y) => y.status !== 200)) {
      assert.equal(x.body.code, 'invalid_transition');
    }
    const f = await figures(m.s, p.token, p.allocationId);
    assert.equal(f.pending, 0);
    assert.ok(f.approved === 300 || f.approved === 0, JSON.stringify(f));
  });

  it('lets parallel claims on one approved request take at most its approved amount', async () => {
    const p = await freshPartner(m, 2_000);
    const r = await m.s.request('POST', '/v1/mdf/requests', {
      token: p.token,
      body: { allocationId: p.allocationId, activity: activity(), requestedAmount: usd(1_500) },
    });
    await m.s.request('POST', `/v1/mdf/requests/${r.body.id}/decision`, {
      token: m.manager,
      body: { decision: 'approve', approvedAmount: usd(1_000) },
    });
    const file = await upload(m.s, p.token, pdf());
    const replies = await Promise.all(
      Array.from({ length: 30 }, () =>
        m.s.request('POST', `/v1/mdf/requests/${r.body.id}/claims`, {
          token: p.token,
          body: { amount: usd(100), proofFileIds: [file.body.id], results: {} },
        }),
      ),
    );
    assert.equal(replies.filter((x) => x.status === 201).length, 10);
    for (const x of replies.filter((y) => y.status !== 201)) {
      assert.equal(x.status, 409, x.text);
      assert.equal(x.body.code, 'insufficient_funds');
    }
    const f = await figures(m.s, p.token, p.allocationId);
    assert.deepEqual(f, {
      allocated: 2_000,
      pending: 0,
      approved: 0,
      claimed: 1_000,
      paid: 0,
      available: 1_000,
    });
  });
});
