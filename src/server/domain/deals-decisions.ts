/**
 * @module What happens to a deal after registration: a reviewer's decision, the partner's
 * withdrawal and the CRM's sync of stage, amount and record id. Each change locks the deal row,
 * checks the transition against the status the deal reads as now, and commits with its audit
 * entry and `deal.updated` event.
 */
import type { Deal, DealPatch, DecisionInput } from '../../core/schema/index.js';
import { audit } from '../audit.js';
import { instant } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import { databaseNow } from '../store/clock.js';
import type { Tx } from '../store/index.js';
import { ownPartnerOr404 } from '../authz.js';
import { ConflictError, InvalidInputError } from './errors.js';
import { getProgram } from './program.js';
import { readDealForUpdate } from './deals-register.js';
import { emitEvent } from './events.js';

const DAY = 86_400_000;

/** `status` of a problem is the HTTP status; the deal's own status travels as `dealStatus`. */
const invalidTransition = (deal: Deal, what: string) =>
  new ConflictError('invalid_transition', `A deal that is ${deal.status} cannot be ${what}.`, {
    dealStatus: deal.status,
  });

async function commitChange(
  tx: Tx,
  principal: Principal,
  action: string,
  before: Deal,
): Promise<Deal> {
  const after = await readDealForUpdate(tx, before.id);
  await audit(tx, {
    actor: principal,
    action,
    resourceType: 'deal',
    resourceId: before.id,
    before,
    after,
  });
  await emitEvent(tx, {
    type: 'deal.updated',
    resourceType: 'deal',
    resourceId: after.id,
    partnerId: after.partnerId,
    data: after,
  });
  return after;
}

/**
 * A reviewer approves or rejects a deal under review, or approves a rejected one (an override).
 * Approval starts the protection window. The reason must fit: `approved_manual` for approvals and
 * only for them.
 */
export async function decideDeal(
  tx: Tx,
  id: string,
  input: DecisionInput,
  principal: Principal,
): Promise<Deal> {
  const approve = input.decision === 'approve';
  if (approve !== (input.reasonCode === 'approved_manual')) {
    throw InvalidInputError.field(
      'reasonCode',
      approve
        ? 'An approval takes the reason code approved_manual.'
        : 'A rejection takes a reason code other than approved_manual.',
      'reason_mismatch',
    );
  }
  const before = await readDealForUpdate(tx, id);
  const allowed = before.status === 'under_review' || (approve && before.status === 'rejected');
  if (!allowed) throw invalidTransition(before, approve ? 'approved' : 'rejected');

  const now = await databaseNow(tx);
  const decision = {
    by: principal.sub,
    decision: input.decision,
    reasonCode: input.reasonCode,
    ...(input.comment ? { comment: input.comment } : {}),
    at: instant(now),
  };
  const protectedUntil = approve
    ? new Date(now.getTime() + (await getProgram(tx)).protectionDays * DAY)
    : null;
  await tx.query(
    `update deals set status = $2, decision = $3::jsonb, protected_until = $4, updated_at = $5
      where id = $1`,
    [id, approve ? 'approved' : 'rejected', JSON.stringify(decision), protectedUntil, now],
  );
  return commitChange(tx, principal, approve ? 'deal.approved' : 'deal.rejected', before);
}

/** The owning partner takes back its registration, while under review or approved. */
export async function withdrawDeal(tx: Tx, id: string, principal: Principal): Promise<Deal> {
  const before = await readDealForUpdate(tx, id);
  ownPartnerOr404(principal, before.partnerId);
  if (before.status !== 'under_review' && before.status !== 'approved') {
    throw invalidTransition(before, 'withdrawn');
  }
  await tx.query(
    `update deals set status = 'withdrawn', updated_at = date_trunc('milliseconds', now())
      where id = $1`,
    [id],
  );
  return commitChange(tx, principal, 'deal.withdrawn', before);
}

/**
 * The CRM's view of a deal: its stage (won/lost), amount and record id. A rejected or withdrawn
 * deal is no longer in play, so only its record id may still be linked.
 */
export async function patchDeal(
  tx: Tx,
  id: string,
  patch: DealPatch,
  principal: Principal,
): Promise<Deal> {
  const before = await readDealForUpdate(tx, id);
  const closed = before.status === 'rejected' || before.status === 'withdrawn';
  if (closed && (patch.stage !== undefined || patch.amount !== undefined)) {
    throw invalidTransition(before, 'changed');
  }
  if (patch.amount) {
    const program = await getProgram(tx);
    if (!program.currencies.includes(patch.amount.currency)) {
      throw InvalidInputError.field(
        'amount.currency',
        `The program deals in ${program.currencies.join(', ')}.`,
        'unsupported_currency',
      );
    }
  }
  // A stored `expired` is an approved, open deal past its protection (see deals-expiry.ts); once
  // won or lost it is no longer open, so it reads as approved again, swept or not.
  await tx.query(
    `update deals set status = case when status = 'expired' and coalesce($2, stage) <> 'open'
                                    then 'approved' else status end,
            stage = coalesce($2, stage), amount = coalesce($3, amount),
            currency = coalesce($4, currency), external_id = coalesce($5, external_id),
            updated_at = date_trunc('milliseconds', now())
      where id = $1`,
    [
      id,
      patch.stage ?? null,
      patch.amount?.amount ?? null,
      patch.amount?.currency ?? null,
      patch.externalId ?? null,
    ],
  );
  return commitChange(tx, principal, 'deal.updated', before);
}
