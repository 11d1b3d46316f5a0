/** @module Tiers: ranks, requirements, benefits and the auto-approval limit. */
import * as z from 'zod/mini';
import { Money, MoneyInput, TierId, coded, text } from './common.js';

export const TIER_REQUIREMENT_KEYS = ['revenue12m', 'wonDeals12m', 'certifications'] as const;

export const Tier = z.object({
  id: TierId,
  name: z.string(),
  rank: z.int(),
  requirements: z.object({
    revenue12m: z.optional(Money),
    wonDeals12m: z.optional(z.int()),
    certifications: z.optional(z.int()),
  }),
  benefits: z.array(z.string()),
  autoApproveLimit: z.optional(z.nullable(Money)),
});
export type Tier = z.infer<typeof Tier>;

const count = /* @__PURE__ */ (() => z.int().check(z.gte(0), z.lte(1_000_000)))();

export const TierInput = /* @__PURE__ */ (() =>
  z.strictObject({
    id: TierId,
    name: text(100),
    rank: z.int().check(z.gte(0), z.lte(1000)),
    requirements: z.strictObject({
      revenue12m: z.optional(MoneyInput),
      wonDeals12m: z.optional(count),
      certifications: z.optional(count),
    }),
    benefits: z.array(text(300)).check(z.maxLength(50)),
    autoApproveLimit: z.optional(MoneyInput),
  }))();
export type TierInput = z.infer<typeof TierInput>;

/** `PUT /v1/program/tiers`: the whole ladder; ids and ranks must be unique. */
export const TiersInput = /* @__PURE__ */ (() =>
  z.strictObject({
    tiers: z.array(TierInput).check(
      z.minLength(1, 'At least one tier.'),
      z.maxLength(20),
      z.refine(
        (ts) => new Set(ts.map((t) => t.id)).size === ts.length,
        coded('duplicate_tier_id', 'Tier ids must be unique.'),
      ),
      z.refine(
        (ts) => new Set(ts.map((t) => t.rank)).size === ts.length,
        coded('duplicate_tier_rank', 'Tier ranks must be unique.'),
      ),
    ),
  }))();
export type TiersInput = z.infer<typeof TiersInput>;

export const Tiers = z.object({ tiers: z.array(Tier) });
export type Tiers = z.infer<typeof Tiers>;
