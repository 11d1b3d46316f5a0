/**
 * @module Content search: latency and relevance of the server's search beside Orama.
 *
 *   node --import tsx bench/content.bench.ts [--sizes 10000,100000] [--runs 15] [--pg <url>]
 *
 * Each size is a number of live assets (active, unexpired): the demo library's generator scaled up
 * (same templates, more variants; no files), its first `size` live assets.
 * The server's search runs through the same domain function as `GET /v1/content` (no HTTP, no
 * query recording) on PGlite in memory and, with `--pg`, on a fresh PostgreSQL database per size.
 * Orama (`@orama/orama`, in-process) indexes the same assets — title, tags and product names,
 * description, with boosts in the server's order — and answers the same queries with typo
 * tolerance 1. Relevance: a fixed, labelled query set (typos, prefixes, several words, product
 * names, German); an asset is relevant when it satisfies the query's label. Reports p50/p95 of
 * the query mix, of opening the finder (no words: newest first, the library's total and facets),
 * precision@5 and MRR, and merges them into `bench/results/content.json`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { createBenchDatabase, percentile } from './support.js';
import { searchContent } from '../src/server/domain/content-search.js';
import type { Principal } from '../src/server/identity/principal.js';
import { demoLibrary } from '../src/server/seed/content-library.js';
import type { LibraryAsset } from '../src/server/seed/content-library.js';
import { insertLibrary } from '../src/server/seed/content.js';
import { openStore } from '../src/server/store/index.js';
import type { Store } from '../src/server/store/index.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    runs: { type: 'string', default: '15' },
    pg: { type: 'string' },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const RUNS = Number(args.runs);

type Label = (a: LibraryAsset) => boolean;
/** The labelled queries: what a partner types, and which assets answer it. */
const QUERIES: Array<[q: string, kind: string, relevant: Label]> = [
  ['datasheet', 'word', (a) => a.type === 'datasheet' && a.language === 'en'],
  ['pricng sheet', 'typo', (a) => /pricing sheet/.test(a.title)],
  [
    'edge gatway datasheet',
    'typo+product',
    (a) => a.products[0] === 'lf-edge' && a.type === 'datasheet',
  ],
  ['integrtion guide', 'typo', (a) => /integration guide/.test(a.title)],
  ['logo', 'word', (a) => a.type === 'brand_asset' && /logo/i.test(a.title + a.description)],
  ['preisliste', 'german', (a) => a.type === 'price_list' && a.language === 'de'],
  ['datenblat', 'german+prefix', (a) => a.type === 'datasheet' && a.language === 'de'],
  ['vault backup', 'product', (a) => a.products.includes('lf-vault')],
  ['plybook', 'typo', (a) => a.type === 'playbook' && a.language === 'en'],
  ['secure acc', 'prefix', (a) => a.products.includes('lf-secure')],
  ['fallstudie', 'german', (a) => a.type === 'case_study' && a.language === 'de'],
  [
    'insight analytics webinar',
    'several words',
    (a) => a.products[0] === 'lf-analytics' && /webinar/i.test(a.title),
  ],
];

const ADMIN: Principal = {
  sub: 'usr_bench',
  role: 'program_admin',
  partnerId: null,
  name: 'bench',
  email: 'bench@example.com',
  via: 'secret',
};

const pct = (xs: number[], p: number) => Math.round(percentile(xs, p) * 100) / 100;

function quality(rankings: string[][], byId: Map<string, LibraryAsset>) {
  let p5 = 0;
  let mrr = 0;
  QUERIES.forEach(([, , relevant], i) => {
    const ranked = rankings[i]!;
    const top = ranked.slice(0, 5);
    p5 += top.filter((id) => relevant(byId.get(id)!)).length / 5;
    const first = ranked.findIndex((id) => relevant(byId.get(id)!));
    mrr += first === -1 ? 0 : 1 / (first + 1);
  });
  return {
    precisionAt5: Math.round((p5 / QUERIES.length) * 1000) / 1000,
    mrr: Math.round((mrr / QUERIES.length) * 1000) / 1000,
  };
}

async function timeIt(fn: () => Promise<string[]>): Promise<{ ms: number[]; ranking: string[] }> {
  const ms: number[] = [];
  let ranking: string[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    ranking = await fn();
    ms.push(performance.now() - t);
  }
  return { ms, ranking };
}

