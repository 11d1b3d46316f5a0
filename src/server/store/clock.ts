/** @module The database's clock: one time for a whole transaction, to the millisecond. */
import type { Queryable } from './types.js';

/**
 * `now()` of the current transaction, truncated to milliseconds so that it round-trips through
 * JavaScript dates and RFC 3339 strings unchanged. Every rule that stamps a time reads it here.
 */
export async function databaseNow(db: Queryable): Promise<Date> {
  const { rows } = await db.query<{ now: Date }>(`select date_trunc('milliseconds', now()) as now`);
  return rows[0]!.now;
}
