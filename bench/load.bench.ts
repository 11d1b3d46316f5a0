/**
 * @module A loopback load benchmark of a realistic mix, with autocannon, against `prm serve`:
 * partners registering deals and checking for conflicts, reviewers listing their queue and
 * deciding, and SSE clients connected the whole time. Once on PGlite (one process, in memory)
 * and once on PostgreSQL with two server processes sharing the database (when DATABASE_URL
 * names a server; a fresh database is created and dropped).
 *
 *   node --import tsx bench/load.bench.ts [--seconds 15] [--sse 20] [--no-pglite]
 *
 * Prints and records in `bench/results/load.json`: requests per second, p50 and p99 latency and
 * the error count (non-2xx and socket errors) per class and in all, at the stated connections.
 * Budgets stay on (a high limit), so their cost is part of what is measured.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { mintToken } from '../src/server/identity/tokens.js';
import { createTestDatabase } from '../test/support/server.js';
import type { PrmProcess } from '../test/server/spawn.js';
import { baseEnv, servePrm } from '../test/server/spawn.js';
import { customer, dealBody, usd } from '../test/server/deals-support.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    sse: { type: 'string', default: '20' },
    'no-pglite': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(values.seconds);
const SSE_CLIENTS = Number(values.sse);
const SECRET = 'load-bench-secret-0123456789abcdef';
const PARTNERS = ['prt_brightpath', 'prt_kestrel', 'prt_harborview', 'prt_tidewater'];

/** Connections per class: what "concurrency" means in the figures. */
const CLASSES = { register: 4, check: 4, list: 4, decide: 2 } as const;

const token = async (role: Parameters<typeof mintToken>[1]['role'], partner?: string) =>
  (
    await mintToken(SECRET, {
      role,
      sub: partner ? `usr_${partner.slice(4)}_load` : `usr_load_${role}`,
      ...(partner ? { partner } : {}),
      ttlSeconds: 3600,
    })
  ).token;

interface ClassResult {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Deals under review for the reviewers to decide (above every tier's auto-approval limit). */
async function reviewPool(urls: string[], n: number): Promise<string[]> {
  const ids: string[] = [];
  const tokens = await Promise.all(PARTNERS.map((p) => token('partner_user', p)));
  for (let i = 0; i < n; i++) {
    const r = await fetch(`${urls[i % urls.length]}/v1/deals`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens[i % tokens.length]}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(dealBody(customer(), { amount: usd(900_000) })),
    });
    const body = (await r.json()) as { id: string; status: string };
    if (body.status === 'under_review') ids.push(body.id);
  }
  return ids;
}

async function sseClients(urls: string[], n: number, signal: AbortSignal): Promise<() => number> {
  let events = 0;
  const cm = await token('channel_manager');
  for (let i = 0; i < n; i++) {
    const partner = i % 2 === 0 ? await token('partner_user', PARTNERS[i % PARTNERS.length]) : cm;
    void fetch(`${urls[i % urls.length]}/v1/events`, {
      headers: { authorization: `Bearer ${partner}`, accept: 'text/event-stream' },
      signal,
    })
      .then(async (r) => {
        const reader = r.body!.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          events += (decoder.decode(value).match(/^event:/gm) ?? []).length;
        }
      })
      .catch(() => {});
  }
  return () => events;
}

function run(
  url: string,
  connections: number,
  requests: autocannon.Request[],
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: SECONDS, requests }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

