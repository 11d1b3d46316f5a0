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
 * English comes with the widget; another language may be given as a function that imports it
 * (`de: () => import('./x.messages.de.js').then((m) => m.de)`), so a page loads a widget's German
 * only when something renders in German. `messagesReady(locale)` starts those imports and says
 * when they are in; `PrmElement` waits for it before rendering, so no English flashes first.
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

/**
 * A part's catalogue written without its keys' prefix (`heading` for `dealRegistration.heading`):
 * smaller on the wire, for a catalogue that loads on its own (a widget's German). The English
 * module puts the prefix back with {@link prefixed} as it imports it.
 */
export type Unprefixed<Catalogue, Prefix extends string> = {
  [K in keyof Catalogue as K extends `${Prefix}${infer Rest}` ? Rest : never]: Catalogue[K];
};

/** An {@link Unprefixed} catalogue with `prefix` back on each key. */
export function prefixed<Catalogue>(prefix: string, messages: Record<string, Message>): Catalogue {
  const out: Record<string, Message> = {};
  for (const key of Object.keys(messages)) out[prefix + key] = messages[key]!;
  return out as Catalogue;
}

/** A catalogue, or a function importing it when its language is first used. */
export type Lazy<Catalogue> = Catalogue | (() => Promise<Catalogue>);

/** A part's catalogues, one per supported language; German is typed from English. */
export interface Catalogues<English extends Record<string, Message>> {
  en: English;
  de: Lazy<Translation<English>>;
}

type Language = keyof Catalogues<never>;

// Filled as widgets register; `t()` reads them at call time.
const catalogues: Record<Language, Record<string, Message>> = {
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
  const de = messages.de;
  if (typeof de !== 'function') Object.assign(catalogues.de, de);
  else if (!imported.has(de)) waiting.de.add(de);
}

type Importer = () => Promise<Record<string, Message>>;
// Per language: the importers not started yet, and the imports under way. An importer is called
// once (`imported`), whichever element asks first.
const waiting: Record<Exclude<Language, 'en'>, Set<Importer>> = { de: new Set() };
const imported = new WeakSet<Importer>();
const inFlight = new Map<Language, Promise<void>>();

const languageOf = (locale: string): string => locale.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * Starts importing the registered catalogues `locale` needs and has not got yet. Returns a promise
 * while some are on their way, `undefined` once there is nothing to wait for. A catalogue that
 * fails to load (the network) leaves its keys to English: text in the wrong language beats none.
 */
export function messagesReady(locale: string): Promise<void> | undefined {
  const language = languageOf(locale);
  if (!Object.hasOwn(waiting, language)) return inFlight.get(language as Language);
  const lang = language as keyof typeof waiting;
  const todo = waiting[lang];
  if (todo.size > 0) {
    const batch = [...todo];
    todo.clear();
    const loads = batch.map((load) => {
      imported.add(load);
      return load().then(
        (catalogue) => void Object.assign(catalogues[lang], catalogue),
        (error: unknown) =>
          console.warn(`[prm-widgets] The ${lang} messages could not be loaded:`, error),
      );
    });
    const before = inFlight.get(lang);
    const all: Promise<void> = Promise.all([before, ...loads]).then(() => {
      if (inFlight.get(lang) === all) inFlight.delete(lang);
    });
    inFlight.set(lang, all);
  }
  return inFlight.get(lang);
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
  const language = languageOf(locale);
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
