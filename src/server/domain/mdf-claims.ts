/**
 * @module MDF claims: the partner admin claims (part of) an approved request with proof files and
 * results, within the program's claim window after the activity's end; a channel manager approves
 * or rejects the claim; finance reports the payout. Money moves approved → claimed → paid, and a
 * rejected claim's amount goes back to approved (it may be claimed again).
 */
import type {
  MdfClaim,
  MdfClaimDecisionInput,
  MdfClaimInput,
  MdfPayoutInput,
} from '../../core/schema/index.js';
import { audit } from '../audit.js';
import { ownPartnerOr404 } from '../authz.js';
import { instant, newId } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Tx } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import { emitEvent } from './events.js';
import { lockAllocation, move, nowOf } from './mdf-ledger.js';
import { lockRequest } from './mdf-requests.js';
import type { ClaimRow } from './mdf-views.js';
import { CLAIM_SELECT, toClaim } from './mdf-views.js';
import { ConflictError, InvalidInputError, NotFoundError } from './errors.js';

export async function readClaim(db: Queryable, id: string): Promise<MdfClaim | undefined> {
  const row = await maybeOne<ClaimRow>(db, `${CLAIM_SELECT} where c.id = $1`, [id]);
  return row ? toClaim(row) : undefined;
}

export async function getClaim(db: Queryable, id: string, principal: Principal): Promise<MdfClaim> {
  const c = await readClaim(db, id);
  if (!c) throw new NotFoundError('No such claim.');
  ownPartnerOr404(principal, c.partnerId);
  return c;
}

async function commit(
  tx: Tx,
  principal: Principal,
  action: string,
  id: string,
  before: MdfClaim | undefined,
): Promise<MdfClaim> {
  const after = (await readClaim(tx, id))!;
  await audit(tx, {
    actor: principal,
    action,
    resourceType: 'mdf_claim',
    resourceId: id,
    ...(before ? { before } : {}),
    after,
  });
  await emitEvent(tx, {
    type: 'mdf.claim.updated',
    resourceType: 'mdf_claim',
    resourceId: id,
    partnerId: after.partnerId,
    data: after,
  });
  return after;
}

const DAY = 86_400_000;

/** `POST /v1/mdf/requests/:id/claims`. */
export async function submitClaim(
  tx: Tx,
  requestId: string,
  input: MdfClaimInput,
  principal: Principal & { partnerId: string },
): Promise<MdfClaim> {
  const { request, allocation } = await lockRequest(tx, requestId, principal);
  if (request.status !== 'approved') {
    throw new ConflictError(
      'invalid_transition',
      `A request that is ${request.status} cannot be claimed; it must be approved.`,
      { status: request.status },
    );
  }
  const now = await nowOf(tx);
  const deadlineEnd = Date.parse(`${request.claimDeadline}T00:00:00Z`) + DAY;
  if (now.getTime() >= deadlineEnd) {
    throw new ConflictError(
      'claim_window_closed',
      `Claims for this activity closed at the end of ${request.claimDeadline}.`,
      { claimDeadline: request.claimDeadline },
    );
  }
  if (input.amount.currency !== allocation.currency) {
    throw InvalidInputError.field(
      'amount.currency',
      `The request is in ${allocation.currency}.`,
      'currency_mismatch',
    );
  }
  const left = request.approvedAmount!.amount - request.claimedAmount.amount;
  if (input.amount.amount > left) {
    throw new ConflictError(
      'insufficient_funds',
      `Only ${left} (minor units of ${allocation.currency}) of the approved amount is left to claim.`,
      { available: { amount: left, currency: allocation.currency } },
    );
  }
  const ids = [...new Set(input.proofFileIds)];
  const { rows } = await tx.query<{ id: string }>(
    'select id from files where id = any($1::text[]) and partner_id = $2',
    [ids, principal.partnerId],
  );
  const owned = new Set(rows.map((r) => r.id));
  const missing = input.proofFileIds.findIndex((f) => !owned.has(f));
  if (missing >= 0) {
    throw InvalidInputError.field(`proofFileIds.${missing}`, 'No such file.', 'not_found');
  }
  const id = newId('claim');
  await tx.query(
    `insert into mdf_claims (id, request_id, partner_id, allocation_id, status, currency, amount,
       proof_file_ids, results, submitted_by, submitted_at, updated_at)
     values ($1, $2, $3, $4, 'submitted', $5, $6, $7::text[], $8::jsonb, $9, $10, $10)`,
    [
      id,
      requestId,
      principal.partnerId,
      allocation.id,
      allocation.currency,
      input.amount.amount,
      ids,
      JSON.stringify(input.results),
      principal.sub,
      now,
    ],
  );
  await tx.query(
    'update mdf_requests set claimed_amount = claimed_amount + $2, updated_at = $3 where id = $1',
    [requestId, input.amount.amount, now],
  );
  await move(tx, {
    allocationId: allocation.id,
    kind: 'claim.submitted',
    from: 'approved',
    to: 'claimed',
    amount: input.amount.amount,
    requestId,
    claimId: id,
    actorId: principal.sub,
  });
  return commit(tx, principal, 'mdf.claim.submitted', id, undefined);
}

