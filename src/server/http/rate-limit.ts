/**
 * @module Request budgets per caller and window (fixed windows), answered with 429 and the
 * `RateLimit-Policy` / `RateLimit` headers of the IETF httpapi ratelimit-headers draft on every
 * response.
 *
 * A caller is the token's subject when the request carries a valid token, the client address
 * otherwise. On PostgreSQL the counts live in one table, so the budget holds across every server
 * process sharing the database; on PGlite (one process by design) they live in memory.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Principal } from '../identity/principal.js';
import type { Store } from '../store/index.js';
import type { AppEnv, Deps, RateLimitConfig } from './context.js';
import { problems } from './problem.js';

export type { RateLimitConfig } from './context.js';

/** Generous: a person or a sync never meets it, a runaway loop does. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 6000, windowSeconds: 60 };

export const POLICY_NAME = 'default';

export interface Counter {
  /** Counts one request of `caller` in the window starting at `windowStart`; the count so far. */
  hit(caller: string, windowStart: number): Promise<number>;
}

/** One process's counts (PGlite); windows before the current one are dropped as it moves on. */
export function memoryCounter(): Counter {
  let current = -1;
  let counts = new Map<string, number>();
  return {
    hit(caller, windowStart) {
      if (windowStart !== current) {
        current = windowStart;
        counts = new Map();
      }
      const n = (counts.get(caller) ?? 0) + 1;
      counts.set(caller, n);
      return Promise.resolve(n);
    },
  };
}

/** Counts shared by every process on one PostgreSQL: one upsert per request. */
export function postgresCounter(store: Store): Counter {
  let pruned = -1;
  return {
    async hit(caller, windowStart) {
      if (windowStart !== pruned) {
        pruned = windowStart;
        void store
          .query('delete from rate_limit_windows where window_start < $1', [windowStart])
          .catch(() => {});
      }
      const { rows } = await store.query<{ hits: number }>(
        `insert into rate_limit_windows (caller, window_start, hits) values ($1, $2, 1)
         on conflict (caller, window_start) do update set hits = rate_limit_windows.hits + 1
         returning hits`,
        [caller, windowStart],
      );
      return rows[0]!.hits;
    },
  };
}

export const counterFor = (store: Store): Counter =>
  store.kind === 'postgres' ? postgresCounter(store) : memoryCounter();

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The caller a request is counted against. A valid token is verified here once and handed to
 * authentication (`c.var.verified`), so a request never pays for verification twice.
 */
async function callerOf(c: Context<AppEnv>, deps: Deps): Promise<string> {
  const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
  if (token) {
    let principal: Principal | undefined;
    try {
      principal = await deps.verify(token);
    } catch {
      principal = undefined;
    }
    if (principal) {
      c.set('verified', principal);
      return `sub:${principal.sub}`;
    }
  }
  return `addr:${clientAddress(c)}`;
}

/** The middleware: counts, refuses over budget, and sets the headers on every response. */
export function rateLimit(
  deps: Deps,
  config: RateLimitConfig,
  counter: Counter,
): MiddlewareHandler<AppEnv> {
  const { limit, windowSeconds } = config;
  const policy = `"${POLICY_NAME}";q=${limit};w=${windowSeconds}`;
  return async (c, next) => {
    if (limit <= 0) return next();
    const now = Date.now() / 1000;
    const windowStart = Math.floor(now / windowSeconds) * windowSeconds;
    const reset = Math.max(1, Math.ceil(windowStart + windowSeconds - now));
    const hits = await counter.hit(await callerOf(c, deps), windowStart);
    const remaining = Math.max(0, limit - hits);
    const headers = {
      'ratelimit-policy': policy,
      ratelimit: `"${POLICY_NAME}";r=${remaining};t=${reset}`,
    };
    if (hits > limit) {
      return problems
        .rateLimited(reset, `Over the budget of ${limit} requests per ${windowSeconds} s.`)
        .toResponse(headers);
    }
    await next();
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
  };
}
