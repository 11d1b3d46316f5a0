/**
 * @module How a Salesforce org's users become ours, for a trusted issuer with `salesforce` set:
 * the org's External Credential signs a JWT per user (its certificate, our audience) carrying
 * the user's email, their `UserType` and, for Experience Cloud users, the partner id their
 * account holds. Org staff (`UserType` `Standard`) are vendor staff with the configured role
 * (seller by default), whatever their email; everyone else (partner and customer community
 * users) is only ever a partner user: of the partner the token names, else of the partner their
 * email's domain belongs to, else nobody. A user the program already knows by email keeps the
 * role the program gave them (verify.ts looks that up first).
 */
import * as z from 'zod/mini';
import { VENDOR_ROLES } from '../../core/schema/index.js';
import type { Role } from '../../core/schema/index.js';

export const SalesforceMapping = z.strictObject({
  /** The claim with the user's `UserType` (`{!$User.UserType}` in the External Credential). */
  userTypeClaim: z.optional(z.string()),
  /** The claim with our partner id, for Experience Cloud users (a field on their account). */
  partnerClaim: z.optional(z.string()),
  /** The role of org staff (default `seller`). */
  staffRole: z.optional(z.enum(VENDOR_ROLES)),
});
export type SalesforceMapping = z.infer<typeof SalesforceMapping>;

export const SALESFORCE_DEFAULTS = {
  userTypeClaim: 'user_type',
  partnerClaim: 'prm_partner',
  staffRole: 'seller',
} as const;

/** What the token says about the user, before the database is asked. */
export type SalesforceUser =
  | { kind: 'staff'; role: Role }
  | { kind: 'external'; partnerId: string | undefined }
  | { kind: 'unknown' };

/** Reads the user's kind from the verified claims. */
export function salesforceUser(
  mapping: SalesforceMapping,
  payload: Record<string, unknown>,
): SalesforceUser {
  const userType = payload[mapping.userTypeClaim ?? SALESFORCE_DEFAULTS.userTypeClaim];
  if (typeof userType !== 'string' || !userType) return { kind: 'unknown' };
  if (userType === 'Standard') {
    return { kind: 'staff', role: mapping.staffRole ?? SALESFORCE_DEFAULTS.staffRole };
  }
  const partner = payload[mapping.partnerClaim ?? SALESFORCE_DEFAULTS.partnerClaim];
  return {
    kind: 'external',
    partnerId: typeof partner === 'string' && partner.trim() ? partner.trim() : undefined,
  };
}
