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
import { ERROR_CODES } from '../../src/core/schema/index.js';
import { createRegistry } from '../../src/server/app.js';
import type { TestServer } from './server.js';
import type { FuzzRequest, FuzzWorld } from './fuzz-requests.js';
import { prepareWorld, requestArb } from './fuzz-requests.js';

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
  // Refusals by the rules behind the schema (roles, references, ledgers, dates, file contents).
  'above_requested',
  'base_currency',
  'before_earned',
  'before_start',
  'currency_mismatch',
  'duplicate',
  'empty',
  'in_future',
  'in_past',
  'invalid',
  'not_allowed',
  'not_found',
  'reason_mismatch',
  'required',
  'truncated',
  'unknown_partner',
  'unknown_product',
  'unsupported_currency',
]);

const COUNTED = [
  'partners',
  'deals',
  'audit_entries',
  'embed_keys',
  'opportunities',
  'events',
  'review_routing',
  'certifications',
  'exchange_rates',
  'tier_history',
  'content_assets',
  'content_files',
  'content_shapes',
  'mdf_allocations',
  'mdf_requests',
  'mdf_claims',
  'mdf_ledger',
  'files',
];

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
  /** Requests retried once after their pooled connection was found closed. */
  retried: number;
  ms: number;
}

/** Sends one request and checks the four properties; the failure's description, or null. */
/** Requests sent again after a connection-level failure (reported with the run). */
const retries = { count: 0 };

async function check(
  world: FuzzWorld,
  req: FuzzRequest,
  statuses: Record<string, number>,
): Promise<string | null> {
  const before = await counts(world.server);
  const controller = new AbortController();
  const send = () =>
    fetch(world.server.url + req.path, {
      method: req.method,
      headers: req.headers,
      body: req.body as BodyInit | undefined,
      signal: controller.signal,
    });
  let res: Response;
  try {
    res = await send();
  } catch (error) {
    const size = typeof req.body === 'string' ? req.body.length : (req.body?.byteLength ?? 0);
    if (size > 1024 * 1024) {
      // A body over the limit is answered (413) and the connection closed before the client
      // has sent it all; fetch then fails on its side. Read that answer over a plain socket.
      res = await rawRequest(world.server.url, req);
    } else {
      // A pooled keep-alive socket the server closed meanwhile (idle timeout on a busy machine):
      // the request never reached it. A client retries that once, on a fresh connection.
      retries.count++;
      try {
        res = await send();
      } catch (again) {
        return `${req.method} ${req.path}: the request failed twice: ${(error as Error).message} ${String((error as { cause?: unknown }).cause)} / ${String((again as { cause?: unknown }).cause)}`;
      }
    }
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
    retried: retries.count,
    ms: Math.round(performance.now() - started),
  };
}
