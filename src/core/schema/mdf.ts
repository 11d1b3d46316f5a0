/**
 * @module Market development funds: allocations per partner and period, requests for funds,
 * claims with proof files and results, payouts, and the per-period summary of a partner's funds.
 */
import * as z from 'zod/mini';
import {
  CalendarDate,
  Cursor,
  Instant,
  Limit,
  MAX_AMOUNT_MINOR,
  Money,
  MoneyInput,
  PartnerId,
  PositiveMoneyInput,
  UserId,
  multilineText,
  prefixedId,
  text,
} from './common.js';

export const AllocationId = prefixedId('mdfa');
export const MdfRequestId = prefixedId('mdfr');
export const MdfClaimId = prefixedId('mdfc');
export const FileId = prefixedId('file');

/** A funding period: a calendar quarter, `2026-Q4`. */
export const Period = z
  .string()
  .check(z.regex(/^\d{4}-Q[1-4]$/, 'Expected a quarter like 2026-Q4.'));

export const ACTIVITY_TYPES = [
  'event',
  'webinar',
  'digital',
  'content',
  'training',
  'other',
] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;

export const MDF_REQUEST_STATUSES = ['submitted', 'approved', 'rejected', 'returned'] as const;
export const MdfRequestStatus = z.enum(MDF_REQUEST_STATUSES);
export type MdfRequestStatus = z.infer<typeof MdfRequestStatus>;

export const MDF_CLAIM_STATUSES = ['submitted', 'approved', 'rejected', 'paid'] as const;
export const MdfClaimStatus = z.enum(MDF_CLAIM_STATUSES);
export type MdfClaimStatus = z.infer<typeof MdfClaimStatus>;

export const MDF_REQUEST_DECISIONS = ['approve', 'reject', 'return'] as const;
export const MDF_CLAIM_DECISIONS = ['approve', 'reject'] as const;

/** The proof types a claim accepts, decided by the file's content. */
export const FILE_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
export type FileContentType = keyof typeof FILE_TYPES;
/** 10 MiB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** `POST /v1/files` answers this; claims list their proof files the same way. */
export const FileInfo = z.object({
  id: FileId,
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
});
export type FileInfo = z.infer<typeof FileInfo>;

export const Allocation = z.object({
  id: AllocationId,
  partnerId: PartnerId,
  period: Period,
  amount: Money,
  expiresAt: Instant,
  createdAt: Instant,
});
export type Allocation = z.infer<typeof Allocation>;

/** `POST /v1/mdf/allocations`. */
export const AllocationInput = /* @__PURE__ */ (() =>
  z.strictObject({
    partnerId: PartnerId,
    period: Period,
    amount: PositiveMoneyInput,
    expiresAt: Instant,
  }))();
export type AllocationInput = z.infer<typeof AllocationInput>;

/** One period of `GET /v1/mdf/summary`; every figure is Money in the summary's currency. */
export const MdfPeriod = z.object({
  period: Period,
  allocationId: AllocationId,
  allocated: Money,
  pending: Money,
  approved: Money,
  claimed: Money,
  paid: Money,
  available: Money,
  expiresAt: Instant,
});
export type MdfPeriod = z.infer<typeof MdfPeriod>;

export const MdfSummary = z.object({
  partnerId: PartnerId,
  currency: z.string(),
  periods: z.array(MdfPeriod),
});
export type MdfSummary = z.infer<typeof MdfSummary>;

export const MdfSummaryQuery = /* @__PURE__ */ (() =>
  z.strictObject({ partnerId: z.optional(PartnerId) }))();
export type MdfSummaryQuery = z.infer<typeof MdfSummaryQuery>;

const Count = z
  .int('Expected a whole number.')
  .check(z.gte(0, 'Must not be negative.'), z.lte(MAX_AMOUNT_MINOR, 'Unrealistically large.'));

export const ActivityInput = z.strictObject({
  type: ActivityType,
  title: text(200),
  description: multilineText(4000).check(z.minLength(1, 'Required.')),
  startDate: CalendarDate,
  endDate: CalendarDate,
  expectedLeads: z.optional(Count),
  expectedPipeline: z.optional(MoneyInput),
});
export type ActivityInput = z.infer<typeof ActivityInput>;

export const Activity = z.object({
  type: ActivityType,
  title: z.string(),
  description: z.string(),
  startDate: CalendarDate,
  endDate: CalendarDate,
  expectedLeads: z.optional(z.int()),
  expectedPipeline: z.optional(Money),
});
export type Activity = z.infer<typeof Activity>;

/** `POST /v1/mdf/requests`. */
export const MdfRequestInput = z.strictObject({
  allocationId: AllocationId,
  activity: ActivityInput,
  requestedAmount: PositiveMoneyInput,
});
export type MdfRequestInput = z.infer<typeof MdfRequestInput>;

