/**
 * Every change that matters re-evaluates the partner in its own transaction, not only at the next
 * progress read: a won deal withdrawn or rejected (its revenue no longer counts), approved again
 * (it counts again), and the program currency changed. Each is checked on what the change itself
 * wrote (the partner's `tierId`, its history and audit), with no progress read in between.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { DECISION_REASON_CODES } from '../../src/core/schema/index.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { partnerToken, usd } from './deals-support.js';
import {
  certify,
  history,
  markWon,
  newPartner,
  quarterEndOf,
  registerDeal,
  testClock,
  winDeal,
} from './tiers-support.js';

const clock = testClock();
const REJECT = DECISION_REASON_CODES.find((c) => c !== 'approved_manual')!;

describe(
  `tier re-evaluation on every change that matters (${databaseLabel})`,
  { timeout: 180_000 },
  () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ clock: clock.now });
    });
    after(() => s.close());
    afterEach(() => clock.set(undefined));

    const tierOf = async (p: string) =>
      (await s.request('GET', `/v1/partners/${p}`, { token: await s.token('seller') })).body
        .tierId as string;
    const auditActions = async (p: string) =>
      (
        await s.request('GET', `/v1/audit?resourceId=${p}`, {
          token: await s.token('program_admin'),
        })
      ).body.items.map((e: { action: string }) => e.action) as string[];

    /** A Silver partner: two certifications and three wins of 40 000 USD (Silver wants 100 000). */
    async function silver(): Promise<{ p: string; deals: string[] }> {
      const p = await newPartner(s);
      await certify(s, p, 2);
      const deals: string[] = [];
      for (let i = 0; i < 3; i++) deals.push(await winDeal(s, p, usd(40_000)));
      assert.equal(await tierOf(p), 'tier_silver');
      return { p, deals };
    }

    const withdraw = async (p: string, dealId: string) => {
      const r = await s.request('POST', `/v1/deals/${dealId}/withdraw`, {
        token: await partnerToken(s, p),
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.status, 'withdrawn');
    };

    it('a withdrawn won deal marks the partner at risk at once, mid-quarter', async () => {
      const { p, deals } = await silver();
      assert.ok(!(await auditActions(p)).includes('partner.tier_at_risk'));
      await withdraw(p, deals[0]!);
      assert.ok(
        (await auditActions(p)).includes('partner.tier_at_risk'),
        'the withdrawal itself evaluated the partner (80 000 USD left: short of Silver)',
      );
      assert.equal(await tierOf(p), 'tier_silver', 'no fall before the review date');
    });

    it('a won deal withdrawn on the review date drops the partner at once', async () => {
      const { p, deals } = await silver();
      clock.set(quarterEndOf(new Date(), 9));
      await withdraw(p, deals[1]!);
      assert.equal(await tierOf(p), 'tier_registered');
      assert.deepEqual(
        (await history(s, p)).map((e) => `${e.reason}:${e.fromTierId}>${e.toTierId}`),
        ['fall:tier_silver>tier_registered', 'rise:tier_registered>tier_silver'],
      );
    });

    it('rejecting a won deal drops it from tier revenue; approving it again restores it', async () => {
      const p = await newPartner(s);
      await certify(s, p, 2);
      const deals: string[] = [];
      for (let i = 0; i < 3; i++) {
        // 40 000 USD is above Registered's auto-approval (5 000 USD): the deals wait for review.
        const id = await registerDeal(s, p, usd(40_000));
        await markWon(s, id);
        deals.push(id);
      }
      assert.equal(await tierOf(p), 'tier_silver');
      const manager = await s.token('channel_manager', { sub: 'usr_lf_cm_1' });
      clock.set(quarterEndOf(new Date(), 9));
      const reject = await s.request('POST', `/v1/deals/${deals[2]}/decision`, {
        token: manager,
        body: { decision: 'reject', reasonCode: REJECT },
      });
      assert.equal(reject.status, 200, reject.text);
      assert.equal(await tierOf(p), 'tier_registered', 'the rejection re-evaluated the partner');

      const approve = await s.request('POST', `/v1/deals/${deals[2]}/decision`, {
        token: manager,
        body: { decision: 'approve', reasonCode: 'approved_manual' },
      });
      assert.equal(approve.status, 200, approve.text);
      assert.equal(await tierOf(p), 'tier_silver', 'the override re-evaluated the partner');
    });

    it('a change of the program currency re-evaluates every partner', async () => {
      const { p } = await silver();
      const admin = await s.token('program_admin');
      const program = (await s.request('GET', '/v1/program', { token: admin })).body;
      const currencies = program.currencies as string[];
      const other = currencies.find((c) => c !== currencies[0]) ?? 'EUR';
      const put = (list: string[]) =>
        s.request('PUT', '/v1/program', { token: admin, body: { ...program, currencies: list } });
      try {
        // Revenue in USD without a USD rate into the new currency is unconverted: short of Silver.
        const r = await put([other, ...currencies.filter((c) => c !== other)]);
        assert.equal(r.status, 200, r.text);
        assert.ok((await auditActions(p)).includes('partner.tier_at_risk'));
      } finally {
        assert.equal((await put(currencies)).status, 200);
      }
      assert.ok((await auditActions(p)).includes('partner.tier_secured'));
    });
  },
);
