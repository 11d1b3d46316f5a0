/**
 * @module The expiry sweep: stores `expired` over approved, open deals whose protection has ended,
 * so that the conflict check's partial indexes hold the live deals only, never the history.
 *
 * Reads derive expiry themselves (`EFFECTIVE_STATUS`) and the check keeps its own
 * `protected_until > now()` condition, so correctness never waits for the sweep: it only moves
 * ended protections out of the indexes and announces them (audit entry and `deal.updated` event).
 * Several processes may sweep one database at once: each batch locks its rows with
 * `FOR UPDATE SKIP LOCKED`, so they share the work instead of queueing or writing a deal twice.
 */
import type { Deal } from '../../core/schema/index.js';
import { audit } from '../audit.js';
import type { Logger } from '../logger.js';
import type { Store, Tx } from '../store/index.js';
import { SYSTEM_USER } from './deals-register.js';
import type { DealRow } from './deals-views.js';
import { DEAL_SELECT, toDeal } from './deals-views.js';
import { emitEvent } from './events.js';

/** The sweep acts as the system, like the seed: no user decided this. */
const SYSTEM_ACTOR = { id: SYSTEM_USER, role: 'program_admin', partnerId: null } as const;

/**
 * Deals per transaction. A batch holds the event log's lock while it emits its events, so a small
 * batch keeps the wait of concurrent registrations short when a large backlog is swept.
 */
export const SWEEP_BATCH = 100;

/** How often a server sweeps (it also sweeps once at start-up). */
export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Expires up to `limit` deals in this transaction and answers their ids. Rows another transaction
 * holds (a sweep elsewhere, a CRM update in flight) are skipped; the next sweep finds them again.
 * The index `deals_protection_end` answers the lookup, so an empty sweep is one index probe.
 */
export async function expireBatch(tx: Tx, limit = SWEEP_BATCH): Promise<string[]> {
  const { rows } = await tx.query<DealRow>(
    `${DEAL_SELECT}
      where d.status = 'approved' and d.stage = 'open' and d.protected_until <= now()
      order by d.protected_until, d.id
      limit $1
      for update of d skip locked`,
    [limit],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  await tx.query(
    `update deals set status = 'expired', updated_at = date_trunc('milliseconds', now())
      where id = any($1::text[])`,
    [ids],
  );
  // These rows already read as expired; `before` is the deal as it read while still protected.
  const deals: Array<{ before: Deal; after: Deal }> = rows.map((r) => {
    const after = toDeal(r);
    return { before: { ...after, status: 'approved' }, after };
  });
  for (const { before, after } of deals) {
    await audit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'deal.expired',
      resourceType: 'deal',
      resourceId: after.id,
      before,
      after,
    });
  }
  // Events last: the first one takes the event log's lock until the commit.
  for (const { after } of deals) {
    await emitEvent(tx, {
      type: 'deal.updated',
      resourceType: 'deal',
      resourceId: after.id,
      partnerId: after.partnerId,
      data: after,
    });
  }
  return ids;
}

/** Sweeps until nothing is left, one transaction per batch; answers how many deals it expired. */
export async function sweepExpiredDeals(
  store: Store,
  { batchSize = SWEEP_BATCH }: { batchSize?: number } = {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await store.withTransaction((tx) => expireBatch(tx, batchSize));
    total += ids.length;
    if (ids.length < batchSize) return total;
  }
}

export interface ExpirySweeper {
  /** Sweeps now, or joins the sweep already running. Never rejects: failures are logged. */
  run(): Promise<void>;
  /** Stops the timer and waits for a sweep in flight, so the store can close after it. */
  stop(): Promise<void>;
}

/** Sweeps every `intervalMs`; the timer does not keep the process alive. */
export function startExpirySweeper(
  store: Store,
  { intervalMs = SWEEP_INTERVAL_MS, log }: { intervalMs?: number; log: Logger },
): ExpirySweeper {
  let running: Promise<void> | undefined;
  const run = () =>
    (running ??= sweepExpiredDeals(store)
      .then(
        (n) => {
          if (n > 0) log({ level: 'info', msg: 'deals expired', count: n });
        },
        (error: unknown) =>
          log({ level: 'error', msg: 'expiry sweep failed', err: (error as Error).message }),
      )
      .finally(() => {
        running = undefined;
      }));
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return {
    run,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
