/**
 * @module The deal-registration form as data: its values as typed, their conversion to a
 * `DealInput` (amounts parsed in the user's locale), and every failing field as a catalogue
 * message. No DOM here, so the rules are the shared schema's and nothing else.
 */
import { DealInput } from '../../core/schema/deal.js';
import { MAX_AMOUNT_MINOR } from '../../core/schema/common.js';
import { issueCode } from '../../core/schema/common.js';
import type { FieldError } from '../../core/schema/common.js';
import type { Program } from '../../core/schema/program.js';
import { currencyFractionDigits } from '../../core/format.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';

export const FIELDS = [
  'customerName',
  'customerDomain',
  'contactName',
  'contactEmail',
  'title',
  'products',
  'amount',
  'currency',
  'expectedCloseDate',
  'notes',
] as const;
export type FieldName = (typeof FIELDS)[number];

/** What the user typed, as typed: the amount stays a locale string until it is sent. */
export interface FormValues {
  customerName: string;
  customerDomain: string;
  contactName: string;
  contactEmail: string;
  title: string;
  products: string[];
  amount: string;
  currency: string;
  expectedCloseDate: string;
  notes: string;
}

/** A field's problem: a catalogue message, or the server's own words when we have no key for it. */
export type FieldProblem = { key: MessageKey; params?: MessageParams } | { text: string };
export type FieldProblems = Partial<Record<FieldName, FieldProblem>>;

export const emptyValues = (currency = ''): FormValues => ({
  customerName: '',
  customerDomain: '',
  contactName: '',
  contactEmail: '',
  title: '',
  products: [],
  amount: '',
  currency,
  expectedCloseDate: '',
  notes: '',
});

/** Whether the user has typed anything worth keeping (the currency alone is a default). */
export const hasContent = (v: FormValues): boolean =>
  FIELDS.some(
    (f) => f !== 'currency' && (f === 'products' ? v.products.length > 0 : !!v[f].trim()),
  );

/** A stored draft against today's program: products and a currency it no longer has are dropped. */
export function fitToProgram(values: FormValues, program: Program): FormValues {
  const known = new Set(program.products.map((p) => p.id));
  return {
    ...values,
    products: values.products.filter((p) => known.has(p)),
    currency: program.currencies.includes(values.currency)
      ? values.currency
      : (program.currencies[0] ?? ''),
  };
}

export interface Prefill {
  customerName?: string | undefined;
  customerDomain?: string | undefined;
  /** Product ids, comma-separated; ids the program does not have are ignored. */
  products?: string | undefined;
}

/** What the host knows fills only what is empty: a restored draft is the user's own work. */
export function prefill(
  values: FormValues,
  program: Program | undefined,
  from: Prefill,
): FormValues {
  const known = new Set(program?.products.map((p) => p.id));
  const products = (from.products ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => known.has(p));
  return {
    ...values,
    customerName: values.customerName || (from.customerName ?? '').trim(),
    customerDomain: values.customerDomain || (from.customerDomain ?? '').trim(),
    products: values.products.length ? values.products : [...new Set(products)],
  };
}

