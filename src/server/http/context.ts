/** @module What every request handler can reach: the store, the verifier, the log, the config. */
import type { Principal } from '../identity/principal.js';
import type { Verifier } from '../identity/verify.js';
import type { Store } from '../store/index.js';
import type { Logger } from '../logger.js';

export type { LogEntry, Logger } from '../logger.js';
export { jsonLogger } from '../logger.js';

/** A request budget: `limit` requests per caller per `windowSeconds` (0 turns it off). */
export interface RateLimitConfig {
  limit: number;
  windowSeconds: number;
}

export interface Deps {
  store: Store;
  verify: Verifier;
  log: Logger;
  /** Aborted when the server begins to shut down: long-lived responses (SSE) end on it. */
  shutdown: AbortSignal;
  /** The time tier evaluation stands at; tests set it (default: the system clock). */
  clock?: () => Date;
  config: {
    version: string;
    /** `*` or the exact origins allowed to call from browsers. */
    corsOrigins: '*' | string[];
    jsonLimit: number;
    /** Requests per caller per window (see `rate-limit.ts`). */
    rateLimit: RateLimitConfig;
  };
}

export type AppEnv = {
  Variables: {
    requestId: string;
    principal: Principal | undefined;
    /** The bearer token's principal, once the rate limiter has verified it. */
    verified: Principal | undefined;
  };
};
