/** @module Messages of `<prm-tier-progress>`, which registers them with `../shared/i18n.ts`. */

import type { Message } from '../shared/i18n.js';

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
} satisfies Record<string, Message>;

/**
 * The German catalogue, in a module of its own: a page loads it only when a widget renders in
 * German (`../shared/i18n.ts` calls this then), so an English page carries no German.
 */
export const de = () => import('./prm-tier-progress.messages.de.js').then((m) => m.de);
