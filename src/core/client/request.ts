import ky, { HTTPError, isHTTPError, isTimeoutError as isKyTimeoutError } from 'ky';
import type { Options as KyOptions } from 'ky';
import type * as z from 'zod/mini';
import type { TokenProvider } from '../auth.js';
import { NetworkError, TimeoutError, isNetworkError, type RequestInfo } from '../errors.js';
import { newProblemError, parseBody, raceSignal, type Parsed } from './response.js';
import type { UploadProgressHandler } from './xhr.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the client asks of a transport beside the request; a transport may ignore it. */
export interface TransportOptions {
  /** For an upload: call it as the body goes out. Without it a widget shows no percentage. */
  onUploadProgress?: UploadProgressHandler | undefined;
}

/** Carries a `Request` to the server and back: `fetch`, or a host's own channel (Apex, a proxy). */
export type Transport = (request: Request, options?: TransportOptions) => Promise<Response>;

/** What one client method call is doing; the same object for every attempt of that call. */
export interface Operation {
  /** The client method, e.g. `deals.register`. */
  readonly name: string;
  readonly method: HttpMethod;
  /** The path below the base URL, e.g. `/v1/deals`. */
  readonly path: string;
  /** Sent on every attempt of a POST; undefined for other methods or when opted out. */
  readonly idempotencyKey: string | undefined;
}

export interface BeforeRequestState {
  /** The outgoing request; its headers may be changed. */
  request: Request;
  /** 1 for the first attempt, counting retries and the one retry after a token refresh. */
  attempt: number;
  operation: Operation;
}

export interface AfterResponseState {
  request: Request;
  /** A clone: reading it does not consume the client's copy. */
  response: Response;
  attempt: number;
  operation: Operation;
}

export type BeforeRequestHook = (state: BeforeRequestState) => void | Promise<void>;
export type AfterResponseHook = (state: AfterResponseState) => void | Promise<void>;

export interface ClientHooks {
  beforeRequest?: BeforeRequestHook | BeforeRequestHook[];
  afterResponse?: AfterResponseHook | AfterResponseHook[];
}

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  limit: number;
  /** The first backoff; each later one doubles, with full jitter (default 300). */
  backoffMs: number;
  /** The ceiling of a computed backoff (default 10 000). */
  maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { limit: 3, backoffMs: 300, maxBackoffMs: 10_000 };
// A server asking for a longer pause than this gets its 429/503 surfaced instead: a widget
// should show "try again later", not hang for minutes.
const MAX_RETRY_AFTER_MS = 60_000;
const RETRIED_STATUSES = [429, 502, 503, 504];
const IDEMPOTENT_METHODS = ['get', 'head', 'put', 'delete'];

/** The options the engine works from, after defaults. */
export interface EngineOptions {
  baseUrl: string;
  getToken: TokenProvider | null;
  fetch: typeof globalThis.fetch | undefined;
  transport: Transport | undefined;
  timeout: number;
  retry: RetryOptions;
  beforeRequest: BeforeRequestHook[];
  afterResponse: AfterResponseHook[];
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /**
   * For POST: the key that makes retrying safe. The client makes one per call; pass your own to
   * span several calls (one per draft, so a double-click or a reload replays instead of duplicating).
   * `false` sends none, and the POST is then never retried.
   */
  idempotencyKey?: string | false | undefined;
}

export interface RequestSpec<S extends z.ZodMiniType | null> {
  name: string;
  method: HttpMethod;
  path: string;
  schema: S;
  json?: unknown;
  /** A raw body instead of JSON (file uploads), sent with `contentType`. */
  body?: Blob | undefined;
  contentType?: string | undefined;
  /** For an upload: how much of the body has gone out (see {@link carry}). */
  onUploadProgress?: UploadProgressHandler | undefined;
  query?: object | undefined;
  /** `/v1/health` needs no token. */
  anonymous?: boolean;
}

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The ceiling of the `n`th backoff (from 1): the base doubled each time, up to the maximum. */
export const backoffCap = (retry: Omit<RetryOptions, 'limit'>, n: number): number =>
  Math.min(retry.maxBackoffMs, retry.backoffMs * 2 ** Math.max(0, n - 1));

