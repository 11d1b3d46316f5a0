/**
 * @module The messages of `<prm-deal-registration>`, which registers them with
 * `../shared/i18n.ts`. Reason texts never name another partner: a partner must not learn who else
 * holds a customer.
 */

import { prefixed } from '../shared/i18n.js';
import type { Message, Translation } from '../shared/i18n.js';

declare module '../shared/i18n.js' {
  interface Messages {
    dealRegistration: typeof en;
  }
}

export const en = {
  'dealRegistration.heading': 'Register a deal',
  'dealRegistration.customer': 'Customer',
  'dealRegistration.opportunity': 'Opportunity',
  'dealRegistration.customerName': 'Customer name',
  'dealRegistration.customerDomain': 'Customer website',
  'dealRegistration.customerDomainHint': 'For example acme.com',
  'dealRegistration.contactName': 'Contact name',
  'dealRegistration.contactEmail': 'Contact email',
  'dealRegistration.title': 'Opportunity title',
  'dealRegistration.products': 'Products',
  'dealRegistration.noProducts': 'This program has no products to register deals for.',
  'dealRegistration.amount': 'Amount',
  'dealRegistration.amountHint': 'For example {example}',
  'dealRegistration.currency': 'Currency',
  'dealRegistration.expectedCloseDate': 'Expected close date',
  'dealRegistration.notes': 'Notes (optional)',
  'dealRegistration.submit': 'Register deal',
  'dealRegistration.submitting': 'Registering…',
  'dealRegistration.discard': 'Discard draft',
  'dealRegistration.discardConfirm': 'Discard this draft? What you typed will be lost.',
  'dealRegistration.discardYes': 'Discard',
  'dealRegistration.discardNo': 'Keep editing',
  'dealRegistration.discarded': 'Draft discarded.',
  'dealRegistration.restored': 'Your draft from {when} was restored.',
  'dealRegistration.errorSummary': {
    one: 'Please correct {count} field.',
    other: 'Please correct {count} fields.',
  },
  'dealRegistration.error.required': 'Required.',
  'dealRegistration.error.tooLong': 'At most {max} characters.',
  'dealRegistration.error.email': 'Enter an email address like name@example.com.',
  'dealRegistration.error.website': 'Enter a website or domain like acme.com.',
  'dealRegistration.error.date': 'Enter a date.',
  'dealRegistration.error.datePast': 'The close date must not be in the past.',
  'dealRegistration.error.dateFar': 'The close date must be within five years.',
  'dealRegistration.error.amountFormat': 'Enter an amount like {example}.',
  'dealRegistration.error.amountDecimals': {
    one: 'At most {count} decimal place.',
    other: 'At most {count} decimal places.',
  },
  'dealRegistration.error.amountWhole': 'This currency has no decimal places.',
  'dealRegistration.error.amountPositive': 'The amount must be greater than zero.',
  'dealRegistration.error.amountTooLarge': 'This amount is unrealistically large.',
  'dealRegistration.error.products': 'Choose at least one product.',
  'dealRegistration.error.control': 'Contains characters that cannot be sent.',
  'dealRegistration.error.invalid': 'This value is not valid.',
  'dealRegistration.check.checking': 'Checking for existing registrations…',
  // Said only while no product is chosen: the check then matched on every product.
  'dealRegistration.check.clear': 'No existing registrations found for this customer.',
  'dealRegistration.check.clearProducts':
    'No existing registrations of this customer for the products chosen.',
  'dealRegistration.check.blocked':
    'Another partner already has an approved registration for this customer. If you submit, it will be rejected.',
  'dealRegistration.check.otherReview':
    'Another registration for this customer and these products is awaiting a decision; your registration will be reviewed.',
  'dealRegistration.check.possible':
    'This customer looks similar to one that is already registered; your registration will be reviewed.',
  'dealRegistration.check.own': 'You already registered this customer: {name}.',
  'dealRegistration.check.ownUnnamed': 'You already registered this customer.',
  'dealRegistration.check.direct':
    'This may be a customer the vendor is already working with directly; your registration will be reviewed.',
  'dealRegistration.badge.conflict': 'Conflict',
  'dealRegistration.badge.possibleDuplicate': 'Possible duplicate',
  'dealRegistration.badge.duplicate': 'Already registered',
  'dealRegistration.badge.direct': 'Vendor customer',
  'dealRegistration.status.approved': 'Approved',
  'dealRegistration.status.under_review': 'Under review',
  'dealRegistration.status.rejected': 'Rejected',
  'dealRegistration.status.withdrawn': 'Withdrawn',
  'dealRegistration.status.expired': 'Expired',
  'dealRegistration.outcome.approved':
    'Your deal is approved and protected until {date} ({relative}).',
  'dealRegistration.outcome.underReview':
    'Your deal is under review. A decision is due by {date} ({relative}).',
  'dealRegistration.outcome.underReviewNoDue': 'Your deal is under review.',
  'dealRegistration.outcome.rejected': 'Your deal was rejected.',
  'dealRegistration.outcome.other': 'Your deal was registered.',
  'dealRegistration.outcome.announce': 'Deal registered: {status}.',
  'dealRegistration.reason.approved_auto': 'It was approved automatically under your tier.',
  'dealRegistration.reason.approved_manual': 'A channel manager approved it.',
  'dealRegistration.reason.conflict_other_partner':
    'Another partner already has an approved registration for this customer and these products.',
  'dealRegistration.reason.conflict_direct_opportunity':
    'The vendor is already working with this customer directly on these products.',
  'dealRegistration.reason.duplicate_own': 'You had already registered this deal.',
  'dealRegistration.reason.ineligible_tier':
    'Your partner tier is not eligible to register this deal.',
  'dealRegistration.reason.insufficient_information':
    'The registration did not have enough information to approve it.',
  'dealRegistration.reason.customer_existing': 'This customer already buys from the vendor.',
  'dealRegistration.reason.other': 'See the reviewer’s comment for details.',
  'dealRegistration.comment': 'Reviewer’s comment: {comment}',
  'dealRegistration.registerAnother': 'Register another deal',
  'dealRegistration.duplicate':
    'You already have an active registration for this customer and these products, so nothing new was created.',
  'dealRegistration.openExisting': 'Open the existing registration',
  'dealRegistration.keyReused':
    'An earlier attempt to send this draft may have gone through with other details. Check your deals; submit again to register these details.',
  'dealRegistration.networkError':
    'The deal could not be sent: the server could not be reached. Your draft is kept; try again.',
  'dealRegistration.serverError':
    'The deal could not be registered. Your draft is kept; try again.',
  'dealRegistration.otherErrors': 'The server did not accept: {fields}',
  'dealRegistration.signIn': 'Your session has ended. Sign in again, then try again.',
  'dealRegistration.draftKept': 'Your draft is kept.',
  'dealRegistration.loadError': 'The registration form could not be loaded.',
} satisfies Record<string, Message>;

/**
 * The German catalogue, in a module of its own: a page loads it only when a widget renders in
 * German (`../shared/i18n.ts` calls this then), so an English page carries no German.
 */
export const de = () =>
  import('./prm-deal-registration.messages.de.js').then((m) =>
    prefixed<Translation<typeof en>>('dealRegistration.', m.de),
  );
