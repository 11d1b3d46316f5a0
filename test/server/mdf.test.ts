/** MDF over HTTP: every transition and refusal, the summary against hand-computed ledgers, the claim window, expiry, audit and events. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MdfClaim, MdfRequest, MdfSummary } from '../../src/core/schema/index.js';
import { databaseLabel, startTestServer } from '../support/server.js';
import { openStream } from './deals-support.js';
import type { Mdf } from './mdf-support.js';
import { activity, figures, freshPartner, inDays, pdf, upload, usd } from './mdf-support.js';

describe(`MDF requests and claims (${databaseLabel})`, { timeout: 180_000 }, () => {
  const m = {} as Mdf;

  before(async () => {
    m.s = await startTestServer();
    m.programAdmin = await m.s.token('program_admin', { sub: 'usr_lf_admin' });
    m.manager = await m.s.token('channel_manager', { sub: 'usr_lf_cm_1' });
    m.finance = await m.s.token('integration', { sub: 'usr_lf_integration' });
  });
  after(() => m.s.close());

  const post = (path: string, token: string, body?: unknown) =>
    m.s.request('POST', path, { token, ...(body === undefined ? {} : { body }) });
  const request = (token: string, allocationId: string, dollars: number, over = {}) =>
    post('/v1/mdf/requests', token, {
      allocationId,
      activity: activity(over),
      requestedAmount: usd(dollars),
    });

  it('moves the summary through every transition exactly as hand-computed', async () => {
    const p = await freshPartner(m, 1000);
    const f = () => figures(m.s, p.token, p.allocationId);
    const expect = async (want: Record<string, number>, step: string) =>
      assert.deepEqual(await f(), want, step);
    await expect(
      { allocated: 1000, pending: 0, approved: 0, claimed: 0, paid: 0, available: 1000 },
      'allocated',
    );

    const a = await request(p.token, p.allocationId, 300);
    assert.equal(a.status, 201, a.text);
    assert.ok(MdfRequest.safeParse(a.body).success, a.text);
    assert.equal(a.body.status, 'submitted');
    assert.match(a.body.id, /^mdfr_/);
    const b = await request(p.token, p.allocationId, 200);
    const c = await request(p.token, p.allocationId, 100);
    await expect(
      { allocated: 1000, pending: 600, approved: 0, claimed: 0, paid: 0, available: 400 },
      'three submitted',
    );

    const approved = await post(`/v1/mdf/requests/${a.body.id}/decision`, m.manager, {
      decision: 'approve',
      approvedAmount: usd(250),
      comment: 'Without the dinner.',
    });
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.body.status, 'approved');
    assert.deepEqual(approved.body.approvedAmount, usd(250));
    assert.equal(approved.body.decision.by, 'usr_lf_cm_1');
    await expect(
      { allocated: 1000, pending: 300, approved: 250, claimed: 0, paid: 0, available: 450 },
      'approved for less',
    );

    const rejected = await post(`/v1/mdf/requests/${b.body.id}/decision`, m.manager, {
      decision: 'reject',
    });
    assert.equal(rejected.body.status, 'rejected', rejected.text);
    const returned = await post(`/v1/mdf/requests/${c.body.id}/decision`, m.manager, {
      decision: 'return',
      comment: 'Add the agenda.',
    });
    assert.equal(returned.body.status, 'returned', returned.text);
    await expect(
      { allocated: 1000, pending: 0, approved: 250, claimed: 0, paid: 0, available: 750 },
      'rejected and returned',
    );

    const resubmitted = await m.s.request('PUT', `/v1/mdf/requests/${c.body.id}`, {
      token: p.token,
      body: { activity: activity({ title: 'Roadshow with agenda' }), requestedAmount: usd(150) },
    });
    assert.equal(resubmitted.status, 200, resubmitted.text);
    assert.equal(resubmitted.body.status, 'submitted');
    assert.equal(resubmitted.body.activity.title, 'Roadshow with agenda');
    await expect(
      { allocated: 1000, pending: 150, approved: 250, claimed: 0, paid: 0, available: 600 },
      'resubmitted',
    );
    const full = await post(`/v1/mdf/requests/${c.body.id}/decision`, m.manager, {
      decision: 'approve',
    });
    assert.deepEqual(full.body.approvedAmount, usd(150), 'approves the whole amount by default');
    await expect(
      { allocated: 1000, pending: 0, approved: 400, claimed: 0, paid: 0, available: 600 },
      'second approval',
    );

    const file = await upload(m.s, p.token, pdf());
    assert.equal(file.status, 201, file.text);
    const claim = (dollars: number) =>
      post(`/v1/mdf/requests/${a.body.id}/claims`, p.token, {
        amount: usd(dollars),
        proofFileIds: [file.body.id],
        results: { leads: 12, pipeline: usd(40_000), notes: 'Two deals registered.' },
      });
    const c1 = await claim(100);
    assert.equal(c1.status, 201, c1.text);
    assert.ok(MdfClaim.safeParse(c1.body).success, c1.text);
    assert.equal(c1.body.status, 'submitted');
    assert.deepEqual(c1.body.proofFiles, [file.body]);
    const c2 = await claim(150);
    assert.equal(c2.status, 201, c2.text);
    await expect(
      { allocated: 1000, pending: 0, approved: 150, claimed: 250, paid: 0, available: 600 },
      'two claims',
    );
    const over = await claim(1);
    assert.equal(over.status, 409, over.text);
    assert.equal(over.body.code, 'insufficient_funds');

    const ok1 = await post(`/v1/mdf/claims/${c1.body.id}/decision`, m.manager, {
      decision: 'approve',
    });
    assert.equal(ok1.body.status, 'approved', ok1.text);
    const no2 = await post(`/v1/mdf/claims/${c2.body.id}/decision`, m.manager, {
      decision: 'reject',
      comment: 'Invoice missing.',
    });
    assert.equal(no2.body.status, 'rejected', no2.text);
    await expect(
      { allocated: 1000, pending: 0, approved: 300, claimed: 100, paid: 0, available: 600 },
      'claim approved and claim rejected',
    );
    const req = await m.s.request('GET', `/v1/mdf/requests/${a.body.id}`, { token: p.userToken });
    assert.deepEqual(req.body.claimedAmount, usd(100), 'a rejected claim frees its amount');

    const paidAt = new Date(Date.now() - 60_000).toISOString();
    const paid = await post(`/v1/mdf/claims/${c1.body.id}/payout`, m.finance, {
      reference: 'PAY-7781',
      paidAt,
    });
    assert.equal(paid.status, 200, paid.text);
    assert.equal(paid.body.status, 'paid');
    assert.equal(paid.body.payout.reference, 'PAY-7781');
    await expect(
      { allocated: 1000, pending: 0, approved: 300, claimed: 0, paid: 100, available: 600 },
      'paid',
    );
    const summary = await m.s.request('GET', `/v1/mdf/summary?partnerId=${p.partnerId}`, {
      token: m.manager,
    });
    assert.ok(MdfSummary.safeParse(summary.body).success, summary.text);
    assert.equal(summary.body.currency, 'USD');

    const audit = await m.s.request('GET', `/v1/audit?resourceId=${a.body.id}`, {
      token: m.programAdmin,
    });
    assert.deepEqual(audit.body.items.map((e: { action: string }) => e.action).sort(), [
      'mdf.request.approved',
      'mdf.request.submitted',
    ]);
    const claimAudit = await m.s.request('GET', `/v1/audit?resourceId=${c1.body.id}`, {
      token: m.programAdmin,
    });
    const paidEntry = claimAudit.body.items.find(
      (e: { action: string }) => e.action === 'mdf.claim.paid',
    );
    assert.equal(paidEntry.before.status, 'approved');
    assert.equal(paidEntry.after.status, 'paid');
    assert.equal(paidEntry.actor.role, 'integration');
  });

  it('refuses transitions that do not exist, and leaves the balances alone', async () => {
    const p = await freshPartner(m, 500);
    const r = await request(p.token, p.allocationId, 100);
    const id = r.body.id as string;
    const before = await figures(m.s, p.token, p.allocationId);

    const claimEarly = await post(`/v1/mdf/requests/${id}/claims`, p.token, {
      amount: usd(10),
      proofFileIds: [(await upload(m.s, p.token, pdf())).body.id],
      results: {},
    });
    assert.equal(claimEarly.status, 409, claimEarly.text);
    assert.equal(claimEarly.body.code, 'invalid_transition');
    const put = await m.s.request('PUT', `/v1/mdf/requests/${id}`, {
      token: p.token,
      body: { activity: activity(), requestedAmount: usd(50) },
    });
    assert.equal(put.status, 409, put.text);
    assert.equal(put.body.code, 'invalid_transition');

    const more = await post(`/v1/mdf/requests/${id}/decision`, m.manager, {
      decision: 'approve',
      approvedAmount: usd(101),
    });
    assert.equal(more.status, 422, more.text);
    assert.equal(more.body.errors[0].path, 'approvedAmount.amount');
    const rejectWithAmount = await post(`/v1/mdf/requests/${id}/decision`, m.manager, {
      decision: 'reject',
      approvedAmount: usd(10),
    });
    assert.equal(rejectWithAmount.status, 422, rejectWithAmount.text);
    assert.equal(rejectWithAmount.body.errors[0].path, 'approvedAmount');
    assert.deepEqual(await figures(m.s, p.token, p.allocationId), before);

    assert.equal(
      (await post(`/v1/mdf/requests/${id}/decision`, m.manager, { decision: 'reject' })).status,
      200,
    );
    const twice = await post(`/v1/mdf/requests/${id}/decision`, m.manager, { decision: 'approve' });
    assert.equal(twice.status, 409, twice.text);
    assert.equal(twice.body.code, 'invalid_transition');

    // Claim decisions and payouts follow their own order.
    const ok = await request(p.token, p.allocationId, 200);
    await post(`/v1/mdf/requests/${ok.body.id}/decision`, m.manager, { decision: 'approve' });
    const file = await upload(m.s, p.token, pdf());
    const claim = await post(`/v1/mdf/requests/${ok.body.id}/claims`, p.token, {
      amount: usd(50),
      proofFileIds: [file.body.id],
      results: { leads: 3 },
    });
    assert.equal(claim.status, 201, claim.text);
    const payEarly = await post(`/v1/mdf/claims/${claim.body.id}/payout`, m.finance, {
      reference: 'X-1',
      paidAt: new Date().toISOString(),
    });
    assert.equal(payEarly.status, 409, payEarly.text);
    assert.equal(payEarly.body.code, 'invalid_transition');
    await post(`/v1/mdf/claims/${claim.body.id}/decision`, m.manager, { decision: 'reject' });
    const again = await post(`/v1/mdf/claims/${claim.body.id}/decision`, m.manager, {
      decision: 'approve',
    });
    assert.equal(again.status, 409, again.text);
    const payRejected = await post(`/v1/mdf/claims/${claim.body.id}/payout`, m.finance, {
      reference: 'X-1',
      paidAt: new Date().toISOString(),
    });
    assert.equal(payRejected.status, 409, payRejected.text);
  });

  it('refuses bad input naming the field, and wrong roles with 403', async () => {
    const p = await freshPartner(m, 500);
    const tooMuch = await request(p.token, p.allocationId, 500.01);
    assert.equal(tooMuch.status, 409, tooMuch.text);
    assert.equal(tooMuch.body.code, 'insufficient_funds');
    assert.deepEqual(tooMuch.body.available, usd(500));

    const backwards = await request(p.token, p.allocationId, 10, {
      startDate: inDays(5),
      endDate: inDays(4),
    });
    assert.equal(backwards.status, 422, backwards.text);
    assert.equal(backwards.body.errors[0].path, 'activity.endDate');
    const euros = await post('/v1/mdf/requests', p.token, {
      allocationId: p.allocationId,
      activity: activity(),
      requestedAmount: { amount: 1000, currency: 'EUR' },
    });
    assert.equal(euros.status, 422, euros.text);
    assert.equal(euros.body.errors[0].path, 'requestedAmount.currency');
    const badType = await request(p.token, p.allocationId, 10, { type: 'party' });
    assert.equal(badType.status, 422);
    assert.equal(badType.body.errors[0].path, 'activity.type');
    const unknown = await post('/v1/mdf/requests', p.token, {
      allocationId: p.allocationId,
      activity: activity(),
      requestedAmount: usd(10),
      bonus: true,
    });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.errors[0].path, 'bonus');
    const float = await post('/v1/mdf/requests', p.token, {
      allocationId: p.allocationId,
      activity: activity(),
      requestedAmount: { amount: 10.5, currency: 'USD' },
    });
    assert.equal(float.status, 422);
    assert.equal(float.body.errors[0].path, 'requestedAmount.amount');

    assert.equal(
      (await request(p.userToken, p.allocationId, 10)).status,
      403,
      'partner_user reads only',
    );
    assert.equal((await request(m.manager, p.allocationId, 10)).status, 403);
    const r = await request(p.token, p.allocationId, 10);
    assert.equal(
      (await post(`/v1/mdf/requests/${r.body.id}/decision`, p.token, { decision: 'approve' }))
        .status,
      403,
    );
    const alloc = {
      partnerId: p.partnerId,
      period: '2027-Q1',
      amount: usd(10),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    assert.equal((await post('/v1/mdf/allocations', m.manager, alloc)).status, 403);
    const dup = await post('/v1/mdf/allocations', m.programAdmin, { ...alloc, period: '2026-Q4' });
    assert.equal(dup.status, 422, dup.text);
    assert.equal(dup.body.errors[0].path, 'period');
    const badPeriod = await post('/v1/mdf/allocations', m.programAdmin, { ...alloc, period: 'Q4' });
    assert.equal(badPeriod.body.errors[0].path, 'period');
    const mixed = await post('/v1/mdf/allocations', m.programAdmin, {
      ...alloc,
      amount: { amount: 100, currency: 'EUR' },
    });
    assert.equal(mixed.status, 422, mixed.text);
    assert.equal(mixed.body.errors[0].path, 'amount.currency');
    const noPartner = await m.s.request('GET', '/v1/mdf/summary', { token: m.manager });
    assert.equal(noPartner.status, 422);
    assert.equal(noPartner.body.errors[0].path, 'partnerId');

    const claimNoProof = await post(`/v1/mdf/requests/${r.body.id}/claims`, p.token, {
      amount: usd(1),
      proofFileIds: [],
      results: {},
    });
    assert.equal(claimNoProof.status, 422);
    assert.equal(claimNoProof.body.errors[0].path, 'proofFileIds');
    const payByManager = await post('/v1/mdf/claims/mdfc_nothing/payout', m.manager, {
      reference: 'x',
      paidAt: new Date().toISOString(),
    });
    assert.equal(payByManager.status, 403);
  });

  it('stops an expired allocation from taking requests, and closes claims after the window', async () => {
    const p = await freshPartner(m, 1000);
    const late = await request(p.token, p.allocationId, 100, {
      startDate: inDays(-70),
      endDate: inDays(-61),
    });
    const edge = await request(p.token, p.allocationId, 100, {
      startDate: inDays(-70),
      endDate: inDays(-60),
    });
    for (const r of [late, edge]) {
      await post(`/v1/mdf/requests/${r.body.id}/decision`, m.manager, { decision: 'approve' });
    }
    assert.equal(late.body.claimDeadline, inDays(-1), 'endDate + claimWindowDays (60)');
    const file = await upload(m.s, p.token, pdf());
    const body = { amount: usd(50), proofFileIds: [file.body.id], results: {} };
    const closed = await post(`/v1/mdf/requests/${late.body.id}/claims`, p.token, body);
    assert.equal(closed.status, 409, closed.text);
    assert.equal(closed.body.code, 'claim_window_closed');
    assert.equal(closed.body.claimDeadline, inDays(-1));
    const lastDay = await post(`/v1/mdf/requests/${edge.body.id}/claims`, p.token, body);
    assert.equal(lastDay.status, 201, `the deadline day itself is open: ${lastDay.text}`);

    const before = await figures(m.s, p.token, p.allocationId);
    await m.s.store.query(
      `update mdf_allocations set expires_at = now() - interval '1 second' where id = $1`,
      [p.allocationId],
    );
    const expired = await request(p.token, p.allocationId, 10);
    assert.equal(expired.status, 409, expired.text);
    assert.equal(expired.body.code, 'insufficient_funds');
    assert.match(expired.body.detail, /expired/);
    assert.deepEqual(await figures(m.s, p.token, p.allocationId), before);
  });

  it('keeps partners apart: another partner’s requests, claims and summary are 404', async () => {
    const a = await freshPartner(m, 300);
    const b = await freshPartner(m, 300);
    const r = await request(a.token, a.allocationId, 100);
    await post(`/v1/mdf/requests/${r.body.id}/decision`, m.manager, { decision: 'approve' });
    const file = await upload(m.s, a.token, pdf());
    const claim = await post(`/v1/mdf/requests/${r.body.id}/claims`, a.token, {
      amount: usd(10),
      proofFileIds: [file.body.id],
      results: {},
    });
    assert.equal(claim.status, 201, claim.text);

    for (const path of [
      `/v1/mdf/requests/${r.body.id}`,
      `/v1/mdf/claims/${claim.body.id}`,
      `/v1/mdf/summary?partnerId=${a.partnerId}`,
      `/v1/files/${file.body.id}`,
    ]) {
      const got = await m.s.request('GET', path, { token: b.token });
      assert.equal(got.status, 404, `${path}: ${got.text}`);
      assert.equal(got.body.code, 'not_found');
    }
    const claimOther = await post(`/v1/mdf/requests/${r.body.id}/claims`, b.token, {
      amount: usd(1),
      proofFileIds: [(await upload(m.s, b.token, pdf())).body.id],
      results: {},
    });
    assert.equal(claimOther.status, 404, claimOther.text);
    const putOther = await m.s.request('PUT', `/v1/mdf/requests/${r.body.id}`, {
      token: b.token,
      body: { activity: activity(), requestedAmount: usd(1) },
    });
    assert.equal(putOther.status, 404);
    const useOtherAllocation = await request(b.token, a.allocationId, 1);
    assert.equal(useOtherAllocation.status, 422);
    assert.equal(useOtherAllocation.body.errors[0].path, 'allocationId');
    const stealFile = await post(`/v1/mdf/requests/${r.body.id}/claims`, a.token, {
      amount: usd(1),
      proofFileIds: [file.body.id, (await upload(m.s, b.token, pdf())).body.id],
      results: {},
    });
    assert.equal(stealFile.status, 422, stealFile.text);
    assert.equal(stealFile.body.errors[0].path, 'proofFileIds.1');

    const listB = await m.s.request('GET', '/v1/mdf/requests', { token: b.token });
    assert.deepEqual(listB.body.items, []);
    const listOther = await m.s.request('GET', `/v1/mdf/claims?partnerId=${a.partnerId}`, {
      token: b.token,
    });
    assert.deepEqual(listOther.body.items, []);
    const listA = await m.s.request('GET', '/v1/mdf/claims?status=submitted', {
      token: a.userToken,
    });
    assert.deepEqual(
      listA.body.items.map((c: { id: string }) => c.id),
      [claim.body.id],
    );
    const vendorList = await m.s.request(
      'GET',
      `/v1/mdf/requests?partnerId=${a.partnerId}&status=approved`,
      {
        token: m.manager,
      },
    );
    assert.deepEqual(
      vendorList.body.items.map((x: { id: string }) => x.id),
      [r.body.id],
    );
  });

  it('announces changes as mdf.request.updated and mdf.claim.updated, to that partner only', async () => {
    const a = await freshPartner(m, 300);
    const b = await freshPartner(m, 300);
    const streamA = await openStream(m.s.url, a.token);
    const streamB = await openStream(m.s.url, b.token);
    const vendor = await openStream(m.s.url, m.manager);
    try {
      const r = await request(a.token, a.allocationId, 100);
      const ev = await streamA.next();
      assert.equal(ev.event, 'mdf.request.updated');
      assert.equal(JSON.parse(ev.data).id, r.body.id);
      assert.equal(JSON.parse(ev.data).status, 'submitted');
      const seen = await vendor.next();
      assert.equal(JSON.parse(seen.data).id, r.body.id);

      await post(`/v1/mdf/requests/${r.body.id}/decision`, m.manager, { decision: 'approve' });
      const approved = JSON.parse((await streamA.next()).data);
      assert.equal(approved.status, 'approved');
      const file = await upload(m.s, a.token, pdf());
      const claim = await post(`/v1/mdf/requests/${r.body.id}/claims`, a.token, {
        amount: usd(10),
        proofFileIds: [file.body.id],
        results: {},
      });
      const claimEvent = await streamA.next();
      assert.equal(claimEvent.event, 'mdf.claim.updated');
      assert.equal(JSON.parse(claimEvent.data).id, claim.body.id);

      // B's first event is its own, not any of A's.
      const own = await request(b.token, b.allocationId, 5);
      const first = await streamB.next();
      assert.equal(JSON.parse(first.data).id, own.body.id);
    } finally {
      streamA.close();
      streamB.close();
      vendor.close();
    }
  });
});
