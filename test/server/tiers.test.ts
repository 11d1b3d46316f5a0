/** Tier evaluation end to end: rise, at risk and fall at the review date, expiry, currencies. */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { TierHistoryPage, TierProgress } from '../../src/core/schema/index.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { customer, dealBody, openStream, partnerToken, usd } from './deals-support.js';
import {
  addMonths,
  certify,
  history,
  inQuarterOf,
  newPartner,
  progress,
  quarterEndOf,
  testClock,
  winDeal,
} from './tiers-support.js';

const clock = testClock();

describe(`tier evaluation (${databaseLabel})`, { timeout: 180_000 }, () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ clock: clock.now });
  });
  after(() => s.close());
  afterEach(() => clock.set(undefined));

  it('rises at once when the last requirement holds, with history, audit and event', async () => {
    const p = await newPartner(s);
    const stream = await openStream(s.url, await partnerToken(s, p));
    await certify(s, p, 2);
    await winDeal(s, p, usd(40_000));
    await winDeal(s, p, usd(40_000));
    let now = TierProgress.parse(await progress(s, p));
    assert.equal(now.currentTier.id, 'tier_registered');
    assert.equal(now.nextTier?.id, 'tier_silver');
    const revenue = now.requirements.find((r) => r.key === 'revenue12m')!;
    assert.deepEqual(revenue.current, usd(80_000));
    assert.equal(revenue.progress, 0.8);
    assert.equal(now.requirements.find((r) => r.key === 'certifications')!.met, true);
    const actions = now.nextActions.map((a) => a.key);
    assert.deepEqual(actions, ['revenue12m', 'wonDeals12m']);
    assert.deepEqual(now.nextActions[0]!.amount, usd(20_000));
    assert.match(
      now.nextActions[0]!.text,
      /^Close \$20,000 more in won revenue by \d+ \w+ \d{4} to reach Silver\.$/,
    );
    assert.equal(now.nextActions[1]!.count, 1);
    assert.match(now.nextActions[1]!.text, /^Win 1 more deal by /);

    await winDeal(s, p, usd(25_000));
    now = TierProgress.parse(await progress(s, p));
    assert.equal(now.currentTier.id, 'tier_silver');
    assert.equal(now.nextTier?.id, 'tier_gold');
    assert.equal(now.retention.status, 'ok');
    const partner = await s.request('GET', `/v1/partners/${p}`, { token: await s.token('seller') });
    assert.equal(partner.body.tierId, 'tier_silver', 'the partner record follows');

    const h = TierHistoryPage.parse(
      (
        await s.request('GET', `/v1/partners/${p}/tier-history`, {
          token: await partnerToken(s, p),
        })
      ).body,
    );
    assert.equal(h.items.length, 1);
    assert.equal(h.items[0]!.reason, 'rise');
    assert.equal(h.items[0]!.fromTierId, 'tier_registered');
    assert.equal(h.items[0]!.toTierId, 'tier_silver');
    assert.equal(h.items[0]!.metrics.wonDeals12m, 3);
    const audit = await s.request('GET', `/v1/audit?resourceId=${p}`, {
      token: await s.token('program_admin'),
    });
    assert.ok(
      audit.body.items.some((e: { action: string }) => e.action === 'partner.tier_changed'),
    );

    let event;
    do event = await stream.next();
    while (event.event !== 'tier.changed');
    stream.close();
    const data = JSON.parse(event.data);
    assert.equal(data.partnerId, p);
    assert.equal(data.toTierId, 'tier_silver');
    assert.equal(data.reason, 'rise');

    // Deal auto-approval follows the tier: Silver approves up to 25 000 USD at once.
    const r = await s.request('POST', '/v1/deals', {
      token: await partnerToken(s, p),
      body: dealBody(customer(), { amount: usd(20_000) }),
    });
    assert.equal(r.body.status, 'approved');
  });

  it('reads at risk before the review date and falls at it', async () => {
    const p = await newPartner(s);
    await certify(s, p, 2);
    for (let i = 0; i < 3; i++) await winDeal(s, p, usd(40_000));
    assert.equal((await progress(s, p)).currentTier.id, 'tier_silver');

    // A week into a quarter that starts more than twelve months after the wins: they have left the
    // trailing window.
    const later = inQuarterOf(addMonths(new Date(), 16), 7);
    clock.set(later);
    const risk = TierProgress.parse(await progress(s, p));
    assert.equal(risk.currentTier.id, 'tier_silver', 'no fall before the review date');
    assert.equal(risk.retention.status, 'at_risk');
    const review = quarterEndOf(later).toISOString().slice(0, 10);
    assert.equal(risk.retention.reviewDate, review);
    assert.deepEqual(risk.retention.missing, ['revenue12m', 'wonDeals12m']);
    const keep = risk.nextActions.find((a) => a.text.includes('to keep Silver'))!;
    assert.equal(keep.dueBy, review);
    assert.deepEqual(keep.amount, usd(100_000));

    // The day before the review date: still Silver, still at risk.
    clock.set(new Date(quarterEndOf(later).getTime() - 86_400_000));
    assert.equal((await progress(s, p)).currentTier.id, 'tier_silver');

    clock.set(quarterEndOf(later, 9));
    const fell = TierProgress.parse(await progress(s, p));
    assert.equal(fell.currentTier.id, 'tier_registered');
    assert.equal(fell.retention.status, 'ok');
    const h = await history(s, p);
    assert.deepEqual(
      h.map((e) => `${e.reason}:${e.fromTierId}>${e.toTierId}`),
      ['fall:tier_silver>tier_registered', 'rise:tier_registered>tier_silver'],
    );
    const partner = await s.request('GET', `/v1/partners/${p}`, { token: await s.token('seller') });
    assert.equal(partner.body.tierId, 'tier_registered');
  });

  it('recovers from at risk without a change when the requirements hold again', async () => {
    const p = await newPartner(s);
    await certify(s, p, 2, { expiresAt: addMonths(new Date(), 2).toISOString().slice(0, 10) });
    for (let i = 0; i < 3; i++) await winDeal(s, p, usd(40_000));
    assert.equal((await progress(s, p)).currentTier.id, 'tier_silver');
    // Certifications expire: read time finds it, the partner is at risk (not fallen).
    clock.set(addMonths(new Date(), 3));
    const risk = TierProgress.parse(await progress(s, p));
    assert.equal(risk.metrics.activeCertifications, 0);
    assert.equal(risk.currentTier.id, 'tier_silver');
    assert.equal(risk.retention.status, 'at_risk');
    assert.deepEqual(risk.retention.missing, ['certifications']);
    const action = risk.nextActions.find((a) => a.key === 'certifications')!;
    assert.equal(action.count, 2);
    assert.match(action.text, /^Earn 2 more certifications by .* to keep Silver\.$/);
    // Two new certifications (earned within the clock's day) and it is safe again.
    await certify(s, p, 2, { earnedAt: clock.now().toISOString().slice(0, 10) });
    clock.set(addMonths(new Date(), 3));
    const ok = TierProgress.parse(await progress(s, p));
    assert.equal(ok.retention.status, 'ok');
    assert.equal(ok.currentTier.id, 'tier_silver');
    assert.equal((await history(s, p)).length, 1, 'only the rise');
    const list = await s.request('GET', `/v1/certifications?partnerId=${p}`, {
      token: await partnerToken(s, p),
    });
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 4);
  });

  it('counts converted currencies and reports those without a rate', async () => {
    const admin = await s.token('program_admin');
    const put = await s.request('PUT', '/v1/program/exchange-rates', {
      token: admin,
      body: { rates: [{ currency: 'EUR', rate: '1.1' }] },
    });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.body.base, 'USD');
    assert.deepEqual(
      put.body.rates.map((r: { currency: string; rate: string }) => [r.currency, r.rate]),
      [['EUR', '1.1']],
    );
    const p = await newPartner(s);
    await winDeal(s, p, usd(1_000));
    await winDeal(s, p, { amount: 1_000_000, currency: 'EUR' });
    await winDeal(s, p, { amount: 500_000, currency: 'GBP' });
    let now = TierProgress.parse(await progress(s, p));
    assert.deepEqual(now.metrics.revenue12m, usd(12_000), '1 000 USD + 10 000 EUR at 1.1');
    assert.equal(now.metrics.wonDeals12m, 3);
    assert.deepEqual(now.metrics.unconvertedRevenue, [{ amount: 500_000, currency: 'GBP' }]);
    const convert = now.nextActions.find((a) => a.key === 'convert_currency')!;
    assert.deepEqual(convert.amount, { amount: 500_000, currency: 'GBP' });
    assert.match(convert.text, /£5,000 .*GBP/);

    // A GBP rate: counted from then on, nothing unconverted.
    await s.request('PUT', '/v1/program/exchange-rates', {
      token: admin,
      body: {
        rates: [
          { currency: 'EUR', rate: '1.1' },
          { currency: 'GBP', rate: '1.25' },
        ],
      },
    });
    now = TierProgress.parse(await progress(s, p));
    assert.deepEqual(now.metrics.revenue12m, usd(18_250));
    assert.deepEqual(now.metrics.unconvertedRevenue, []);
  });

  it('refuses bad rates and certifications, naming the field', async () => {
    const admin = await s.token('program_admin');
    const cases: Array<[unknown, string]> = [
      [{ rates: [{ currency: 'EUR', rate: '1.123456789' }] }, 'rates.0.rate'],
      [{ rates: [{ currency: 'EUR', rate: 1.1 }] }, 'rates.0.rate'],
      [{ rates: [{ currency: 'EUR', rate: '0' }] }, 'rates.0.rate'],
      [{ rates: [{ currency: 'USD', rate: '1' }] }, 'rates.0.currency'],
      [{ rates: [{ currency: 'eur', rate: '1' }] }, 'rates.0.currency'],
    ];
    for (const [body, path] of cases) {
      const r = await s.request('PUT', '/v1/program/exchange-rates', { token: admin, body });
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.equal(r.body.errors[0].path, path, JSON.stringify(body));
    }
    const seller = await s.request('PUT', '/v1/program/exchange-rates', {
      token: await s.token('channel_manager'),
      body: { rates: [] },
    });
    assert.equal(seller.status, 403);
    const base = {
      partnerId: 'prt_brightpath',
      userId: 'usr_x',
      name: 'Cert',
      earnedAt: '2026-01-10',
    };
    const bad: Array<[unknown, string]> = [
      [{ ...base, expiresAt: '2026-01-01' }, 'expiresAt'],
      [{ ...base, partnerId: 'prt_nobody' }, 'partnerId'],
      [{ ...base, earnedAt: '10/01/2026' }, 'earnedAt'],
    ];
    for (const [body, path] of bad) {
      const r = await s.request('POST', '/v1/certifications', { token: admin, body });
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.equal(r.body.errors[0].path, path);
    }
    const partner = await s.request('POST', '/v1/certifications', {
      token: await partnerToken(s, 'prt_brightpath', 'partner_admin'),
      body: base,
    });
    assert.equal(partner.status, 403);
  });

  it('a partner role reads only its own progress and history', async () => {
    const own = await partnerToken(s, 'prt_brightpath');
    for (const what of ['tier-progress', 'tier-history']) {
      const mine = await s.request('GET', `/v1/partners/prt_brightpath/${what}`, { token: own });
      assert.equal(mine.status, 200, what);
      const theirs = await s.request('GET', `/v1/partners/prt_kestrel/${what}`, { token: own });
      assert.equal(theirs.status, 404, what);
      assert.equal(theirs.body.code, 'not_found');
      const none = await s.request('GET', `/v1/partners/prt_nobody/${what}`, {
        token: await s.token('program_admin'),
      });
      assert.equal(none.status, 404, what);
    }
  });

  it('the demo seeds partners at different tiers, one at risk', async () => {
    const admin = await s.token('program_admin');
    const tiers = new Set<string>();
    let atRisk = 0;
    for (const id of [
      'prt_kestrel',
      'prt_brightpath',
      'prt_harborview',
      'prt_tidewater',
      'prt_solano',
    ]) {
      const p = TierProgress.parse(
        (await s.request('GET', `/v1/partners/${id}/tier-progress`, { token: admin })).body,
      );
      tiers.add(p.currentTier.id);
      if (p.retention.status === 'at_risk') atRisk++;
    }
    assert.equal(tiers.size, 4);
    assert.equal(atRisk, 1);
  });
});
