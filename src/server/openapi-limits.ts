/**
 * @module What the OpenAPI document states beyond the zod schemas: the limits of values the
 * server writes (zod checks what comes in; what goes out is bounded by what came in, so a
 * response schema without its own limit gets the bound below), integer formats, the
 * rate-limit headers every response carries, and the descriptions of tags.
 */

type Json = Record<string, unknown>;

/**
 * The longest text the server writes where no schema says less. Free text comes from checked
 * input (notes 4 000, comments 2 000 characters, customer websites 2 048) or from the server
 * itself: a problem's `detail` may quote the request path, which Node caps with its 16 KiB
 * header limit.
 */
export const MAX_TEXT = 16_384;

/** The longest list the server writes where no schema says less: the members of one page or set. */
export const MAX_ITEMS = 1_000;

/** Bounds by string format, for strings the server writes. */
const FORMAT_MAX: Record<string, number> = {
  'date-time': 35,
  date: 10,
  email: 254,
  uri: 2048,
};

const INT32 = 2 ** 31 - 1;

/**
 * The longest string an anchored pattern of literals and classes with bounded quantifiers can
 * match (`^prt_[A-Za-z0-9_-]{1,64}$` → 68), or null when it is not that simple (groups,
 * alternatives, unbounded repetition): the limit the server enforces, stated.
 */
export function patternMaxLength(pattern: string): number | null {
  const m = /^\^(.*)\$$/.exec(pattern);
  if (!m) return null;
  const atoms = m[1]!.matchAll(
    /(\\.|\[(?:\\.|[^\]\\])+\]|[^\\[\](){}|*+?^$.])(\{(\d+)(?:,(\d+))?\}|\?)?/gy,
  );
  let total = 0;
  let consumed = 0;
  for (const a of atoms) {
    consumed += a[0].length;
    total += a[2] === '?' ? 1 : a[2] ? Number(a[4] ?? a[3]) : 1;
  }
  return consumed === m[1]!.length ? total : null;
}

/**
 * Adds `maxLength` to strings, `maxItems` to arrays and `format` (int32/int64) to integers that
 * lack them, everywhere in `node`. Existing limits are kept.
 */
export function addLimits(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) addLimits(n);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const s = node as Json;
  const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type];
  if (types.includes('string') && s.maxLength === undefined && !s.enum && s.const === undefined) {
    s.maxLength =
      FORMAT_MAX[s.format as string] ??
      (typeof s.pattern === 'string' ? patternMaxLength(s.pattern) : null) ??
      MAX_TEXT;
  }
  if (types.includes('array') && s.maxItems === undefined) s.maxItems = MAX_ITEMS;
  if (types.includes('integer') && s.format === undefined) {
    const min = typeof s.minimum === 'number' ? s.minimum : -Infinity;
    const max = typeof s.maximum === 'number' ? s.maximum : Infinity;
    s.format = min >= -INT32 - 1 && max <= INT32 ? 'int32' : 'int64';
  }
  for (const [k, v] of Object.entries(s)) {
    // Enum and example values are data, not schemas.
    if (k !== 'enum' && k !== 'const' && k !== 'examples' && k !== 'default') addLimits(v);
  }
}

/** Headers of the rate limiter (IETF httpapi draft), referenced from every response. */
export const RATE_LIMIT_HEADERS: Record<string, Json> = {
  'RateLimit-Policy': {
    description:
      'The caller’s request budget per window, e.g. `"default";q=600;w=60` (IETF httpapi RateLimit headers draft).',
    schema: { type: 'string', maxLength: 256 },
  },
  RateLimit: {
    description:
      'What is left of the budget in the current window and when it resets, e.g. `"default";r=598;t=42`.',
    schema: { type: 'string', maxLength: 256 },
  },
  'Access-Control-Allow-Origin': {
    description:
      'CORS: the calling page’s origin when it is one the server allows (`PRM_CORS_ORIGINS`), or `*` when all are.',
    schema: { type: 'string', maxLength: 2048 },
  },
  'Retry-After': {
    description: 'Seconds to wait before the next request.',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 },
  },
};

/** The headers every response carries: rate limits, CORS, and on a 429 when to retry. */
export const rateLimitHeaderRefs = (retryAfter: boolean): Json => ({
  'Access-Control-Allow-Origin': { $ref: '#/components/headers/Access-Control-Allow-Origin' },
  'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' },
  RateLimit: { $ref: '#/components/headers/RateLimit' },
  ...(retryAfter ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : {}),
});

/** What each tag groups, for the reference and for generated clients. */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  Platform: 'Health of the server and who the caller is.',
  Program:
    'The partner program: products, currencies, service levels, the tier ladder and the review routing.',
  Partners: 'The partner companies of the program and their embed keys.',
  Opportunities:
    'The vendor’s own direct opportunities, synced from its CRM; they take part in conflict checks.',
  Deals:
    'Deal registration: the conflict check, registering, the review queue (stats, assignment, decisions), withdrawal and CRM sync.',
  Events:
    'Server-sent events: deals and other resources as they change, for each caller as it may see them.',
  Audit: 'The audit log: one entry per change, never edited.',
  Tiers:
    'Tier progress and history, certifications from an LMS, and the exchange rates tier revenue is converted with.',
  Content:
    'The sales-content library: search with typo tolerance and highlights, assets, their files and what partners look for.',
  MDF: 'Market development funds: allocations, requests, claims and payouts, on a ledger that cannot overspend.',
  Files:
    'Proof files for MDF claims, typed by their content and read only by their partner and the vendor.',
};
