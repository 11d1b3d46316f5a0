/** @module Messages of `<prm-tier-progress>`, which registers them with `../shared/i18n.ts`. */

import type { Translation } from '../shared/i18n.js';

declare module '../shared/i18n.js' {
  interface Messages {
    tierProgress: typeof en;
  }
}

export const en = {
  'tierProgress.label': 'Tier progress',
  'tierProgress.current': 'Your tier',
  'tierProgress.next': 'Next: {tier}',
  'tierProgress.overall': '{percent} of the way to {tier}',
  'tierProgress.benefits': 'What {tier} brings',
  'tierProgress.top': 'You are at the top tier.',
  'tierProgress.topKeep': 'Keep these to stay at {tier}:',
  'tierProgress.noRequirements': '{tier} has no requirements.',
  'tierProgress.requirement.revenue12m': 'Won revenue, last 12 months',
  'tierProgress.requirement.wonDeals12m': 'Won deals, last 12 months',
  'tierProgress.requirement.certifications': 'Active certifications',
  'tierProgress.of': '{current} of {target}',
  'tierProgress.valueText': '{current} of {target}, {percent}',
  'tierProgress.met': 'Met',
  'tierProgress.atRisk': '{tier} is at risk',
  'tierProgress.atRiskDetail': 'Reach these by {date}, the review date, to keep it: {missing}.',
  'tierProgress.unconverted': 'Not counted (no exchange rate): {amounts}',
  'tierProgress.actions': 'Next steps',
  'tierProgress.action.revenue12m': 'Close {amount} more in won revenue by {date} {goal}.',
  'tierProgress.action.wonDeals12m': {
    one: 'Win {count} more deal by {date} {goal}.',
    other: 'Win {count} more deals by {date} {goal}.',
  },
  'tierProgress.action.certifications': {
    one: 'Earn {count} more certification by {date} {goal}.',
    other: 'Earn {count} more certifications by {date} {goal}.',
  },
  'tierProgress.action.convert_currency':
    '{amount} in won revenue is not counted: the program has no exchange rate for {currency}.',
  'tierProgress.goal.keep': 'to keep {tier}',
  'tierProgress.goal.reach': 'to reach {tier}',
  'tierProgress.showHistory': 'Show tier history',
  'tierProgress.hideHistory': 'Hide tier history',
  'tierProgress.history': 'Tier history',
  'tierProgress.historyEmpty': 'No tier changes yet.',
  'tierProgress.historyError': 'The history could not be loaded.',
  'tierProgress.change': '{from} → {to}',
  'tierProgress.reason.rise': 'Rose',
  'tierProgress.reason.fall': 'Review',
  'tierProgress.reason.manual': 'Set by the program',
  'tierProgress.reason.definition_change': 'Tier definitions changed',
  'tierProgress.rose': 'Congratulations, you reached {tier}!',
  'tierProgress.changed': 'Your tier is now {tier}.',
  'tierProgress.error': 'Your tier progress could not be loaded.',
  'tierProgress.noPartner': 'Choose a partner to see its tier progress.',
};

export const de: Translation<typeof en> = {
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
