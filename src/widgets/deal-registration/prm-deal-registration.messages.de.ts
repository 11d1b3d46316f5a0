/** @module The German messages of `<prm-deal-registration>`, loaded when a widget renders in German. */

// Typed by the catalogue the English module declares in `Messages`, not by importing it: the
// English module loads this one, and this one does not import it back. The keys leave out their
// `dealRegistration.` prefix (fewer bytes to fetch); the English module's import puts it back.
import type { Messages, Translation, Unprefixed } from '../shared/i18n.js';

export const de: Unprefixed<Translation<Messages['dealRegistration']>, 'dealRegistration.'> = {
  heading: 'Deal registrieren',
  customer: 'Kunde',
  opportunity: 'Verkaufschance',
  customerName: 'Name des Kunden',
  customerDomain: 'Website des Kunden',
  customerDomainHint: 'Zum Beispiel acme.de',
  contactName: 'Ansprechpartner',
  contactEmail: 'E-Mail des Ansprechpartners',
  title: 'Titel der Verkaufschance',
  products: 'Produkte',
  noProducts: 'Dieses Programm hat keine Produkte für Deal-Registrierungen.',
  amount: 'Betrag',
  amountHint: 'Zum Beispiel {example}',
  currency: 'Währung',
  expectedCloseDate: 'Voraussichtlicher Abschluss',
  notes: 'Notizen (optional)',
  submit: 'Deal registrieren',
  submitting: 'Wird registriert…',
  discard: 'Entwurf verwerfen',
  discardConfirm: 'Diesen Entwurf verwerfen? Ihre Eingaben gehen verloren.',
  discardYes: 'Verwerfen',
  discardNo: 'Weiter bearbeiten',
  discarded: 'Entwurf verworfen.',
  restored: 'Ihr Entwurf von {when} wurde wiederhergestellt.',
  errorSummary: {
    one: 'Bitte korrigieren Sie {count} Feld.',
    other: 'Bitte korrigieren Sie {count} Felder.',
  },
  'error.required': 'Pflichtfeld.',
  'error.tooLong': 'Höchstens {max} Zeichen.',
  'error.email': 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
  'error.website': 'Geben Sie eine Website oder Domain wie acme.de ein.',
  'error.date': 'Geben Sie ein Datum ein.',
  'error.datePast': 'Das Abschlussdatum darf nicht in der Vergangenheit liegen.',
  'error.dateFar': 'Das Abschlussdatum muss innerhalb von fünf Jahren liegen.',
  'error.amountFormat': 'Geben Sie einen Betrag wie {example} ein.',
  'error.amountDecimals': {
    one: 'Höchstens {count} Nachkommastelle.',
    other: 'Höchstens {count} Nachkommastellen.',
  },
  'error.amountWhole': 'Diese Währung hat keine Nachkommastellen.',
  'error.amountPositive': 'Muss größer als null sein.',
  'error.amountTooLarge': 'Dieser Betrag ist unrealistisch hoch.',
  'error.products': 'Wählen Sie mindestens ein Produkt.',
  'error.control': 'Enthält Zeichen, die nicht gesendet werden können.',
  'error.invalid': 'Ungültiger Wert.',
  'check.checking': 'Suche nach bestehenden Registrierungen…',
  'check.clear': 'Keine bestehenden Registrierungen für diesen Kunden gefunden.',
  'check.clearProducts':
    'Keine bestehenden Registrierungen dieses Kunden für die gewählten Produkte.',
  'check.blocked':
    'Ein anderer Partner hat für diesen Kunden und diese Produkte bereits eine genehmigte Registrierung. Wenn Sie absenden, wird Ihre abgelehnt.',
  'check.otherReview':
    'Eine andere Registrierung für diesen Kunden und diese Produkte wartet auf eine Entscheidung; Ihre Registrierung wird geprüft.',
  'check.possible':
    'Dieser Kunde ähnelt einem bereits registrierten; Ihre Registrierung wird geprüft.',
  'check.own': 'Sie haben diesen Kunden bereits registriert: {name}.',
  'check.ownUnnamed': 'Sie haben diesen Kunden bereits registriert.',
  'check.direct':
    'Der Hersteller arbeitet mit diesem Kunden vielleicht bereits direkt; Ihre Registrierung wird geprüft.',
  'badge.conflict': 'Konflikt',
  'badge.possibleDuplicate': 'Mögliches Duplikat',
  'badge.duplicate': 'Bereits registriert',
  'badge.direct': 'Kunde des Herstellers',
  'status.approved': 'Genehmigt',
  'status.under_review': 'In Prüfung',
  'status.rejected': 'Abgelehnt',
  'status.withdrawn': 'Zurückgezogen',
  'status.expired': 'Abgelaufen',
  'outcome.approved': 'Ihr Deal ist genehmigt und geschützt bis {date} ({relative}).',
  'outcome.underReview': 'Ihr Deal wird geprüft. Eine Entscheidung fällt bis {date} ({relative}).',
  'outcome.underReviewNoDue': 'Ihr Deal wird geprüft.',
  'outcome.rejected': 'Ihr Deal wurde abgelehnt.',
  'outcome.other': 'Ihr Deal wurde registriert.',
  'outcome.announce': 'Deal registriert: {status}.',
  'reason.approved_auto': 'Er wurde im Rahmen Ihrer Stufe automatisch genehmigt.',
  'reason.approved_manual': 'Ein Channel-Manager hat ihn genehmigt.',
  'reason.conflict_other_partner':
    'Ein anderer Partner hat für diesen Kunden und diese Produkte bereits eine genehmigte Registrierung.',
  'reason.conflict_direct_opportunity':
    'Der Hersteller arbeitet mit diesem Kunden bei diesen Produkten bereits direkt.',
  'reason.duplicate_own': 'Sie hatten diesen Deal bereits registriert.',
  'reason.ineligible_tier': 'Ihre Partnerstufe berechtigt nicht zur Registrierung dieses Deals.',
  'reason.insufficient_information':
    'Die Registrierung enthielt nicht genug Angaben für eine Genehmigung.',
  'reason.customer_existing': 'Dieser Kunde kauft bereits beim Hersteller.',
  'reason.other': 'Siehe Kommentar der Prüfung.',
  comment: 'Kommentar der Prüfung: {comment}',
  registerAnother: 'Weiteren Deal registrieren',
  duplicate:
    'Sie haben für diesen Kunden und diese Produkte bereits eine aktive Registrierung; es wurde nichts Neues angelegt.',
  openExisting: 'Bestehende Registrierung öffnen',
  keyReused:
    'Ein früherer Sendeversuch kam vielleicht mit anderen Angaben an. Prüfen Sie Ihre Deals; senden Sie erneut, um diese Angaben zu registrieren.',
  networkError:
    'Der Deal konnte nicht gesendet werden: Der Server ist nicht erreichbar. Ihr Entwurf bleibt erhalten; versuchen Sie es erneut.',
  serverError:
    'Der Deal konnte nicht registriert werden. Ihr Entwurf bleibt erhalten; versuchen Sie es erneut.',
  otherErrors: 'Der Server hat nicht akzeptiert: {fields}',
  signIn: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es erneut.',
  draftKept: 'Ihr Entwurf bleibt erhalten.',
  loadError: 'Das Formular konnte nicht geladen werden.',
};