/** Locks the claim's allocation, its request and the claim, in that order. */
async function lockClaim(tx: Tx, id: string, principal: Principal): Promise<MdfClaim> {
  const first = await getClaim(tx, id, principal);
  await lockAllocation(tx, first.allocationId);
  await tx.query('select 1 from mdf_requests where id = $1 for update', [first.requestId]);
  await tx.query('select 1 from mdf_claims where id = $1 for update', [id]);
  return (await readClaim(tx, id))!;
}

const invalidTransition = (c: MdfClaim, what: string) =>
  new ConflictError('invalid_transition', `A claim that is ${c.status} cannot be ${what}.`, {
    status: c.status,
  });

/** A channel manager approves or rejects a submitted claim. */
export async function decideClaim(
  tx: Tx,
  id: string,
  input: MdfClaimDecisionInput,
  principal: Principal,
): Promise<MdfClaim> {
  const before = await lockClaim(tx, id, principal);
  const approve = input.decision === 'approve';
  if (before.status !== 'submitted') {
    throw invalidTransition(before, approve ? 'approved' : 'rejected');
  }
  const now = await nowOf(tx);
  const decision = {
    by: principal.sub,
    decision: input.decision,
    ...(input.comment ? { comment: input.comment } : {}),
    at: instant(now),
  };
  await tx.query(
    'update mdf_claims set status = $2, decision = $3::jsonb, updated_at = $4 where id = $1',
    [id, approve ? 'approved' : 'rejected', JSON.stringify(decision), now],
  );
  if (!approve) {
    await tx.query(
      'update mdf_requests set claimed_amount = claimed_amount - $2, updated_at = $3 where id = $1',
      [before.requestId, before.amount.amount, now],
    );
    await move(tx, {
      allocationId: before.allocationId,
      kind: 'claim.rejected',
      from: 'claimed',
      to: 'approved',
      amount: before.amount.amount,
      requestId: before.requestId,
      claimId: id,
      actorId: principal.sub,
    });
  }
  return commit(tx, principal, approve ? 'mdf.claim.approved' : 'mdf.claim.rejected', id, before);
}

/** Finance reports the payment of an approved claim: its amount moves from claimed to paid. */
export async function payClaim(
  tx: Tx,
  id: string,
  input: MdfPayoutInput,
  principal: Principal,
): Promise<MdfClaim> {
  const before = await lockClaim(tx, id, principal);
  if (before.status !== 'approved') throw invalidTransition(before, 'paid');
  const now = await nowOf(tx);
  if (Date.parse(input.paidAt) > now.getTime() + 5 * 60_000) {
    throw InvalidInputError.field('paidAt', 'Must not be in the future.', 'in_future');
  }
  const payout = { reference: input.reference, paidAt: instant(input.paidAt) };
  await tx.query(
    `update mdf_claims set status = 'paid', payout = $2::jsonb, updated_at = $3 where id = $1`,
    [id, JSON.stringify(payout), now],
  );
  await move(tx, {
    allocationId: before.allocationId,
    kind: 'claim.paid',
    from: 'claimed',
    to: 'paid',
    amount: before.amount.amount,
    requestId: before.requestId,
    claimId: id,
    actorId: principal.sub,
  });
  return commit(tx, principal, 'mdf.claim.paid', id, before);
}
