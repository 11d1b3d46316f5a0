/**
 * @module The conflict check and registration against many existing deals.
 *
 *   node --import tsx bench/deals.bench.ts [--sizes 10000,100000] [--ops 300] [--pg <url>] [--no-pglite]
 *
 * PGlite (in memory) at each size, and PostgreSQL too when `--pg` names a server (each size gets a
 * fresh database on it, dropped afterwards; default sizes there 10 k, 100 k, 1 M). Deals are
 * bulk-loaded by one `generate_series` statement, then each operation runs through the same domain
 * functions as the API (no HTTP). Prints a table, the plan of the check, and writes
 * `bench/results/deals.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  candidateQueries,
  customerKey,
  setSimilarityThreshold,
} from '../src/server/domain/deals-matching.js';
import { checkDeal, registerDeal } from '../src/server/domain/deals-register.js';
import { isHttpProblem } from '../src/server/http/problem.js';
import type { Principal } from '../src/server/identity/principal.js';
import { applySeed } from '../src/server/seed/index.js';
import type { Queryable, Store } from '../src/server/store/index.js';
import { openStore } from '../src/server/store/index.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    ops: { type: 'string', default: '300' },
    pg: { type: 'string' },
    'no-pglite': { type: 'boolean', default: false },
  },
});
const OPS = Number(values.ops);
const parseSizes = (s: string) => s.split(',').map((x) => Number(x.replace(/_/g, '')));
const pgliteSizes = parseSizes(values.sizes ?? '10000,100000');
const pgSizes = parseSizes(values.sizes ?? '10000,100000,1000000');

const TRADES = [
  'Systems',
  'Logistics',
  'Analytics',
  'Health',
  'Foods',
  'Energy',
  'Retail',
  'Media',
  'Robotics',
  'Capital',
  'Labs',
  'Marine',
  'Telecom',
  'Insurance',
  'Pharma',
  'Builders',
];
const FORMS = ['Inc', 'LLC', 'GmbH', 'Ltd', 'SA', 'AG', 'BV', 'Corp', ''];
/** Hex digits become letters of this alphabet (five vowels among sixteen), in SQL and here. */
const LETTERS = 'aeioubcdfghklmnr';

/** A customer that exists nowhere: two invented words and a trade, like the bulk-loaded ones. */
function newCustomer(op: number): { name: string; domain: string } {
  const w = (n: number) =>
    Array.from({ length: n }, () => LETTERS[Math.floor(Math.random() * 16)]).join('');
  const a = w(7);
  const b = w(5 + (op % 4));
  const name = `${a[0]!.toUpperCase()}${a.slice(1)} ${b[0]!.toUpperCase()}${b.slice(1)} ${TRADES[op % TRADES.length]}`;
  return { name, domain: `${a}-${b}-${op}.example` };
}

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

/**
 * Loads `n` deals in one statement. Statuses: a third under review, two fifths approved (open,
 * won, lost; some past protection), the rest rejected or withdrawn; twelve partners.
 */
async function bulkLoad(store: Queryable, n: number): Promise<void> {
  const trades = sqlArray(TRADES);
  const forms = sqlArray(FORMS);
  const w1 = `translate(substr(md5(i::text || 'a'), 1, 7), '0123456789abcdef', '${LETTERS}')`;
  const w2 = `translate(substr(md5(i::text || 'b'), 1, 5 + i % 4), '0123456789abcdef', '${LETTERS}')`;
  const trade = `(${trades})[1 + i % ${TRADES.length}]`;
  const name = `trim(initcap(${w1}) || ' ' || initcap(${w2}) || ' ' || ${trade} || ' ' || (${forms})[1 + i % ${FORMS.length}])`;
  const norm = `${w1} || ' ' || ${w2} || ' ' || lower(${trade})`;
  await store.query(
    `insert into deals (id, partner_id, status, stage, customer_name, customer_name_norm,
       customer_domain, customer_reg_domain, customer_country, contact_name, contact_email, title,
       products, amount, currency, expected_close_date, submitted_by, submitted_at,
       review_due_at, decision, protected_until, conflicts, updated_at)
     select 'deal_b' || i, p.ids[1 + i % array_length(p.ids, 1)],
       case when i % 15 < 5 then 'under_review' when i % 15 < 11 then 'approved'
            when i % 15 < 13 then 'rejected' else 'withdrawn' end,
       case when i % 15 in (9, 10) then (array['won', 'lost'])[1 + i % 2] else 'open' end,
       ${name}, ${norm}, 'c' || i || '.example', 'c' || i || '.example', 'US',
       'Contact ' || i, 'contact' || i || '@example.com', 'Deal ' || i,
       case i % 5 when 0 then array['lf-core'] when 1 then array['lf-analytics']
         when 2 then array['lf-edge', 'lf-core'] when 3 then array['lf-secure']
         else array['lf-vault', 'lf-support'] end,
       1000 + (i::bigint * 7919) % 900000, 'USD', date '2030-01-01', 'usr_bench',
       now() - make_interval(mins => i % 400000),
       case when i % 15 < 5 then now() + interval '48 hours' end,
       case when i % 15 between 5 and 10 then
         '{"by":"system","decision":"approve","reasonCode":"approved_auto","at":"2026-01-01T00:00:00Z"}'::jsonb end,
       case when i % 15 between 5 and 10 then now() + make_interval(days => 90 - i % 120) end,
       '{"verdict":"clear","matches":[]}', now()
     from generate_series(1, $1::int) i,
          (select array_agg(id order by id) as ids from partners) p`,
    [n],
  );
}

