/**
 * @module The fuzz suite of `test/server/fuzz.test.ts` at a larger count: every route and query
 * parameter, valid requests and their mutations, against the real server over HTTP.
 *
 *   node --import tsx bench/fuzz.bench.ts [--cases 10000] [--seed 20261129]
 *
 * On PGlite, or on PostgreSQL when DATABASE_URL is set (a fresh database, dropped afterwards).
 * Prints the case count, the statuses met and every failure, records the run in
 * `bench/results/fuzz.json` (keyed by database and seed), and exits non-zero on any failure.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { fuzz } from '../test/support/fuzz.js';
import { databaseLabel, startTestServer } from '../test/support/server.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261129' },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);

const server = await startTestServer({ rateLimit: { limit: 0, windowSeconds: 60 } });
let report;
try {
  report = await fuzz(server, { numRuns: cases, seed });
} finally {
  await server.close();
}

const result = {
  database: databaseLabel,
  seed,
  cases: report.cases,
  validCases: report.validCases,
  retriedAfterClosedConnection: report.retried,
  failures: report.failures.length,
  statuses: report.statuses,
  seconds: Math.round(report.ms / 100) / 10,
  casesPerSecond: Math.round((report.cases / report.ms) * 1000),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  at: new Date().toISOString(),
};
process.stdout.write(
  `fuzz (${databaseLabel}): ${result.cases} cases (${result.validCases} valid), seed ${seed}, ` +
    `${result.seconds} s, ${result.failures} failures\nstatuses: ${JSON.stringify(result.statuses)}\n`,
);
for (const f of report.failures) process.stdout.write(`FAILURE ${f}\n`);

const dir = new URL('./results/', import.meta.url);
if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
const file = new URL('./fuzz.json', dir);
type Row = typeof result;
const previous: Row[] = existsSync(file)
  ? ((JSON.parse(readFileSync(file, 'utf8')) as { results?: Row[] }).results ?? [])
  : [];
const merged = [
  ...previous.filter((r) => !(r.database === result.database && r.seed === result.seed)),
  result,
];
writeFileSync(
  file,
  JSON.stringify(
    { command: 'node --import tsx bench/fuzz.bench.ts --cases N --seed S', results: merged },
    null,
    2,
  ) + '\n',
);
if (report.failures.length > 0) process.exitCode = 1;
