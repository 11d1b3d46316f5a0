/**
 * Test harness: the real server over HTTP on a free port, against an in-memory PGlite or, when
 * `DATABASE_URL` is set, a fresh PostgreSQL database created for the test file and dropped after.
 * One per test file (PGlite takes a second or more to start).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Role } from '../../src/core/schema/index.js';
import type { LogEntry } from '../../src/server/http/context.js';
import type { AnyRoute } from '../../src/server/http/registry.js';
import type { RateLimitConfig } from '../../src/server/http/rate-limit.js';
import type { TrustedIssuerConfig } from '../../src/server/identity/trusted-issuers.js';
import { mintToken } from '../../src/server/identity/tokens.js';
import { startServer } from '../../src/server/server.js';
import type { RunningServer } from '../../src/server/server.js';
import type { Store } from '../../src/server/store/index.js';
import { openStore } from '../../src/server/store/index.js';

export const DATABASE_URL = process.env.DATABASE_URL || undefined;
export const usingPostgres = DATABASE_URL !== undefined;
export const databaseLabel = usingPostgres ? 'PostgreSQL' : 'PGlite';

/** A fresh, empty PostgreSQL database on the server of DATABASE_URL. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!DATABASE_URL) throw new Error('createTestDatabase needs DATABASE_URL');
  const name = `prm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TokenOptions {
  partner?: string;
  sub?: string;
  name?: string;
  email?: string;
  ttlSeconds?: number;
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  /** Sent as is (no JSON encoding, no content type unless given in headers). */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  store: Store;
  secret: string;
  /** The server's log lines, oldest first. */
  logs: LogEntry[];
  /** The PostgreSQL URL of this file's database, when on PostgreSQL. */
  databaseUrl: string | undefined;
  running: RunningServer;
  /** Stops the HTTP server and starts another on the same database and secret (a new port). */
  restart(): Promise<void>;
  token(role: Role, options?: TokenOptions): Promise<string>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<Reply<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export interface TestServerOptions {
  seed?: 'demo' | 'none';
  trustedIssuers?: TrustedIssuerConfig[];
  extraRoutes?: AnyRoute[];
  corsOrigins?: '*' | string[];
  /** The time tier evaluation stands at. */
  clock?: () => Date;
  rateLimit?: RateLimitConfig;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = usingPostgres ? await createTestDatabase() : undefined;
  const store = await openStore({ databaseUrl: db?.url, data: 'memory' });
  const secret = randomBytes(24).toString('base64url');
  const logs: LogEntry[] = [];
  const start = () =>
    startServer({
      port: 0,
      store,
      seed: options.seed ?? 'demo',
      secret,
      trustedIssuers: options.trustedIssuers ?? [],
      corsOrigins: options.corsOrigins ?? '*',
      log: (e) => void logs.push(e),
      extraRoutes: options.extraRoutes ?? [],
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    });
  const server: TestServer = {
    url: '',
    store,
    secret,
    logs,
    databaseUrl: db?.url,
    running: await start(),
    async restart() {
      await server.running.close();
      server.running = await start();
      server.url = server.running.url;
    },
    async token(role, o = {}) {
      return (await mintToken(secret, { role, ...o, sub: o.sub ?? `usr_test_${role}` })).token;
    },
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: BodyInit | undefined = o.raw;
      if (o.body !== undefined) {
        body = JSON.stringify(o.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(server.url + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      if (/json/.test(res.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
      return { status: res.status, headers: res.headers, body: parsed as never, text };
    },
    async close() {
      await server.running.close();
      await store.close();
      await db?.drop();
    },
  };
  server.url = server.running.url;
  return server;
}
