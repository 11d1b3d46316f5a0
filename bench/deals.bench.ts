/**
 * @module The conflict check, registration and the expiry sweep against many existing deals.
 *
 *   node --import tsx bench/deals.bench.ts [--sizes 10000,100000] [--ops 300] [--pg <url>]
 *     [--no-pglite] [--worst-case] [--no-history]
 *
 * Two mixes of existing deals, each a model of a database, never a promise about one:
 *
 * - **history** (default): a program some years in. 12 % of the deals are active — 2 % under
 *   review, 10 % approved, open and protected — and the rest closed in every way a deal closes:
 *   stored `expired`, won, lost, rejected, withdrawn. A further 0.05 % are approved and open
 *   with a protection that ended unswept (what a server down for a day or two leaves); the bench
 *   sweeps them after loading and reports the time, then the cost of a sweep that finds nothing.
 *   Customer names are shaped like real ones: one or two words — invented from a syllable
 *   inventory (half a million distinct words at 1 M deals), or a common brand word (Apex,
 *   Summit…) with one of its own — and often a trade word from a hundred, drawn by Zipf's law
 *   so that the commonest (Solutions) is in 6 % of names, and a legal form. Customers come back:
 *   about 1.7 deals each. Deals are loaded oldest first, as a table fills over the years.
 * - **worst case** (`--worst-case`): the mix this bench used before the sweep existed, kept to
 *   bound the cost. 60 % of the deals sit in the check's indexes (a third under review, 27 %
 *   approved and open, a quarter of those past protection and never swept), and every name is
 *   two words over a 16-letter alphabet plus one of 16 trade words, so each trigram is shared by
 *   thousands of live deals.
 *
 * PGlite (in memory) at each size, and PostgreSQL too when `--pg` names a server (each size gets a
 * fresh database on it, dropped afterwards; default sizes there 10 k, 100 k, 1 M). Each operation
 * runs through the same domain functions as the API (no HTTP). Prints a table and the plan of the
 * check, and merges its results into `bench/results/deals.json` (keyed by mix, database, size).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  candidateQueries,
  customerKey,
  setSimilarityThreshold,
} from '../src/server/domain/deals-matching.js';
import { sweepExpiredDeals } from '../src/server/domain/deals-expiry.js';
import { checkDeal, registerDeal } from '../src/server/domain/deals-register.js';
import { isHttpProblem } from '../src/server/http/problem.js';
import type { Principal } from '../src/server/identity/principal.js';
import { applySeed } from '../src/server/seed/index.js';
import type { Queryable, Store } from '../src/server/store/index.js';
import { openStore } from '../src/server/store/index.js';
import type { Mix } from './deals.mixes.js';
import { loadHistory, loadWorstCase, newCustomer } from './deals.mixes.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    ops: { type: 'string', default: '300' },
    pg: { type: 'string' },
    'no-pglite': { type: 'boolean', default: false },
    'worst-case': { type: 'boolean', default: false },
    'no-history': { type: 'boolean', default: false },
  },
});
const OPS = Number(values.ops);
const parseSizes = (s: string) => s.split(',').map((x) => Number(x.replace(/_/g, '')));
const pgliteSizes = parseSizes(values.sizes ?? '10000,100000');
const pgSizes = parseSizes(values.sizes ?? '10000,100000,1000000');
const mixes: Mix[] = [
  ...(values['no-history'] ? [] : (['history'] as const)),
  ...(values['worst-case'] ? (['worst-case'] as const) : []),
];

interface Stats {
  median: number;
  p95: number;
  p99: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)) };
}
const round = (x: number) => Math.round(x * 100) / 100;

const LIVE = `(status = 'under_review' or (status = 'approved' and stage = 'open'))`;

async function plan(store: Store, name: string, domain: string): Promise<string> {
  let text = '';
  await store.withTransaction(async (tx) => {
    await setSimilarityThreshold(tx);
    const [q] = candidateQueries(customerKey(name, domain), ['lf-core']);
    const { rows } = await tx.query<Record<string, string>>(
      `explain (analyze, buffers, costs off, timing off, summary off) ${q!.sql}`,
      q!.params,
    );
    text = rows.map((r) => Object.values(r)[0]).join('\n');
  });
  return text;
}

interface Result {
  mix: Mix;
  database: 'pglite' | 'postgres';
  size: number;
  ranAt: string;
  loadSeconds: number;
  /** Rows in the check's partial indexes (stored active states) when measuring began. */
  indexedLive: number;
  /** History only: the unswept backlog the sweep stored, and a sweep that found nothing. */
  sweep: { deals: number; seconds: number; emptyMs: number } | null;
  check: Stats;
  register: Stats;
  outcomes: Record<string, number>;
  indexOnly: boolean;
  plan: string;
}

