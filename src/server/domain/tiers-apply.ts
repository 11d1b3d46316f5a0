/**
 * @module Applying tier evaluations. Every evaluation that writes holds the partner's row
 * (`for no key update`, which deal inserts' foreign-key checks do not wait for), so two wins
 * committed at once are evaluated one after the other and the second sees the first: one change,
 * decided on both. A change lands in `tier_history`, the audit log and the event stream in the
 * caller's transaction. Call these before anything that emits an event in the same transaction
 * (the event lock is taken after the partner lock everywhere).
 */
import type { Tier, TierMetrics, TierProgress } from '../../core/schema/index.js';
import type { Queryable, Store, Tx } from '../store/index.js';
import { listTiers } from './program.js';
import type { Standing } from './tiers-evaluate.js';
import { changes, decide, progressOf } from './tiers-evaluate.js';
import type { RateBook } from './tiers-metrics.js';
import { allMetrics, partnerMetrics, partnerSnapshot, rateBook } from './tiers-metrics.js';
import type { Cause } from './tiers-write.js';
import { writeDecisions } from './tiers-write.js';

export { SYSTEM_ACTOR } from './tiers-write.js';
export type { Cause } from './tiers-write.js';

interface StandingRow {
  id: string;
  tier_id: string;
  tier_at_risk_since: Date | null;
}

const toStanding = (r: StandingRow): Standing => ({
  tierId: r.tier_id,
  atRiskSince: r.tier_at_risk_since,
});

/** Holds the partner's row to the end of the transaction; undefined when there is none. */
export async function lockPartner(tx: Tx, partnerId: string): Promise<Standing | undefined> {
  const { rows } = await tx.query<StandingRow>(
    'select id, tier_id, tier_at_risk_since from partners where id = $1 for no key update',
    [partnerId],
  );
  return rows[0] ? toStanding(rows[0]) : undefined;
}

export async function readStanding(
  db: Queryable,
  partnerId: string,
): Promise<Standing | undefined> {
  const { rows } = await db.query<StandingRow>(
    'select id, tier_id, tier_at_risk_since from partners where id = $1',
    [partnerId],
  );
  return rows[0] ? toStanding(rows[0]) : undefined;
}

export interface Evaluated {
  standing: Standing;
  metrics: TierMetrics;
  tiers: Tier[];
}

/** Locks the partner, evaluates it at `now` and writes what changed. Undefined: no such partner. */
export async function evaluatePartner(
  tx: Tx,
  partnerId: string,
  now: Date,
  cause: Cause,
): Promise<Evaluated | undefined> {
  const before = await lockPartner(tx, partnerId);
  if (!before) return undefined;
  const tiers = await listTiers(tx);
  const metrics = await partnerMetrics(tx, partnerId, now, await rateBook(tx));
  const d = decide(tiers, before, metrics, now);
  await writeDecisions(tx, [{ partnerId, before, decision: d, metrics }], now, cause);
  return { standing: { tierId: d.tierId, atRiskSince: d.atRiskSince }, metrics, tiers };
}

/**
 * Re-evaluates every partner (a definition or rate change), set-based: all rows locked in id
 * order, metrics in two grouped scans, decisions in memory, and the partners whose standing
 * changes written in one statement per table (`writeDecisions`). Returns how many changed.
 */
export async function evaluateAll(
  tx: Tx,
  now: Date,
  cause: Cause,
  book?: RateBook,
): Promise<number> {
  const { rows } = await tx.query<StandingRow>(
    'select id, tier_id, tier_at_risk_since from partners order by id for no key update',
  );
  const tiers = await listTiers(tx);
  const metrics = await allMetrics(tx, now, book ?? (await rateBook(tx)));
  const decided = rows.map((r) => {
    const before = toStanding(r);
    const m = metrics.get(r.id)!;
    return { partnerId: r.id, before, decision: decide(tiers, before, m, now), metrics: m };
  });
  return writeDecisions(tx, decided, now, cause);
}

/**
 * The progress answer. Evaluated at read time (certifications expire and won deals leave the
 * window while nobody writes): when the read finds something to change, it writes it under the
 * partner's lock and answers from what it wrote.
 */
export async function readProgress(
  store: Store,
  partnerId: string,
  now: Date,
): Promise<TierProgress | undefined> {
  const snap = await partnerSnapshot(store, partnerId, now);
  if (!snap) return undefined;
  const { standing, tiers, metrics } = snap;
  const d = decide(tiers, standing, metrics, now);
  if (!changes(standing, d)) return progressOf(partnerId, tiers, standing, metrics, now);
  const e = await store.withTransaction((tx) => evaluatePartner(tx, partnerId, now, 'read'));
  return e && progressOf(partnerId, e.tiers, e.standing, e.metrics, now);
}