/**
 * How one request travels: the host's transport, else the given `fetch`, else the global one. An
 * upload that reports progress goes over XMLHttpRequest when the client carries it itself; a host's
 * transport gets the handler and may call it; a host's `fetch` cannot, and reports none.
 */
function carry(
  engine: EngineOptions,
  request: Request,
  init?: RequestInit,
  onUploadProgress?: UploadProgressHandler,
): Promise<Response> {
  if (engine.transport) {
    return onUploadProgress
      ? engine.transport(request, { onUploadProgress })
      : engine.transport(request);
  }
  if (engine.fetch) return engine.fetch(request, init);
  if (onUploadProgress && typeof XMLHttpRequest !== 'undefined') {
    // Imported when first needed: a page that never uploads never loads it.
    return import('./xhr.js').then((m) => m.xhrFetch(request, onUploadProgress));
  }
  return globalThis.fetch(request, init);
}

/** Sets the bearer token (`forced` after a refresh) and runs the `beforeRequest` hooks. */
async function prepare(
  engine: EngineOptions,
  request: Request,
  getToken: TokenProvider | null,
  forced: string | null | undefined,
  state: Omit<BeforeRequestState, 'request'>,
  signal: AbortSignal | undefined,
): Promise<void> {
  const token =
    forced !== undefined ? forced : getToken ? await raceSignal(getToken(), signal) : null;
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  else request.headers.delete('authorization');
  for (const hook of engine.beforeRequest) await hook({ ...state, request });
}

function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isNaN(seconds) ? Date.parse(value) - Date.now() : seconds * 1000;
}

