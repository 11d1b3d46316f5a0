/**
 * @module The messages of `<prm-deal-registration>`, which registers them with
 * `../shared/i18n.ts`. Reason texts never name another partner: a partner must not learn who else
 * holds a customer.
 */

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

export const de: Translation<typeof en> = {
  'dealRegistration.heading': 'Deal registrieren',
  'dealRegistration.customer': 'Kunde',
  'dealRegistration.opportunity': 'Verkaufschance',
  'dealRegistration.customerName': 'Name des Kunden',
  'dealRegistration.customerDomain': 'Website des Kunden',
  'dealRegistration.customerDomainHint': 'Zum Beispiel acme.de',
  'dealRegistration.contactName': 'Ansprechpartner',
  'dealRegistration.contactEmail': 'E-Mail des Ansprechpartners',
  'dealRegistration.title': 'Titel der Verkaufschance',
  'dealRegistration.products': 'Produkte',
  'dealRegistration.noProducts':
    'Dieses Programm hat keine Produkte, für die Deals registriert werden können.',
  'dealRegistration.amount': 'Betrag',
  'dealRegistration.amountHint': 'Zum Beispiel {example}',
  'dealRegistration.currency': 'Währung',
  'dealRegistration.expectedCloseDate': 'Voraussichtlicher Abschluss',
  'dealRegistration.notes': 'Notizen (optional)',
  'dealRegistration.submit': 'Deal registrieren',
  'dealRegistration.submitting': 'Wird registriert…',
  'dealRegistration.discard': 'Entwurf verwerfen',
  'dealRegistration.discardConfirm': 'Diesen Entwurf verwerfen? Ihre Eingaben gehen verloren.',
  'dealRegistration.discardYes': 'Verwerfen',
  'dealRegistration.discardNo': 'Weiter bearbeiten',
  'dealRegistration.discarded': 'Entwurf verworfen.',
  'dealRegistration.restored': 'Ihr Entwurf von {when} wurde wiederhergestellt.',
  'dealRegistration.errorSummary': {
    one: 'Bitte korrigieren Sie {count} Feld.',
    other: 'Bitte korrigieren Sie {count} Felder.',
  },
  'dealRegistration.error.required': 'Pflichtfeld.',
  'dealRegistration.error.tooLong': 'Höchstens {max} Zeichen.',
  'dealRegistration.error.email': 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
  'dealRegistration.error.website': 'Geben Sie eine Website oder Domain wie acme.de ein.',
  'dealRegistration.error.date': 'Geben Sie ein Datum ein.',
  'dealRegistration.error.datePast': 'Das Abschlussdatum darf nicht in der Vergangenheit liegen.',
  'dealRegistration.error.dateFar': 'Das Abschlussdatum muss innerhalb von fünf Jahren liegen.',
  'dealRegistration.error.amountFormat': 'Geben Sie einen Betrag wie {example} ein.',
  'dealRegistration.error.amountDecimals': {
    one: 'Höchstens {count} Nachkommastelle.',
    other: 'Höchstens {count} Nachkommastellen.',
  },
  'dealRegistration.error.amountWhole': 'Diese Währung hat keine Nachkommastellen.',
  'dealRegistration.error.amountPositive': 'Der Betrag muss größer als null sein.',
  'dealRegistration.error.amountTooLarge': 'Dieser Betrag ist unrealistisch hoch.',
  'dealRegistration.error.products': 'Wählen Sie mindestens ein Produkt.',
  'dealRegistration.error.control': 'Enthält Zeichen, die nicht gesendet werden können.',
  'dealRegistration.error.invalid': 'Dieser Wert ist ungültig.',
  'dealRegistration.check.checking': 'Suche nach bestehenden Registrierungen…',
  'dealRegistration.check.clear': 'Keine bestehenden Registrierungen für diesen Kunden gefunden.',
  'dealRegistration.check.clearProducts':
    'Keine bestehenden Registrierungen dieses Kunden für die gewählten Produkte.',
  'dealRegistration.check.blocked':
    'Ein anderer Partner hat für diesen Kunden und diese Produkte bereits eine genehmigte Registrierung. Wenn Sie absenden, wird Ihre abgelehnt.',
  'dealRegistration.check.otherReview':
    'Eine andere Registrierung für diesen Kunden und diese Produkte wartet auf eine Entscheidung; Ihre Registrierung wird geprüft.',
  'dealRegistration.check.possible':
    'Dieser Kunde ähnelt einem bereits registrierten; Ihre Registrierung wird geprüft.',
  'dealRegistration.check.own': 'Sie haben diesen Kunden bereits registriert: {name}.',
  'dealRegistration.check.ownUnnamed': 'Sie haben diesen Kunden bereits registriert.',
  'dealRegistration.check.direct':
    'Mit diesem Kunden arbeitet der Hersteller möglicherweise bereits direkt; Ihre Registrierung wird geprüft.',
  'dealRegistration.badge.conflict': 'Konflikt',
  'dealRegistration.badge.possibleDuplicate': 'Mögliches Duplikat',
  'dealRegistration.badge.duplicate': 'Bereits registriert',
  'dealRegistration.badge.direct': 'Kunde des Herstellers',
  'dealRegistration.status.approved': 'Genehmigt',
  'dealRegistration.status.under_review': 'In Prüfung',
  'dealRegistration.status.rejected': 'Abgelehnt',
  'dealRegistration.status.withdrawn': 'Zurückgezogen',
  'dealRegistration.status.expired': 'Abgelaufen',
  'dealRegistration.outcome.approved':
    'Ihr Deal ist genehmigt und geschützt bis {date} ({relative}).',
  'dealRegistration.outcome.underReview':
    'Ihr Deal wird geprüft. Eine Entscheidung fällt bis {date} ({relative}).',
  'dealRegistration.outcome.underReviewNoDue': 'Ihr Deal wird geprüft.',
  'dealRegistration.outcome.rejected': 'Ihr Deal wurde abgelehnt.',
  'dealRegistration.outcome.other': 'Ihr Deal wurde registriert.',
  'dealRegistration.outcome.announce': 'Deal registriert: {status}.',
  'dealRegistration.reason.approved_auto': 'Er wurde im Rahmen Ihrer Stufe automatisch genehmigt.',
  'dealRegistration.reason.approved_manual': 'Ein Channel-Manager hat ihn genehmigt.',
  'dealRegistration.reason.conflict_other_partner':
    'Ein anderer Partner hat für diesen Kunden und diese Produkte bereits eine genehmigte Registrierung.',
  'dealRegistration.reason.conflict_direct_opportunity':
    'Der Hersteller arbeitet mit diesem Kunden bei diesen Produkten bereits direkt.',
  'dealRegistration.reason.duplicate_own': 'Sie hatten diesen Deal bereits registriert.',
  'dealRegistration.reason.ineligible_tier':
    'Ihre Partnerstufe berechtigt nicht zur Registrierung dieses Deals.',
  'dealRegistration.reason.insufficient_information':
    'Die Registrierung enthielt nicht genug Angaben für eine Genehmigung.',
  'dealRegistration.reason.customer_existing': 'Dieser Kunde kauft bereits beim Hersteller.',
  'dealRegistration.reason.other': 'Einzelheiten stehen im Kommentar der Prüfung.',
  'dealRegistration.comment': 'Kommentar der Prüfung: {comment}',
  'dealRegistration.registerAnother': 'Weiteren Deal registrieren',
  'dealRegistration.duplicate':
    'Sie haben für diesen Kunden und diese Produkte bereits eine aktive Registrierung; es wurde nichts Neues angelegt.',
  'dealRegistration.openExisting': 'Bestehende Registrierung öffnen',
  'dealRegistration.keyReused':
    'Ein früherer Versuch, diesen Entwurf zu senden, ist vielleicht mit anderen Angaben angekommen. Prüfen Sie Ihre Deals; senden Sie erneut, um diese Angaben zu registrieren.',
  'dealRegistration.networkError':
    'Der Deal konnte nicht gesendet werden: Der Server ist nicht erreichbar. Ihr Entwurf bleibt erhalten; versuchen Sie es erneut.',
  'dealRegistration.serverError':
    'Der Deal konnte nicht registriert werden. Ihr Entwurf bleibt erhalten; versuchen Sie es erneut.',
  'dealRegistration.otherErrors': 'Der Server hat nicht akzeptiert: {fields}',
  'dealRegistration.signIn':
    'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
  'dealRegistration.draftKept': 'Ihr Entwurf bleibt erhalten.',
  'dealRegistration.loadError': 'Das Registrierungsformular konnte nicht geladen werden.',
};
