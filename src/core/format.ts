import type { Money } from './schema/index.js';

// Intl formatters are costly to build and a list renders the same few hundred times.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const moneyFormat = (locale: string, currency: string, display: string) =>
  cached(
    `money|${locale}|${currency}|${display}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        currencyDisplay: display as Intl.NumberFormatOptions['currencyDisplay'],
      }),
  );

/**
 * The number of minor units in a currency's major unit, per ISO 4217 as the Intl implementation
 * knows it: 2 for USD and EUR, 0 for JPY and KRW, 3 for BHD and KWD.
 */
export function currencyFractionDigits(currency: string): number {
  return fractionDigits(moneyFormat('en', currency, 'code'));
}

// `resolvedOptions()` builds a fresh object on every call; a list calls this for every row.
const digits = new WeakMap<Intl.NumberFormat, number>();
function fractionDigits(format: Intl.NumberFormat): number {
  let d = digits.get(format);
  if (d === undefined) {
    d = format.resolvedOptions().maximumFractionDigits ?? 2;
    digits.set(format, d);
  }
  return d;
}

/** `12345` minor units as a decimal string with `digits` places, exactly (no float rounding). */
function minorToDecimal(amount: number, digits: number): `${number}` {
  const negative = amount < 0;
  const units = BigInt(Math.trunc(Math.abs(amount)))
    .toString()
    .padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits);
  const fraction = digits > 0 ? `.${units.slice(units.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}` as `${number}`;
}

export interface MoneyFormatOptions {
  /** How the currency shows: `symbol` ($, €; default), `narrowSymbol`, `code` (USD) or `name`. */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
}

/** `{ amount: 125000, currency: 'USD' }` → `$1,250.00` in `en`, `1.250,00 $` in `de`. */
export function formatMoney(
  money: Money,
  locale: string,
  options: MoneyFormatOptions = {},
): string {
  const format = moneyFormat(locale, money.currency, options.currencyDisplay ?? 'symbol');
  return format.format(minorToDecimal(money.amount, fractionDigits(format)));
}

/**
 * A calendar date (`YYYY-MM-DD`) in the locale's medium style. It names a day, not an instant, so
 * it is formatted in UTC: formatting it in the viewer's zone would show the previous day west of
 * Greenwich.
 */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return cached(
    `date|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(date);
}

export interface DateTimeFormatOptions {
  /** An IANA zone; the viewer's own by default. */
  timeZone?: string;
}

/** An instant (RFC 3339) as a medium date and short time in the viewer's (or the given) zone. */
export function formatDateTime(
  instant: string | Date,
  locale: string,
  options: DateTimeFormatOptions = {},
): string {
  const tz = options.timeZone;
  return cached(
    `datetime|${locale}|${tz ?? ''}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        ...(tz ? { timeZone: tz } : {}),
      }),
  ).format(new Date(instant));
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Each unit is used while the distance stays under its limit; months and years are averages,
// which is as precise as "in 3 months" ever means.
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['second', SECOND, MINUTE],
  ['minute', MINUTE, HOUR],
  ['hour', HOUR, DAY],
  ['day', DAY, 7 * DAY],
  ['week', 7 * DAY, 30 * DAY],
  ['month', 30.4375 * DAY, 365.25 * DAY],
  ['year', 365.25 * DAY, Infinity],
];

/**
 * How far an instant is from `now`, in the largest unit that fits: "in 3 hours", "yesterday",
 * "vor 2 Wochen". `numeric: 'auto'` lets the locale say "yesterday" rather than "1 day ago".
 */
export function formatRelative(
  instant: string | Date,
  locale: string,
  now: Date | number = Date.now(),
): string {
  const diff = new Date(instant).getTime() - new Date(now).getTime();
  const abs = Math.abs(diff);
  const [unit, size] = UNITS.find(([, , limit]) => abs < limit) ?? UNITS[UNITS.length - 1]!;
  // Math.round gives -0 for small negative values; + 0 normalises it so that "now" is not "-0 s".
  const value = Math.round(diff / size) + 0;
  return cached(
    `relative|${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  ).format(value, unit);
}

export interface PercentFormatOptions {
  maximumFractionDigits?: number;
}

/** A ratio (0–1, as the API's `progress` fields are) as a percentage: `0.425` → `43%` / `43 %`. */
export function formatPercent(
  ratio: number,
  locale: string,
  options: PercentFormatOptions = {},
): string {
  const digits = options.maximumFractionDigits ?? 0;
  return cached(
    `percent|${locale}|${digits}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }),
  ).format(ratio);
}
