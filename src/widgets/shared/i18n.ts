/**
 * The one localisation module: `t()`, the common catalogue, and the registry every widget's
 * catalogue joins. English is the source: each widget's messages module types its other languages
 * from its English, so a key missing in German is a compile error, and adds its English to
 * `Messages` (declaration merging), so `t()` accepts exactly the keys some catalogue defines.
 * Keys carry their widget's name (`dealList.empty`).
 *
 * A widget registers its own messages (`registerMessages(messages)` at the top level of its class
 * module, not in an import-only module that bundlers drop under `"sideEffects"`), so a bundle
 * carries only the text of the widgets it contains. Lookups happen at call time: the order in
 * which modules register does not matter.
 *
 * A message is a string with `{name}` placeholders, or an object of plural forms chosen by
 * `Intl.PluralRules` on the `count` parameter.
 */

export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralForms;

/** Another language's catalogue: the same keys; a plural may have other forms than English's. */
export type Translation<English> = {
  [K in keyof English]: English[K] extends string ? string : PluralForms;
};

const commonEn = {
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.error': 'Something went wrong.',
  'common.empty': 'Nothing here yet.',
  'common.items': { one: '{count} item', other: '{count} items' },
  'common.missingClient': 'Not connected: this widget needs a prm-provider or a client.',
} satisfies Record<string, Message>;

const commonDe: Translation<typeof commonEn> = {
  'common.loading': 'Wird geladen…',
  'common.retry': 'Erneut versuchen',
  'common.error': 'Etwas ist schiefgegangen.',
  'common.empty': 'Noch nichts vorhanden.',
  'common.items': { one: '{count} Eintrag', other: '{count} Einträge' },
  'common.missingClient':
    'Nicht verbunden: Dieses Widget braucht einen prm-provider oder einen Client.',
};

/**
 * The English catalogue of each part, by part name. A widget's messages module adds its own:
 *
 * ```ts
 * declare module '../shared/i18n.js' {
 *   interface Messages {
 *     dealList: typeof en;
 *   }
 * }
 * ```
 */
export interface Messages {
  common: typeof commonEn;
}

export type MessageKey = {
  [Part in keyof Messages]: keyof Messages[Part] & string;
}[keyof Messages];

/** A part's catalogues, one per supported language; German is typed from English. */
export interface Catalogues<English extends Record<string, Message>> {
  en: English;
  de: Translation<English>;
}

// Filled as widgets register; `t()` reads them at call time.
const catalogues: Record<keyof Catalogues<never>, Record<string, Message>> = {
  en: { ...commonEn },
  de: { ...commonDe },
};

export const SUPPORTED_LANGUAGES: string[] = Object.keys(catalogues);

/**
 * Adds a part's messages to the catalogues. Call it at the top level of the module that uses
 * them; registering the same messages twice is harmless.
 */
export function registerMessages<English extends Record<string, Message>>(
  messages: Catalogues<English>,
): void {
  Object.assign(catalogues.en, messages.en);
  Object.assign(catalogues.de, messages.de);
}

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
function catalogueFor(locale: string): Record<string, Message> {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(catalogues, language)
    ? catalogues[language as keyof typeof catalogues]
    : catalogues.en;
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
 * so a missing value shows up in review rather than as an empty gap; so does the key of a
 * message no catalogue has (yet): its widget has not registered it.
 */
export function t(tag: string, key: MessageKey, params: MessageParams = {}): string {
  const locale = canonicalLocale(tag) ?? 'en';
  const message = catalogueFor(locale)[key] ?? catalogues.en[key];
  if (message === undefined) return key;
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
