/** @module The Partner API contract as zod/mini schemas; the types are inferred from them. */
export * from './common.js';
export * from './identity.js';
export * from './program.js';
export * from './partner.js';
export * from './deal.js';
export * from './review-routing.js';
export * from './tier.js';
export * from './tier-progress.js';
export * from './audit.js';
export * from './event.js';
export * from './content.js';

import type * as z from 'zod/mini';
import { AuditEntry } from './audit.js';
import { Deal, Opportunity } from './deal.js';
import { Partner } from './partner.js';
import { listPage } from './common.js';
import { Certification, TierHistoryEntry } from './tier-progress.js';

export const DealPage = listPage(Deal);
export type DealPage = z.infer<typeof DealPage>;
export const PartnerPage = listPage(Partner);
export type PartnerPage = z.infer<typeof PartnerPage>;
export const OpportunityPage = listPage(Opportunity);
export type OpportunityPage = z.infer<typeof OpportunityPage>;
export const AuditPage = listPage(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;
export const CertificationPage = listPage(Certification);
export type CertificationPage = z.infer<typeof CertificationPage>;
export const TierHistoryPage = listPage(TierHistoryEntry);
export type TierHistoryPage = z.infer<typeof TierHistoryPage>;
export * from './mdf.js';
import { MdfClaim, MdfRequest } from './mdf.js';
export const MdfRequestPage = listPage(MdfRequest);
export type MdfRequestPage = z.infer<typeof MdfRequestPage>;
export const MdfClaimPage = listPage(MdfClaim);
export type MdfClaimPage = z.infer<typeof MdfClaimPage>;
