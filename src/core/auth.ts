import { TokenError, isTokenError } from './errors.js';
import { TokenResponse } from './schema/index.js';

export interface GetTokenOptions {
  /** The server refused the last token (401): fetch a new one even if the cached one looks fine. */
  forceRefresh?: boolean;
}

/**
 * Where the client's bearer token comes from. `null` sends no `Authorization` header (for
 * `/v1/health`, or a host whose cookies or proxy authenticate instead).
 */
export type TokenProvider = (options?: GetTokenOptions) => Promise<string | null> | string | null;

/** A fixed token: tests, scripts, a server-side integration with a long-lived token. */
export function staticToken(token: string | null): TokenProvider {
  return () => token;
}

export interface TokenFromUrlOptions {
  fetch?: typeof globalThis.fetch;
  /** Refresh this long before `expiresAt`, so that a request never leaves with a dying token. */
  refreshSkewMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/**
 * A token minted by the embedding page's own backend: `GET url` with the page's cookies answers
 * `{ token, expiresAt }` (an RFC 3339 instant). This is how a partner's portal hands its signed-in
 * user a short-lived embed token without the widget ever seeing a secret.
 *
 * The token is cached until `refreshSkewMs` before it expires; concurrent callers share one
 * refresh. Failures throw a `TokenError` whose `reason` tells the widget what to show.
 */
export function tokenFromUrl(
  url: string | URL,
  options: TokenFromUrlOptions = {},
): (options?: GetTokenOptions) => Promise<string> {
  const skew = options.refreshSkewMs ?? 60_000;
  const now = options.now ?? Date.now;
  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;

  const refresh = (): Promise<CachedToken> => {
    inflight ??= fetchToken(url, options.fetch ?? globalThis.fetch.bind(globalThis), now).finally(
      () => {
        inflight = undefined;
      },
    );
    return inflight;
  };

  return async ({ forceRefresh = false } = {}) => {
    if (!forceRefresh && cached && now() < cached.expiresAt - skew) return cached.token;
    try {
      cached = await refresh();
      return cached.token;
    } catch (error) {
      // A refresh ahead of expiry that fails for a passing reason should not fail the call: the
      // old token is still good. After a 401 (forceRefresh) it is not.
      if (
        !forceRefresh &&
        cached &&
        now() < cached.expiresAt &&
        isTokenError(error) &&
        error.reason === 'unavailable'
      ) {
        return cached.token;
      }
      if (isTokenError(error) && error.reason !== 'unavailable') cached = undefined;
      throw error;
    }
  };
}

async function fetchToken(
  url: string | URL,
  fetchImpl: typeof globalThis.fetch,
  now: () => number,
): Promise<CachedToken> {
  let response: Response;
  try {
    response = await fetchImpl(String(url), {
      method: 'GET',
      credentials: 'include',
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
  } catch (cause) {
    throw new TokenError('unavailable', `The token URL ${String(url)} could not be reached`, {
      cause,
    });
  }
  const { status } = response;
  if (status === 401 || status === 403) {
    void response.body?.cancel().catch(() => undefined);
    throw new TokenError('revoked', `The token URL refused to issue a token (${status})`, {
      status,
    });
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    throw new TokenError('unavailable', `The token URL answered ${status}`, { status });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new TokenError('unavailable', 'The token URL did not answer JSON', { cause, status });
  }
  const parsed = TokenResponse.safeParse(body);
  if (!parsed.success) {
    throw new TokenError(
      'unavailable',
      'The token URL answered without a `token` string and an RFC 3339 `expiresAt`',
      { status },
    );
  }
  const { token, expiresAt } = parsed.data;
  const expiry = Date.parse(expiresAt);
  if (expiry <= now()) {
    throw new TokenError('expired', `The token URL issued a token that expired at ${expiresAt}`, {
      status,
    });
  }
  return { token, expiresAt: expiry };
}
