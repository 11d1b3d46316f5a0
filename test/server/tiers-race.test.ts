/**
 * Concurrency of tier evaluation: wins committed at the same instant are evaluated one after the
 * other (the partner's row is held), so the last evaluation sees every win and the partner rises
 * exactly once. On PostgreSQL the requests really overlap. Two things serialise them today: the
 * partner row lock and the event log's advisory lock (taken by the deal's event before the
 * evaluation); with neither, rounds fail (each evaluation sees only its own win: no rise).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TierProgress } from '../../src/core/schema/index.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { usd } from './deals-support.js';
import { certify, history, newPartner, progress, registerDeal, winDeal } from './tiers-support.js';

describe(`tier evaluation races (${databaseLabel})`, { timeout: 180_000 }, () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  for (const round of [1, 2, 3]) {
    it(`two wins committed at once give one correct evaluation (round ${round})`, async () => {
      const p = await newPartner(s);
      await certify(s, p, 2);
      // One win of three, 40 000 of 100 000 USD: Silver needs both of the next two.
      await winDeal(s, p, usd(40_000));
      const a = await registerDeal(s, p, usd(30_000));
      const b = await registerDeal(s, p, usd(30_000));
      const integration = await s.token('integration');
      const replies = await Promise.all(
        [a, b].map((id) =>
          s.request('PATCH', `/v1/deals/${id}`, { token: integration, body: { stage: 'won' } }),
        ),
      );
      for (const r of replies) assert.equal(r.status, 200, r.text);
      const h = await history(s, p);
      assert.deepEqual(
        h.map((e) => `${e.reason}:${e.toTierId}`),
        ['rise:tier_silver'],
        'exactly one rise',
      );
      const now = TierProgress.parse(await progress(s, p));
      assert.equal(now.currentTier.id, 'tier_silver');
      assert.equal(now.metrics.wonDeals12m, 3);
      const { rows } = await s.store.query<{ tier_id: string }>(
        'select tier_id from partners where id = $1',
        [p],
      );
      assert.equal(rows[0]!.tier_id, 'tier_silver');
    });
  }

  it('a definition change re-evaluates every partner at once', async () => {
    const admin = await s.token('program_admin');
    const p = await newPartner(s);
    await certify(s, p, 1);
    await winDeal(s, p, usd(10_000));
    const tiers = (await s.request('GET', '/v1/program/tiers', { token: admin })).body.tiers;
    const easier = tiers.map(
      (t: { id: string; requirements: object; autoApproveLimit: unknown }) => {
        const { autoApproveLimit, ...rest } = t;
        const body = autoApproveLimit ? { ...rest, autoApproveLimit } : rest;
        return t.id === 'tier_silver'
          ? { ...body, requirements: { revenue12m: usd(5_000), wonDeals12m: 1, certifications: 1 } }
          : body;
      },
    );
    const r = await s.request('PUT', '/v1/program/tiers', {
      token: admin,
      body: { tiers: easier },
    });
    assert.equal(r.status, 200, r.text);
    const h = await history(s, p);
    assert.deepEqual(
      h.map((e) => `${e.reason}:${e.toTierId}`),
      ['definition_change:tier_silver'],
    );
  });
});
