/**
 * @module Authorization in one place: which role may attempt which action. Every route names its
 * action and the registry consults this table before the handler runs. Which *rows* a partner
 * role sees is the other half: `scopeOf` and `ownPartnerOr404`, used by every query.
 */
import type { Role } from '../core/schema/index.js';
import { PARTNER_ROLES, ROLES, VENDOR_ROLES } from '../core/schema/index.js';
import { NotFoundError } from './domain/errors.js';
import { problems } from './http/problem.js';
import type { Principal } from './identity/principal.js';

const ALL = ROLES;
const PARTNERS = PARTNER_ROLES;
const VENDOR = VENDOR_ROLES;

/** From API.md's role table. The program admin may do everything except act as a partner. */
export const PERMISSIONS = {
  'me.read': ALL,
  'program.read': ALL,
  'program.write': ['program_admin'],
  'tiers.read': ALL,
  'tiers.write': ['program_admin'],
  'partners.read': ALL,
  'partners.create': ['program_admin'],
  'embedKeys.manage': ['program_admin', 'partner_admin'],
  'opportunities.read': VENDOR,
  'opportunities.write': ['integration', 'program_admin'],
  'audit.read': ['program_admin'],
  'certifications.read': ALL,
  'certifications.write': ['program_admin', 'integration'],
  'tierProgress.read': ALL,
  'deals.read': ALL,
  'deals.register': PARTNERS,
  'deals.withdraw': PARTNERS,
  'deals.decide': ['channel_manager', 'program_admin'],
  'deals.sync': ['integration', 'channel_manager', 'program_admin'],
  'deals.stats': VENDOR,
  'deals.assign': ['channel_manager', 'program_admin'],
  'reviewRouting.read': VENDOR,
  'reviewRouting.write': ['program_admin'],
  'content.read': ALL,
  'content.write': ['program_admin'],
  'files.upload': PARTNERS,
  'mdf.read': ALL,
  'mdf.allocate': ['program_admin'],
  'mdf.request': ['partner_admin'],
  'mdf.claim': ['partner_admin'],
  'mdf.decide': ['channel_manager', 'program_admin'],
  'mdf.payout': ['program_admin', 'integration'],
  'events.read': ALL,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export const can = (role: Role, action: Action): boolean =>
  (PERMISSIONS[action] as readonly Role[]).includes(role);

/** 403 unless the caller's role may attempt `action`. */
export function authorize(principal: Principal, action: Action): void {
  if (!can(principal.role, action)) {
    throw problems.forbidden(`The ${principal.role} role may not do ${action}.`);
  }
}

/** The partner a caller is confined to: its own for partner roles, null (everything) otherwise. */
export const scopeOf = (principal: Principal): string | null =>
  (PARTNER_ROLES as readonly Role[]).includes(principal.role) ? principal.partnerId : null;

/**
 * 404 when a partner role names another partner's resource: its existence is not disclosed.
 * Call it with the owning partner id of what was requested.
 */
export function ownPartnerOr404(principal: Principal, partnerId: string): void {
  const scope = scopeOf(principal);
  if (scope !== null && scope !== partnerId) throw new NotFoundError();
}
