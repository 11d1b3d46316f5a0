/**
 * Requests of the fuzz suite (see `fuzz.ts`): the world they run in (tokens, real ids, real
 * cursors) and, per route, an arbitrary of requests with odd ids, queries and bodies, each marked
 * valid or not by the route's own zod schemas.
 */
import fc from 'fast-check';
import type { Role } from '../../src/core/schema/index.js';
import { can } from '../../src/server/authz.js';
import { nestedDeeperThan } from '../../src/server/http/input.js';
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
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** Query and body pass the route's own schemas, the encoding is plain JSON, ids are real. */
  valid: boolean;
  route: AnyRoute;
}

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

export function requestArb(world: FuzzWorld, route: AnyRoute): fc.Arbitrary<FuzzRequest> {
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
          bodyValid =
            schemaOk &&
            encoding === 'json' &&
            jsonType &&
            !hasBadText(value) &&
            // API.md: deeper than 64 levels is malformed, whatever the schema would say.
            !nestedDeeperThan(JSON.stringify(value) ?? '');
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
