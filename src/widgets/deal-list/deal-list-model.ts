/**
 * @module What `<prm-deal-list>` decides without the DOM: which roles see and do what, whether a
 * deal from the event stream belongs in the list, and where.
 */
import {
  DEAL_SORTS,
  DEAL_STAGES,
  DEAL_STATUSES,
  DECISION_REASON_CODES,
  VENDOR_ROLES,
  hostnameOf,
} from '../../core/schema/index.js';
import { isNetworkError, isPartnerApiError, isTimeoutError } from '../../core/errors.js';
import type {
  Deal,
  DecisionReasonCode,
  DealListQuery,
  DealSort,
  DealStage,
  DealStatus,
  Role,
} from '../../core/schema/index.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';

export type DealFilters = Pick<
  DealListQuery,
  'status' | 'stage' | 'partnerId' | 'customerDomain' | 'q' | 'assignee' | 'region'
>;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  (values as readonly unknown[]).includes(value) ? (value as T) : undefined;

export const asStatus = (v: unknown): DealStatus | undefined => oneOf(DEAL_STATUSES, v);
export const asStage = (v: unknown): DealStage | undefined => oneOf(DEAL_STAGES, v);

/** The element's filter attributes as filters: unknown values dropped, blank text as none. */
export function filtersOf(p: {
  status?: string | undefined;
  stage?: string | undefined;
  partnerId?: string | undefined;
  customerDomain?: string | undefined;
  q?: string | undefined;
  assignee?: string | undefined;
  region?: string | undefined;
}): DealFilters {
  return {
    status: asStatus(p.status),
    stage: asStage(p.stage),
    partnerId: p.partnerId?.trim() || undefined,
    customerDomain: p.customerDomain?.trim() || undefined,
    q: p.q?.trim() || undefined,
    assignee: p.assignee?.trim() || undefined,
    region: p.region?.trim() || undefined,
  };
}
export const asSort = (v: unknown): DealSort => oneOf(DEAL_SORTS, v) ?? '-submittedAt';

export const isVendorRole = (role: Role | undefined): boolean =>
  !!role && (VENDOR_ROLES as readonly Role[]).includes(role);

/** Who may approve or reject: the contract's `POST /v1/deals/:id/decision`. */
export const canDecide = (role: Role | undefined): boolean =>
  role === 'channel_manager' || role === 'program_admin';

// Accents and case must not decide whether "Müller" matches "muller", as on the server.
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const bareHost = (value: string): string =>
  (hostnameOf(value) ?? value.trim().toLowerCase()).replace(/^www\./, '');

/**
 * The server matches `customerDomain` on the registrable domain, which needs the public suffix
 * list: too heavy for a widget. A subdomain either way is close enough for the few live events
 * that a filtered list sees; the next load asks the server again.
 */
