/** @module The German messages of `<prm-deal-registration>`, loaded when a widget renders in German. */

// Typed by the catalogue the English module declares in `Messages`, not by importing it: the
// English module loads this one, and this one does not import it back.
import type { Messages, Translation } from '../shared/i18n.js';

export const de: Translation<Messages['dealRegistration']> = {
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
