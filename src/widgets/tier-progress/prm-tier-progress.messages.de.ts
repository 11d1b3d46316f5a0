/** @module The German messages of `<prm-tier-progress>`, loaded when a widget renders in German. */

// Typed by the catalogue the English module declares in `Messages`, not by importing it: the
// English module loads this one, and this one does not import it back.
import type { Messages, Translation } from '../shared/i18n.js';

export const de: Translation<Messages['tierProgress']> = {
  'tierProgress.label': 'Stufenfortschritt',
  'tierProgress.current': 'Ihre Stufe',
  'tierProgress.next': 'Nächste Stufe: {tier}',
  'tierProgress.overall': '{percent} des Wegs zu {tier}',
  'tierProgress.benefits': 'Das bietet {tier}',
  'tierProgress.top': 'Sie haben die höchste Stufe erreicht.',
  'tierProgress.topKeep': 'Damit Sie {tier} behalten:',
  'tierProgress.noRequirements': '{tier} hat keine Voraussetzungen.',
  'tierProgress.requirement.revenue12m': 'Gewonnener Umsatz, letzte 12 Monate',
  'tierProgress.requirement.wonDeals12m': 'Gewonnene Deals, letzte 12 Monate',
  'tierProgress.requirement.certifications': 'Aktive Zertifizierungen',
  'tierProgress.of': '{current} von {target}',
  'tierProgress.valueText': '{current} von {target}, {percent}',
  'tierProgress.met': 'Erfüllt',
  'tierProgress.atRisk': '{tier} ist gefährdet',
  'tierProgress.atRiskDetail':
    'Erreichen Sie bis zum Überprüfungstermin am {date} Folgendes, um sie zu behalten: {missing}.',
  'tierProgress.unconverted': 'Nicht gezählt (kein Wechselkurs): {amounts}',
  'tierProgress.actions': 'Nächste Schritte',
  'tierProgress.action.revenue12m': 'Gewinnen Sie bis {date} weitere {amount} Umsatz, {goal}.',
  'tierProgress.action.wonDeals12m': {
    one: 'Gewinnen Sie bis {date} {count} weiteren Deal, {goal}.',
    other: 'Gewinnen Sie bis {date} {count} weitere Deals, {goal}.',
  },
  'tierProgress.action.certifications': {
    one: 'Erwerben Sie bis {date} {count} weitere Zertifizierung, {goal}.',
    other: 'Erwerben Sie bis {date} {count} weitere Zertifizierungen, {goal}.',
  },
  'tierProgress.action.convert_currency':
    '{amount} gewonnener Umsatz wird nicht gezählt: Für {currency} gibt es keinen Wechselkurs.',
  'tierProgress.goal.keep': 'um {tier} zu behalten',
  'tierProgress.goal.reach': 'um {tier} zu erreichen',
  'tierProgress.showHistory': 'Stufenverlauf anzeigen',
  'tierProgress.hideHistory': 'Stufenverlauf ausblenden',
  'tierProgress.history': 'Stufenverlauf',
  'tierProgress.historyEmpty': 'Noch keine Stufenwechsel.',
  'tierProgress.historyError': 'Der Verlauf konnte nicht geladen werden.',
  'tierProgress.change': '{from} → {to}',
  'tierProgress.reason.rise': 'Aufgestiegen',
  'tierProgress.reason.fall': 'Überprüfung',
  'tierProgress.reason.manual': 'Vom Programm gesetzt',
  'tierProgress.reason.definition_change': 'Stufen geändert',
  'tierProgress.rose': 'Glückwunsch, Sie haben {tier} erreicht!',
  'tierProgress.changed': 'Ihre Stufe ist jetzt {tier}.',
  'tierProgress.error': 'Ihr Stufenfortschritt konnte nicht geladen werden.',
  'tierProgress.noPartner': 'Wählen Sie einen Partner, um seinen Stufenfortschritt zu sehen.',
};
