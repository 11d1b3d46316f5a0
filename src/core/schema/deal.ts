/** @module Deal registration: deals, conflict reports, decisions and direct opportunities. */
import * as z from 'zod/mini';
import {
  CalendarDate,
  Cursor,
  DealId,
  Email,
  Instant,
  Limit,
  Money,
  MoneyInput,
  OpportunityId,
  PartnerId,
  TierId,
  PositiveMoneyInput,
  ProblemDetails,
  ProductId,
  UserId,
  coded,
  multilineText,
  text,
} from './common.js';

export const DEAL_STATUSES = [
  'under_review',
  'approved',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export const DealStatus = z.enum(DEAL_STATUSES);
export type DealStatus = z.infer<typeof DealStatus>;

export const DEAL_STAGES = ['open', 'won', 'lost'] as const;
export const DealStage = z.enum(DEAL_STAGES);
export type DealStage = z.infer<typeof DealStage>;

/** Reason codes a reviewer may give (`POST /v1/deals/:id/decision`). */
export const DECISION_REASON_CODES = [
  'approved_manual',
  'conflict_other_partner',
  'conflict_direct_opportunity',
  'duplicate_own',
  'ineligible_tier',
  'insufficient_information',
  'customer_existing',
  'other',
] as const;
/** Every reason code a deal's decision can carry, including the server's own `approved_auto`. */
export const REASON_CODES = ['approved_auto', ...DECISION_REASON_CODES] as const;
export const ReasonCode = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof ReasonCode>;
export const DecisionReasonCode = z.enum(DECISION_REASON_CODES);
export type DecisionReasonCode = z.infer<typeof DecisionReasonCode>;

export const DECISIONS = ['approve', 'reject'] as const;

/**
 * Two customer names (normalised) name the same customer at or above this trigram similarity: the
 * server's matching treats such a match like a domain match, and a form says so.
 */
export const SAME_CUSTOMER_SIMILARITY = 0.9;

export const CONFLICT_VERDICTS = ['clear', 'review', 'blocked'] as const;
export const MATCH_KINDS = ['own_duplicate', 'other_partner', 'direct_opportunity'] as const;

/**
 * One match of a conflict check. For partner roles an `other_partner` or `direct_opportunity`
 * match carries no id and no customer name: only `kind`, `similarity` and `matchedOn`.
 */
export const ConflictMatch = z.object({
  kind: z.enum(MATCH_KINDS),
  similarity: z.number().check(z.gte(0), z.lte(1)),
  matchedOn: z.array(z.enum(['domain', 'name'])),
  dealId: z.optional(DealId),
  opportunityId: z.optional(OpportunityId),
  customerName: z.optional(z.string()),
});
export type ConflictMatch = z.infer<typeof ConflictMatch>;

export const ConflictReport = z.object({
  verdict: z.enum(CONFLICT_VERDICTS),
  matches: z.array(ConflictMatch),
});
export type ConflictReport = z.infer<typeof ConflictReport>;
/** What `POST /v1/deals/check` answers. */
export const DealCheckResult = ConflictReport;
export type DealCheckResult = ConflictReport;

/** The host name a website value names: `https://www.acme.com/x` → `www.acme.com`. */
export function hostnameOf(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (!v || /\s/.test(v)) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(v) ? v : `http://${v}`).hostname;
    return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(
      host,
    )
      ? host
      : null;
  } catch {
    return null;
  }
}

/** A customer's website or domain as typed: `acme.com`, `https://www.acme.com/x`. */
export const WebsiteInput = z.string().check(
  z.trim(),
  z.minLength(1, 'Required.'),
  z.maxLength(2048, 'At most 2048 characters.'),
  z.refine(
    (v) => hostnameOf(v) !== null,
    coded('invalid_website', 'Expected a website or domain like acme.com.'),
  ),
);

/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = z
  .string()
  .check(z.toUpperCase(), z.regex(/^[A-Z]{2}$/, 'Expected a two-letter country code like DE.'));

const todayUtc = () => new Date().toISOString().slice(0, 10);
const shiftDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** An expected close date: not in the past (one day of slack for time zones), within 5 years. */
export const CloseDateInput = CalendarDate.check(
  z.refine(
    (d) => d >= shiftDays(todayUtc(), -1),
    coded('date_in_past', 'Must not be in the past.'),
  ),
  z.refine(
    (d) => d <= shiftDays(todayUtc(), 5 * 366),
    coded('date_too_far', 'Must be within five years.'),
  ),
);

