/**
 * @module The forms' pure helpers of `<prm-mdf-balance>`: amounts typed in a locale, building
 * requests and claims, the server's field problems. In the forms' chunk, which only the roles that
 * act load.
 */
import { currencyFractionDigits } from '../../core/format.js';
import type {
  ActivityType,
  FieldError,
  MdfClaimInput,
  MdfRequest,
  MdfRequestUpdate,
} from '../../core/schema/index.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';

export interface Problem {
  key: MessageKey;
  params?: MessageParams;
}

export type Parsed = { ok: true; minor: number } | { ok: false; problem: Problem };

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `1.234,50` typed in German as integer minor units, computed on digit strings (no floats). */
export function parseAmount(typed: string, locale: string, currency: string): Parsed {
  const digits = currencyFractionDigits(currency);
  const example = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(2500);
  const text = typed.replace(/[\s\u00a0\u202f]/g, '');
  if (!text) return { ok: false, problem: { key: 'mdfBalance.error.required' } };
  if (/^[-\u2212]/.test(text))
    return { ok: false, problem: { key: 'mdfBalance.error.amountPositive' } };
  const { group, decimal } = separators(locale);
  const g = group === '’' ? "[’']" : escape(group);
  const d = escape(decimal);
  const match =
    new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+)(?:${d}(\\d+))?$`).exec(text) ??
    new RegExp(`^(\\d+)(?:${d}(\\d+))?$`).exec(text);
  if (!match)
    return { ok: false, problem: { key: 'mdfBalance.error.amountFormat', params: { example } } };
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      problem: { key: 'mdfBalance.error.amountDecimals', params: { count: digits } },
    };
  }
  const minor = Number(match[1]!.replace(/\D/g, '') + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) {
    return { ok: false, problem: { key: 'mdfBalance.error.amountFormat', params: { example } } };
  }
  if (minor === 0) return { ok: false, problem: { key: 'mdfBalance.error.amountPositive' } };
  return { ok: true, minor };
}

/** Minor units as the user would type them back: `2500.5` dollars → `2,500.50`. */
export function amountText(minor: number, locale: string, currency: string): string {
  const digits = currencyFractionDigits(currency);
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

// ------------------------------------------------------------------ the request form

export const REQUEST_FIELDS = [
  'type',
  'title',
  'description',
  'startDate',
  'endDate',
  'expectedLeads',
  'amount',
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];
export type RequestValues = Record<RequestField, string>;
export type Problems<F extends string> = Partial<Record<F, Problem>>;

export const emptyRequest = (): RequestValues => ({
  type: 'event',
  title: '',
  description: '',
  startDate: '',
  endDate: '',
  expectedLeads: '',
  amount: '',
});

export function requestValuesOf(r: MdfRequest, locale: string): RequestValues {
  return {
    type: r.activity.type,
    title: r.activity.title,
    description: r.activity.description,
    startDate: r.activity.startDate,
    endDate: r.activity.endDate,
    expectedLeads: r.activity.expectedLeads === undefined ? '' : String(r.activity.expectedLeads),
    amount: amountText(r.requestedAmount.amount, locale, r.requestedAmount.currency),
  };
}

const count = (text: string): number | undefined | null => {
  if (!text.trim()) return undefined;
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null;
};

/** The amount's own problem, live: its format, and whether it fits in what is available. */
export function amountProblem(
  typed: string,
  locale: string,
  currency: string,
  limit: number,
  overKey: 'mdfBalance.error.overAvailable' | 'mdfBalance.error.overClaimable',
  limitText: string,
): Problem | undefined {
  const p = parseAmount(typed, locale, currency);
  if (!p.ok) return p.problem;
  if (p.minor > limit) {
    return { key: overKey, params: { available: limitText, amount: limitText } };
  }
  return undefined;
}

export function buildRequest(
  v: RequestValues,
  locale: string,
  currency: string,
  available: number,
  availableText: string,
): { input?: MdfRequestUpdate; problems: Problems<RequestField> } {
  const problems: Problems<RequestField> = {};
  for (const f of ['title', 'description', 'startDate', 'endDate'] as const) {
    if (!v[f].trim()) problems[f] = { key: 'mdfBalance.error.required' };
  }
  if (!problems.endDate && !problems.startDate && v.endDate < v.startDate) {
    problems.endDate = { key: 'mdfBalance.error.endBeforeStart' };
  }
  const leads = count(v.expectedLeads);
  if (leads === null) problems.expectedLeads = { key: 'mdfBalance.error.count' };
  const amount = amountProblem(
    v.amount,
    locale,
    currency,
    available,
    'mdfBalance.error.overAvailable',
    availableText,
  );
  if (amount) problems.amount = amount;
  if (Object.keys(problems).length > 0) return { problems };
  const minor = (parseAmount(v.amount, locale, currency) as { minor: number }).minor;
  return {
    problems,
    input: {
      activity: {
        type: v.type as ActivityType,
        title: v.title.trim(),
        description: v.description.trim(),
        startDate: v.startDate,
        endDate: v.endDate,
        ...(leads === undefined || leads === null ? {} : { expectedLeads: leads }),
      },
      requestedAmount: { amount: minor, currency },
    },
  };
}

// ------------------------------------------------------------------ the claim form

export const CLAIM_FIELDS = ['amount', 'files', 'leads', 'notes'] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];
export type ClaimValues = Record<Exclude<ClaimField, 'files'>, string>;

export interface Upload {
  key: number;
  name: string;
  state: 'uploading' | 'done' | 'failed';
  /** Bytes sent of all, once the client reports progress (until then the bar is indeterminate). */
  loaded?: number;
  total?: number;
  fileId?: string;
  error?: string;
}

export function buildClaim(
  v: ClaimValues,
  uploads: readonly Upload[],
  locale: string,
  currency: string,
  left: number,
  leftText: string,
): { input?: MdfClaimInput; problems: Problems<ClaimField> } {
  const problems: Problems<ClaimField> = {};
  const amount = amountProblem(
    v.amount,
    locale,
    currency,
    left,
    'mdfBalance.error.overClaimable',
    leftText,
  );
  if (amount) problems.amount = amount;
  if (uploads.some((u) => u.state === 'uploading')) {
    problems.files = { key: 'mdfBalance.error.uploading' };
  } else if (!uploads.some((u) => u.state === 'done')) {
    problems.files = { key: 'mdfBalance.error.noFiles' };
  }
  const leads = count(v.leads);
  if (leads === null) problems.leads = { key: 'mdfBalance.error.count' };
  if (Object.keys(problems).length > 0) return { problems };
  const minor = (parseAmount(v.amount, locale, currency) as { minor: number }).minor;
  return {
    problems,
    input: {
      amount: { amount: minor, currency },
      proofFileIds: uploads.filter((u) => u.state === 'done').map((u) => u.fileId!),
      results: {
        ...(leads === undefined || leads === null ? {} : { leads }),
        ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
      },
    },
  };
}

/** The field of a form that an API error path names (`activity.endDate` → `endDate`). */
export function fieldOf<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const parts = path.split('.');
  if (parts[0] === 'requestedAmount' || parts[0] === 'amount') return 'amount' as F;
  if (parts[0] === 'proofFileIds')
    return (fields.includes('files' as F) ? 'files' : undefined) as F;
  const last = parts[0] === 'activity' || parts[0] === 'results' ? parts[1] : parts[0];
  return fields.find((f) => f === last);
}

/** Server field errors as problems beside the fields; the rest as one message. */
export function serverProblems<F extends string>(
  errors: readonly FieldError[],
  fields: readonly F[],
): { problems: Partial<Record<F, { text: string }>>; rest: string[] } {
  const problems: Partial<Record<F, { text: string }>> = {};
  const rest: string[] = [];
  for (const e of errors) {
    const f = fieldOf(e.path, fields);
    if (f && !problems[f]) problems[f] = { text: e.message };
    else if (!f) rest.push(e.message);
  }
  return { problems, rest };
}
