/**
 * The fuzz suite of our own, over every route of the registry and every query parameter: valid
 * requests and their mutations (type, shape, size, encoding, nesting), wrong content types,
 * broken and forged cursors, odd ids. Each request is checked against four properties:
 * 1. never a 5xx;
 * 2. every 4xx a valid problem: `application/problem+json`, numeric `status` equal to the
 *    response's, a documented code that fits the status;
 * 3. nothing stored by a refused request (row counts unchanged);
 * 4. nothing refused that is valid: a request whose query and body pass the route's own zod
 *    schema is never refused for its form (400, 413, 415, or a 422 with a schema code).
 * Used by `test/server/fuzz.test.ts` (fixed seed, bounded count) and `bench/fuzz.bench.ts`.
 */
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import type { Role } from '../../src/core/schema/index.js';
import { ERROR_CODES } from '../../src/core/schema/index.js';
import { can } from '../../src/server/authz.js';
import { createRegistry } from '../../src/server/app.js';
import type { AnyRoute } from '../../src/server/http/registry.js';
import type { TestServer } from './server.js';
import type { Refs } from './fuzz-arbitraries.js';
import {
  bodyEncodings,
  contentTypes,
  encodeBody,
  jsonSchemaOf,
  mutated,
  nastyText,
  valueOf,
} from './fuzz-arbitraries.js';

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** Query and body pass the route's own schemas, the encoding is plain JSON, ids are real. */
  valid: boolean;
  route: AnyRoute;
}

/** The codes a problem of each status may carry (API.md, Conventions). */
const CODES_OF_STATUS: Record<number, string[]> = {
  400: ['malformed_json'],
  401: ['unauthenticated'],
  403: ['forbidden'],
  404: ['not_found'],
  405: ['method_not_allowed'],
  409: [
    'duplicate_registration',
    'invalid_transition',
    'insufficient_funds',
    'claim_window_closed',
  ],
  413: ['payload_too_large'],
  415: ['unsupported_media_type'],
  422: ['validation_failed', 'idempotency_key_reused'],
  429: ['rate_limited'],
};
/** Field-error codes of domain rules beyond the schema: a valid form may still meet them. */
const RULE_CODES = new Set([
  'invalid',
  'unknown_product',
  'unsupported_currency',
  'reason_mismatch',
]);

const COUNTED = ['partners', 'deals', 'audit_entries', 'embed_keys', 'opportunities', 'events'];

export interface FuzzWorld {
  server: TestServer;
  tokens: string[];
  /** The role of each token, by index. */
  roles: Role[];
  refs: Refs;
  /** Real ids by path-parameter kind. */
  ids: Record<string, string[]>;
}

export async function prepareWorld(server: TestServer): Promise<FuzzWorld> {
  const roles: Role[] = [
    'program_admin',
    'channel_manager',
    'seller',
    'integration',
    'partner_admin',
    'partner_user',
  ];
  const tokens = await Promise.all(roles.slice(0, 4).map((r) => server.token(r)));
  tokens.push(
    await server.token('partner_admin', { partner: 'prt_brightpath', sub: 'usr_fuzz_admin' }),
    await server.token('partner_user', { partner: 'prt_kestrel', sub: 'usr_fuzz_user' }),
  );
  const q = async (sql: string) =>
    (await server.store.query<{ id: string }>(sql)).rows.map((r) => r.id);
  const partners = await q('select id from partners order by id');
  const cursors: Refs['cursors'] = [];
  for (const [path, sort] of [
    ['/v1/deals', '-submittedAt'],
    ['/v1/deals', '-amount'],
    ['/v1/deals', 'reviewDueAt'],
    ['/v1/partners', ''],
    ['/v1/audit', ''],
  ] as const) {
    const r = await server.request('GET', `${path}?limit=1${sort ? `&sort=${sort}` : ''}`, {
      token: tokens[0],
    });
    if (r.body?.nextCursor) cursors.push({ list: listOf(path, sort), cursor: r.body.nextCursor });
  }
  return {
    server,
    tokens,
    roles,
    refs: { partners, cursors },
    ids: {
      deals: await q('select id from deals order by id limit 50'),
      partners,
      'embed-keys': await q('select id from embed_keys order by id limit 20'),
    },
  };
}