export const CustomerInput = z.strictObject({
  name: text(200),
  domain: WebsiteInput,
  country: z.optional(CountryCode),
});

export const ContactInput = z.strictObject({
  name: text(200),
  email: Email,
  phone: z.optional(
    z
      .string()
      .check(z.trim(), z.maxLength(40), z.regex(/^[+()0-9 ./-]*$/, 'Expected a phone number.')),
  ),
});

/** `POST /v1/deals`: what a partner registers. */
export const DealInput = z.strictObject({
  customer: CustomerInput,
  contact: ContactInput,
  title: text(200),
  products: z
    .array(ProductId)
    .check(z.minLength(1, 'Choose at least one product.'), z.maxLength(50)),
  amount: PositiveMoneyInput,
  expectedCloseDate: CloseDateInput,
  notes: z.optional(multilineText(4000)),
});
export type DealInput = z.infer<typeof DealInput>;

/**
 * `POST /v1/deals/check`: the registration body, of which only the customer's name is needed, so
 * a form can check while it is being filled in.
 */
export const DealCheckInput = z.strictObject({
  customer: z.strictObject({
    name: text(200),
    domain: z.optional(z.union([WebsiteInput, z.literal('')])),
    country: z.optional(CountryCode),
  }),
  contact: z.optional(z.unknown()),
  title: z.optional(z.unknown()),
  products: z.optional(z.array(ProductId).check(z.maxLength(50))),
  amount: z.optional(z.unknown()),
  expectedCloseDate: z.optional(z.unknown()),
  notes: z.optional(z.unknown()),
});
export type DealCheckInput = z.infer<typeof DealCheckInput>;

export const Decision = z.object({
  by: UserId,
  decision: z.enum(DECISIONS),
  reasonCode: ReasonCode,
  comment: z.optional(z.string()),
  at: Instant,
});
export type Decision = z.infer<typeof Decision>;

export const Deal = z.object({
  id: DealId,
  partnerId: PartnerId,
  partnerName: z.optional(z.string()),
  status: DealStatus,
  stage: DealStage,
  customer: z.object({
    name: z.string(),
    domain: z.string(),
    country: z.optional(z.nullable(z.string())),
  }),
  contact: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.optional(z.nullable(z.string())),
  }),
  title: z.string(),
  products: z.array(z.string()),
  amount: Money,
  expectedCloseDate: CalendarDate,
  notes: z.optional(z.nullable(z.string())),
  submittedBy: UserId,
  submittedAt: Instant,
  reviewDueAt: z.nullable(Instant),
  decision: z.optional(z.nullable(Decision)),
  protectedUntil: z.optional(z.nullable(Instant)),
  externalId: z.optional(z.nullable(z.string())),
  conflicts: ConflictReport,
  /** Who reviews it (`null`: nobody yet). Vendor roles only; never sent to partner roles. */
  assignee: z.optional(z.nullable(z.object({ id: UserId, name: z.string() }))),
  /** Under review past `reviewDueAt` (every role). */
  overdue: z.optional(z.boolean()),
  /** The partner's current tier. Vendor roles only. */
  partnerTier: z.optional(z.nullable(z.object({ id: TierId, name: z.string(), rank: z.int() }))),
});
export type Deal = z.infer<typeof Deal>;
/** Who a deal under review is assigned to, as the deal carries it. */
export type DealAssignee = NonNullable<Deal['assignee']>;

/** `POST /v1/deals/:id/decision`. */
export const DecisionInput = /* @__PURE__ */ (() =>
  z.strictObject({
    decision: z.enum(DECISIONS),
    reasonCode: DecisionReasonCode,
    comment: z.optional(multilineText(2000)),
  }))();
export type DecisionInput = z.infer<typeof DecisionInput>;

/** `PATCH /v1/deals/:id`: CRM sync of the stage, the amount and the CRM record id. */
export const DealPatch = /* @__PURE__ */ (() =>
  z
    .strictObject({
      stage: z.optional(DealStage),
      amount: z.optional(MoneyInput),
      externalId: z.optional(text(255)),
    })
    .check(
      z.refine(
        (p) => Object.keys(p).length > 0,
        coded('empty_patch', 'Give at least one of stage, amount, externalId.'),
      ),
    ))();
