/**
 * @module MDF requests: a partner admin asks for funds from an allocation; a channel manager
 * approves (possibly less), rejects or returns it for changes; a returned request is changed and
 * submitted again. Each change locks the allocation row first, then moves money through the
 * ledger, and commits with its audit entry and `mdf.request.updated` event.
 */
import type {
  ActivityInput,
  MdfRequest,
  MdfRequestDecisionInput,
  MdfRequestInput,
  MdfRequestUpdate,
} from '../../core/schema/index.js';
import { audit } from '../audit.js';
import { ownPartnerOr404 } from '../authz.js';
import { instant, newId } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Tx } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import { emitEvent } from './events.js';
import { lockAllocation, move, nowOf, requireAvailable } from './mdf-ledger.js';
import type { AllocationRow, RequestRow } from './mdf-views.js';
import { REQUEST_SELECT, toRequest } from './mdf-views.js';
import { ConflictError, InvalidInputError, NotFoundError } from './errors.js';

export async function readRequest(db: Queryable, id: string): Promise<MdfRequest | undefined> {
  const row = await maybeOne<RequestRow>(db, `${REQUEST_SELECT} where r.id = $1`, [id]);
  return row ? toRequest(row) : undefined;
}

/** The request as this caller may see it, or 404 (also for another partner's). */
export async function getRequest(
  db: Queryable,
  id: string,
  principal: Principal,
): Promise<MdfRequest> {
  const r = await readRequest(db, id);
  if (!r) throw new NotFoundError('No such request.');
  ownPartnerOr404(principal, r.partnerId);
  return r;
}

/**
 * Locks, in this order, the request's allocation and the request itself: every writer of one
 * allocation takes its row first, so they queue instead of deadlocking.
 */
export async function lockRequest(
  tx: Tx,
  id: string,
  principal: Principal,
): Promise<{ request: MdfRequest; allocation: AllocationRow }> {
  const first = await getRequest(tx, id, principal);
  const allocation = await lockAllocation(tx, first.allocationId);
  await tx.query('select 1 from mdf_requests where id = $1 for update', [id]);
  return { request: (await readRequest(tx, id))!, allocation };
}

function checkActivity(a: ActivityInput, allocation: AllocationRow, amountCurrency: string): void {
  const errors = [];
  if (a.endDate < a.startDate) {
    errors.push({
      path: 'activity.endDate',
      code: 'before_start',
      message: 'Must not be before the start date.',
    });
  }
  if (amountCurrency !== allocation.currency) {
    errors.push({
      path: 'requestedAmount.currency',
      code: 'currency_mismatch',
      message: `The allocation is in ${allocation.currency}.`,
    });
  }
  if (errors.length > 0) throw new InvalidInputError(errors);
}

function requireOpen(allocation: AllocationRow, now: Date): void {
  if (allocation.expires_at.getTime() <= now.getTime()) {
    throw new ConflictError(
      'insufficient_funds',
      `The allocation for ${allocation.period} expired at ${instant(allocation.expires_at)}; it accepts no more requests.`,
      { available: { amount: 0, currency: allocation.currency }, expired: true },
    );
  }
}

async function commit(
  tx: Tx,
  principal: Principal,
  action: string,
  id: string,
  before: MdfRequest | undefined,
): Promise<MdfRequest> {
  const after = (await readRequest(tx, id))!;
  await audit(tx, {
    actor: principal,
    action,
    resourceType: 'mdf_request',
    resourceId: id,
    ...(before ? { before } : {}),
    after,
  });
  await emitEvent(tx, {
    type: 'mdf.request.updated',
    resourceType: 'mdf_request',
    resourceId: id,
    partnerId: after.partnerId,
    data: after,
  });
  return after;
}

/** `POST /v1/mdf/requests`: the requested amount moves from available to pending. */
export async function submitRequest(
  tx: Tx,
  input: MdfRequestInput,
  principal: Principal & { partnerId: string },
): Promise<MdfRequest> {
  const found = await maybeOne<{ partner_id: string }>(
    tx,
    'select partner_id from mdf_allocations where id = $1',
    [input.allocationId],
  );
  if (!found || found.partner_id !== principal.partnerId) {
    throw InvalidInputError.field('allocationId', 'No such allocation.', 'not_found');
  }
  const allocation = await lockAllocation(tx, input.allocationId);
  checkActivity(input.activity, allocation, input.requestedAmount.currency);
  const now = await nowOf(tx);
  requireOpen(allocation, now);
  requireAvailable(allocation, input.requestedAmount.amount);
  const id = newId('request');
  await tx.query(
    `insert into mdf_requests (id, partner_id, allocation_id, status, activity, end_date, currency,
       requested_amount, submitted_by, submitted_at, updated_at)
     values ($1, $2, $3, 'submitted', $4::jsonb, $5, $6, $7, $8, $9, $9)`,
    [
      id,
      principal.partnerId,
      allocation.id,
      JSON.stringify(input.activity),
      input.activity.endDate,
      input.requestedAmount.currency,
      input.requestedAmount.amount,
      principal.sub,
      now,
    ],
  );
  await move(tx, {
    allocationId: allocation.id,
    kind: 'request.submitted',
    from: 'available',
    to: 'pending',
    amount: input.requestedAmount.amount,
    requestId: id,
    actorId: principal.sub,
  });
  return commit(tx, principal, 'mdf.request.submitted', id, undefined);
}