/** The list a cursor belongs to: the route and, for deals, the sort (its default when none). */
const listOf = (path: string, sort: unknown) =>
  `${path}|${path === '/v1/deals' ? String(sort || '-submittedAt') : ''}`;

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const forgedCursors = fc.oneof(
  fc.constantFrom(
    b64({ l: 'deals-submittedAt', k: 'yesterday', id: 'deal_x' }),
    b64({ l: 'deals-amount', k: '1e99', id: 'deal_x' }),
    b64({ l: 'partners', k: '2026-13-01T00:00:00.000Z', id: 'prt_x' }),
    b64({ l: 'deals-submittedAt', k: '2026-01-01 10:00:00+00', id: 'x\u0000' }),
    b64({ t: 12, id: [] }),
    b64('cursor'),
    '!!!',
    '%00',
  ),
  fc.jsonValue({ maxDepth: 2 }).map(b64),
  fc.record({ l: fc.string(), k: fc.oneof(fc.string(), fc.integer()), id: fc.string() }).map(b64),
  fc.base64String({ maxLength: 80 }),
);

/** Percent-encodes every byte of the UTF-8 of `s` (a lone surrogate becomes U+FFFD). */
const pct = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** A path segment for `:param`: real ids mostly, odd ones otherwise. */
function segmentArb(
  world: FuzzWorld,
  collection: string,
): fc.Arbitrary<{ text: string; real: boolean }> {
  const real = world.ids[collection] ?? [];
  const odd = fc.oneof(
    fc.constantFrom(
      'nope',
      'deal_',
      'prt_brightpath%00',
      '%00',
      '%ED%A0%80',
      '%zz',
      '..',
      '%2e%2e',
      'x'.repeat(300),
      'deal_%F0%9F%98%80',
      'prt_a%20b',
    ),
    nastyText.map((s) => pct(s.slice(0, 200))),
    fc.string({ maxLength: 30 }).map(pct),
  );
  return fc.oneof(
    {
      weight: real.length > 0 ? 6 : 0,
      arbitrary:
        real.length > 0
          ? fc.constantFrom(...real).map((text) => ({ text, real: true }))
          : fc.constant({ text: 'x', real: false }),
    },
    { weight: 4, arbitrary: odd.map((text) => ({ text: text || 'x', real: false })) },
  );
}

function queryArb(
  world: FuzzWorld,
  route: AnyRoute,
): fc.Arbitrary<{ qs: string; values: Record<string, unknown>; plain: boolean }> {
  const props = route.query
    ? ((jsonSchemaOf(route.query).properties ?? {}) as Record<string, Record<string, unknown>>)
    : {};
  const names = Object.keys(props);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const n of names) model[n] = valueOf(props[n]!, world.refs, n);
  const valid = fc.record(model, { requiredKeys: [] });
  return fc
    .tuple(
      valid,
      fc.nat({ max: 9 }),
      fc.constantFrom(...(names.length ? names : ['q'])),
      fc.oneof(nastyText, forgedCursors, fc.string()),
    )
    .map(([values, roll, name, junk]) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(values)) params.append(k, String(v));
      let plain = true;
      if (roll === 0) (params.set(name, junk), (plain = false));
      else if (roll === 1) (params.append(name, 'again'), (plain = false));
      else if (roll === 2) (params.set('zzUnknown', '1'), (plain = false));
      else if (roll === 3)
        (params.set(name === 'limit' ? 'cursor' : name, name === 'limit' ? junk : '1e400'),
          (plain = false));
      const qs = params.toString();
      const cursor = params.get('cursor');
      const issued = world.refs.cursors.some(
        (c) => c.cursor === cursor && c.list === listOf(route.path, params.get('sort')),
      );
      if (cursor !== null && !issued) plain = false;
      return { qs: qs ? `?${qs}` : '', values: Object.fromEntries(params), plain };
    });
}

