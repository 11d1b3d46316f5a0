/** @module Roles, token claims and `GET /v1/me`. */
import * as z from 'zod/mini';
import { Email, PartnerId, TierId, UserId } from './common.js';

export const ROLES = [
  'partner_user',
  'partner_admin',
  'seller',
  'channel_manager',
  'program_admin',
  'integration',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PARTNER_ROLES = ['partner_user', 'partner_admin'] as const satisfies readonly Role[];
export const VENDOR_ROLES = [
  'seller',
  'channel_manager',
  'program_admin',
  'integration',
] as const satisfies readonly Role[];
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type VendorRole = (typeof VENDOR_ROLES)[number];
export const isPartnerRole = (role: Role): role is PartnerRole =>
  (PARTNER_ROLES as readonly Role[]).includes(role);

/** The claims of a Partner API token. `partner` is present for partner roles only. */
export const TokenClaims = /* @__PURE__ */ (() =>
  z.object({
    sub: UserId,
    role: Role,
    partner: z.optional(PartnerId),
    name: z.optional(z.string()),
    email: z.optional(z.string()),
    iat: z.optional(z.int()),
    exp: z.optional(z.int()),
    iss: z.optional(z.string()),
    aud: z.optional(z.union([z.string(), z.array(z.string())])),
  }))();
export type TokenClaims = z.infer<typeof TokenClaims>;

export const Me = z.object({
  user: z.object({
    id: UserId,
    name: z.string(),
    email: z.union([Email, z.literal('')]),
    role: Role,
  }),
  partner: z.nullable(
    z.object({
      id: PartnerId,
      name: z.string(),
      type: z.string(),
      tier: z.object({ id: TierId, name: z.string(), rank: z.int() }),
    }),
  ),
});
export type Me = z.infer<typeof Me>;

/** What a token endpoint (`token-url`) answers. */
export const TokenResponse = z.object({
  token: z.string().check(z.minLength(1)),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type TokenResponse = z.infer<typeof TokenResponse>;
