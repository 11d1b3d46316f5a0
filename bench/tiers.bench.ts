/**
 * @module Tier progress at scale, on PostgreSQL.
 *
 *   node --import tsx bench/tiers.bench.ts [--pg <url>] [--sizes 10000,100000,1000000]
 *     [--partners 10000] [--reads 300]
 *
 * One fresh database (dropped afterwards) with the demo ladder and rates and `--partners`
 * partners, filled with deals by set-based SQL (`generate_series`) in steps up to each size. A
 * third of the deals are won (won_at spread over 18 months, so about two thirds of those are in
 * the trailing window); 80 % USD, 9 % EUR, 9 % GBP (converted), 2 % JPY (no rate: unconverted).
 * Each partner has three certifications, some expired.
 *
 * The measured partner (`prt_bench`) always holds the same 200 deals, whatever the table size, so
 * the read's growth is the cost of the table around it, not of a bigger partner. At each size:
 * - **progress read**: `readProgress` (what `GET /v1/partners/:id/tier-progress` runs, without
 *   HTTP), `--reads` times; p50 and p95; each followed by a `select 1`, whose p50 and p95 are the
 *   round-trip floor of the machine at that moment (the read is one statement).
 * - at the largest size, **re-evaluate all**: a definition change (`putTiersAndEvaluate`, what
 *   `PUT /v1/program/tiers` runs) that eases Silver, then one that restores it: every partner
 *   evaluated, the changed ones written with history, audit and event.
 * - the read's plan: `EXPLAIN (ANALYZE, BUFFERS)` of the statement the read runs, printed, with
 *   its deals scan and execution time recorded.
 * Records to `bench/results/tiers.json`, with the load average (1, 5, 15 min) at the start and
 * the end: the machine is shared.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { createBenchDatabase, percentile } from './support.js';
import type { TierInput } from '../src/core/schema/index.js';
import { upsertTier } from '../src/server/domain/program.js';
import { readProgress } from '../src/server/domain/tiers-apply.js';
import { partnerSnapshot } from '../src/server/domain/tiers-metrics.js';
import { putTiersAndEvaluate } from '../src/server/domain/tiers-records.js';
import { demoTiers } from '../src/server/seed/demo.js';
import { openStore } from '../src/server/store/index.js';
import type { Store } from '../src/server/store/index.js';

const { values } = parseArgs({
  options: {
    pg: {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres',
    },
    sizes: { type: 'string', default: '10000,100000,1000000' },
    partners: { type: 'string', default: '10000' },
    reads: { type: 'string', default: '300' },
  },
});
const SIZES = values.sizes!.split(',').map((s) => Number(s.replace(/_/g, '')));
const PARTNERS = Number(values.partners);
const READS = Number(values.reads);
const BENCH_DEALS = 200;
const SYSTEM = { id: 'bench', role: 'program_admin', partnerId: null } as const;

const ms = (n: number) => Math.round(n * 100) / 100;
const pct = percentile;

async function setUp(store: Store): Promise<void> {
  await store.withTransaction(async (tx) => {
    await tx.query(
      `update program set currencies = '["USD","EUR","GBP","JPY"]'::jsonb where id = 1`,
    );
    for (const t of demoTiers()) await upsertTier(tx, t);
    await tx.query(
      `insert into exchange_rates (currency, rate) values ('EUR', 1.08), ('GBP', 1.27)`,
    );
    await tx.query(
      `insert into partners (id, name, type, region, tier_id)
       select 'prt_b' || g, 'Bench partner ' || g, 'reseller', 'EMEA',
              (array['tier_registered','tier_silver','tier_gold'])[1 + g % 3]
         from generate_series(1, $1) g`,
      [PARTNERS],
    );
    await tx.query(
      `insert into partners (id, name, type, region, tier_id)
       values ('prt_bench', 'Measured partner', 'reseller', 'EMEA', 'tier_silver')`,
    );
    await tx.query(
      `insert into certifications (id, partner_id, user_id, name, earned_at, expires_at)
       select 'cert_b' || g, 'prt_b' || (1 + g % $1), 'usr_' || g, 'Certified',
              current_date - (g % 700), current_date - (g % 700) + 730
         from generate_series(1, $1 * 3) g`,
      [PARTNERS],
    );
  });
}

/** Deals `from`..`to` (1-based), for `partner` or spread over the bench partners. */
async function addDeals(store: Store, from: number, to: number, partner?: string): Promise<void> {
  const STEP = 100_000;
  for (let a = from; a <= to; a += STEP) {
    const b = Math.min(to, a + STEP - 1);
    await store.query(
      `insert into deals (id, partner_id, status, stage, customer_name, customer_name_norm,
          customer_domain, customer_reg_domain, contact_name, contact_email, title, products,
          amount, currency, expected_close_date, submitted_by, submitted_at, conflicts,
          updated_at, won_at)
       select 'deal_b' || coalesce($4, '') || g,
              coalesce($4, 'prt_b' || (1 + (g::bigint * 7919) % $3)),
              case when g % 3 = 0 then 'approved' else (array['under_review','approved','rejected','withdrawn'])[1 + g % 4] end,
              case when g % 3 = 0 then 'won' when g % 7 = 1 then 'lost' else 'open' end,
              'Customer ' || g, 'customer ' || g, 'c' || g || '.example', 'c' || g || '.example',
              'Contact', 'c@example.com', 'Deal ' || g, array['lf-core'],
              1000000 + (g::bigint * 104729) % 9000000,
              case when g % 100 < 80 then 'USD' when g % 100 < 89 then 'EUR'
                   when g % 100 < 98 then 'GBP' else 'JPY' end,
              current_date, 'usr_bench', now() - make_interval(days => g % 540),
              '{"verdict":"clear","matches":[]}'::jsonb, now(),
              case when g % 3 = 0 then now() - make_interval(days => g % 540) end
         from generate_series($1::int, $2::int) g`,
      [a, b, PARTNERS, partner ?? null],
    );
  }
  await store.query('analyze deals');
}

