/**
 * The one localisation module: a typed catalogue per language and `t()`. English is the source:
 * every other catalogue is typed from it, so a key missing in German is a compile error. Widgets
 * add their keys here, prefixed with their name (`dealList.empty`).
 *
 * A message is a string with `{name}` placeholders, or an object of plural forms chosen by
 * `Intl.PluralRules` on the `count` parameter.
 */

import { en as dealListEn, de as dealListDe } from './messages/deal-list.js';
import {
  en as dealRegistrationEn,
  de as dealRegistrationDe,
} from './messages/deal-registration.js';

type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
type Message = string | PluralForms;

const en = {
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.error': 'Something went wrong.',
  'common.empty': 'Nothing here yet.',
  'common.items': { one: '{count} item', other: '{count} items' },
  'common.missingClient': 'Not connected: this widget needs a prm-provider or a client.',
  ...dealListEn,
  ...dealRegistrationEn,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;

/** Another language's catalogue: the same keys; a plural may have other forms than English's. */
type Catalogue = { [K in MessageKey]: (typeof en)[K] extends string ? string : PluralForms };

const de: Catalogue = {
  'common.loading': 'Wird geladen…',
  'common.retry': 'Erneut versuchen',
  'common.error': 'Etwas ist schiefgegangen.',
  'common.empty': 'Noch nichts vorhanden.',
  'common.items': { one: '{count} Eintrag', other: '{count} Einträge' },
  'common.missingClient':
    'Nicht verbunden: Dieses Widget braucht einen prm-provider oder einen Client.',
  ...dealListDe,
  ...dealRegistrationDe,
};

const catalogues: Record<string, Catalogue> = { en, de };

export const SUPPORTED_LANGUAGES = Object.keys(catalogues);

export type MessageParams = Record<string, string | number>;

const canonical = new Map<string, string | undefined>();

/**
 * A valid BCP 47 tag for `tag`, or `undefined`: `lang` attributes are written by hand (`de_DE`,
 * `english`), and `Intl` throws on a malformed tag.
 */
export function canonicalLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  // Every `t()` asks, and a list asks for each label of each row it renders: remembered per tag.
  if (canonical.has(tag)) return canonical.get(tag);
  let locale: string | undefined;
  try {
    locale = Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0];
  } catch {
    locale = undefined;
  }
  canonical.set(tag, locale);
  return locale;
}

/** The catalogue for a BCP 47 locale: exact language match on the primary subtag, else English. */
function catalogueFor(locale: string): Catalogue {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return catalogues[language] ?? en;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * The message `key` in `locale`, with `{name}` placeholders filled from `params`. A plural message
 * picks its form from `params.count`. A placeholder without a parameter stays visible as `{name}`,
 * so a missing value shows up in review rather than as an empty gap.
 */
export function t(tag: string, key: MessageKey, params: MessageParams = {}): string {
  const locale = canonicalLocale(tag) ?? 'en';
  const message: Message = catalogueFor(locale)[key] ?? en[key];
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = Number(params['count'] ?? 0);
    text = message[pluralCategory(locale, count)] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}