function requestArb(world: FuzzWorld, route: AnyRoute): fc.Arbitrary<FuzzRequest> {
  const segments = route.path.split('/');
  const params = segments.map((s, i) =>
    s.startsWith(':')
      ? segmentArb(world, segments[i - 1] ?? '')
      : fc.constant({ text: s, real: true }),
  );
  const bodyNode = route.body
    ? jsonSchemaOf(route.body)
    : { type: 'object', properties: {}, additionalProperties: false };
  const validBody = valueOf(bodyNode, world.refs);
  const bodyValue = fc.oneof(
    { weight: 3, arbitrary: validBody },
    { weight: 4, arbitrary: mutated(validBody) },
  );
  const sendsBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  // Mostly callers who may call the route, so that requests get past authorization.
  const mayCall = world.tokens.filter(
    (_, i) => route.action === 'public' || can(world.roles[i]!, route.action),
  );
  const allowed = mayCall.length > 0 ? mayCall : world.tokens;
  return fc
    .record({
      segs: fc.tuple(...params),
      query: queryArb(world, route),
      value: bodyValue,
      noBody: fc.boolean(),
      encoding: bodyEncodings,
      contentType: contentTypes,
      token: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...allowed) },
        { weight: 2, arbitrary: fc.constantFrom(...world.tokens) },
        { weight: 1, arbitrary: fc.constantFrom('', 'garbage', 'a.b.c') },
      ),
      key: fc.oneof(
        fc.constant(undefined),
        fc.uuid(),
        fc.constantFrom('', ' bad', 'é', 'x'.repeat(300)),
      ),
    })
    .map(({ segs, query, value, noBody, encoding, contentType, token, key }) => {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      let body: FuzzRequest['body'];
      let bodyValid = true;
      if (sendsBody && !route.rawBody) {
        const takesNone = !route.body;
        if (takesNone && noBody) body = undefined;
        else {
          body = encodeBody(value, encoding);
          if (contentType) headers['content-type'] = contentType;
          const jsonType = /^application\/(json|merge-patch\+json)(; charset=utf-8)?$/.test(
            contentType,
          );
          const schemaOk = route.body
            ? (route.body as unknown as { safeParse(v: unknown): { success: boolean } }).safeParse(
                value,
              ).success
            : JSON.stringify(value) === '{}';
          bodyValid = schemaOk && encoding === 'json' && jsonType && !hasBadText(value);
        }
      } else if (sendsBody) {
        bodyValid = false;
        body = encodeBody(value, encoding);
        if (contentType) headers['content-type'] = contentType;
      }
      // A fresh key per request: the same key with another body is refused, rightly.
      if (key !== undefined && route.method === 'POST')
        headers['idempotency-key'] =
          key === '' ? '' : key.length === 36 ? `${key}-${counter++}` : key;
      const keyValid =
        headers['idempotency-key'] === undefined ||
        /^[\x21-\x7e][\x20-\x7e]{0,253}[\x21-\x7e]?$/.test(headers['idempotency-key']);
      const queryValid =
        query.plain &&
        (route.query
          ? (route.query as unknown as { safeParse(v: unknown): { success: boolean } }).safeParse(
              query.values,
            ).success
          : query.qs === '');
      return {
        method: route.method,
        path: segs.map((s) => s.text).join('/') + query.qs,
        headers,
        body,
        valid: bodyValid && queryValid && keyValid && segs.every((s) => s.real),
        route,
      };
    });
}
let counter = 0;

function hasBadText(v: unknown): boolean {
  const s = JSON.stringify(v) ?? '';
  return /\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i.test(
    s,
  );
}

async function counts(server: TestServer): Promise<string> {
  const { rows } = await server.store.query<Record<string, number>>(
    `select ${COUNTED.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')},
            (select count(*)::int from embed_keys where revoked_at is null) as live_keys`,
  );
  return JSON.stringify(rows[0]);
}