// ------------------------------------------------------------------------------- amounts

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** An example amount in the user's locale and the currency's precision: `12,500.00`, `12.500,00`. */
export function amountExample(locale: string, currency: string): string {
  const digits = currency ? currencyFractionDigits(currency) : 2;
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(12500);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type AmountResult = { ok: true; minor: number } | { ok: false; problem: FieldProblem };

/**
 * A decimal typed in `locale` (`1.234,56` in German) as integer minor units of `currency`, computed
 * on digit strings so that no float rounding creeps in. Group separators are accepted only where
 * the locale puts them, so that `1,5` in English is an error rather than fifteen.
 */
export function parseAmount(typed: string, locale: string, currency: string): AmountResult {
  const example = amountExample(locale, currency);
  const text = typed.replace(/[\s\u00a0\u202f]/g, '');
  if (!text) return { ok: false, problem: { key: 'dealRegistration.error.required' } };
  if (/^[-\u2212]/.test(text)) {
    return { ok: false, problem: { key: 'dealRegistration.error.amountPositive' } };
  }
  const { group, decimal } = separators(locale);
  // Swiss German groups with ’ but people type '; treat them alike.
  const g = group === '’' ? "[’']" : escape(group);
  const d = escape(decimal);
  const grouped = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+)(?:${d}(\\d+))?$`);
  const plain = new RegExp(`^(\\d+)(?:${d}(\\d+))?$`);
  const match = grouped.exec(text) ?? plain.exec(text);
  if (!match) {
    return {
      ok: false,
      problem: { key: 'dealRegistration.error.amountFormat', params: { example } },
    };
  }
  const whole = match[1]!.replace(/\D/g, '');
  const fraction = match[2] ?? '';
  const digits = currency ? currencyFractionDigits(currency) : 2;
  if (fraction.length > digits) {
    return {
      ok: false,
      problem:
        digits === 0
          ? { key: 'dealRegistration.error.amountWhole' }
          : { key: 'dealRegistration.error.amountDecimals', params: { count: digits } },
    };
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  if (minor > BigInt(MAX_AMOUNT_MINOR)) {
    return { ok: false, problem: { key: 'dealRegistration.error.amountTooLarge' } };
  }
  if (minor === 0n) return { ok: false, problem: { key: 'dealRegistration.error.amountPositive' } };
  return { ok: true, minor: Number(minor) };
}

// ------------------------------------------------------------------------------- paths

const PATHS: Record<string, FieldName> = {
  'customer.name': 'customerName',
  'customer.domain': 'customerDomain',
  customer: 'customerName',
  'contact.name': 'contactName',
  'contact.email': 'contactEmail',
  contact: 'contactName',
  title: 'title',
  products: 'products',
  amount: 'amount',
  'amount.amount': 'amount',
  'amount.currency': 'currency',
  expectedCloseDate: 'expectedCloseDate',
  notes: 'notes',
};

/** The form field an API path names: `customer.domain` → website, `products.0` → products. */
export function fieldForPath(path: string): FieldName | undefined {
  const exact = PATHS[path];
  if (exact) return exact;
  if (/^products\.\d+$/.test(path)) return 'products';
  return undefined;
}

interface IssueLike {
  code: string;
  message: string;
  params?: unknown;
  origin?: string;
  maximum?: number | bigint;
  format?: string;
}

/**
 * A zod issue (client) or a server field error as a message for `field`, by its code alone: zod's
 * codes, and our refinements' own (`date_in_past`, …) that the schema gives and the server sends.
 * Only a code we do not know shows the server's own words.
 */
export function problemFor(field: FieldName, issue: IssueLike): FieldProblem {
  switch (issueCode(issue)) {
    case 'invalid_type':
      return { key: 'dealRegistration.error.required' };
    case 'too_small':
      if (field === 'products') return { key: 'dealRegistration.error.products' };
      if (field === 'amount') return { key: 'dealRegistration.error.amountPositive' };
      return { key: 'dealRegistration.error.required' };
    case 'too_big':
      if (field === 'amount') return { key: 'dealRegistration.error.amountTooLarge' };
      if (issue.origin === 'string' && issue.maximum !== undefined) {
        return { key: 'dealRegistration.error.tooLong', params: { max: Number(issue.maximum) } };
      }
      break;
    case 'invalid_format':
      if (field === 'contactEmail') return { key: 'dealRegistration.error.email' };
      if (field === 'expectedCloseDate') return { key: 'dealRegistration.error.date' };
      if (field === 'customerDomain') return { key: 'dealRegistration.error.website' };
      break;
    case 'invalid_website':
      return { key: 'dealRegistration.error.website' };
    case 'date_in_past':
      return { key: 'dealRegistration.error.datePast' };
    case 'date_too_far':
      return { key: 'dealRegistration.error.dateFar' };
    case 'control_characters':
      return { key: 'dealRegistration.error.control' };
    case 'custom':
      // A refinement without a code of ours (a server older than the codes): the website is the
      // one such rule on the form.
      if (field === 'customerDomain') return { key: 'dealRegistration.error.website' };
      break;
  }
  return issue.message ? { text: issue.message } : { key: 'dealRegistration.error.invalid' };
}

// ------------------------------------------------------------------------------- the input

export type BuildResult = { ok: true; input: DealInput } | { ok: false; problems: FieldProblems };

/**
 * The values as a `DealInput`, parsed by the shared schema (so it is trimmed exactly as the server
 * will trim it), or every failing field. The first problem of a field is the one shown.
 */
export function buildInput(values: FormValues, locale: string): BuildResult {
  const amount = parseAmount(values.amount, locale, values.currency);
  const raw = {
    customer: { name: values.customerName, domain: values.customerDomain },
    contact: { name: values.contactName, email: values.contactEmail },
    title: values.title,
    products: values.products,
    amount: { amount: amount.ok ? amount.minor : 1, currency: values.currency },
    expectedCloseDate: values.expectedCloseDate,
    ...(values.notes.trim() ? { notes: values.notes } : {}),
  };
  const problems: FieldProblems = {};
  if (!amount.ok) problems.amount = amount.problem;
  const parsed = DealInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldForPath(issue.path.map(String).join('.'));
      if (field && !problems[field]) problems[field] = problemFor(field, issue as IssueLike);
    }
  }
  if (!amount.ok || !parsed.success) return { ok: false, problems };
  return { ok: true, input: parsed.data };
}

/** Server field errors on their fields; the ones no field shows are returned apart. */
export function serverProblems(errors: readonly FieldError[]): {
  problems: FieldProblems;
  unplaced: FieldError[];
} {
  const problems: FieldProblems = {};
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const field = fieldForPath(error.path);
    if (!field) unplaced.push(error);
    else problems[field] ??= problemFor(field, error);
  }
  return { problems, unplaced };
}