async function benchServer(store: Store, assets: LibraryAsset[]) {
  const t = performance.now();
  await store.withTransaction((tx) => insertLibrary(tx, assets, { files: false }));
  const loadMs = Math.round(performance.now() - t);
  // A library in service has been vacuumed and analysed (autovacuum does it after a bulk load):
  // measured right after the load, the figures would be autovacuum's work and plans made
  // without statistics.
  await store.query('vacuum analyze');
  const all: number[] = [];
  const rankings: string[][] = [];
  for (const [q] of QUERIES) {
    const r = await timeIt(async () =>
      (await searchContent(store, { q, limit: 10 }, ADMIN, { record: false })).items.map(
        (i) => i.id,
      ),
    );
    all.push(...r.ms.slice(2)); // the first runs warm the caches
    rankings.push(r.ranking);
  }
  // Opening the finder: no words, newest first, with the library's total and facets.
  const browse = (
    await timeIt(async () =>
      (await searchContent(store, { limit: 10 }, ADMIN, { record: false })).items.map((i) => i.id),
    )
  ).ms.slice(2);
  return {
    loadMs,
    p50: pct(all, 50),
    p95: pct(all, 95),
    browseP50: pct(browse, 50),
    browseP95: pct(browse, 95),
    rankings,
  };
}

async function benchOrama(assets: LibraryAsset[]) {
  const t = performance.now();
  const db = create({
    schema: {
      title: 'string',
      tags: 'string',
      productNames: 'string',
      description: 'string',
    } as const,
  });
  await insertMultiple(
    db,
    assets.map((a) => ({
      id: a.id,
      title: a.title,
      tags: a.tags.join(' '),
      productNames: a.productNames,
      description: a.description,
    })),
    1000,
  );
  const loadMs = Math.round(performance.now() - t);
  const all: number[] = [];
  const rankings: string[][] = [];
  for (const [q] of QUERIES) {
    const r = await timeIt(async () => {
      const res = await oramaSearch(db, {
        term: q,
        tolerance: 1,
        limit: 10,
        boost: { title: 3, tags: 2, productNames: 2, description: 1 },
      });
      return res.hits.map((h) => h.id);
    });
    all.push(...r.ms.slice(2));
    rankings.push(r.ranking);
  }
  return { loadMs, p50: pct(all, 50), p95: pct(all, 95), rankings };
}

const results: Record<string, unknown> = {};
for (const size of SIZES) {
  // About 12 % of generated assets are archived or expiring: generate enough for `size` live ones.
  const assets = demoLibrary(new Date('2026-11-29T00:00:00Z'), Math.ceil(size * 1.2))
    .filter((a) => a.status === 'active' && !a.expiresAt)
    .slice(0, size);
  const byId = new Map(assets.map((a) => [a.id, a]));
  // The machine is shared: the load when this size started says how noisy its figures are.
  const row: Record<string, unknown> = {
    assets: assets.length,
    startedAt: new Date().toISOString(),
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 10) / 10),
  };

  const pglite = await openStore({ data: 'memory' });
  const pgl = await benchServer(pglite, assets);
  await pglite.close();
  row.pglite = {
    loadMs: pgl.loadMs,
    p50Ms: pgl.p50,
    p95Ms: pgl.p95,
    browseP50Ms: pgl.browseP50,
    browseP95Ms: pgl.browseP95,
    ...quality(pgl.rankings, byId),
  };

  if (args.pg) {
    const db = await createBenchDatabase(args.pg, 'prm_bench');
    const store = await openStore({ databaseUrl: db.url });
    const r = await benchServer(store, assets);
    await store.close();
    await db.drop();
    row.postgres = {
      loadMs: r.loadMs,
      p50Ms: r.p50,
      p95Ms: r.p95,
      browseP50Ms: r.browseP50,
      browseP95Ms: r.browseP95,
      ...quality(r.rankings, byId),
    };
  }

  const o = await benchOrama(assets);
  row.orama = { loadMs: o.loadMs, p50Ms: o.p50, p95Ms: o.p95, ...quality(o.rankings, byId) };
  results[String(size)] = row;
  console.log(`\n${assets.length} assets`);
  console.table(
    Object.fromEntries(
      Object.entries(row).filter(([, v]) => typeof v === 'object' && !Array.isArray(v)) as Array<
        [string, object]
      >,
    ),
  );
}

const file = 'bench/results/content.json';
mkdirSync('bench/results', { recursive: true });
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : {};
writeFileSync(
  file,
  JSON.stringify(
    {
      ...previous,
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10) },
      runsPerQuery: RUNS,
      queries: QUERIES.map(([q, kind]) => ({ q, kind })),
      sizes: { ...((previous as { sizes?: object }).sizes ?? {}), ...results },
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nrecorded in ${file}`);
