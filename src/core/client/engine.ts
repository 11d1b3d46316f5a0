/**
 * @module The client's options and what its engine works from after defaults: shared by
 * `createPartnerClient` and the event stream, so both send with the same hooks, transport and
 * token, and neither imports the other.
 */
import type { TokenProvider } from '../auth.js';
import {
  DEFAULT_RETRY,
  type AfterResponseHook,
  type BeforeRequestHook,
  type ClientHooks,
  type EngineOptions,
  type RetryOptions,
  type Transport,
} from './request.js';
import { DEFAULT_TIMEOUT } from './response.js';

export interface PartnerClientOptions {
  /**
   * Where the Partner API lives, without `/v1` (`https://prm.example.com`, or with a path prefix
   * `https://example.com/prm`). A trailing `/v1` is tolerated.
   */
  baseUrl: string | URL;
  /** The bearer token; `null` (or no provider) sends no `Authorization` header. */
  getToken?: TokenProvider | null | undefined;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Carries each request instead of `fetch` (the Salesforce adapter routes them through Apex). */
  transport?: Transport | undefined;
  /** Per attempt, in milliseconds (default 10 000). */
  timeout?: number | undefined;
  retry?: Partial<RetryOptions> | undefined;
  hooks?: ClientHooks | undefined;
}

/**
 * The one spelling of an API's base URL: no trailing slash, no trailing `/v1`. The client, the
 * event stream and anything keyed by the API (the registration draft) go through it, so
 * `https://prm.example/v1/` and `https://prm.example` are one API everywhere.
 */
export function normalizeBaseUrl(baseUrl: string | URL | undefined): string {
  return String(baseUrl ?? '')
    .replace(/\/+$/, '')
    .replace(/\/v1$/, '');
}

export const toArray = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** The options with their defaults filled in and hooks as arrays: what `client.options` shows. */
export function resolveOptions(options: PartnerClientOptions): PartnerClientOptions {
  return {
    ...options,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    hooks: {
      beforeRequest: toArray(options.hooks?.beforeRequest),
      afterResponse: toArray(options.hooks?.afterResponse),
    },
  };
}

/** What `send` and the event stream work from. */
export function toEngine(options: PartnerClientOptions): EngineOptions {
  const resolved = resolveOptions(options);
  return {
    baseUrl: normalizeBaseUrl(options.baseUrl),
    getToken: options.getToken ?? null,
    fetch: options.fetch,
    transport: options.transport,
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    retry: resolved.retry as RetryOptions,
    beforeRequest: resolved.hooks!.beforeRequest as BeforeRequestHook[],
    afterResponse: resolved.hooks!.afterResponse as AfterResponseHook[],
  };
}