/** The answer to a request whose body the server stops reading (413), over node:http. */
function rawRequest(base: string, req: FuzzRequest): Promise<Response> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(base + req.path, { method: req.method, headers: req.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve(
          new Response(Buffer.concat(chunks), {
            status: res.statusCode ?? 0,
            headers: res.headers as Record<string, string>,
          }),
        ),
      );
    });
    r.setTimeout(10_000, () => r.destroy(new Error('no answer in 10 s')));
    // The server stops reading: writing the rest fails, and the answer still arrives.
    r.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') reject(e);
    });
    r.end(req.body);
  });
}

export interface FuzzReport {
  cases: number;
  seed: number;
  failures: string[];
  statuses: Record<string, number>;
  validCases: number;
  ms: number;
}

/** Sends one request and checks the four properties; the failure's description, or null. */
async function check(
  world: FuzzWorld,
  req: FuzzRequest,
  statuses: Record<string, number>,
): Promise<string | null> {
  const before = await counts(world.server);
  const controller = new AbortController();
  let res: Response;
  try {
    res = await fetch(world.server.url + req.path, {
      method: req.method,
      headers: req.headers,
      body: req.body as BodyInit | undefined,
      signal: controller.signal,
    });
  } catch (error) {
    // A body over the limit is answered (413) and the connection closed before the client has
    // sent it all; fetch then fails on its side. Read that answer over a plain socket instead.
    const size = typeof req.body === 'string' ? req.body.length : (req.body?.byteLength ?? 0);
    if (size <= 1024 * 1024) {
      return `${req.method} ${req.path}: the request failed: ${(error as Error).message} ${String((error as { cause?: unknown }).cause)}`;
    }
    res = await rawRequest(world.server.url, req);
  }
  const streaming = (res.headers.get('content-type') ?? '').startsWith('text/event-stream');
  const text = streaming ? (controller.abort(), '') : await res.text();
  statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  const where = `${req.method} ${req.path.slice(0, 200)} [${req.headers['content-type'] ?? '-'}] → ${res.status} ${text.slice(0, 300)}`;
  if (res.status >= 500) return `5xx: ${where}`;
  if (res.status >= 400) {
    if (res.headers.get('content-type') !== 'application/problem+json')
      return `not a problem: ${where}`;
    let p: {
      status?: unknown;
      code?: unknown;
      title?: unknown;
      type?: unknown;
      errors?: Array<{ path: string; code: string }>;
    };
    try {
      p = JSON.parse(text) as typeof p;
    } catch {
      return `problem is not JSON: ${where}`;
    }
    if (p.status !== res.status) return `status member ${String(p.status)}: ${where}`;
    if (typeof p.title !== 'string' || typeof p.type !== 'string') return `no title/type: ${where}`;
    if (!(ERROR_CODES as readonly string[]).includes(p.code as string))
      return `undocumented code: ${where}`;
    if (!CODES_OF_STATUS[res.status]?.includes(p.code as string))
      return `code does not fit the status: ${where}`;
    if ((await counts(world.server)) !== before)
      return `a refused request stored something: ${where}`;
    if (req.valid) {
      const formal =
        [400, 413, 415].includes(res.status) ||
        (res.status === 422 &&
          p.code === 'validation_failed' &&
          (p.errors ?? []).some((e) => !RULE_CODES.has(e.code)));
      if (formal) return `a valid request was refused: ${where}`;
    }
  }
  return null;
}

export async function fuzz(
  server: TestServer,
  o: { numRuns: number; seed: number },
): Promise<FuzzReport> {
  const started = performance.now();
  const world = await prepareWorld(server);
  const routes = createRegistry().routes;
  const arb = fc.oneof(...routes.map((r) => requestArb(world, r)));
  const failures: string[] = [];
  const statuses: Record<string, number> = {};
  let cases = 0;
  let validCases = 0;
  await fc.assert(
    fc.asyncProperty(arb, async (req) => {
      cases++;
      if (req.valid) validCases++;
      const failure = await check(world, req, statuses);
      if (failure) failures.push(failure);
      return true; // collected, not shrunk: every distinct failure is reported at the end
    }),
    { numRuns: o.numRuns, seed: o.seed, endOnFailure: true },
  );
  return {
    cases,
    seed: o.seed,
    failures,
    statuses,
    validCases,
    ms: Math.round(performance.now() - started),
  };
}
