/**
 * @module Checks every request gets before its schema: text that no database should store (NUL,
 * unpaired surrogates) anywhere in the query or body, ids of the wrong shape in the path, JSON
 * nested too deep to handle safely, and a body on a POST that takes none.
 */
import * as z from 'zod/mini';
import type { FieldError } from '../../core/schema/index.js';
import { ID_PREFIXES } from '../../core/schema/index.js';

/** JSON nested deeper than this answers 400 `malformed_json` (API.md, Conventions). */
export const MAX_JSON_DEPTH = 64;

/** A NUL, or a surrogate without its partner: text PostgreSQL refuses or silently changes. */
// Matching the NUL character is the point of this pattern.
// eslint-disable-next-line no-control-regex
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isBadText = (s: string): boolean => BAD_TEXT.test(s);

const badTextError = (path: string): FieldError => ({
  path,
  code: 'invalid_text',
  message: 'Contains a NUL character or an unpaired surrogate.',
});

/** Every query parameter (name or value) holding bad text, as a field error at its name. */
export function badQueryText(query: Record<string, string | string[]>): FieldError[] {
  const out: FieldError[] = [];
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    if (isBadText(name) || values.some(isBadText)) out.push(badTextError(name));
  }
  return out;
}

/** Every string or key in a parsed JSON body holding bad text, at its dotted path. */
export function badBodyText(body: unknown): FieldError[] {
  const out: FieldError[] = [];
  // Iterative, so that no body can overflow the stack (depth is bounded before parsing anyway).
  const stack: Array<{ value: unknown; path: string }> = [{ value: body, path: '' }];
  const join = (a: string, b: string | number) => (a ? `${a}.${b}` : String(b));
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (isBadText(value)) out.push(badTextError(path));
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: join(path, i) }));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (isBadText(k)) out.push(badTextError(join(path, k)));
        else stack.push({ value: v, path: join(path, k) });
      }
    }
  }
  return out.reverse();
}

/** True when the JSON text opens more than `max` arrays or objects inside each other. */
export function nestedDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

/** The collection a path segment names, and the prefix of its ids. */
const PREFIX_OF_COLLECTION: Record<string, string> = {
  partners: ID_PREFIXES.partner,
  deals: ID_PREFIXES.deal,
  opportunities: ID_PREFIXES.opportunity,
  content: ID_PREFIXES.asset,
  files: ID_PREFIXES.file,
  allocations: ID_PREFIXES.allocation,
  requests: ID_PREFIXES.request,
  claims: ID_PREFIXES.claim,
  events: ID_PREFIXES.event,
  audit: ID_PREFIXES.audit,
  'embed-keys': ID_PREFIXES.embedKey,
  tiers: ID_PREFIXES.tier,
  users: ID_PREFIXES.user,
};
const ANY_ID = /^[a-z]{2,8}_[A-Za-z0-9_-]{1,64}$/;
/** A path parameter that is not an id (a file format, …): short, printable, no bad text. */
const ANY_SEGMENT = /^[A-Za-z0-9._~-]{1,64}$/;

/**
 * The shape each path parameter of `path` must have: `:id` after `/deals/` is a deal id, and so
 * on. A value of another shape cannot name anything, so it is simply not found.
 */
export function paramShapes(path: string): Record<string, RegExp> {
  const out: Record<string, RegExp> = {};
  const segments = path.split('/');
  segments.forEach((s, i) => {
    if (!s.startsWith(':')) return;
    const name = s.slice(1);
    const prefix = PREFIX_OF_COLLECTION[segments[i - 1] ?? ''];
    out[name] =
      name === 'id' || name.endsWith('Id')
        ? prefix
          ? new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,64}$`)
          : ANY_ID
        : ANY_SEGMENT;
  });
  return out;
}

/** The body a POST that takes no input accepts: none, or `{}`. */
export const NoInput = z.strictObject({});