export type DealPatch = z.infer<typeof DealPatch>;

/** `?assignee=`: `me` or a user id. */
export const AssigneeFilter = /* @__PURE__ */ (() =>
  z.string().check(z.minLength(1), z.maxLength(128)))();

export const DEAL_SORTS = ['-submittedAt', 'reviewDueAt', '-amount'] as const;
export const DealSort = z.enum(DEAL_SORTS);
export type DealSort = z.infer<typeof DealSort>;

/** The filters `GET /v1/deals` and `GET /v1/deals/stats` share, in one place. */
const dealFilterFields = () => ({
  status: z.optional(DealStatus),
  stage: z.optional(DealStage),
  partnerId: z.optional(PartnerId),
  customerDomain: z.optional(z.string().check(z.maxLength(2048))),
  q: z.optional(z.string().check(z.maxLength(200))),
  /** `me` (the caller) or a user id: deals assigned to that reviewer (vendor roles). */
  assignee: z.optional(AssigneeFilter),
  /** The deal's partner's region, compared without case, as review routing does (vendor roles). */
  region: z.optional(text(64)),
});

/** `GET /v1/deals` query. */
export const DealListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    ...dealFilterFields(),
    sort: z.optional(DealSort),
    limit: z.optional(Limit),
    cursor: z.optional(Cursor),
  }))();
export type DealListQuery = z.infer<typeof DealListQuery>;

export const Opportunity = z.object({
  id: OpportunityId,
  externalId: z.string(),
  customer: z.object({ name: z.string(), domain: z.string() }),
  products: z.array(z.string()),
  stage: DealStage,
  ownerEmail: z.optional(z.nullable(z.string())),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Opportunity = z.infer<typeof Opportunity>;

/** `POST /v1/opportunities`: upserted by `externalId`. */
export const OpportunityInput = /* @__PURE__ */ (() =>
  z.strictObject({
    externalId: text(255),
    customer: z.strictObject({ name: text(200), domain: WebsiteInput }),
    products: z.array(ProductId).check(z.maxLength(50)),
    stage: DealStage,
    ownerEmail: z.optional(Email),
  }))();
export type OpportunityInput = z.infer<typeof OpportunityInput>;

export const OpportunityListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    stage: z.optional(DealStage),
    customerDomain: z.optional(z.string().check(z.maxLength(2048))),
    limit: z.optional(Limit),
    cursor: z.optional(Cursor),
  }))();
export type OpportunityListQuery = z.infer<typeof OpportunityListQuery>;

/** A reviewer as an admin names one: in routing rules and `POST /v1/deals/:id/assign`. */
export const Reviewer = z.object({ id: UserId, name: z.string(), email: z.string() });
export type Reviewer = z.infer<typeof Reviewer>;
export const ReviewerInput = /* @__PURE__ */ (() =>
  z.strictObject({ id: text(128), name: text(200), email: Email }))();
export type ReviewerInput = z.infer<typeof ReviewerInput>;

/** `POST /v1/deals/:id/assign` (channel_manager, program_admin). */
export const DealAssignInput = /* @__PURE__ */ (() =>
  z.strictObject({ assignee: ReviewerInput }))();
export type DealAssignInput = z.infer<typeof DealAssignInput>;

/** `GET /v1/deals/stats` query: the list's filters, without sort and paging. */
export const DealStatsQuery = /* @__PURE__ */ (() => z.strictObject(dealFilterFields()))();
export type DealStatsQuery = z.infer<typeof DealStatsQuery>;

/** `GET /v1/deals/stats` (vendor roles): the counts a review queue shows in its header. */
export const DealStats = z.object({
  /** Deals under review that match the filters. */
  underReview: z.int(),
  /** Of those, past `reviewDueAt`. */
  overdue: z.int(),
  /** Of those, due before the end of the current UTC day and not yet overdue. */
  dueToday: z.int(),
  /** Of those, assigned to the caller. */
  assignedToMe: z.int(),
});
export type DealStats = z.infer<typeof DealStats>;

/** 409 `duplicate_registration` of `POST /v1/deals`: the partner's own active deal it repeats. */
export const DuplicateRegistrationProblem = /* @__PURE__ */ (() =>
  z.looseObject({ ...ProblemDetails.shape, existingDealId: DealId }))();
export type DuplicateRegistrationProblem = z.infer<typeof DuplicateRegistrationProblem>;
