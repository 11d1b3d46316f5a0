/**
 * @module Shared building blocks of the Partner API contract: money, instants, ids, list pages
 * and problem details. Built on `zod/mini` so the browser bundle stays small.
 *
 * Schemas that only the server parses (request bodies and queries the widgets do not validate)
 * are built in a `@__PURE__`-annotated arrow function called at once: a browser bundle that never
 * reads one drops the whole call, every zod call inside it, and the zod code only they need
 * (`z.coerce`, …) — about 1 KB gzip of the embed script. The annotation on the schema's own outer
 * call would not do: a bundler drops that call but keeps the calls in its arguments.
 */
import * as z from 'zod/mini';

/** Printable text without control characters (newlines allowed only where `multiline`). */
// Matching control characters is the point of these two patterns.
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F]/;
/* eslint-enable no-control-regex */

/** A trimmed, non-empty single-line text of at most `max` characters. */
export const text = (max: number, min = 1) =>
  z.string().check(
    z.trim(),
    z.minLength(min, min === 1 ? 'Required.' : `At least ${min} characters.`),
    z.maxLength(max, `At most ${max} characters.`),
    z.refine((s) => !CONTROL_OR_NEWLINE.test(s), 'Contains control characters.'),
  );

/** Like {@link text}, but line breaks are allowed (notes, comments, descriptions). */
export const multilineText = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max, `At most ${max} characters.`),
    z.refine((s) => !CONTROL.test(s), 'Contains control characters.'),
  );

export const ID_PREFIXES = {
  partner: 'prt',
  user: 'usr',
  deal: 'deal',
  opportunity: 'opp',
  tier: 'tier',
  asset: 'asset',
  allocation: 'mdfa',
  request: 'mdfr',
  claim: 'mdfc',
  file: 'file',
  event: 'evt',
  audit: 'aud',
  embedKey: 'ek',
} as const;

/** An opaque id with its kind's prefix, e.g. `deal_01h…`. */
export const prefixedId = (prefix: string) =>
  z
    .string()
    .check(
      z.regex(
        new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,64}$`),
        `Expected an id starting with ${prefix}_.`,
      ),
    );

export const PartnerId = prefixedId(ID_PREFIXES.partner);
export const UserId = z.string().check(z.minLength(1), z.maxLength(128));
export const DealId = prefixedId(ID_PREFIXES.deal);
export const OpportunityId = prefixedId(ID_PREFIXES.opportunity);
/** Tier ids are chosen by the program admin: `tier_gold`. */
export const TierId = z
  .string()
  .check(z.regex(/^tier_[a-z0-9][a-z0-9_-]{0,62}$/, 'Expected an id like tier_gold.'));
/** Product ids are chosen by the program admin: `prod_analytics`. */
export const ProductId = z
  .string()
  .check(
    z.regex(
      /^[a-z0-9][a-z0-9_-]{0,62}$/,
      'Expected a product id (lowercase letters, digits, - and _).',
    ),
  );

/** ISO 4217 currency code. */
export const Currency = z
  .string()
  .check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code like USD.'));

/** Largest amount in minor units we accept: 1e13 (one hundred billion in a 2-decimal currency). */
export const MAX_AMOUNT_MINOR = 10_000_000_000_000;

/** Money: an integer amount in minor units and an ISO 4217 currency. Never a float. */
export const Money = z.object({
  amount: z.int(),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

/** Money as input: a whole, non-negative number of minor units below an absurd ceiling. */
export const MoneyInput = /* @__PURE__ */ (() =>
  z.strictObject({
    amount: z
      .int('Expected a whole number of minor units (cents).')
      .check(z.gte(0, 'Must not be negative.'), z.lte(MAX_AMOUNT_MINOR, 'Unrealistically large.')),
    currency: Currency,
  }))();

/** A positive money amount (deal values, requested funds). */
export const PositiveMoneyInput = z.strictObject({
  amount: z
    .int('Expected a whole number of minor units (cents).')
    .check(
      z.gte(1, 'Must be greater than zero.'),
      z.lte(MAX_AMOUNT_MINOR, 'Unrealistically large.'),
    ),
  currency: Currency,
});

/** An RFC 3339 instant in UTC, as the server writes it: `2026-11-21T09:30:00Z`. */
export const Instant = z.iso.datetime({ offset: true });
/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date();

export const Email = z.email('Expected an email address.').check(z.maxLength(254));

/** Query-string limit: 1–200, default 50 (the default is applied by the server). */
export const Limit = /* @__PURE__ */ (() =>
  z.coerce
    .number()
    .check(
      z.int('Expected a whole number.'),
      z.gte(1, 'At least 1.'),
      z.lte(200, 'At most 200.'),
    ))();
export const Cursor = z.string().check(z.minLength(1), z.maxLength(512));

export const ListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    limit: z.optional(Limit),
    cursor: z.optional(Cursor),
  }))();

/** A page of a list: `{ items, nextCursor }`. */
export const listPage = <T extends z.core.$ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'duplicate_registration',
  'invalid_transition',
  'insufficient_funds',
  'claim_window_closed',
  'idempotency_key_reused',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
] as const;
export const ErrorCode = /* @__PURE__ */ (() => z.enum(ERROR_CODES))();
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One failing field: `{ path: "customer.domain", code, message }`. */
export const FieldError = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with our `code` and field `errors`; extensions pass through. */
export const ProblemDetails = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.string(),
  errors: z.optional(z.array(FieldError)),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

export const Health = z.object({
  status: z.literal('ok'),
  version: z.optional(z.string()),
  database: z.optional(z.string()),
});
export type Health = z.infer<typeof Health>;