/** Sends one operation: auth, idempotency, retries, the 401 refresh, errors and parsing. */
export async function send<S extends z.ZodMiniType | null>(
  engine: EngineOptions,
  spec: RequestSpec<S>,
  call: CallOptions = {},
): Promise<Parsed<S>> {
  const { signal } = call;
  signal?.throwIfAborted();
  const idempotencyKey =
    spec.method === 'POST' && call.idempotencyKey !== false
      ? (call.idempotencyKey ?? newIdempotencyKey())
      : undefined;
  const operation: Operation = Object.freeze({
    name: spec.name,
    method: spec.method,
    path: spec.path,
    idempotencyKey,
  });
  const info: RequestInfo = { method: spec.method, url: engine.baseUrl + spec.path };
  let attempt = 0;
  const getToken = spec.anonymous ? null : engine.getToken;

  const once = async (forced: string | null | undefined): Promise<Response> => {
    const retryMethods = [...IDEMPOTENT_METHODS, ...(idempotencyKey ? ['post'] : [])];
    const options: KyOptions = {
      method: spec.method,
      prefixUrl: engine.baseUrl,
      timeout: engine.timeout,
      throwHttpErrors: true,
      ...(signal ? { signal } : {}),
      ...(spec.json !== undefined ? { json: spec.json } : {}),
      ...(spec.body !== undefined ? { body: spec.body } : {}),
      ...(spec.query ? { searchParams: spec.query as Record<string, string> } : {}),
      headers: {
        accept: 'application/json',
        ...(spec.contentType ? { 'content-type': spec.contentType } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      retry: {
        limit: engine.retry.limit,
        methods: retryMethods,
        statusCodes: RETRIED_STATUSES,
        afterStatusCodes: [429, 503],
        // Full jitter: uniform in [0, min(cap, base · 2ⁿ⁻¹)], so that clients that failed together
        // do not retry together.
        delay: (n) => backoffCap(engine.retry, n),
        jitter: true,
        backoffLimit: engine.retry.maxBackoffMs,
        retryOnTimeout: false,
        shouldRetry: ({ error }) => {
          if (signal?.aborted) return false;
          if (isNetworkError(error)) return true;
          if (isHTTPError(error)) {
            const after = retryAfterMs(error.response);
            return after !== undefined && after > MAX_RETRY_AFTER_MS ? false : undefined;
          }
          // Token failures, timeouts and anything unexpected are not worth repeating.
          return false;
        },
      },
      fetch: async (input, init) => {
        const request = input as Request;
        try {
          return await carry(engine, request, init, spec.onUploadProgress);
        } catch (cause) {
          // Our own abort (ky's timeout) or the caller's: ky and `send` report those.
          if (request.signal.aborted) throw cause;
          throw new NetworkError(info, { cause });
        }
      },
      hooks: {
        beforeRequest: [
          async (request) => {
            attempt += 1;
            await prepare(engine, request, getToken, forced, { attempt, operation }, signal);
          },
        ],
        afterResponse: [
          async (request, _options, response) => {
            for (const hook of engine.afterResponse) {
              await hook({ request, response: response.clone(), attempt, operation });
            }
          },
        ],
      },
    };
    return ky(spec.path.replace(/^\//, ''), options);
  };

  let response: Response;
  try {
    try {
      response = await once(undefined);
    } catch (error) {
      if (!(getToken && isHTTPError(error) && error.response.status === 401)) throw error;
      void error.response.body?.cancel().catch(() => undefined);
      const refreshed = await raceSignal(getToken({ forceRefresh: true }), signal);
      // No new token means there is nothing new to try: surface the 401 as it was.
      if (!refreshed) throw error;
      response = await once(refreshed);
    }
  } catch (error) {
    throw await toClientError(error, info, engine.timeout, signal);
  }
  return parseBody(response, spec.schema, info, engine.timeout, signal);
}

async function toClientError(
  error: unknown,
  info: RequestInfo,
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  // An abort is passed through as the signal's own reason, never dressed up as a failure.
  if (signal?.aborted) return signal.reason;
  if (isKyTimeoutError(error)) return new TimeoutError({ ...info, timeout });
  if (error instanceof HTTPError || isHTTPError(error))
    return newProblemError(error.response, info, timeout);
  return error;
}

export interface StreamSpec {
  name: string;
  path: string;
  headers: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/**
 * Opens a `GET` whose body the caller reads itself, as it arrives (the event stream, a file
 * download), as the client sends any request — the same token, `beforeRequest` and
 * `afterResponse` hooks and transport, and one token refresh after a 401 — but without ky: no
 * timeout on a body that never ends or takes minutes, no retries (the stream reconnects itself,
 * a download is the user's to retry), and no clone of the body (an unread clone of an endless
 * stream would buffer it all). The `afterResponse` hooks get the status and headers with an empty
 * body. Answers the response whatever its status; a network failure is a `NetworkError`, an abort
 * the signal's reason.
 */
export async function openStream(engine: EngineOptions, spec: StreamSpec): Promise<Response> {
  const { signal } = spec;
  const url = engine.baseUrl + spec.path;
  const info: RequestInfo = { method: 'GET', url };
  const operation: Operation = Object.freeze({
    name: spec.name,
    method: 'GET',
    path: spec.path,
    idempotencyKey: undefined,
  });
  const getToken = engine.getToken;
  let attempt = 0;
  const once = async (forced: string | null | undefined): Promise<Response> => {
    attempt += 1;
    // No Cache-Control header: `cache: 'no-store'` does the same without another CORS preflight
    // header the API would have to allow.
    const request = new Request(url, {
      headers: spec.headers,
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
    await prepare(engine, request, getToken, forced, { attempt, operation }, signal);
    let response: Response;
    try {
      response = await carry(engine, request);
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      throw new NetworkError(info, { cause });
    }
    const bodiless = new Response(null, { status: response.status, headers: response.headers });
    for (const hook of engine.afterResponse) {
      await hook({ request, response: bodiless, attempt, operation });
    }
    return response;
  };
  const response = await once(undefined);
  if (response.status !== 401 || !getToken) return response;
  const refreshed = await raceSignal(getToken({ forceRefresh: true }), signal);
  // No new token means there is nothing new to try: the 401 is the answer.
  if (!refreshed) return response;
  void response.body?.cancel().catch(() => undefined);
  return once(refreshed);
}
