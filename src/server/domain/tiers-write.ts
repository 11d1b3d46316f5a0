/**
 * @module Writing tier decisions, set-based: the partner rows, the tier history, the audit entries
 * and the `tier.changed` events of any number of partners in one statement per table (arrays
 * unnested on the server), in the caller's transaction. One partner's evaluation and a
 * re-evaluation of the whole program write through the same code, so they record the same rows;
 * only the number of round trips differs (a handful instead of about six per changed partner).
 */
import { randomUUID } from 'node:crypto';
import type { TierMetrics } from '../../core/schema/index.js';
import { instant, newId } from '../ids.js';
import { EVENTS_CHANNEL, wakeLocal } from '../store/event-hub.js';
import type { Tx } from '../store/index.js';
import { EVENTS_LOCK } from './events.js';
import type { Decision, Standing } from './tiers-evaluate.js';
import { changes } from './tiers-evaluate.js';

/** Automatic evaluations act as the system; what caused them is written beside the change. */
export const SYSTEM_ACTOR = { id: 'system', role: 'program_admin', partnerId: null } as const;

export type Cause =
  | 'deal'
  | 'certification'
  | 'definition_change'
  | 'exchange_rates'
  | 'program_currency'
  | 'read'
  | 'seed';

export type ChangeReason = 'rise' | 'fall' | 'manual' | 'definition_change';

/** One partner's tier change, as the history, the audit log and the event stream record it. */
export interface TierChange {
  partnerId: string;
  fromTierId: string | null;
  toTierId: string;
  reason: ChangeReason;
  metrics: TierMetrics;
}

/** A decision to write: where the partner stood, what was decided, on which metrics. */
export interface Decided {
  partnerId: string;
  before: Standing;
  decision: Decision;
  metrics: TierMetrics;
}

/** Not to send arrays of unbounded size in one statement. */
const CHUNK = 5_000;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

interface AuditRow {
  resourceId: string;
  action: string;
  before: unknown;
  after: unknown;
}

async function updatePartners(
  tx: Tx,
  rows: ReadonlyArray<{ id: string; tierId: string; atRiskSince: Date | null }>,
): Promise<void> {
  for (const c of chunks(rows)) {
    await tx.query(
      `update partners p set tier_id = u.tier_id, tier_at_risk_since = u.at_risk::timestamptz
         from unnest($1::text[], $2::text[], $3::text[]) as u(id, tier_id, at_risk)
        where p.id = u.id`,
      [c.map((r) => r.id), c.map((r) => r.tierId), c.map((r) => iso(r.atRiskSince))],
    );
  }
}

async function insertAudit(tx: Tx, rows: readonly AuditRow[]): Promise<void> {
  for (const c of chunks(rows)) {
    await tx.query(
      `insert into audit_entries
         (id, actor_id, actor_role, actor_partner_id, action, resource_type, resource_id, before,
          after)
       select u.id, $5, $6, null, u.action, 'partner', u.resource_id, u.before::jsonb, u.after::jsonb
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $7::text[])
              with ordinality as u(id, action, resource_id, before, after, n)
        order by u.n`,
      [
        c.map(() => newId('audit')),
        c.map((r) => r.action),
        c.map((r) => r.resourceId),
        c.map((r) => JSON.stringify(r.before)),
        SYSTEM_ACTOR.id,
        SYSTEM_ACTOR.role,
        c.map((r) => JSON.stringify(r.after)),
      ],
    );
  }
}

/**
 * Tier changes: the history rows, audit entries and `tier.changed` events, in the order given
 * (event ids follow it). Partner rows are the caller's. The event lock is taken once, as
 * `emitEvent` does, and one notification wakes the subscribers of other processes.
 */
