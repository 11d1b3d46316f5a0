/** @module Messages of `<prm-deal-list>`, which registers them with `../shared/i18n.ts`. */

import type { Message } from '../shared/i18n.js';

declare module '../shared/i18n.js' {
  interface Messages {
    dealList: typeof en;
  }
}

export const en = {
  'dealList.label': 'Deals',
  'dealList.filters': 'Filter deals',
  'dealList.search': 'Search',
  'dealList.status': 'Status',
  'dealList.status.any': 'Any status',
  'dealList.status.under_review': 'Under review',
  'dealList.status.approved': 'Approved',
  'dealList.status.rejected': 'Rejected',
  'dealList.status.withdrawn': 'Withdrawn',
  'dealList.status.expired': 'Expired',
  'dealList.stage': 'Stage',
  'dealList.stage.any': 'Any stage',
  'dealList.stage.open': 'Open',
  'dealList.stage.won': 'Won',
  'dealList.stage.lost': 'Lost',
  'dealList.customerDomain': 'Customer domain',
  'dealList.partnerId': 'Partner ID',
  'dealList.sort': 'Sort by',
  'dealList.sort.-submittedAt': 'Newest first',
  'dealList.sort.reviewDueAt': 'Review due first',
  'dealList.sort.-amount': 'Largest amount first',
  'dealList.partner': 'Partner: {name}',
  'dealList.due': 'Review due {relative}',
  'dealList.overdue': 'Overdue: was due {relative}',
  'dealList.protectedUntil': 'Protected until {date}',
  'dealList.conflict.review': 'Possible conflict',
  'dealList.conflict.blocked': 'Conflict',
  'dealList.review': 'Review',
  'dealList.reviewDeal': 'Review {customer}',
  'dealList.approve': 'Approve',
  'dealList.reject': 'Reject',
  'dealList.cancel': 'Cancel',
  'dealList.reason': 'Reason for rejection',
  'dealList.comment': 'Comment (optional)',
  'dealList.reason.approved_manual': 'Approved by the channel team',
  'dealList.reason.conflict_other_partner': 'Another partner has this customer',
  'dealList.reason.conflict_direct_opportunity': 'Our own sales team is on it',
  'dealList.reason.duplicate_own': 'Already registered by your company',
  'dealList.reason.ineligible_tier': 'Not eligible in this tier',
  'dealList.reason.insufficient_information': 'Not enough information',
  'dealList.reason.customer_existing': 'Existing customer',
  'dealList.reason.other': 'Other',
  'dealList.saving': 'Saving…',
  'dealList.decided': '{customer}: {status}',
  'dealList.decisionFailed': 'The decision on {customer} was not saved: {reason}',
  'dealList.updated': '{customer} is now {status}',
  'dealList.created': 'New deal: {customer}',
  'dealList.loaded': { one: '{count} deal', other: '{count} deals' },
  'dealList.loadingMore': 'Loading more deals…',
  'dealList.loadMoreFailed': 'More deals could not be loaded.',
  'dealList.empty': 'No deals yet.',
  'dealList.emptyFiltered': 'No deals match these filters.',
  'dealList.register': 'Register a deal',
  'dealList.clearFilters': 'Clear filters',
  'dealList.error': 'The deals could not be loaded.',
  'dealList.offline': 'The Partner API could not be reached. Check the connection.',
} satisfies Record<string, Message>;

/**
 * The German catalogue, in a module of its own: a page loads it only when a widget renders in
 * German (`../shared/i18n.ts` calls this then), so an English page carries no German.
 */
export const de = () => import('./prm-deal-list.messages.de.js').then((m) => m.de);
