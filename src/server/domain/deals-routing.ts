/**
 * @module Review routing: the program's ordered rules that assign a deal going to review to a
 * reviewer (first match on the partner's region and type, else the fallback), and reassigning a
 * deal by hand (`POST /v1/deals/:id/assign`).
 */
import type {
  Deal,
  Reviewer,
  ReviewerInput,
  ReviewRouting,
  ReviewRoutingInput,
  ReviewRoutingRule,
} from '../../core/schema/index.js';
import { audit } from '../audit.js';
import type { AuditInput } from '../audit.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Tx } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import type { DealRow } from './deals-views.js';
import { DEAL_SELECT, toDeal } from './deals-views.js';
import { emitEvent } from './events.js';
import { ConflictError, NotFoundError } from './errors.js';

/** The deal (vendor view), locked for the rest of the transaction. (deals-register.ts imports
 * this module, so its twin of this function cannot be imported here.) */
async function lockedDeal(tx: Queryable, id: string): Promise<Deal> {
  const row = await maybeOne<DealRow>(tx, `${DEAL_SELECT} where d.id = $1 for update of d`, [id]);
  if (!row) throw new NotFoundError('No such deal.');
  return toDeal(row);
}

interface RoutingRow {
  rules: ReviewRoutingRule[];
  fallback: Reviewer | null;
}

export async function getReviewRouting(db: Queryable): Promise<ReviewRouting> {
  const row = await maybeOne<RoutingRow>(
    db,
    'select rules, fallback from review_routing where id = 1',
  );
  return { rules: row?.rules ?? [], fallback: row?.fallback ?? null };
}

/** Only the members a rule states, in a fixed order: what is stored is what is read back. */
const ruleOf = (r: ReviewRoutingInput['rules'][number]): ReviewRoutingRule => ({
  ...(r.region === undefined ? {} : { region: r.region }),
  ...(r.partnerType === undefined ? {} : { partnerType: r.partnerType }),
  assignee: reviewerOf(r.assignee),
});
const reviewerOf = (r: ReviewerInput): Reviewer => ({ id: r.id, name: r.name, email: r.email });

/** Replaces the rules and the fallback (program_admin), audited. */
export async function putReviewRouting(
  tx: Tx,
  input: ReviewRoutingInput,
  actor: AuditInput['actor'],
): Promise<ReviewRouting> {
  const before = await getReviewRouting(tx);
  const after: ReviewRouting = {
    rules: input.rules.map(ruleOf),
    fallback: input.fallback ? reviewerOf(input.fallback) : null,
  };
  await tx.query(
    `insert into review_routing (id, rules, fallback) values (1, $1::jsonb, $2::jsonb)
     on conflict (id) do update set rules = excluded.rules, fallback = excluded.fallback,
       updated_at = date_trunc('milliseconds', now())`,
    [JSON.stringify(after.rules), after.fallback ? JSON.stringify(after.fallback) : null],
  );
  await audit(tx, {
    actor,
    action: 'review_routing.updated',
    resourceType: 'program',
    resourceId: 'review-routing',
    before,
    after,
  });
  return after;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The reviewer the routing gives a partner: the first rule whose `region` (compared without case)
 * and `partnerType` both match, each when the rule states it; else the fallback; else nobody.
 */
export function routeReview(
  routing: ReviewRouting,
  partner: { region: string; type: string },
): Reviewer | null {
  const rule = routing.rules.find(
    (r) =>
      (r.region === undefined || sameText(r.region, partner.region)) &&
      (r.partnerType === undefined || r.partnerType === partner.type),
  );
  return rule?.assignee ?? routing.fallback;
}

/**
 * Assigns a freshly registered deal that went to review, inside its registration transaction and
 * before its audit entry and event are written, so both carry the assignee. Any other deal is
 * left alone.
 */
export async function assignNewDeal(tx: Tx, dealId: string): Promise<void> {
  const partner = await maybeOne<{ region: string; type: string; status: string }>(
    tx,
    `select p.region, p.type, d.status from deals d join partners p on p.id = d.partner_id
      where d.id = $1`,
    [dealId],
  );
  if (!partner || partner.status !== 'under_review') return;
  const reviewer = routeReview(await getReviewRouting(tx), partner);
  if (!reviewer) return;
  await tx.query(
    `update deals set assignee_id = $2, assignee_name = $3, assignee_email = $4 where id = $1`,
    [dealId, reviewer.id, reviewer.name, reviewer.email],
  );
}

/**
 * A channel manager or program admin hands a deal under review to another reviewer: audited as
 * `deal.assigned`, announced as `deal.updated`. A deal no longer under review answers 409.
 */
export async function assignDeal(
  tx: Tx,
  id: string,
  assignee: ReviewerInput,
  principal: Principal,
): Promise<Deal> {
  const before = await lockedDeal(tx, id);
  if (before.status !== 'under_review') {
    throw new ConflictError(
      'invalid_transition',
      `A deal that is ${before.status} is not under review and cannot be assigned.`,
      { dealStatus: before.status },
    );
  }
  await tx.query(
    `update deals set assignee_id = $2, assignee_name = $3, assignee_email = $4,
            updated_at = date_trunc('milliseconds', now())
      where id = $1`,
    [id, assignee.id, assignee.name, assignee.email],
  );
  const after = await lockedDeal(tx, id);
  await audit(tx, {
    actor: principal,
    action: 'deal.assigned',
    resourceType: 'deal',
    resourceId: id,
    before,
    after,
  });
  await emitEvent(tx, {
    type: 'deal.updated',
    resourceType: 'deal',
    resourceId: id,
    partnerId: after.partnerId,
    data: after,
  });
  return after;
}
