/**
 * @module Applying tier evaluations. Every evaluation that writes holds the partner's row
 * (`for no key update`, which deal inserts' foreign-key checks do not wait for), so two wins
 * committed at once are evaluated one after the other and the second sees the first: one change,
 * decided on both. A change lands in `tier_history`, the audit log and the event stream in the
 * caller's transaction. Call these before anything that emits an event in the same transaction
 * (the event lock is taken after the partner lock everywhere).
 */
import { randomUUID } from 'node:crypto';
import type { Tier, TierMetrics, TierProgress } from '../../core/schema/index.js';
import { audit } from '../audit.js';
import { instant } from '../ids.js';
import type { Queryable, Store, Tx } from '../store/index.js';
import { emitEvent } from './events.js';
import { listTiers } from './program.js';
import type { Decision, Standing } from './tiers-evaluate.js';
import { changes, decide, progressOf } from './tiers-evaluate.js';
import type { RateBook } from './tiers-metrics.js';
import { allMetrics, partnerMetrics, partnerSnapshot, rateBook } from './tiers-metrics.js';

/** Automatic evaluations act as the system; what caused them is written beside the change. */
export const SYSTEM_ACTOR = { id: 'system', role: 'program_admin', partnerId: null } as const;

export type Cause =
  'deal' | 'certification' | 'definition_change' | 'exchange_rates' | 'read' | 'seed';

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

/** Writes a decision: the partner row, and for a tier change its history, audit and event. */
async function apply(
  tx: Tx,
  partnerId: string,
  before: Standing,
  d: Decision,
  m: TierMetrics,
  now: Date,
  cause: Cause,
): Promise<void> {
  if (!changes(before, d)) return;
  await tx.query('update partners set tier_id = $2, tier_at_risk_since = $3 where id = $1', [
    partnerId,
    d.tierId,
    d.atRiskSince,
  ]);
  if (d.tierId === before.tierId) {
    await audit(tx, {
      actor: SYSTEM_ACTOR,
      action: d.atRiskSince ? 'partner.tier_at_risk' : 'partner.tier_secured',
      resourceType: 'partner',
      resourceId: partnerId,
      before: {
        tierId: before.tierId,
        atRiskSince: before.atRiskSince && instant(before.atRiskSince),
      },
      after: {
        tierId: d.tierId,
        atRiskSince: d.atRiskSince && instant(d.atRiskSince),
        metrics: m,
        cause,
      },
    });
    return;
  }
  const reason =
    d.change === 'rise' && cause === 'definition_change' ? 'definition_change' : d.change!;
  await recordChange(tx, partnerId, before.tierId, d.tierId, reason, m, now, cause);
}

/** One tier change: history row, audit entry and `tier.changed`, in the caller's transaction. */
export async function recordChange(
  tx: Tx,
  partnerId: string,
  fromTierId: string | null,
  toTierId: string,
  reason: 'rise' | 'fall' | 'manual' | 'definition_change',
  metrics: TierMetrics,
  now: Date,
  cause: Cause,
): Promise<void> {
  const at = instant(now);
  await tx.query(
    `insert into tier_history (id, partner_id, at, from_tier_id, to_tier_id, reason, metrics)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [`tch_${randomUUID()}`, partnerId, now, fromTierId, toTierId, reason, JSON.stringify(metrics)],
  );
  await audit(tx, {
    actor: SYSTEM_ACTOR,
    action: 'partner.tier_changed',
    resourceType: 'partner',
    resourceId: partnerId,
    before: { tierId: fromTierId },
    after: { tierId: toTierId, reason, cause, metrics },
  });
  await emitEvent(tx, {
    type: 'tier.changed',
    resourceType: 'tier_progress',
    resourceId: partnerId,
    partnerId,
    data: { partnerId, fromTierId, toTierId, reason, at },
  });
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
  await apply(tx, partnerId, before, d, metrics, now, cause);
  return { standing: { tierId: d.tierId, atRiskSince: d.atRiskSince }, metrics, tiers };
}

/**
 * Re-evaluates every partner (a definition or rate change): all rows locked in id order, metrics
 * in two grouped scans, and only the partners whose standing changes are written.
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
  let changed = 0;
  for (const r of rows) {
    const before = toStanding(r);
    const m = metrics.get(r.id)!;
    const d = decide(tiers, before, m, now);
    if (!changes(before, d)) continue;
    changed++;
    await apply(tx, r.id, before, d, m, now, cause);
  }
  return changed;
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
