/** @module Messages of `<prm-mdf-balance>`, which registers them with `../shared/i18n.ts`. */

import type { Message } from '../shared/i18n.js';

declare module '../shared/i18n.js' {
  interface Messages {
    mdfBalance: typeof en;
  }
}

export const en = {
  'mdfBalance.label': 'Market development funds',
  'mdfBalance.period': 'Funds {period}',
  'mdfBalance.figure.allocated': 'Allocated',
  'mdfBalance.figure.pending': 'Pending',
  'mdfBalance.figure.approved': 'Approved',
  'mdfBalance.figure.claimed': 'Claimed',
  'mdfBalance.figure.paid': 'Paid',
  'mdfBalance.figure.available': 'Available',
  'mdfBalance.meter':
    '{period}: {available} available of {allocated}; {pending} pending, {approved} approved, {claimed} claimed, {paid} paid.',
  'mdfBalance.expiresSoon': {
    one: 'Expires tomorrow ({date}): request the rest soon.',
    other: 'Expires in {count} days ({date}): request the rest soon.',
  },
  'mdfBalance.expired': 'Expired on {date}: no new requests.',
  'mdfBalance.expires': 'Expires {date}',
  'mdfBalance.requests': 'Requests',
  'mdfBalance.noRequests': 'No requests for this period yet.',
  'mdfBalance.status.submitted': 'Submitted',
  'mdfBalance.status.approved': 'Approved',
  'mdfBalance.status.rejected': 'Rejected',
  'mdfBalance.status.returned': 'Returned',
  'mdfBalance.status.paid': 'Paid',
  'mdfBalance.type.event': 'Event',
  'mdfBalance.type.webinar': 'Webinar',
  'mdfBalance.type.digital': 'Digital',
  'mdfBalance.type.content': 'Content',
  'mdfBalance.type.training': 'Training',
  'mdfBalance.type.other': 'Other',
  'mdfBalance.requested': 'Requested {amount}',
  'mdfBalance.approvedOf': 'Approved {approved} of {requested}',
  'mdfBalance.claimDeadline': 'Claim by {date}',
  'mdfBalance.claimClosed': 'Claim window closed on {date}',
  'mdfBalance.claim': 'Claim {amount}',
  'mdfBalance.comment': 'Comment',
  'mdfBalance.decisionComment': '“{comment}”',
  'mdfBalance.requestFunds': 'Request funds',
  'mdfBalance.edit': 'Change and resubmit',
  'mdfBalance.claimFunds': 'Claim',
  'mdfBalance.review': 'Decide',
  'mdfBalance.approve': 'Approve',
  'mdfBalance.reject': 'Reject',
  'mdfBalance.return': 'Return for changes',
  'mdfBalance.cancel': 'Cancel',
  'mdfBalance.submit': 'Submit request',
  'mdfBalance.resubmit': 'Resubmit',
  'mdfBalance.submitClaim': 'Submit claim',
  'mdfBalance.saving': 'Saving…',
  'mdfBalance.form.request': 'Request funds for {period}',
  'mdfBalance.form.claim': 'Claim “{title}”',
  'mdfBalance.field.type': 'Activity type',
  'mdfBalance.field.title': 'Activity',
  'mdfBalance.field.description': 'What you will do',
  'mdfBalance.field.startDate': 'Starts',
  'mdfBalance.field.endDate': 'Ends',
  'mdfBalance.field.expectedLeads': 'Expected leads',
  'mdfBalance.field.amount': 'Amount ({currency})',
  'mdfBalance.field.approvedAmount': 'Approve ({currency})',
  'mdfBalance.field.files': 'Proof (PDF, PNG, JPEG, CSV or XLSX, up to 10 MB)',
  'mdfBalance.field.leads': 'Leads generated',
  'mdfBalance.field.notes': 'Results',
  'mdfBalance.hint.available': '{available} available',
  'mdfBalance.hint.claimable': 'Up to {amount}',
  'mdfBalance.error.required': 'Required.',
  'mdfBalance.error.amountFormat': 'Enter an amount like {example}.',
  'mdfBalance.error.amountPositive': 'Must be more than zero.',
  'mdfBalance.error.amountDecimals': {
    one: 'At most {count} decimal place.',
    other: 'At most {count} decimal places.',
  },
  'mdfBalance.error.overAvailable': 'More than the {available} available.',
  'mdfBalance.error.overClaimable': 'More than the {amount} left to claim.',
  'mdfBalance.error.endBeforeStart': 'Must not be before the start.',
  'mdfBalance.error.count': 'Enter a whole number.',
  'mdfBalance.error.noFiles': 'Attach at least one proof.',
  'mdfBalance.error.uploading': 'Wait for the uploads to finish.',
  'mdfBalance.error.form': 'Please correct the marked fields.',
  'mdfBalance.uploading': 'Uploading {name}…',
  'mdfBalance.uploaded': '{name} attached',
  'mdfBalance.uploadFailed': '{name}: {reason}',
  'mdfBalance.remove': 'Remove {name}',
  'mdfBalance.submitted': 'Request for {amount} submitted.',
  'mdfBalance.claimSubmitted': 'Claim for {amount} submitted.',
  'mdfBalance.decided': '{title}: {status}',
  'mdfBalance.updated': 'Balance updated.',
  'mdfBalance.empty': 'No funds allocated yet.',
  'mdfBalance.choosePartner': 'Choose a partner to see its funds.',
  'mdfBalance.error': 'The funds could not be loaded.',
  'mdfBalance.offline': 'The Partner API cannot be reached. Check the connection.',
} satisfies Record<string, Message>;

/**
 * The German catalogue, in a module of its own: a page loads it only when a widget renders in
 * German (`../shared/i18n.ts` calls this then), so an English page carries no German.
 */
export const de = () => import('./prm-mdf-balance.messages.de.js').then((m) => m.de);
