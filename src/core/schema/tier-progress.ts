/**
 * @module Tier progress: certifications, the program's exchange rates, a partner's standing
 * against the ladder (`GET /v1/partners/:id/tier-progress`) and its tier history.
 */
import * as z from 'zod/mini';
import { CalendarDate, Currency, Instant, Money, PartnerId, UserId, text } from './common.js';
import { Tier, TIER_REQUIREMENT_KEYS } from './tier.js';

export const TierRequirementKey = z.enum(TIER_REQUIREMENT_KEYS);
export type TierRequirementKey = z.infer<typeof TierRequirementKey>;

/** A decimal string with up to 8 decimals: base units per one unit of the currency. */
export const RATE_PATTERN = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,8})?$/;

export const ExchangeRate = z.object({ currency: Currency, rate: z.string(), updatedAt: Instant });
export type ExchangeRate = z.infer<typeof ExchangeRate>;
export const ExchangeRates = z.object({ base: Currency, rates: z.array(ExchangeRate) });
export type ExchangeRates = z.infer<typeof ExchangeRates>;

/** `PUT /v1/program/exchange-rates`: replaces every rate. */
export const ExchangeRatesInput = /* @__PURE__ */ (() =>
  z.strictObject({
    rates: z
      .array(
        z.strictObject({
          currency: Currency,
          rate: z.string().check(
            z.regex(RATE_PATTERN, 'Expected a decimal string like "1.0825" (up to 8 decimals).'),
            z.refine((s) => Number(s) > 0, 'Must be greater than zero.'),
          ),
        }),
      )
      .check(
        z.maxLength(200),
        z.refine(
          (rs) => new Set(rs.map((r) => r.currency)).size === rs.length,
          'Each currency once.',
        ),
      ),
  }))();
export type ExchangeRatesInput = z.infer<typeof ExchangeRatesInput>;

export const Certification = z.object({
  id: z.string(),
  partnerId: PartnerId,
  userId: z.string(),
  userName: z.optional(z.nullable(z.string())),
  name: z.string(),
  earnedAt: CalendarDate,
  expiresAt: z.optional(z.nullable(CalendarDate)),
  active: z.boolean(),
  createdAt: Instant,
});
export type Certification = z.infer<typeof Certification>;

/** `POST /v1/certifications` (program_admin, integration): what an LMS reports. */
export const CertificationInput = /* @__PURE__ */ (() =>
  z.strictObject({
    partnerId: PartnerId,
    userId: UserId,
    userName: z.optional(text(200)),
    name: text(200),
    earnedAt: CalendarDate,
    expiresAt: z.optional(CalendarDate),
  }))();
export type CertificationInput = z.infer<typeof CertificationInput>;

export const CertificationListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    partnerId: z.optional(z.string().check(z.maxLength(100))),
    limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
    cursor: z.optional(z.string().check(z.maxLength(512))),
  }))();
export type CertificationListQuery = z.infer<typeof CertificationListQuery>;

export const TierMetrics = z.object({
  revenue12m: Money,
  wonDeals12m: z.int(),
  activeCertifications: z.int(),
  /** Won revenue in currencies without an exchange rate: shown, never counted. */
  unconvertedRevenue: z.array(Money),
});
export type TierMetrics = z.infer<typeof TierMetrics>;

export const TierRequirementProgress = z.object({
  key: TierRequirementKey,
  /** Money for `revenue12m`, a count otherwise. */
  target: z.union([Money, z.int()]),
  current: z.union([Money, z.int()]),
  met: z.boolean(),
  progress: z.number(),
});
export type TierRequirementProgress = z.infer<typeof TierRequirementProgress>;

export const NEXT_ACTION_KEYS = [
  'revenue12m',
  'wonDeals12m',
  'certifications',
  'convert_currency',
] as const;

export const NextAction = z.object({
  key: z.enum(NEXT_ACTION_KEYS),
  /** English; widgets phrase the structured fields in their own language. */
  text: z.string(),
  amount: z.optional(Money),
  count: z.optional(z.int()),
  dueBy: z.optional(CalendarDate),
});
export type NextAction = z.infer<typeof NextAction>;

export const TierProgress = z.object({
  partnerId: PartnerId,
  currentTier: Tier,
  nextTier: z.nullable(Tier),
  metrics: TierMetrics,
  /** Toward the next tier; the current tier's when it is the top one. */
  requirements: z.array(TierRequirementProgress),
  overallProgress: z.number(),
  retention: z.object({
    status: z.enum(['ok', 'at_risk']),
    reviewDate: CalendarDate,
    missing: z.array(TierRequirementKey),
  }),
  nextActions: z.array(NextAction),
  evaluatedAt: Instant,
});
export type TierProgress = z.infer<typeof TierProgress>;

export const TIER_CHANGE_REASONS = ['rise', 'fall', 'manual', 'definition_change'] as const;

export const TierHistoryEntry = z.object({
  at: Instant,
  fromTierId: z.nullable(z.string()),
  toTierId: z.string(),
  reason: z.enum(TIER_CHANGE_REASONS),
  metrics: TierMetrics,
});
export type TierHistoryEntry = z.infer<typeof TierHistoryEntry>;

/** The data of a `tier.changed` event. */
export const TierChanged = z.object({
  partnerId: PartnerId,
  fromTierId: z.nullable(z.string()),
  toTierId: z.string(),
  reason: z.enum(TIER_CHANGE_REASONS),
  at: Instant,
});
export type TierChanged = z.infer<typeof TierChanged>;