interface Stats {
  median: number;
  p95: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}
const round = (x: number) => Math.round(x * 100) / 100;

async function plan(store: Store, name: string, domain: string): Promise<string> {
  let text = '';
  await store.withTransaction(async (tx) => {
    await setSimilarityThreshold(tx);
    const [q] = candidateQueries(customerKey(name, domain), ['lf-core']);
    const { rows } = await tx.query<Record<string, string>>(
      `explain (analyze, costs off, timing off, summary off) ${q!.sql}`,
      q!.params,
    );
    text = rows.map((r) => Object.values(r)[0]).join('\n');
  });
  return text;
}

interface Result {
  database: 'pglite' | 'postgres';
  size: number;
  loadSeconds: number;
  check: Stats;
  register: Stats;
  outcomes: Record<string, number>;
  indexOnly: boolean;
  plan: string;
}

async function runOne(store: Store, database: Result['database'], size: number): Promise<Result> {
  await applySeed(store, 'demo');
  const t0 = performance.now();
  // Building an index once is far faster than maintaining it through a million inserts: drop
  // every secondary index of deals, load, and build them again from their own definitions.
  const MIGRATION_LOCK_FREE_KEY = 0x62656e6368;
  await store.withLock(MIGRATION_LOCK_FREE_KEY, async (db) => {
    const { rows: defs } = await db.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
        where tablename = 'deals' and indexname <> 'deals_pkey'`,
    );
    for (const d of defs) await db.exec(`drop index ${d.name}`);
    if (database === 'postgres') await db.exec(`set maintenance_work_mem = '512MB'`);
    await bulkLoad(db, size);
    for (const d of defs) await db.exec(d.def);
  });
  await store.query(database === 'postgres' ? 'vacuum analyze deals' : 'analyze deals');
  const loadSeconds = round((performance.now() - t0) / 1000);
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
  // Half the operations name an existing customer (a conflict): by name and domain, or by the
  // name alone on another domain; the other half a new one.
  const existingIds = Array.from(
    { length: 3 * OPS + 20 },
    (_, op) => `deal_b${1 + ((op * 104_729) % size)}`,
  );
  const { rows: known } = await store.query<{ id: string; name: string; domain: string }>(
    'select id, customer_name as name, customer_domain as domain from deals where id = any($1::text[])',
    [existingIds],
  );
  const byId = new Map(known.map((k) => [k.id, k]));
  const pick = (op: number) => {
    if (op % 2 === 1) return newCustomer(op);
    const k = byId.get(existingIds[op]!)!;
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
    database,
    size,
    loadSeconds,
    check: stats(checks),
    register: stats(registers),
    outcomes,
    indexOnly: !/Seq Scan on deals/.test(p) && /deals_live_name/.test(p),
    plan: p,
  };
}

async function onPostgres(url: string, size: number): Promise<Result> {
  const name = `prm_bench_${size}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: dbUrl.toString() });
  try {
    return await runOne(store, 'postgres', size);
  } finally {
    await store.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function onPglite(size: number): Promise<Result> {
  const store = await openStore({ data: 'memory' });
  try {
    return await runOne(store, 'pglite', size);
  } finally {
    await store.close();
  }
}

const results: Result[] = [];
const report = (r: Result) => {
  results.push(r);
  process.stdout.write(
    `${r.database.padEnd(9)} ${String(r.size).padStart(8)} deals  load ${String(r.loadSeconds).padStart(6)} s  ` +
      `check p50 ${String(r.check.median).padStart(6)} ms p95 ${String(r.check.p95).padStart(6)} ms  ` +
      `register p50 ${String(r.register.median).padStart(6)} ms p95 ${String(r.register.p95).padStart(6)} ms  ` +
      `index-only ${r.indexOnly}  ${JSON.stringify(r.outcomes)}\n`,
  );
};

if (!values['no-pglite']) for (const size of pgliteSizes) report(await onPglite(size));
if (values.pg) for (const size of pgSizes) report(await onPostgres(values.pg, size));

const growth = (db: Result['database']) => {
  const rs = results.filter((r) => r.database === db).sort((a, b) => a.size - b.size);
  if (rs.length < 2) return null;
  const [first, last] = [rs[0]!, rs[rs.length - 1]!];
  return {
    from: first.size,
    to: last.size,
    checkP95: round(last.check.p95 / first.check.p95),
    registerP95: round(last.register.p95 / first.register.p95),
  };
};
const largest = results[results.length - 1];
if (largest)
  process.stdout.write(
    `\nplan of the check at ${largest.size} (${largest.database}):\n${largest.plan}\n`,
  );
const summary = {
  ranAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  opsPerMeasure: OPS,
  results,
  growth: { pglite: growth('pglite'), postgres: growth('postgres') },
};
process.stdout.write(`growth: ${JSON.stringify(summary.growth)}\n`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/deals.json', import.meta.url),
  JSON.stringify(summary, null, 2) + '\n',
);
