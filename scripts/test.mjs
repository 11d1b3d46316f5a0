#!/usr/bin/env node
// `npm test`: format check, lint, typecheck, the Node tests (once on PGlite, again on PostgreSQL when
// DATABASE_URL is set), the browser tests in Chromium, the end-to-end tests; then one closing line
// `N passed, N failed` over every runner. Each static check counts as one test. Exits non-zero on
// any failure, and when a runner reports no count it can read or no test at all: a runner that
// crashed, or a file that threw before registering its tests, must never look green.
//
// PRM_TEST_NODE_FILES / PRM_TEST_BROWSER_FILES (comma-separated paths) replace the discovered test
// files of that runner: test/scripts/test-script.test.ts points them at deliberately broken
// fixtures in test/support/fixtures/ to show that this script fails for them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const only = process.argv.slice(2); // e.g. `npm test -- node browser`

const results = [];
const record = (step, passed, failed, extra = '') => {
  results.push({ step, passed, failed, extra });
};

function run(cmd, args, { env = {}, capture = false, quiet = false, stderr = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: capture ? ['ignore', 'pipe', stderr ? 'pipe' : 'inherit'] : 'inherit',
      env: { ...process.env, ...env },
    });
    let out = '';
    if (capture) {
      const collect = (d) => {
        out += d;
        if (!quiet) process.stdout.write(d);
      };
      child.stdout.on('data', collect);
      child.stderr?.on('data', collect);
    }
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

function findTests(dir, pred) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p, pred));
    else if (pred(name)) out.push(relative(root, p));
  }
  return out.sort();
}

const banner = (s) => console.log(`\n━━━ ${s} ━━━`);
const wanted = (k) => only.length === 0 || only.includes(k);

/**
 * Node test files run two at a time where there are two cores (`PRM_TEST_CONCURRENCY` overrides):
 * each file has its own server and database, and much of a file's time is spent waiting (PGlite's
 * start-up, spawned servers, event streams), so two at a time roughly halves the longest step.
 */
const nodeConcurrency =
  Number(process.env.PRM_TEST_CONCURRENCY) || Math.max(1, Math.min(2, availableParallelism()));

async function nodeTests(step, files, env, concurrency = nodeConcurrency) {
  if (files.length === 0) return;
  banner(`${step} (${files.length} files, ${concurrency} at a time)`);
  const { code, out } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      `--test-concurrency=${concurrency}`,
      '--test-timeout=120000',
      ...files,
    ],
    { env, capture: true },
  );
  let [passed, failed] = honestCounts(out, code);
  // node:test reports a file that registered no test as one passing test named by its path.
  for (const file of files) {
    if (out.split('\n').some((line) => line.startsWith(`✔ ${join(root, file)} (`))) {
      console.error(`✗ ${file} registered no tests`);
      passed -= 1;
      failed += 1;
    }
  }
  record(step, passed, failed);
}

/**
 * Passed and failed from the spec reporter's summary (`ℹ pass 12`, `ℹ fail 0`, …). No summary, or
 * a summary of zero tests, is one failure: a runner that ran nothing has proved nothing.
 */
function honestCounts(out, code) {
  const num = (k) => out.match(new RegExp(`^ℹ ${k} (\\d+)$`, 'm'))?.[1];
  const [pass, fail, cancelled] = [num('pass'), num('fail'), num('cancelled')];
  if (pass === undefined || fail === undefined) {
    console.error(`✗ no test count could be read from this runner's output (exit code ${code})`);
    return [0, 1];
  }
  const passed = Number(pass);
  let failed = Number(fail) + Number(cancelled ?? 0);
  if (passed + failed === 0) {
    console.error('✗ this runner ran no tests');
    return [0, 1];
  }
  if (code !== 0 && failed === 0) failed = 1; // it failed outside any test
  return [passed, failed];
}

/** The files of a runner: the env override when set, else what was discovered. */
const filesFrom = (envName, discovered) =>
  process.env[envName]
    ? process.env[envName]
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
    : discovered;

