/** @module Pure helpers of `<prm-mdf-balance>` that its first chunk needs: expiry, claims, roles, errors. */
import { isNetworkError, isPartnerApiError, isTimeoutError } from '../../core/errors.js';
import type { MdfRequest, Role } from '../../core/schema/index.js';
import type { MessageKey } from '../shared/i18n.js';

const DAY = 86_400_000;
/** An allocation this close to its expiry gets a warning. */
export const EXPIRY_WARNING_DAYS = 30;

export type Expiry = { kind: 'expired' } | { kind: 'soon'; days: number } | { kind: 'open' };

export function expiryOf(expiresAt: string, now = Date.now()): Expiry {
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return { kind: 'expired' };
  const days = Math.ceil(left / DAY);
  return days <= EXPIRY_WARNING_DAYS ? { kind: 'soon', days } : { kind: 'open' };
}

/** The claim window is open through the whole deadline day (UTC). */
export const claimOpen = (r: MdfRequest, now = Date.now()): boolean =>
  now < Date.parse(`${r.claimDeadline}T00:00:00Z`) + DAY;

export const claimable = (r: MdfRequest): number =>
  r.status === 'approved' && r.approvedAmount
    ? r.approvedAmount.amount - r.claimedAmount.amount
    : 0;

export const isDecider = (role: Role | undefined): boolean =>
  role === 'channel_manager' || role === 'program_admin';

/** The text of a failure to show: the server's own detail, or what went wrong on the way. */
export function describeError(error: unknown, t: (key: MessageKey) => string): string {
  if (isPartnerApiError(error)) return error.problem.detail ?? error.problem.title;
  if (isNetworkError(error) || isTimeoutError(error)) return t('mdfBalance.offline');
  return t('common.error');
}

/** The roles that act here (request, claim, decide), which load the forms' chunk. */
export const canAct = (role: Role | undefined): boolean =>
  role === 'partner_admin' || isDecider(role);
