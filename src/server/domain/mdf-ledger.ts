/**
 * @module The MDF ledger. An allocation's money sits in five buckets — available, pending,
 * approved, claimed, paid — and moves between them only through {@link move}: one ledger row per
 * movement and the allocation's balance columns updated by the same amount, in the caller's
 * transaction. Every writer first takes the allocation row with `select … for update`
 * ({@link lockAllocation}), so movements on one allocation are serialised and a check of what is
 * available stays true until the commit.
 */
import type { Queryable, Tx } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import type { AllocationRow } from './mdf-views.js';
import { ConflictError, NotFoundError } from './errors.js';

export const BUCKETS = ['available', 'pending', 'approved', 'claimed', 'paid'] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface Movement {
  allocationId: string;
  kind: string;
  from: Bucket | null;
  to: Bucket;
  amount: number;
  requestId?: string | null;
  claimId?: string | null;
  actorId: string;
}

/** `available` is what the other buckets leave of the allocated amount; it has no column. */
const COLUMN: Record<Bucket, string | null> = {
  available: null,
  pending: 'pending',
  approved: 'approved',
  claimed: 'claimed',
  paid: 'paid',
};

export const availableOf = (a: AllocationRow): number =>
  Number(a.allocated) - Number(a.pending) - Number(a.approved) - Number(a.claimed) - Number(a.paid);

/** The allocation, locked to the end of the transaction; 404 when it does not exist. */
export async function lockAllocation(tx: Tx, id: string): Promise<AllocationRow> {
  const row = await maybeOne<AllocationRow>(
    tx,
    'select * from mdf_allocations where id = $1 for update',
    [id],
  );
  if (!row) throw new NotFoundError('No such allocation.');
  return row;
}

/** Records one movement and applies it to the balances. Call with the allocation locked. */
export async function move(tx: Tx, m: Movement): Promise<void> {
  if (m.amount <= 0) return;
  await tx.query(
    `insert into mdf_ledger (allocation_id, kind, from_bucket, to_bucket, amount, request_id, claim_id, actor_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      m.allocationId,
      m.kind,
      m.from,
      m.to,
      m.amount,
      m.requestId ?? null,
      m.claimId ?? null,
      m.actorId,
    ],
  );
  const sets: string[] = [];
  const from = m.from ? COLUMN[m.from] : null;
  const to = COLUMN[m.to];
  if (from) sets.push(`${from} = ${from} - $2`);
  if (to) sets.push(`${to} = ${to} + $2`);
  if (m.from === null) sets.push('allocated = allocated + $2');
  if (sets.length === 0) return;
  await tx.query(`update mdf_allocations set ${sets.join(', ')} where id = $1`, [
    m.allocationId,
    m.amount,
  ]);
}

/** 409 `insufficient_funds` unless `amount` is available on the (locked) allocation. */
export function requireAvailable(a: AllocationRow, amount: number): void {
  const available = availableOf(a);
  if (amount > available) {
    throw new ConflictError(
      'insufficient_funds',
      `Only ${available} (minor units of ${a.currency}) of this allocation is available.`,
      { available: { amount: available, currency: a.currency } },
    );
  }
}

/** The balances of an allocation summed from its ledger alone: what the columns must equal. */
export async function ledgerBalances(
  db: Queryable,
  allocationId: string,
): Promise<Record<Bucket | 'allocated', number>> {
  const { rows } = await db.query<{ bucket: string; n: number | string }>(
    `select to_bucket as bucket, sum(amount) as n from mdf_ledger where allocation_id = $1 group by 1
     union all
     select from_bucket, -sum(amount) from mdf_ledger
      where allocation_id = $1 and from_bucket is not null group by 1
     union all
     select 'allocated', coalesce(sum(amount), 0) from mdf_ledger
      where allocation_id = $1 and from_bucket is null`,
    [allocationId],
  );
  const out = { allocated: 0, available: 0, pending: 0, approved: 0, claimed: 0, paid: 0 };
  for (const r of rows) out[r.bucket as keyof typeof out] += Number(r.n);
  return out;
}

/** The transaction's time, from the one database clock. */
export { databaseNow as nowOf } from '../store/clock.js';