/** Building an index once is far faster than maintaining it through a million inserts. */
async function bulkLoad(store: Store, database: Result['database'], mix: Mix, size: number) {
  await store.withLock(0x62656e6368, async (db) => {
    const { rows: defs } = await db.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
        where tablename = 'deals' and indexname <> 'deals_pkey'`,
    );
    for (const d of defs) await db.exec(`drop index ${d.name}`);
    if (database === 'postgres') await db.exec(`set maintenance_work_mem = '512MB'`);
    await (mix === 'history' ? loadHistory(db, size) : loadWorstCase(db, size));
    for (const d of defs) await db.exec(d.def);
  });
  await store.query(database === 'postgres' ? 'vacuum analyze deals' : 'analyze deals');
}

async function timeSweep(store: Store, database: Result['database']): Promise<Result['sweep']> {
  const t0 = performance.now();
  const deals = await sweepExpiredDeals(store);
  const seconds = round((performance.now() - t0) / 1000);
  // What autovacuum would do after the sweep's updates.
  await store.query(database === 'postgres' ? 'vacuum analyze deals' : 'analyze deals');
  const empty: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await sweepExpiredDeals(store);
    empty.push(performance.now() - t);
  }
  return { deals, seconds, emptyMs: stats(empty).median };
}

async function sample(db: Queryable, where: string, n: number) {
  const { rows } = await db.query<{ name: string; domain: string }>(
    `select customer_name as name, customer_domain as domain from deals
      where id like 'deal_b%' and ${where} order by hashtext(id) limit $1`,
    [n],
  );
  return rows;
}

async function runOne(
  store: Store,
  database: Result['database'],
  mix: Mix,
  size: number,
): Promise<Result> {
  await applySeed(store, 'demo');
  const t0 = performance.now();
  await bulkLoad(store, database, mix, size);
  const loadSeconds = round((performance.now() - t0) / 1000);
  // The worst case is measured as it was loaded: nothing swept, as before the sweep existed.
  const sweep = mix === 'history' ? await timeSweep(store, database) : null;
  const { rows: live } = await store.query<{ n: number | string }>(
    `select count(*) as n from deals where ${LIVE}`,
  );
  const { rows: partners } = await store.query<{ id: string }>(
    'select id from partners order by id',
  );
  const principal = (i: number): Principal & { partnerId: string } => ({
    sub: 'usr_bench',
    role: 'partner_user',
    partnerId: partners[i % partners.length]!.id,
    name: 'Bench',
    email: 'bench@example.com',
    via: 'secret',
  });
  // A quarter of the operations name the customer of an active deal (name and domain), a quarter
  // that of any past deal under a longer name on another domain, half a new customer.
  const active = await sample(
    store,
    `(status = 'under_review' or (status = 'approved' and stage = 'open' and protected_until > now()))`,
    OPS + 10,
  );
  const past = await sample(store, 'true', OPS + 10);
  const pick = (op: number) => {
    if (op % 2 === 1) return newCustomer(mix, op);
    const k = op % 4 === 0 ? active[(op / 4) % active.length]! : past[(op >> 2) % past.length]!;
    return op % 4 === 0
      ? { name: k.name, domain: k.domain }
      : { name: `${k.name} Group`, domain: `other-${op}.example` };
  };
  for (let op = 0; op < 20; op++) {
    await store.withTransaction((tx) =>
      checkDeal(tx, { customer: pick(op) }, principal(op).partnerId),
    );
  }

  const checks: number[] = [];
  for (let op = 0; op < OPS; op++) {
    const c = pick(op);
    const t = performance.now();
    await store.withTransaction((tx) =>
      checkDeal(tx, { customer: c, products: ['lf-core'] }, principal(op).partnerId),
    );
    checks.push(performance.now() - t);
  }

  const registers: number[] = [];
  const outcomes: Record<string, number> = {};
  for (let op = 0; op < OPS; op++) {
    const c = pick(op + OPS);
    const body = {
      customer: c,
      contact: { name: 'Bench Contact', email: 'bench@example.com' },
      title: 'Bench deal',
      products: ['lf-core'],
      amount: { amount: 500_000, currency: 'USD' },
      expectedCloseDate: '2030-06-30',
    };
    const t = performance.now();
    try {
      const deal = await store.withTransaction((tx) => registerDeal(tx, body, principal(op * 7)));
      outcomes[deal.status] = (outcomes[deal.status] ?? 0) + 1;
    } catch (error) {
      if (!isHttpProblem(error)) throw error;
      outcomes[error.code] = (outcomes[error.code] ?? 0) + 1;
    }
    registers.push(performance.now() - t);
  }
  const existing = pick(0);
  const p = await plan(store, existing.name, existing.domain);
  return {
    mix,
    database,
    size,
    ranAt: new Date().toISOString(),
    loadSeconds,
    indexedLive: Number(live[0]!.n),
    sweep,
    check: stats(checks),
    register: stats(registers),
    outcomes,
    indexOnly: !/Seq Scan on deals/.test(p) && /deals_live_name/.test(p),
    plan: p,
  };
}

async function onPostgres(url: string, mix: Mix, size: number): Promise<Result> {
  const name = `prm_bench_${size}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: dbUrl.toString() });
  try {
    return await runOne(store, 'postgres', mix, size);
  } finally {
    await store.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function onPglite(mix: Mix, size: number): Promise<Result> {
  const store = await openStore({ data: 'memory' });
  try {
    return await runOne(store, 'pglite', mix, size);
  } finally {
    await store.close();
  }
}

const ms = (s: Stats) => [s.median, s.p95, s.p99].map((x) => x.toFixed(1).padStart(5)).join(' /');
const row = (r: Result) =>
  `${r.mix.padEnd(10)} ${r.database.padEnd(8)} ${String(r.size).padStart(8)} ${String(r.indexedLive).padStart(7)}  ` +
  `${ms(r.check)}  ${ms(r.register)}  ${String(r.loadSeconds).padStart(6)} s  ` +
  `${r.sweep ? `${r.sweep.deals} in ${r.sweep.seconds} s, empty ${r.sweep.emptyMs} ms` : '-'}  ${JSON.stringify(r.outcomes)}`;
const HEADER =
  'mix        database    deals    live  check p50/p95/p99    register p50/p95/p99     load  sweep  outcomes';

const results: Result[] = [];
process.stdout.write(`${HEADER}\n`);
for (const mix of mixes) {
  const runs: Array<() => Promise<Result>> = [];
  if (!values['no-pglite']) for (const size of pgliteSizes) runs.push(() => onPglite(mix, size));
  const url = values.pg;
  if (url) for (const size of pgSizes) runs.push(() => onPostgres(url, mix, size));
  for (const run of runs) {
    const r = await run();
    results.push(r);
    process.stdout.write(`${row(r)}\n`);
  }
}

const file = new URL('./results/deals.json', import.meta.url);
const keyOf = (r: Pick<Result, 'mix' | 'database' | 'size'>) => `${r.mix}/${r.database}/${r.size}`;
const previous: Result[] = existsSync(file)
  ? ((JSON.parse(readFileSync(file, 'utf8')) as { results?: Result[] }).results ?? []).filter(
      // Entries of an older format than this bench writes are dropped.
      (r) => r.mix !== undefined && r.check.p99 !== undefined,
    )
  : [];
const measured = new Set(results.map(keyOf));
const merged = [...previous.filter((r) => !measured.has(keyOf(r))), ...results].sort(
  (a, b) => a.mix.localeCompare(b.mix) || a.database.localeCompare(b.database) || a.size - b.size,
);

/** From the smallest to the largest size of one mix on one database: how much slower. */
function growth(mix: Mix, db: Result['database']) {
  const rs = merged.filter((r) => r.mix === mix && r.database === db);
  if (rs.length < 2) return null;
  const [first, last] = [rs[0]!, rs[rs.length - 1]!];
  return {
    from: first.size,
    to: last.size,
    checkP95: round(last.check.p95 / first.check.p95),
    registerP95: round(last.register.p95 / first.register.p95),
  };
}
const growths = Object.fromEntries(
  (['history', 'worst-case'] as const).flatMap((mix) =>
    (['pglite', 'postgres'] as const).map((db) => [`${mix}/${db}`, growth(mix, db)]),
  ),
);

const largest = results[results.length - 1];
if (largest) {
  process.stdout.write(
    `\nplan of the check at ${largest.size} (${largest.mix}, ${largest.database}):\n${largest.plan}\n`,
  );
}
process.stdout.write(`\nall recorded results:\n${HEADER}\n${merged.map(row).join('\n')}\n`);
process.stdout.write(`growth (p95, smallest to largest size): ${JSON.stringify(growths)}\n`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  file,
  JSON.stringify(
    {
      ranAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      opsPerMeasure: OPS,
      results: merged,
      growth: growths,
    },
    null,
    2,
  ) + '\n',
);
