/** @module What every request handler can reach: the store, the verifier, the log, the config. */
import type { Principal } from '../identity/principal.js';
import type { Verifier } from '../identity/verify.js';
import type { Store } from '../store/index.js';
import type { RateLimitConfig } from './rate-limit.js';

export type LogEntry = Record<string, unknown> & { level: 'info' | 'warn' | 'error'; msg: string };
export type Logger = (entry: LogEntry) => void;

/** One JSON object per line on stdout (errors on stderr). */
export const jsonLogger: Logger = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
};

export interface Deps {
  store: Store;
  verify: Verifier;
  log: Logger;
  /** Aborted when the server begins to shut down: long-lived responses (SSE) end on it. */
  shutdown: AbortSignal;
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
