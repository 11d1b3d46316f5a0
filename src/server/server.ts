/** @module Starts the API over HTTP and stops it gracefully: what `prm serve` and the tests run. */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { createApp, createRegistry } from './app.js';
import type { Deps, Logger } from './http/context.js';
import type { AnyRoute } from './http/registry.js';
import { jsonLogger } from './http/context.js';
import { JSON_LIMIT } from './http/body.js';
import { pruneIdempotencyKeys } from './http/idempotency.js';
import type { RateLimitConfig } from './http/rate-limit.js';
import { DEFAULT_RATE_LIMIT } from './http/rate-limit.js';
import type { TrustedIssuerConfig } from './identity/trusted-issuers.js';
import { prepareTrustedIssuers } from './identity/trusted-issuers.js';
import { createVerifier } from './identity/verify.js';
import type { TeamsAppConfig } from '../core/schema/teams.js';
import { TEAMS_PAGES_PATH, tabPageConfig } from '../core/schema/teams.js';
import { mountDemo } from './demo/index.js';
import { createDemoTeamsIssuer } from './demo/teams.js';
import { startExpirySweeper, sweepExpiredDeals } from './domain/deals-expiry.js';
import { applySeed } from './seed/index.js';
import type { Store } from './store/index.js';
import { openStore } from './store/index.js';
import { mountTeams } from './teams/pages.js';
import pkg from '../../package.json' with { type: 'json' };

/** The package's version, from `package.json` (a build inlines it): what `/v1/health` reports. */
export const VERSION: string = pkg.version;

export interface ServerOptions {
  port?: number;
  host?: string;
  /** A data directory or `memory`; ignored when `databaseUrl` or `store` is given. */
  data?: string | undefined;
  databaseUrl?: string | undefined;
  /** An open, migrated store to use (and not to close): the test harness shares one. */
  store?: Store;
  seed?: 'demo' | 'none';
  secret: string;
  trustedIssuers?: TrustedIssuerConfig[];
  corsOrigins?: '*' | string[];
  log?: Logger;
  /** Serve the demo pages and their token route under `/demo/` (`prm serve --demo`). */
  demo?: boolean;
  /**
   * A Microsoft Teams deployment: its tab pages are served at `/teams/tab/` and `/teams/config/`
   * with their `#prm-teams-config` block written from `config`; from `pagesDir`, else the build's
   * `dist/demo/teams/`. Without it those paths are 404.
   */
  teams?: { config: TeamsAppConfig; pagesDir?: string | undefined } | undefined;
  /** More routes on top of the API's own (tests add failing or slow ones). */
  extraRoutes?: AnyRoute[];
  /** How long in-flight requests may take to finish on shutdown before connections are cut. */
  shutdownGraceMs?: number;
  /** Requests per caller per window (default {@link DEFAULT_RATE_LIMIT}; limit 0 turns it off). */
  rateLimit?: RateLimitConfig;
  /** How often ended deal protections are stored as `expired` (default a minute; 0: only at start). */
  expirySweepMs?: number;
  /** The time tier evaluation stands at (tests stand at a quarter's end). */
  clock?: () => Date;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** True when the seed was applied now (the database was empty). */
  seeded: boolean;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? jsonLogger;
  const ownStore = !options.store;
  const store =
    options.store ?? (await openStore({ databaseUrl: options.databaseUrl, data: options.data }));
  try {
    const seeded = options.seed === 'demo' ? await applySeed(store, 'demo') : false;
    await pruneIdempotencyKeys(store);
    // Before listening, so that no client sees the events of a backlog arrive after its own.
    await sweepExpiredDeals(store);
    const shutdown = new AbortController();
    // The demo's stand-in for Entra ID (the Teams simulator's tokens): trusted in demo mode only.
    const demoTeams = options.demo ? await createDemoTeamsIssuer() : undefined;
    const deps: Deps = {
      store,
      log,
      shutdown: shutdown.signal,
      ...(options.clock ? { clock: options.clock } : {}),
      verify: createVerifier({
        secret: options.secret,
        db: store,
        trustedIssuers: [
          ...(await prepareTrustedIssuers(options.trustedIssuers ?? [])),
          ...(demoTeams ? [demoTeams.trusted] : []),
        ],
      }),
      config: {
        version: VERSION,
        corsOrigins: options.corsOrigins ?? '*',
        jsonLimit: JSON_LIMIT,
        rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      },
    };
    const app = createApp(deps, createRegistry().add(...(options.extraRoutes ?? [])));
    if (options.teams) {
      mountTeams(app, {
        prefix: TEAMS_PAGES_PATH,
        config: tabPageConfig(options.teams.config),
        dir: options.teams.pagesDir,
      });
    }
    if (options.demo) mountDemo(app, { store, secret: options.secret, teams: demoTeams });
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const sweeper =
      options.expirySweepMs === 0
        ? undefined
        : startExpirySweeper(store, { intervalMs: options.expirySweepMs, log });
    const { port, address } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      store,
      seeded,
      close: () =>
        (closing ??= (async () => {
          shutdown.abort();
          // Stop accepting; requests in flight finish; idle keep-alive sockets close now.
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          // A keep-alive socket turns idle when its request finishes: close those as they come.
          server.closeIdleConnections();
          const sweep = setInterval(() => server.closeIdleConnections(), 50);
          const grace = setTimeout(
            () => server.closeAllConnections(),
            options.shutdownGraceMs ?? 10_000,
          );
          await closed;
          clearInterval(sweep);
          clearTimeout(grace);
          await sweeper?.stop();
          if (ownStore) await store.close();
        })()),
    };
  } catch (error) {
    if (ownStore) await store.close();
    throw error;
  }
}