/** `PUT /v1/mdf/requests/:id`: a returned request, changed and submitted again. */
export const MdfRequestUpdate = z.strictObject({
  activity: ActivityInput,
  requestedAmount: PositiveMoneyInput,
});
export type MdfRequestUpdate = z.infer<typeof MdfRequestUpdate>;

export const MdfDecision = z.object({
  by: UserId,
  decision: z.enum(MDF_REQUEST_DECISIONS),
  comment: z.optional(z.string()),
  at: Instant,
});
export type MdfDecision = z.infer<typeof MdfDecision>;

export const MdfRequest = z.object({
  id: MdfRequestId,
  partnerId: PartnerId,
  partnerName: z.optional(z.string()),
  allocationId: AllocationId,
  period: Period,
  status: MdfRequestStatus,
  activity: Activity,
  requestedAmount: Money,
  /** Set once approved: possibly less than requested. */
  approvedAmount: z.nullable(Money),
  /** What claims not rejected take of the approved amount. */
  claimedAmount: Money,
  /** The last day a claim is accepted: the activity's end plus the program's claim window. */
  claimDeadline: CalendarDate,
  decision: z.nullable(MdfDecision),
  submittedBy: UserId,
  submittedAt: Instant,
  updatedAt: Instant,
});
export type MdfRequest = z.infer<typeof MdfRequest>;

/** `POST /v1/mdf/requests/:id/decision`. */
export const MdfRequestDecisionInput = /* @__PURE__ */ (() =>
  z.strictObject({
    decision: z.enum(MDF_REQUEST_DECISIONS),
    approvedAmount: z.optional(PositiveMoneyInput),
    comment: z.optional(multilineText(2000)),
  }))();
export type MdfRequestDecisionInput = z.infer<typeof MdfRequestDecisionInput>;

export const ClaimResultsInput = z.strictObject({
  leads: z.optional(Count),
  pipeline: z.optional(MoneyInput),
  notes: z.optional(multilineText(4000)),
});

/** `POST /v1/mdf/requests/:id/claims`. */
export const MdfClaimInput = z.strictObject({
  amount: PositiveMoneyInput,
  proofFileIds: z
    .array(FileId)
    .check(z.minLength(1, 'Attach at least one proof file.'), z.maxLength(20)),
  results: ClaimResultsInput,
});
export type MdfClaimInput = z.infer<typeof MdfClaimInput>;

export const MdfClaim = z.object({
  id: MdfClaimId,
  requestId: MdfRequestId,
  partnerId: PartnerId,
  allocationId: AllocationId,
  period: Period,
  status: MdfClaimStatus,
  amount: Money,
  proofFiles: z.array(FileInfo),
  results: z.object({
    leads: z.optional(z.int()),
    pipeline: z.optional(Money),
    notes: z.optional(z.string()),
  }),
  decision: z.nullable(
    z.object({
      by: UserId,
      decision: z.enum(MDF_CLAIM_DECISIONS),
      comment: z.optional(z.string()),
      at: Instant,
    }),
  ),
  payout: z.nullable(z.object({ reference: z.string(), paidAt: Instant })),
  submittedBy: UserId,
  submittedAt: Instant,
  updatedAt: Instant,
});
export type MdfClaim = z.infer<typeof MdfClaim>;

/** `POST /v1/mdf/claims/:id/decision`. */
export const MdfClaimDecisionInput = /* @__PURE__ */ (() =>
  z.strictObject({
    decision: z.enum(MDF_CLAIM_DECISIONS),
    comment: z.optional(multilineText(2000)),
  }))();
export type MdfClaimDecisionInput = z.infer<typeof MdfClaimDecisionInput>;

/** `POST /v1/mdf/claims/:id/payout`: finance reports the payment. */
export const MdfPayoutInput = /* @__PURE__ */ (() =>
  z.strictObject({ reference: text(255), paidAt: Instant }))();
export type MdfPayoutInput = z.infer<typeof MdfPayoutInput>;

export const MdfRequestListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    partnerId: z.optional(PartnerId),
    status: z.optional(MdfRequestStatus),
    allocationId: z.optional(AllocationId),
    limit: z.optional(Limit),
    cursor: z.optional(Cursor),
  }))();
export type MdfRequestListQuery = z.infer<typeof MdfRequestListQuery>;

export const MdfClaimListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    partnerId: z.optional(PartnerId),
    status: z.optional(MdfClaimStatus),
    requestId: z.optional(MdfRequestId),
    limit: z.optional(Limit),
    cursor: z.optional(Cursor),
  }))();
export type MdfClaimListQuery = z.infer<typeof MdfClaimListQuery>;

/** `POST /v1/files` query: the file's name, when no `Content-Disposition` names it. */
export const FileUploadQuery = /* @__PURE__ */ (() =>
  z.strictObject({ name: z.optional(text(255)) }))();
export type FileUploadQuery = z.infer<typeof FileUploadQuery>;
