/** @module Who is calling: what every route and the authorization table work with. */
import type { Role } from '../../core/schema/index.js';
import { isPartnerRole } from '../../core/schema/index.js';

export interface Principal {
  /** The user id (`sub`). */
  sub: string;
  role: Role;
  /** The caller's partner; always set for partner roles, always null for vendor roles. */
  partnerId: string | null;
  name: string;
  email: string;
  /** Which kind of issuer vouched for the caller. */
  via: 'secret' | 'embed_key' | 'trusted_issuer';
  /** The embed key id, when `via` is `embed_key`. */
  keyId?: string;
}

export const isPartnerPrincipal = (p: Principal): p is Principal & { partnerId: string } =>
  isPartnerRole(p.role) && p.partnerId !== null;

/** The audit log's view of the caller. */
export const actorOf = (p: Principal) => ({ id: p.sub, role: p.role, partnerId: p.partnerId });
