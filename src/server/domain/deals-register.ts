/**
 * @module Registering a deal (`POST /v1/deals`) and checking one (`POST /v1/deals/check`): the
 * rules 1–6 of API.md in one transaction.
 */
import type {
  ConflictReport,
  Deal,
  DealCheckInput,
  DealInput,
  FieldError,
  Money,
  Program,
} from '../../core/schema/index.js';
import { audit } from '../audit.js';
import { instant, newId } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import { databaseNow } from '../store/clock.js';
import type { Queryable, Tx } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import { ConflictError, InvalidInputError, NotFoundError } from './errors.js';
import { getProgram } from './program.js';
import type { CustomerKey } from './deals-matching.js';
import {
  customerKey,
  findCandidates,
  judge,
  lockCustomer,
  setSimilarityThreshold,
} from './deals-matching.js';
import type { DealRow } from './deals-views.js';
import { DEAL_SELECT, toDeal } from './deals-views.js';
import { assignNewDeal } from './deals-routing.js';
import { emitEvent } from './events.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The system decides auto-approvals and blocks; its decisions carry this as `by`. */
export const SYSTEM_USER = 'system';

/** Rule 1 beyond the schema: the program's products and currencies, a name with letters in it. */
function checkAgainstProgram(
  program: Program,
  input: { products?: readonly string[] | undefined; amount?: Money | undefined },
  key: CustomerKey | null,
): void {
  const errors: FieldError[] = [];
  if (key && key.name.length === 0) {
    errors.push({
      path: 'customer.name',
      code: 'invalid',
      message: 'The name must contain letters or digits.',
    });
  }
  const known = new Set(program.products.map((p) => p.id));
  (input.products ?? []).forEach((id, i) => {
    if (!known.has(id)) {
      errors.push({
        path: `products.${i}`,
        code: 'unknown_product',
        message: `No product ${id} in the program.`,
      });
    }
  });
  if (input.amount && !program.currencies.includes(input.amount.currency)) {
    errors.push({
      path: 'amount.currency',
      code: 'unsupported_currency',
      message: `The program deals in ${program.currencies.join(', ')}.`,
    });
  }
  if (errors.length > 0) throw new InvalidInputError(errors);
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

/**
 * The report a registration would get, without writing anything. Only the customer's name is
 * needed; a domain and products narrow or widen it as a registration would. The caller renders
 * it for the partner (see `reportFor`).
 */
export async function checkDeal(
  tx: Tx,
  input: DealCheckInput,
  partnerId: string,
): Promise<ConflictReport> {
  const program = await getProgram(tx);
  const products = input.products ? unique(input.products) : undefined;
  checkAgainstProgram(program, { products }, null);
  const key = customerKey(input.customer.name, input.customer.domain || null);
  await setSimilarityThreshold(tx);
  return judge(await findCandidates(tx, key, products ?? null), partnerId).report;
}

async function autoApproveLimit(db: Queryable, partnerId: string): Promise<Money | null> {
  const row = await maybeOne<{ limit: Money | null }>(
    db,
    `select t.auto_approve_limit as limit from partners p join tiers t on t.id = p.tier_id
      where p.id = $1`,
    [partnerId],
  );
  return row?.limit ?? null;
}

/**
 * Registers a deal for the caller's partner. Rule 2 throws 409 `duplicate_registration`; every
 * other outcome is a new deal: rejected (rule 3), under review (4, or 5 above the tier's limit) or
 * approved automatically (5), with its audit entry and `deal.created` event in this transaction.
 */
export async function registerDeal(
  tx: Tx,
  input: DealInput,
  principal: Principal & { partnerId: string },
): Promise<Deal> {
  const program = await getProgram(tx);
  const products = unique(input.products);
  const key = customerKey(input.customer.name, input.customer.domain);
  checkAgainstProgram(program, { products, amount: input.amount }, key);

  await setSimilarityThreshold(tx);
  await lockCustomer(tx, key);
  const { report, duplicateOf } = judge(
    await findCandidates(tx, key, products),
    principal.partnerId,
  );
  if (duplicateOf) {
    throw new ConflictError(
      'duplicate_registration',
      'Your partner already has an active registration for this customer and product.',
      { existingDealId: duplicateOf },
    );
  }

  const now = await databaseNow(tx);
  const at = instant(now);
  let status: DealRow['status'] = 'under_review';
  let decision: Deal['decision'] = null;
  let protectedUntil: Date | null = null;
  let reviewDueAt: Date | null = new Date(now.getTime() + program.slaHours * HOUR);
  if (report.verdict === 'blocked') {
    status = 'rejected';
    decision = { by: SYSTEM_USER, decision: 'reject', reasonCode: 'conflict_other_partner', at };
    reviewDueAt = null;
  } else if (report.verdict === 'clear') {
    const limit = await autoApproveLimit(tx, principal.partnerId);
    if (limit && limit.currency === input.amount.currency && limit.amount >= input.amount.amount) {
      status = 'approved';
      decision = { by: SYSTEM_USER, decision: 'approve', reasonCode: 'approved_auto', at };
      protectedUntil = new Date(now.getTime() + program.protectionDays * DAY);
      reviewDueAt = null;
    }
  }

  const id = newId('deal');
  await tx.query(
    `insert into deals (id, partner_id, status, stage, customer_name, customer_name_norm,
       customer_domain, customer_reg_domain, customer_country, contact_name, contact_email,
       contact_phone, title, products, amount, currency, expected_close_date, notes, submitted_by,
       submitted_at, review_due_at, decision, protected_until, conflicts, updated_at)
     values ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[], $14, $15,
       $16, $17, $18, $19, $20, $21::jsonb, $22, $23::jsonb, $19)`,
    [
      id,
      principal.partnerId,
      status,
      input.customer.name,
      key.name,
      input.customer.domain,
      key.domain,
      input.customer.country ?? null,
      input.contact.name,
      input.contact.email,
      input.contact.phone || null,
      input.title,
      products,
      input.amount.amount,
      input.amount.currency,
      input.expectedCloseDate,
      input.notes || null,
      principal.sub,
      now,
      reviewDueAt,
      decision ? JSON.stringify(decision) : null,
      protectedUntil,
      JSON.stringify(report),
    ],
  );
  await assignNewDeal(tx, id);
  const deal = await readDealForUpdate(tx, id);
  await audit(tx, {
    actor: principal,
    action: 'deal.registered',
    resourceType: 'deal',
    resourceId: id,
    after: deal,
  });
  await emitEvent(tx, {
    type: 'deal.created',
    resourceType: 'deal',
    resourceId: id,
    partnerId: principal.partnerId,
    data: deal,
  });
  return deal;
}

/** The deal (vendor view) inside a transaction, locked for the rest of it. */
export async function readDealForUpdate(tx: Queryable, id: string): Promise<Deal> {
  const row = await maybeOne<DealRow>(tx, `${DEAL_SELECT} where d.id = $1 for update of d`, [id]);
  if (!row) throw new NotFoundError('No such deal.');
  return toDeal(row);
}