const invalidTransition = (r: MdfRequest, what: string) =>
  new ConflictError('invalid_transition', `A request that is ${r.status} cannot be ${what}.`, {
    status: r.status,
  });

/**
 * A channel manager's decision on a submitted request. Approval may grant less than requested
 * (never more); the rest returns to available. Rejection and return release the whole amount.
 */
export async function decideRequest(
  tx: Tx,
  id: string,
  input: MdfRequestDecisionInput,
  principal: Principal,
): Promise<MdfRequest> {
  const { request: before, allocation } = await lockRequest(tx, id, principal);
  const verb = { approve: 'approved', reject: 'rejected', return: 'returned' } as const;
  if (before.status !== 'submitted') throw invalidTransition(before, verb[input.decision]);
  const requested = before.requestedAmount.amount;
  let granted = 0;
  if (input.decision === 'approve') {
    const a = input.approvedAmount ?? before.requestedAmount;
    if (a.currency !== before.requestedAmount.currency) {
      throw InvalidInputError.field(
        'approvedAmount.currency',
        `The request is in ${before.requestedAmount.currency}.`,
        'currency_mismatch',
      );
    }
    if (a.amount > requested) {
      throw InvalidInputError.field(
        'approvedAmount.amount',
        'Must not be more than the requested amount.',
        'above_requested',
      );
    }
    granted = a.amount;
  } else if (input.approvedAmount) {
    throw InvalidInputError.field(
      'approvedAmount',
      'Only an approval grants an amount.',
      'not_allowed',
    );
  }
  const now = await nowOf(tx);
  const decision = {
    by: principal.sub,
    decision: input.decision,
    ...(input.comment ? { comment: input.comment } : {}),
    at: instant(now),
  };
  await tx.query(
    `update mdf_requests set status = $2, approved_amount = $3, decision = $4::jsonb, updated_at = $5
      where id = $1`,
    [id, verb[input.decision], granted || null, JSON.stringify(decision), now],
  );
  const base = { allocationId: allocation.id, requestId: id, actorId: principal.sub };
  await move(tx, {
    ...base,
    kind: `request.${verb[input.decision]}`,
    from: 'pending',
    to: 'approved',
    amount: granted,
  });
  await move(tx, {
    ...base,
    kind: `request.${verb[input.decision]}`,
    from: 'pending',
    to: 'available',
    amount: requested - granted,
  });
  return commit(tx, principal, `mdf.request.${verb[input.decision]}`, id, before);
}

/** `PUT /v1/mdf/requests/:id`: the owning partner changes a returned request and submits it again. */
export async function resubmitRequest(
  tx: Tx,
  id: string,
  input: MdfRequestUpdate,
  principal: Principal,
): Promise<MdfRequest> {
  const { request: before, allocation } = await lockRequest(tx, id, principal);
  if (before.status !== 'returned') throw invalidTransition(before, 'resubmitted');
  checkActivity(input.activity, allocation, input.requestedAmount.currency);
  const now = await nowOf(tx);
  requireOpen(allocation, now);
  requireAvailable(allocation, input.requestedAmount.amount);
  await tx.query(
    `update mdf_requests set status = 'submitted', activity = $2::jsonb, end_date = $3,
            requested_amount = $4, approved_amount = null, submitted_by = $5, submitted_at = $6,
            updated_at = $6
      where id = $1`,
    [
      id,
      JSON.stringify(input.activity),
      input.activity.endDate,
      input.requestedAmount.amount,
      principal.sub,
      now,
    ],
  );
  await move(tx, {
    allocationId: allocation.id,
    kind: 'request.resubmitted',
    from: 'available',
    to: 'pending',
    amount: input.requestedAmount.amount,
    requestId: id,
    actorId: principal.sub,
  });
  return commit(tx, principal, 'mdf.request.resubmitted', id, before);
}
