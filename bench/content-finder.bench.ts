/**
 * @module Time from keystroke to results painted: `<prm-content-finder>` in Debian's Chromium
 * against a real `prm serve` holding the content benchmark's corpus.
 *
 *   npx vite build   # the demo pages and the embed bundle the server serves
 *   node --import tsx bench/content-finder.bench.ts --pg <url> [--sizes 10000,100000] [--runs 5]
 *
 * For each size: a fresh PostgreSQL database, `prm serve --demo --seed demo` on it, the demo's
 * content replaced by the first `size` live assets of the benchmark's generator (as in
 * `bench/content.bench.ts`). The vendor console (which holds the finder) opens in Chromium
 * (playwright-core, the flags of `scripts/chromium.mjs`); each query is typed into the finder's
 * search box at 80 ms a key, and the time runs from the last keydown to the first frame painted
 * after the results of the whole query are in the page (their response has arrived and the list
 * is no longer busy; a `requestAnimationFrame` then a task mark the paint). The finder's own
 * debounce (200 ms) is part of it, as a user feels it. Merges p50/p95 into
 * `bench/results/content.json` under `keystrokeToPaint`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { createBenchDatabase, percentile } from './support.js';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';
import { demoLibrary } from '../src/server/seed/content-library.js';
import { insertLibrary } from '../src/server/seed/content.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILE = `${ROOT}bench/results/content.json`;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    runs: { type: 'string', default: '5' },
    pg: { type: 'string' },
  },
});
if (!args.pg) throw new Error('--pg <postgres url> is needed: the server runs on PostgreSQL.');
if (!existsSync(`${ROOT}dist/demo/console.html`)) throw new Error('run `npx vite build` first');
const SIZES = args.sizes.split(',').map(Number);
const RUNS = Number(args.runs);
/** What partners type, as in the content benchmark's labelled set. */
const QUERIES = [
  'datasheet',
  'pricng sheet',
  'edge gatway datasheet',
  'integrtion guide',
  'logo',
  'preisliste',
  'datenblat',
  'vault backup',
  'plybook',
  'secure acc',
  'fallstudie',
  'insight analytics webinar',
];
const KEY_DELAY_MS = 80;

const pct = (xs: number[], p: number) => Math.round(percentile(xs, p) * 10) / 10;

function serve(databaseUrl: string) {
  const child = spawn(
    process.execPath,
    [`${ROOT}bin/prm.mjs`, 'serve', '--demo', '--seed', 'demo', '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRM_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output = (output + d.toString()).slice(-100_000);
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]!);
    });
    child.stderr.on('data', (d: Buffer) => void (output = (output + d.toString()).slice(-100_000)));
    child.once('exit', (code) => reject(new Error(`prm serve exited (${code}):\n${output}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Replaces the demo's content with the benchmark corpus. */
async function loadCorpus(databaseUrl: string, size: number): Promise<number> {
  const assets = demoLibrary(new Date(), Math.ceil(size * 1.2))
    .filter((a) => a.status === 'active' && !a.expiresAt)
    .slice(0, size);
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  await c.query('begin');
  await c.query('delete from content_file_chunks');
  await c.query('delete from content_files');
  await c.query('delete from content_assets');
  await insertLibrary(c, assets, { files: false });
  await c.query('commit');
  // As autovacuum leaves a library after a bulk load: vacuumed and analysed.
  await c.query('vacuum analyze');
  await c.end();
  return assets.length;
}

async function measure(baseUrl: string): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // tsx (esbuild, keepNames) wraps the named functions of the page scripts below in `__name`.
    await page.addInitScript('window.__name = (f) => f;');
    await page.addInitScript(() => {
      const w = window as unknown as { __lastKey: number };
      window.addEventListener('keydown', () => (w.__lastKey = performance.now()), true);
    });
    await page.goto(`${baseUrl}/demo/console/`);
    const input = page.locator('prm-content-finder input[type=search]');
    await input.waitFor({ timeout: 60_000 });
    const settledList = () =>
      page.waitForFunction(
        () =>
          document
            .querySelector('prm-content-finder')
            ?.shadowRoot?.querySelector(".results[aria-busy='false'] :is(ul, [part=empty])"),
        undefined,
        { timeout: 60_000 },
      );
    await settledList();
    const out: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const q of QUERIES) {
        await input.fill('');
        await settledList();
        await page.waitForTimeout(300);
        await page.evaluate(() => performance.clearResourceTimings());
        await input.pressSequentially(q, { delay: KEY_DELAY_MS });
        const ms = await page.evaluate(async (query: string) => {
          const finder = document.querySelector('prm-content-finder')!;
          const answered = () =>
            performance.getEntriesByType('resource').some((e) => {
              const u = new URL(e.name);
              return (
                u.pathname === '/v1/content' && (u.searchParams.get('q') ?? '').trim() === query
              );
            });
          const done = () =>
            answered() && finder.shadowRoot?.querySelector(".results[aria-busy='false']");
          await new Promise<void>((resolve) => {
            const tick = () => (done() ? resolve() : requestAnimationFrame(tick));
            tick();
          });
          // The frame that shows the results: its animation frame, then a task after its paint.
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return performance.now() - (window as unknown as { __lastKey: number }).__lastKey;
        }, q);
        if (run > 0) out.push(ms); // the first round warms the server's and the browser's caches
      }
    }
    return out;
  } finally {
    await browser.close();
  }
}

const results: Record<string, unknown> = {};
for (const size of SIZES) {
  const db = await createBenchDatabase(args.pg, 'prm_bench_kp');
  const server = serve(db.url);
  try {
    const url = await server.url;
    const assets = await loadCorpus(db.url, size);
    const startedAt = new Date().toISOString();
    const loadAverageAtStart = loadavg().map((l) => Math.round(l * 10) / 10);
    const ms = await measure(url);
    results[String(size)] = {
      assets,
      startedAt,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg().map((l) => Math.round(l * 10) / 10),
      database: 'postgres',
      samples: ms.length,
      p50Ms: pct(ms, 50),
      p95Ms: pct(ms, 95),
    };
    console.log(`${assets} assets`, results[String(size)]);
  } finally {
    await server.close();
    await db.drop();
  }
}

const previous = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as object) : {};
const before = (previous as { keystrokeToPaint?: { sizes?: object } }).keystrokeToPaint;
writeFileSync(
  FILE,
  JSON.stringify(
    {
      ...previous,
      keystrokeToPaint: {
        browser: 'Debian Chromium (playwright-core), headless',
        keyDelayMs: KEY_DELAY_MS,
        debounceMs: 200,
        runsPerQuery: RUNS - 1,
        queries: QUERIES,
        sizes: { ...(before?.sizes ?? {}), ...results },
      },
    },
    null,
    2,
  ) + '\n',
);
console.log(`recorded in ${FILE}`);