async function mix(label: string, urls: string[]) {
  const pool = await reviewPool(urls, 600);
  const cm = await token('channel_manager');
  const partnerTokens = await Promise.all(PARTNERS.map((p) => token('partner_user', p)));
  const sse = new AbortController();
  const events = await sseClients(urls, SSE_CLIENTS, sse.signal);
  let next = 0;
  const json = (t: string) => ({
    authorization: `Bearer ${t}`,
    'content-type': 'application/json',
  });
  const perUrl = (n: number) => Math.max(1, Math.round(n / urls.length));
  const runs: Array<[keyof typeof CLASSES, Promise<autocannon.Result>]> = [];
  urls.forEach((url, u) => {
    const pt = partnerTokens[u % partnerTokens.length]!;
    runs.push([
      'register',
      run(url, perUrl(CLASSES.register), [
        {
          method: 'POST',
          path: '/v1/deals',
          headers: json(pt),
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify(dealBody(customer(), { amount: usd(1_000) })),
          }),
        },
      ]),
    ]);
    runs.push([
      'check',
      run(url, perUrl(CLASSES.check), [
        {
          method: 'POST',
          path: '/v1/deals/check',
          headers: json(pt),
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ customer: { name: customer().name } }),
          }),
        },
      ]),
    ]);
    runs.push([
      'list',
      run(url, perUrl(CLASSES.list), [
        {
          method: 'GET',
          path: '/v1/deals?status=under_review&sort=reviewDueAt&limit=50',
          headers: json(cm),
        },
        { method: 'GET', path: '/v1/deals?limit=50', headers: json(pt) },
      ]),
    ]);
    runs.push([
      'decide',
      run(url, perUrl(CLASSES.decide), [
        {
          method: 'POST',
          headers: json(cm),
          setupRequest: (req) => {
            // Each deal is decided twice: rejected, then approved over the rejection.
            const i = next++;
            const id = pool[Math.floor(i / 2) % pool.length];
            const body =
              i % 2 === 0
                ? { decision: 'reject', reasonCode: 'other' }
                : { decision: 'approve', reasonCode: 'approved_manual' };
            return { ...req, path: `/v1/deals/${id}/decision`, body: JSON.stringify(body) };
          },
        },
      ]),
    ]);
  });
  const settled = await Promise.all(runs.map(async ([k, p]) => [k, await p] as const));
  sse.abort();
  const classes: Record<string, ClassResult> = {};
  for (const [k, r] of settled) {
    const c = (classes[k] ??= { connections: 0, requests: 0, rps: 0, p50: 0, p99: 0, errors: 0 });
    c.connections += r.connections;
    c.requests += r.requests.total;
    c.rps += r.requests.average;
    c.p50 = Math.max(c.p50, r.latency.p50);
    c.p99 = Math.max(c.p99, r.latency.p99);
    c.errors += r.non2xx + r.errors + r.timeouts;
  }
  const all = settled.map(([, r]) => r);
  const total = {
    connections: all.reduce((a, r) => a + r.connections, 0),
    requests: all.reduce((a, r) => a + r.requests.total, 0),
    rps: Math.round(all.reduce((a, r) => a + r.requests.average, 0)),
    p50: Math.max(...all.map((r) => r.latency.p50)),
    p99: Math.max(...all.map((r) => r.latency.p99)),
    errors: all.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0),
    sseClients: SSE_CLIENTS,
    sseEvents: events(),
    decisionsPool: pool.length,
  };
  process.stdout.write(
    `\n${label}: ${total.connections} connections + ${SSE_CLIENTS} SSE clients, ${SECONDS} s\n`,
  );
  process.stdout.write('class      conns   req/s     p50 ms  p99 ms  errors\n');
  for (const [k, c] of Object.entries(classes)) {
    process.stdout.write(
      `${k.padEnd(10)} ${String(c.connections).padStart(5)} ${c.rps.toFixed(0).padStart(7)} ${String(c.p50).padStart(9)} ${String(c.p99).padStart(7)} ${String(c.errors).padStart(7)}\n`,
    );
  }
  process.stdout.write(
    `all        ${String(total.connections).padStart(5)} ${String(total.rps).padStart(7)} ${String(total.p50).padStart(9)} ${String(total.p99).padStart(7)} ${String(total.errors).padStart(7)}   SSE events delivered: ${total.sseEvents}\n`,
  );
  return { database: label, seconds: SECONDS, classes, total };
}

const results = [];
const env = { PRM_JWT_SECRET: SECRET, PRM_RATE_LIMIT: '1000000', PRM_RATE_WINDOW: '60' };
if (!values['no-pglite']) {
  const s = await servePrm(['--data', 'memory', '--seed', 'demo'], baseEnv(env));
  try {
    results.push(await mix('PGlite, 1 process', [s.url]));
  } finally {
    await s.stop();
  }
}
if (process.env.DATABASE_URL) {
  const db = await createTestDatabase();
  const servers: PrmProcess[] = [];
  try {
    const e = baseEnv({ ...env, DATABASE_URL: db.url });
    servers.push(await servePrm(['--seed', 'demo'], e));
    servers.push(await servePrm(['--seed', 'demo'], e));
    results.push(
      await mix(
        'PostgreSQL, 2 processes',
        servers.map((s) => s.url),
      ),
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  }
}

const dir = new URL('./results/', import.meta.url);
if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
const file = new URL('./load.json', dir);
type Row = (typeof results)[number];
const previous: Row[] = existsSync(file)
  ? ((JSON.parse(readFileSync(file, 'utf8')) as { results?: Row[] }).results ?? [])
  : [];
const measured = new Set(results.map((r) => r.database));
writeFileSync(
  file,
  JSON.stringify(
    {
      command:
        'node --import tsx bench/load.bench.ts --seconds 15 --sse 20 (DATABASE_URL for PostgreSQL)',
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, shared with other work; client and servers on one machine`,
      at: new Date().toISOString(),
      results: [...previous.filter((r) => !measured.has(r.database)), ...results],
    },
    null,
    2,
  ) + '\n',
);
