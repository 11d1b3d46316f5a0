/**
 * @module Idempotency-Key for every POST. The first request with a key claims a row (one INSERT,
 * atomic on any number of processes sharing the database); a repeat with the same caller and
 * request replays the stored response, a repeat with another request answers 422, and a repeat
 * arriving while the first is still running waits for it instead of running twice.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../identity/principal.js';
import type { Store } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import { HttpProblem, problems } from './problem.js';

export const IDEMPOTENCY_WINDOW_HOURS = 24;
/** A claim older than this whose response never came is taken to be from a crashed process. */
const STALE_CLAIM_SECONDS = 60;
const WAIT_FOR_FIRST_MS = 30_000;
const POLL_MS = 25;

const KEY_PATTERN = /^[\x21-\x7e]([\x20-\x7e]{0,253}[\x21-\x7e])?$/;

/** Replayed responses keep these headers. */
const KEPT_HEADERS = ['content-type', 'location'];

export function validateKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw problems.invalidField(
      'Idempotency-Key',
      'The Idempotency-Key header must be 1–255 printable ASCII characters.',
      'invalid_idempotency_key',
    );
  }
}

/** Key order does not change what a JSON body means, so it does not change the fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const fingerprintOf = (method: string, path: string, body: unknown) =>
  createHash('sha256')
    .update(`${method} ${path}\n${body === undefined ? '' : canonical(body)}`)
    .digest('hex');

/** Whose keys these are: one caller's keys never meet another's. */
const callerOf = (p: Principal) =>
  `${p.via}:${p.keyId ?? ''}:${p.sub}:${p.partnerId ?? ''}:${p.role}`;

interface Claim {
  fingerprint: string;
  response_status: number | null;
  response_body: string | null;
  response_headers: Record<string, string> | null;
  expired: boolean;
  stale: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function replay(row: Claim): Response {
  return new Response(row.response_body, {
    status: row.response_status!,
    headers: { ...row.response_headers, 'idempotent-replayed': 'true' },
  });
}

/**
 * Runs `run` at most once per (caller, key). `run` answers a Response; an HttpProblem it throws is
 * stored as its response like any other, an unexpected error releases the key so a retry can run.
 */
export async function idempotent(
  store: Store,
  opts: { key: string; principal: Principal; method: string; path: string; body: unknown },
  run: () => Promise<Response>,
): Promise<Response> {
  validateKey(opts.key);
  const scope = callerOf(opts.principal);
  const fingerprint = fingerprintOf(opts.method, opts.path, opts.body);
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;

  for (;;) {
    const claimed = await store.query(
      `insert into idempotency_keys (scope, key, fingerprint) values ($1, $2, $3)
       on conflict (scope, key) do nothing`,
      [scope, opts.key, fingerprint],
    );
    if (claimed.rowCount === 1) return execute(store, scope, opts.key, run);

    const row = await maybeOne<Claim>(
      store,
      `select fingerprint, response_status, response_body, response_headers,
              created_at < now() - make_interval(hours => $3) as expired,
              response_status is null and locked_at < now() - make_interval(secs => $4) as stale
         from idempotency_keys where scope = $1 and key = $2`,
      [scope, opts.key, IDEMPOTENCY_WINDOW_HOURS, STALE_CLAIM_SECONDS],
    );
    if (!row) continue; // released meanwhile: claim again
    if (row.expired) {
      await store.query(
        `delete from idempotency_keys where scope = $1 and key = $2
           and created_at < now() - make_interval(hours => $3)`,
        [scope, opts.key, IDEMPOTENCY_WINDOW_HOURS],
      );
      continue;
    }
    if (row.fingerprint !== fingerprint) throw problems.idempotencyKeyReused();
    if (row.response_status !== null) return replay(row);
    if (row.stale) {
      const taken = await store.query(
        `update idempotency_keys set locked_at = now()
          where scope = $1 and key = $2 and response_status is null
            and locked_at < now() - make_interval(secs => $3)`,
        [scope, opts.key, STALE_CLAIM_SECONDS],
      );
      if (taken.rowCount === 1) return execute(store, scope, opts.key, run);
      continue;
    }
    if (Date.now() > deadline) {
      throw problems.rateLimited(1, 'A request with this Idempotency-Key is still in progress.');
    }
    await sleep(POLL_MS);
  }
}

async function execute(
  store: Store,
  scope: string,
  key: string,
  run: () => Promise<Response>,
): Promise<Response> {
  let response: Response;
  try {
    try {
      response = await run();
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      response = error.toResponse();
    }
  } catch (error) {
    await store
      .query('delete from idempotency_keys where scope = $1 and key = $2', [scope, key])
      .catch(() => {});
    throw error;
  }
  if (response.status >= 500) {
    await store.query('delete from idempotency_keys where scope = $1 and key = $2', [scope, key]);
    return response;
  }
  const body = await response.text();
  const headers: Record<string, string> = {};
  for (const h of KEPT_HEADERS) {
    const v = response.headers.get(h);
    if (v !== null) headers[h] = v;
  }
  await store.query(
    `update idempotency_keys
        set response_status = $3, response_body = $4, response_headers = $5::jsonb
      where scope = $1 and key = $2`,
    [scope, key, response.status, body, JSON.stringify(headers)],
  );
  return new Response(body, { status: response.status, headers: response.headers });
}

/** Forgets keys past the window; run at start-up and now and then. */
export async function pruneIdempotencyKeys(store: Store): Promise<number> {
  const r = await store.query(
    `delete from idempotency_keys where created_at < now() - make_interval(hours => $1)`,
    [IDEMPOTENCY_WINDOW_HOURS],
  );
  return r.rowCount;
}
