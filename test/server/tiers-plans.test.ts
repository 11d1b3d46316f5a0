/**
 * The tier revenue reads are index-backed (EXPLAIN): one partner's progress read and the whole
 * program's re-evaluation read the counted won deals from `deals_partner_won` alone, an index-only
 * scan whose predicate already excludes rejected and withdrawn deals (no filter left on the rows),
 * with the trailing window as its range condition.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allMetrics, partnerSnapshot, rateBook } from '../../src/server/domain/tiers-metrics.js';
import type { Queryable } from '../../src/server/store/index.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { SILVER } from './deals-support.js';

/** The plan node on `index` and its detail lines, up to the next node. */
function node(plan: string, index: string): string | undefined {
  const lines = plan.split('\n');
  const at = lines.findIndex((l) => l.includes(`using ${index} on deals`));
  if (at < 0) return undefined;
  const end = lines.findIndex((l, i) => i > at && l.includes('->'));
  return lines.slice(at, end < 0 ? undefined : end).join('\n');
}

describe(`tier revenue reads are index-backed (${databaseLabel})`, { timeout: 180_000 }, () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  it('reads a partner’s and every partner’s won deals by an index-only scan (EXPLAIN)', async () => {
    const captured: Array<{ sql: string; params: readonly unknown[] }> = [];
    const spy: Queryable = {
      query: (sql, params) => {
        if (/from deals/.test(sql)) captured.push({ sql, params: params ?? [] });
        return s.store.query(sql, params);
      },
    };
    const now = new Date();
    assert.ok(await partnerSnapshot(spy, SILVER, now));
    await allMetrics(spy, now, await rateBook(s.store));
    assert.equal(captured.length, 2, 'the snapshot and the grouped scan');

    const ROLLBACK = new Error('rollback');
    const plans: string[] = [];
    await s.store
      .withTransaction(async (tx) => {
        // The demo's deals table is small enough to read whole; forbidding that (and the bitmap
        // detour) shows whether the index alone serves the read.
        await tx.query('set local enable_seqscan = off');
        await tx.query('set local enable_bitmapscan = off');
        for (const c of captured) {
          const { rows } = await tx.query<Record<string, string>>(`explain ${c.sql}`, c.params);
          plans.push(rows.map((r) => Object.values(r)[0]).join('\n'));
        }
        throw ROLLBACK;
      })
      .catch((e: unknown) => {
        if (e !== ROLLBACK) throw e;
      });
    for (const plan of plans) {
      const scan = node(plan, 'deals_partner_won');
      assert.ok(scan, plan);
      assert.match(scan, /Index Only Scan using deals_partner_won on deals/, plan);
      assert.match(scan, /Index Cond: .*won_at >/, plan);
      assert.doesNotMatch(scan, /Filter:/, `no row left to filter on the status:\n${plan}`);
      assert.doesNotMatch(plan, /Seq Scan on deals/, plan);
    }
    assert.match(node(plans[0]!, 'deals_partner_won')!, /Index Cond: \(\(partner_id = /, plans[0]);
  });
});