// The three static checks are single-threaded and independent: they run side by side, each
// printed whole when it ends, in this order.
const staticChecks = [
  ['format', 'format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['lint', 'lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']],
  ['typecheck', 'typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
].filter(([key]) => wanted(key));
const staticRuns = staticChecks.map(([, , cmd, args]) =>
  run(cmd, args, { capture: true, quiet: true, stderr: true }),
);
for (const [i, [, step]] of staticChecks.entries()) {
  const { code, out } = await staticRuns[i];
  banner(step);
  if (out) process.stdout.write(out);
  record(step, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

const nodeFiles = filesFrom('PRM_TEST_NODE_FILES', [
  ...findTests('test/core', (n) => n.endsWith('.test.ts') && !n.endsWith('.browser.test.ts')),
  ...findTests('test/server', (n) => n.endsWith('.test.ts')),
  ...findTests('test/scripts', (n) => n.endsWith('.test.ts')),
]);
if (wanted('node')) {
  const { DATABASE_URL: _db, ...envWithoutPg } = process.env;
  void _db;
  // Run on PGlite first: explicitly without DATABASE_URL.
  await nodeTests('node tests on PGlite', nodeFiles, { ...envWithoutPg, DATABASE_URL: '' });
  if (process.env.DATABASE_URL && !process.env.PRM_TEST_NODE_FILES) {
    // Only the files that name the database they run on (`databaseLabel`, `usingPostgres`,
    // `DATABASE_URL`) run again: static checks of the source, pure functions and the OpenAPI
    // document say the same on either database.
    const pgFiles = findTests('test/server', (n) => n.endsWith('.test.ts')).filter((f) =>
      /\b(databaseLabel|usingPostgres|DATABASE_URL)\b/.test(readFileSync(f, 'utf8')),
    );
    await nodeTests('node tests on PostgreSQL', pgFiles, {
      DATABASE_URL: process.env.DATABASE_URL,
    });
  } else {
    console.log(
      '\n(DATABASE_URL is not set: the server suite ran on PGlite only; .ci/run runs it on PostgreSQL too.)',
    );
  }
}

/** One web-test-runner run (its config, its files), counted through the counting reporter. */
async function browserRun(step, config, files, chromium) {
  const countsFile = join(root, '.test-results', `wtr-${config ? 'lwc' : 'main'}.json`);
  rmSync(countsFile, { force: true });
  const args = [...(config ? ['--config', config] : []), ...files];
  const { code } = await run(bin('web-test-runner'), args, {
    env: { PRM_WTR_COUNTS: countsFile, CHROMIUM_PATH: chromium.path },
  });
  let c = { passed: 0, failed: 0, browsers: [] };
  if (existsSync(countsFile)) c = JSON.parse(readFileSync(countsFile, 'utf8'));
  else {
    console.error(`✗ web-test-runner wrote no counts (exit code ${code})`);
    c.failed = 1;
  }
  if (c.passed + c.failed === 0) {
    console.error('✗ web-test-runner ran no tests');
    c.failed = 1;
  }
  for (const file of c.empty ?? []) console.error(`✗ ${file} registered no tests`);
  if (code !== 0 && c.failed === 0) c.failed = 1;
  record(step, c.passed, c.failed, c.browsers?.length ? `in ${c.browsers.join(', ')}` : '');
}

if (wanted('browser')) {
  banner('browser tests (web-test-runner)');
  const chromium = await ensureChromium();
  if (!chromium.ok) {
    console.error(chromium.message);
    record('browser tests', 0, 1);
  } else {
    console.log(`browser: ${chromium.version} at ${chromium.path}`);
    const browserFiles = filesFrom('PRM_TEST_BROWSER_FILES', []);
    await browserRun('browser tests', undefined, browserFiles, chromium);
    // The Salesforce wrappers, compiled by the LWC compiler: their own runner and config.
    if (!process.env.PRM_TEST_BROWSER_FILES) {
      banner('browser tests of the Salesforce wrappers (web-test-runner, LWC)');
      await browserRun(
        'browser tests (Salesforce LWC)',
        'web-test-runner.lwc.config.mjs',
        [],
        chromium,
      );
    }
  }
}

const e2eFiles = findTests('test/e2e', (n) => n.endsWith('.test.ts'));
if (wanted('e2e') && e2eFiles.length > 0) {
  const chromium = await ensureChromium();
  if (!chromium.ok) {
    console.error(chromium.message);
    record('end-to-end tests', 0, 1);
  } else {
    banner('build for end-to-end tests');
    const build = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) record('build', 0, 1);
    else
      await nodeTests(
        'end-to-end tests (playwright-core)',
        e2eFiles,
        {
          CHROMIUM_PATH: chromium.path,
          DATABASE_URL: '',
        },
        1, // one browser and one demo server at a time
      );
  }
}

banner('summary');
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  console.log(
    `  ${r.failed ? '✗' : '✓'} ${r.step}: ${r.passed} passed, ${r.failed} failed ${r.extra}`.trimEnd(),
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
