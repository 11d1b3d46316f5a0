/**
 * @module Allocations (`POST /v1/mdf/allocations`) and the per-period summary of a partner's funds
 * (`GET /v1/mdf/summary`), read from the balances the ledger keeps.
 */
import type { AllocationInput, Allocation, MdfSummary } from '../../core/schema/index.js';
import { audit } from '../audit.js';
import { scopeOf } from '../authz.js';
import { newId } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Tx } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import { getProgram } from './program.js';
import { availableOf, lockAllocation, move } from './mdf-ledger.js';
import type { AllocationRow } from './mdf-views.js';
import { toAllocation } from './mdf-views.js';
import { InvalidInputError, NotFoundError } from './errors.js';

/**
 * A partner's funds for one period. The money enters through the ledger like every other
 * movement. A partner has one allocation per period and all of them in one currency, so that its
 * summary adds up.
 */
export async function createAllocation(
  tx: Tx,
  input: AllocationInput,
  principal: Principal,
): Promise<Allocation> {
  const partner = await maybeOne(tx, 'select 1 from partners where id = $1', [input.partnerId]);
  if (!partner) throw InvalidInputError.field('partnerId', 'No such partner.', 'not_found');
  const program = await getProgram(tx);
  if (!program.currencies.includes(input.amount.currency)) {
    throw InvalidInputError.field(
      'amount.currency',
      `The program pays in ${program.currencies.join(', ')}.`,
      'unsupported_currency',
    );
  }
  // Serialises allocations of one partner, so two periods cannot start in different currencies.
  await tx.query('select 1 from partners where id = $1 for update', [input.partnerId]);
  const other = await maybeOne<{ currency: string; period: string }>(
    tx,
    'select currency, period from mdf_allocations where partner_id = $1 order by period limit 1',
    [input.partnerId],
  );
  if (other && other.currency !== input.amount.currency) {
    throw InvalidInputError.field(
      'amount.currency',
      `This partner's funds are in ${other.currency}.`,
      'currency_mismatch',
    );
  }
  if (Date.parse(input.expiresAt) <= Date.now()) {
    throw InvalidInputError.field('expiresAt', 'Must be in the future.', 'in_past');
  }
  const id = newId('allocation');
  const inserted = await tx.query(
    `insert into mdf_allocations (id, partner_id, period, currency, expires_at)
     values ($1, $2, $3, $4, $5) on conflict (partner_id, period) do nothing`,
    [id, input.partnerId, input.period, input.amount.currency, input.expiresAt],
  );
  if (inserted.rowCount === 0) {
    throw InvalidInputError.field(
      'period',
      `The partner already has an allocation for ${input.period}.`,
      'duplicate',
    );
  }
  await lockAllocation(tx, id);
  await move(tx, {
    allocationId: id,
    kind: 'allocation',
    from: null,
    to: 'available',
    amount: input.amount.amount,
    actorId: principal.sub,
  });
  const allocation = toAllocation(await lockAllocation(tx, id));
  await audit(tx, {
    actor: principal,
    action: 'mdf.allocation.created',
    resourceType: 'mdf_allocation',
    resourceId: id,
    after: allocation,
  });
  return allocation;
}

/**
 * The summary of one partner: per period, what is allocated, pending review, approved and not yet
 * claimed, claimed and not yet paid, paid, and what is left. A partner role reads its own (another
 * partner's answers 404); vendor roles name the partner.
 */
export async function mdfSummary(
  db: Queryable,
  partnerId: string | undefined,
  principal: Principal,
): Promise<MdfSummary> {
  const scope = scopeOf(principal);
  const id = partnerId ?? scope;
  if (!id) throw InvalidInputError.field('partnerId', 'Name the partner.', 'required');
  if (scope !== null && scope !== id) throw new NotFoundError('No such partner.');
  const partner = await maybeOne(db, 'select 1 from partners where id = $1', [id]);
  if (!partner) throw new NotFoundError('No such partner.');
  const { rows } = await db.query<AllocationRow>(
    'select * from mdf_allocations where partner_id = $1 order by period desc',
    [id],
  );
  const currency = rows[0]?.currency ?? (await getProgram(db)).currencies[0] ?? 'USD';
  const m = (n: number | string) => ({ amount: Number(n), currency });
  return {
    partnerId: id,
    currency,
    periods: rows.map((r) => ({
      period: r.period,
      allocationId: r.id,
      allocated: m(r.allocated),
      pending: m(r.pending),
      approved: m(r.approved),
      claimed: m(r.claimed),
      paid: m(r.paid),
      available: m(availableOf(r)),
      expiresAt: toAllocation(r).expiresAt,
    })),
  };
}