export async function recordChanges(
  tx: Tx,
  list: readonly TierChange[],
  now: Date,
  cause: Cause,
): Promise<void> {
  if (list.length === 0) return;
  const at = instant(now);
  for (const c of chunks(list)) {
    await tx.query(
      `insert into tier_history (id, partner_id, at, from_tier_id, to_tier_id, reason, metrics)
       select u.id, u.partner_id, $2::timestamptz, u.from_tier, u.to_tier, u.reason, u.metrics::jsonb
         from unnest($1::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
              as u(id, partner_id, from_tier, to_tier, reason, metrics)`,
      [
        c.map(() => `tch_${randomUUID()}`),
        now,
        c.map((x) => x.partnerId),
        c.map((x) => x.fromTierId),
        c.map((x) => x.toTierId),
        c.map((x) => x.reason),
        c.map((x) => JSON.stringify(x.metrics)),
      ],
    );
  }
  await insertAudit(
    tx,
    list.map((x) => ({
      resourceId: x.partnerId,
      action: 'partner.tier_changed',
      before: { tierId: x.fromTierId },
      after: { tierId: x.toTierId, reason: x.reason, cause, metrics: x.metrics },
    })),
  );
  await tx.query('select pg_advisory_xact_lock($1)', [EVENTS_LOCK]);
  let last = '';
  for (const c of chunks(list)) {
    const { rows } = await tx.query<{ id: string | number }>(
      `with written as (
         insert into events (type, resource_type, resource_id, partner_id, data)
         select 'tier.changed', 'tier_progress', u.partner_id, u.partner_id, u.data::jsonb
           from unnest($1::text[], $2::text[]) with ordinality as u(partner_id, data, n)
          order by u.n
         returning id)
       select max(id) as id from written`,
      [
        c.map((x) => x.partnerId),
        c.map((x) =>
          JSON.stringify({
            partnerId: x.partnerId,
            fromTierId: x.fromTierId,
            toTierId: x.toTierId,
            reason: x.reason,
            at,
          }),
        ),
      ],
    );
    last = String(rows[0]!.id);
  }
  // As `emitEvent` does: the payload is the newest id (subscribers re-read from their own).
  await tx.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, last]);
  tx.afterCommit(wakeLocal);
}

/**
 * Writes decisions: every partner row that changes, an audit entry for each at-risk mark set or
 * cleared, and for each tier change its history, audit entry and event. Returns how many partners
 * changed.
 */
export async function writeDecisions(
  tx: Tx,
  decided: readonly Decided[],
  now: Date,
  cause: Cause,
): Promise<number> {
  const changed = decided.filter((x) => changes(x.before, x.decision));
  if (changed.length === 0) return 0;
  await updatePartners(
    tx,
    changed.map((x) => ({
      id: x.partnerId,
      tierId: x.decision.tierId,
      atRiskSince: x.decision.atRiskSince,
    })),
  );
  const marks = changed.filter((x) => x.decision.tierId === x.before.tierId);
  await insertAudit(
    tx,
    marks.map(({ partnerId, before, decision: d, metrics }) => ({
      resourceId: partnerId,
      action: d.atRiskSince ? 'partner.tier_at_risk' : 'partner.tier_secured',
      before: {
        tierId: before.tierId,
        atRiskSince: before.atRiskSince && instant(before.atRiskSince),
      },
      after: {
        tierId: d.tierId,
        atRiskSince: d.atRiskSince && instant(d.atRiskSince),
        metrics,
        cause,
      },
    })),
  );
  const moves = changed.filter((x) => x.decision.tierId !== x.before.tierId);
  await recordChanges(
    tx,
    moves.map(({ partnerId, before, decision: d, metrics }) => ({
      partnerId,
      fromTierId: before.tierId,
      toTierId: d.tierId,
      reason:
        d.change === 'rise' && cause === 'definition_change' ? 'definition_change' : d.change!,
      metrics,
    })),
    now,
    cause,
  );
  return changed.length;
}

/** Moves partners to new tiers outright (off a removed tier), with their history. */
export async function moveTiers(
  tx: Tx,
  list: readonly TierChange[],
  now: Date,
  cause: Cause,
): Promise<void> {
  if (list.length === 0) return;
  await updatePartners(
    tx,
    list.map((x) => ({ id: x.partnerId, tierId: x.toTierId, atRiskSince: null })),
  );
  await recordChanges(tx, list, now, cause);
}
