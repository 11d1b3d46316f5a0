/** @module Review routing: which reviewer a deal that goes to review is assigned to. */
import * as z from 'zod/mini';
import { text } from './common.js';
import { Reviewer, ReviewerInput } from './deal.js';
import { PartnerType } from './partner.js';

/** One rule: matches a deal's partner by region and type (each optional, both when given). */
export const ReviewRoutingRule = z.object({
  region: z.optional(z.string()),
  partnerType: z.optional(PartnerType),
  assignee: Reviewer,
});
export type ReviewRoutingRule = z.infer<typeof ReviewRoutingRule>;

/** `GET /v1/program/review-routing`: the first matching rule assigns; else the fallback. */
export const ReviewRouting = z.object({
  rules: z.array(ReviewRoutingRule),
  fallback: z.nullable(Reviewer),
});
export type ReviewRouting = z.infer<typeof ReviewRouting>;

/** `PUT /v1/program/review-routing` (program_admin): the whole rule list, in order. */
export const ReviewRoutingInput = /* @__PURE__ */ (() =>
  z.strictObject({
    rules: z
      .array(
        z.strictObject({
          region: z.optional(text(64)),
          partnerType: z.optional(PartnerType),
          assignee: ReviewerInput,
        }),
      )
      .check(z.maxLength(200)),
    fallback: z.nullable(ReviewerInput),
  }))();
export type ReviewRoutingInput = z.infer<typeof ReviewRoutingInput>;
