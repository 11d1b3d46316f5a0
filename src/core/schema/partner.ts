/** @module Partners and their embed keys. */
import * as z from 'zod/mini';
import { Instant, PartnerId, TierId, text } from './common.js';

export const PARTNER_TYPES = ['reseller', 'referral', 'si', 'msp', 'isv'] as const;
export const PartnerType = z.enum(PARTNER_TYPES);
export type PartnerType = z.infer<typeof PartnerType>;

/** A bare domain name such as `acme.com` (no scheme, no path). */
export const DomainName = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.maxLength(253),
      z.regex(
        /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/,
        'Expected a domain name like acme.com.',
      ),
    ))();

export const Partner = z.object({
  id: PartnerId,
  name: z.string(),
  type: PartnerType,
  region: z.string(),
  domains: z.array(z.string()),
  tierId: TierId,
  createdAt: Instant,
});
export type Partner = z.infer<typeof Partner>;

export const PartnerInput = /* @__PURE__ */ (() =>
  z.strictObject({
    name: text(200),
    type: PartnerType,
    region: text(64),
    domains: z.array(DomainName).check(z.maxLength(50)),
  }))();
export type PartnerInput = z.infer<typeof PartnerInput>;

export const PartnerListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
    cursor: z.optional(z.string().check(z.maxLength(512))),
    type: z.optional(PartnerType),
    q: z.optional(z.string().check(z.maxLength(200))),
  }))();
export type PartnerListQuery = z.infer<typeof PartnerListQuery>;

/** `POST /v1/partners/:id/embed-keys`: the secret is shown once. */
export const EmbedKeyCreated = z.object({
  id: z.string(),
  secret: z.string(),
  createdAt: Instant,
});
export type EmbedKeyCreated = z.infer<typeof EmbedKeyCreated>;