interface Row {
  deals: number;
  partners: number;
  reads: number;
  p50Ms: number;
  p95Ms: number;
  /** One `select 1` round trip, interleaved with the reads: the floor on this machine now. */
  selectOneP50Ms: number;
  selectOneP95Ms: number;
  buildSeconds: number;
  plan: { dealsScan: string; executionMs: number };
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of the statement a progress read runs. */
async function explainRead(store: Store, now: Date): Promise<Row['plan']> {
  let captured: { sql: string; params: readonly unknown[] } | undefined;
  await partnerSnapshot(
    {
      query: (sql, params) => {
        captured = { sql, params: params ?? [] };
        return store.query(sql, params);
      },
    },
    'prt_bench',
    now,
  );
  const { rows } = await store.query<Record<string, string>>(
    `explain (analyze, buffers) ${captured!.sql}`,
    captured!.params,
  );
  const lines = rows.map((r) => Object.values(r)[0]!);
  process.stdout.write(`${lines.join('\n')}\n`);
  const scan = lines.find((l) => / on deals\b/.test(l)) ?? 'no scan of deals';
  const exec = lines.find((l) => l.startsWith('Execution Time'));
  return {
    dealsScan: scan.replace(/^\s*->\s*/, '').trim(),
    executionMs: Number(/([\d.]+) ms/.exec(exec ?? '')?.[1] ?? NaN),
  };
}

const loadAtStart = loadavg().map((n) => Math.round(n * 100) / 100);
process.stdout.write(`load average at start: ${loadAtStart.join(' ')}\n`);
const db = await createBenchDatabase(values.pg!, 'prm_bench_tiers');
const store = await openStore({ databaseUrl: db.url });
const rows: Row[] = [];
let reevaluate: Record<string, number> | undefined;
try {
  await setUp(store);
  await addDeals(store, 1, BENCH_DEALS, 'prt_bench');
  let have = 0;
  for (const size of SIZES) {
    const started = performance.now();
    await addDeals(store, have + 1, size - BENCH_DEALS);
    have = size - BENCH_DEALS;
    const buildSeconds = (performance.now() - started) / 1000;
    const now = new Date();
    await readProgress(store, 'prt_bench', now); // settles any change, warms the cache
    const times: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < READS; i++) {
      let t = performance.now();
      await readProgress(store, 'prt_bench', now);
      times.push(performance.now() - t);
      t = performance.now();
      await store.query('select 1');
      floor.push(performance.now() - t);
    }
    const row = {
      deals: size,
      partners: PARTNERS + 1,
      reads: READS,
      p50Ms: ms(pct(times, 50)),
      p95Ms: ms(pct(times, 95)),
      selectOneP50Ms: ms(pct(floor, 50)),
      selectOneP95Ms: ms(pct(floor, 95)),
      buildSeconds: Math.round(buildSeconds * 10) / 10,
      plan: await explainRead(store, now),
    };
    rows.push(row);
    process.stdout.write(`${JSON.stringify(row)}\n`);
  }
  const ladder = demoTiers();
  const eased: TierInput[] = ladder.map((t) =>
    t.id === 'tier_silver' ? { ...t, requirements: { wonDeals12m: 1 } } : t,
  );
  const times: number[] = [];
  const changed: number[] = [];
  for (const tiers of [eased, ladder]) {
    const before = await store.query<{ n: string }>('select count(*) as n from tier_history');
    const t = performance.now();
    await store.withTransaction((tx) => putTiersAndEvaluate(tx, { tiers }, SYSTEM, new Date()));
    times.push(performance.now() - t);
    const after = await store.query<{ n: string }>('select count(*) as n from tier_history');
    changed.push(Number(after.rows[0]!.n) - Number(before.rows[0]!.n));
  }
  const { rows: atRisk } = await store.query<{ n: string }>(
    'select count(*) as n from partners where tier_at_risk_since is not null',
  );
  reevaluate = {
    deals: SIZES[SIZES.length - 1]!,
    partners: PARTNERS + 1,
    easeSeconds: Math.round(times[0]! / 100) / 10,
    easeTierChanges: changed[0]!,
    restoreSeconds: Math.round(times[1]! / 100) / 10,
    restoreTierChanges: changed[1]!,
    atRiskAfterRestore: Number(atRisk[0]!.n),
  };
  process.stdout.write(`re-evaluate all: ${JSON.stringify(reevaluate)}\n`);
} finally {
  await store.close();
  await db.drop();
}

const loadAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
process.stdout.write(`load average at end: ${loadAtEnd.join(' ')}\n`);
const first = rows[0];
const last = rows[rows.length - 1];
const growth = first && last ? Math.round((last.p95Ms / first.p95Ms) * 100) / 100 : undefined;
process.stdout.write(`p95 growth ${first?.deals} → ${last?.deals} deals: ${growth}×\n`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/tiers.json', import.meta.url),
  JSON.stringify(
    {
      command: `node --import tsx bench/tiers.bench.ts --sizes ${values.sizes} --partners ${PARTNERS} --reads ${READS}`,
      database: 'PostgreSQL',
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), shared: true },
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      progressRead: rows,
      p95GrowthFromSmallest: growth,
      reevaluateAll: reevaluate,
    },
    null,
    2,
  ) + '\n',
);