function sameCustomerDomain(dealDomain: string, filter: string): boolean {
  const a = bareHost(dealDomain);
  const b = bareHost(filter);
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** Whether a deal pushed by the event stream belongs to a list with these filters. */
export function matchesFilters(deal: Deal, filters: DealFilters): boolean {
  if (filters.status && deal.status !== filters.status) return false;
  if (filters.stage && deal.stage !== filters.stage) return false;
  if (filters.partnerId && deal.partnerId !== filters.partnerId) return false;
  // `me` is the caller, whom a widget does not know by id here: the server decides on the next load.
  if (filters.assignee && filters.assignee !== 'me' && deal.assignee?.id !== filters.assignee)
    return false;
  if (filters.customerDomain && !sameCustomerDomain(deal.customer.domain, filters.customerDomain))
    return false;
  if (filters.q?.trim()) {
    const haystack = fold(`${deal.customer.name} ${deal.title}`);
    if (
      !fold(filters.q)
        .split(/\s+/)
        .filter(Boolean)
        .every((term) => haystack.includes(term))
    )
      return false;
  }
  return true;
}

const time = (instant: string | null | undefined): number =>
  instant ? Date.parse(instant) : Number.POSITIVE_INFINITY;

/** The order of `sort`, as the server applies it. */
export function comparator(sort: DealSort): (a: Deal, b: Deal) => number {
  switch (sort) {
    case 'reviewDueAt':
      return (a, b) => time(a.reviewDueAt) - time(b.reviewDueAt);
    case '-amount':
      return (a, b) => b.amount.amount - a.amount.amount;
    default:
      return (a, b) => time(b.submittedAt) - time(a.submittedAt);
  }
}

export type LiveChange = 'inserted' | 'replaced' | 'removed' | 'ignored';

/**
 * `items` with `deal` put where it belongs: replaced in place, removed when it no longer matches
 * (unless `keep` says the user acted on it here, so it does not vanish under their hands), or
 * inserted in sort order. A new deal that sorts after the last loaded one is left to the page
 * that will bring it (`hasMore`).
 */
export function applyLiveDeal(
  items: readonly Deal[],
  deal: Deal,
  opts: { filters: DealFilters; sort: DealSort; hasMore: boolean; keep: boolean },
): { items: Deal[]; change: LiveChange } {
  const index = items.findIndex((d) => d.id === deal.id);
  // A deal carries no region: its partner's other deals in the list say it is in the region.
  const belongs =
    opts.keep ||
    (matchesFilters(deal, opts.filters) &&
      (!opts.filters.region || items.some((d) => d.partnerId === deal.partnerId)));
  if (index >= 0) {
    const next = items.slice();
    if (belongs) next[index] = deal;
    else next.splice(index, 1);
    return { items: next, change: belongs ? 'replaced' : 'removed' };
  }
  if (!belongs) return { items: items as Deal[], change: 'ignored' };
  const before = comparator(opts.sort);
  let at = items.findIndex((d) => before(deal, d) < 0);
  if (at < 0) {
    if (opts.hasMore) return { items: items as Deal[], change: 'ignored' };
    at = items.length;
  }
  const next = items.slice();
  next.splice(at, 0, deal);
  return { items: next, change: 'inserted' };
}

export const REJECT_REASONS = DECISION_REASON_CODES.filter(
  (code): code is Exclude<DecisionReasonCode, 'approved_manual'> => code !== 'approved_manual',
);
export type RejectReason = (typeof REJECT_REASONS)[number];

/** What the reviewer has chosen and typed so far; kept while the row scrolls out of view. */
export interface Draft {
  /** Empty until the reviewer chooses: approving asks for no reason, rejecting needs one. */
  reasonCode: RejectReason | '';
  comment: string;
}

/** The likeliest reason to reject, from what the conflict check found: offered, never chosen. */
export function suggestedReason(deal: Deal): RejectReason | undefined {
  const kinds = new Set(deal.conflicts.matches.map((m) => m.kind));
  return kinds.has('other_partner')
    ? 'conflict_other_partner'
    : kinds.has('direct_opportunity')
      ? 'conflict_direct_opportunity'
      : kinds.has('own_duplicate')
        ? 'duplicate_own'
        : undefined;
}

/** A fresh draft: no reason chosen, no comment. */
export function draftFor(_deal: Deal): Draft {
  return { reasonCode: '', comment: '' };
}

/** Where a key pressed on row `index` moves the focus, if it is a navigation key. */
export function rowTarget(
  key: string,
  index: number,
  last: number,
  page: number,
): number | undefined {
  const to: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + page,
    PageUp: index - page,
    Home: 0,
    End: last,
  };
  const target = to[key];
  return target === undefined ? undefined : Math.max(0, Math.min(last, target));
}

/** Why a call failed, in words for the user: the server's own, or ours for a lost connection. */
export function describeError(error: unknown, t: (key: MessageKey) => string): string {
  if (isPartnerApiError(error)) return error.problem.detail ?? error.problem.title;
  if (isNetworkError(error) || isTimeoutError(error)) return t('dealList.offline');
  return t('common.error');
}

/** Task arguments compared by value, one level into objects: the filters are a fresh object. */
export const sameArgs = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i];
    if (x === y) return true;
    if (!x || !y || typeof x !== 'object' || typeof y !== 'object') return false;
    const ox = x as Record<string, unknown>;
    const oy = y as Record<string, unknown>;
    const keys = new Set([...Object.keys(ox), ...Object.keys(oy)]);
    return [...keys].every((k) => ox[k] === oy[k]);
  });

/** The host's messages, in its current language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Something loaded on demand for one deal: history, or a matched deal. */
export type Loaded<T> =
  { state: 'loading' } | { state: 'done'; value: T } | { state: 'error'; error: string };

/** What one row shows of the data's state for its deal. */
export interface RowData {
  pending: boolean;
  reviewing: boolean;
  open: boolean;
  draft: Draft | undefined;
  error: string | undefined;
  /** Beside the reason select: reject was pressed without one. */
  reasonError: string | undefined;
}
