/**
 * @module The filters of deal lists, shared by `GET /v1/deals` and `GET /v1/deals/stats`: each
 * becomes one SQL condition on `deals d`, its values bound as parameters.
 */
import type { Deal, DealStatsQuery } from '../../core/schema/index.js';
import { scopeOf } from '../authz.js';
import type { Principal } from '../identity/principal.js';
import { isPartnerPrincipal } from '../identity/principal.js';
import { escapeLike } from './partners.js';
import { domainKey } from './deals-matching.js';
import { InvalidInputError } from './errors.js';

/**
 * The status filter, with `expired` read the way `EFFECTIVE_STATUS` renders it: stored by the
 * sweep, or not yet.
 */
export function statusClause(status: Deal['status'], param: (v: unknown) => string): string {
  if (status === 'expired') {
    return `(d.status = 'expired' or (d.status = 'approved' and d.stage = 'open' and d.protected_until <= now()))`;
  }
  if (status === 'approved') {
    return `d.status = 'approved' and not (d.stage = 'open' and d.protected_until <= now())`;
  }
  return `d.status = ${param(status)}`;
}

/**
 * The user id `?assignee=` names: `me` is the caller. Partner roles never see assignees, so they
 * may not filter on them either (422 at `assignee`).
 */
export function assigneeOf(assignee: string, principal: Principal): string {
  if (isPartnerPrincipal(principal)) {
    throw InvalidInputError.field(
      'assignee',
      'Only the vendor’s roles filter deals by assignee.',
      'not_allowed',
    );
  }
  return assignee === 'me' ? principal.sub : assignee;
}

/**
 * The region `?region=` names. Like assignees, partners' regions are the vendor's routing business:
 * a partner role may not filter on them (422 at `region`).
 */
export function regionOf(region: string, principal: Principal): string {
  if (isPartnerPrincipal(principal)) {
    throw InvalidInputError.field(
      'region',
      'Only the vendor’s roles filter deals by region.',
      'not_allowed',
    );
  }
  return region;
}

/** The conditions of a list's filters (and the caller's partner scope), in SQL. */
export function dealFilters(
  query: DealStatsQuery,
  principal: Principal,
  param: (v: unknown) => string,
): string[] {
  const where: string[] = [];
  const scope = scopeOf(principal);
  if (scope !== null) where.push(`d.partner_id = ${param(scope)}`);
  if (query.partnerId) where.push(`d.partner_id = ${param(query.partnerId)}`);
  if (query.status) where.push(statusClause(query.status, param));
  if (query.stage) where.push(`d.stage = ${param(query.stage)}`);
  if (query.customerDomain !== undefined) {
    where.push(`d.customer_reg_domain = ${param(domainKey(query.customerDomain) ?? '')}`);
  }
  const q = query.q?.trim();
  if (q) where.push(`(d.customer_name || ' ' || d.title) ilike ${param(`%${escapeLike(q)}%`)}`);
  if (query.assignee !== undefined) {
    where.push(`d.assignee_id = ${param(assigneeOf(query.assignee, principal))}`);
  }
  if (query.region !== undefined) {
    // The partners of the region (index `partners_region`), then their deals by partner.
    where.push(
      `d.partner_id in (select p.id from partners p where lower(p.region) = lower(${param(regionOf(query.region, principal))}))`,
    );
  }
  return where;
}
