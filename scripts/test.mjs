#!/usr/bin/env node
// `npm test`: format check, lint, typecheck, the Node tests (once on PGlite, again on PostgreSQL when
// DATABASE_URL is set), the browser tests in Chromium, the end-to-end tests; then one closing line
// `N passed, N failed` over every runner. Each static check counts as one test. Exits non-zero on
// any failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

function run(cmd, args, { env = {}, capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
      env: { ...process.env, ...env },
    });
    let out = '';
    if (capture) {
      child.stdout.on('data', (d) => {
        out += d;
        process.stdout.write(d);
      });
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

async function check(step, cmd, args) {
  banner(step);
  const { code } = await run(cmd, args);
  record(step, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

async function nodeTests(step, files, env) {
  if (files.length === 0) return;
  banner(`${step} (${files.length} files)`);
  const { code, out } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=1',
      '--test-timeout=120000',
      ...files,
    ],
    { env, capture: true },
  );
  const num = (k) =>
    Number(/* spec reporter summary */ out.match(new RegExp(`ℹ ${k} (\\d+)`))?.[1] ?? 0);
  let passed = num('pass');
  let failed = num('fail') + num('cancelled');
  if (code !== 0 && failed === 0) failed = 1; // crashed before reporting
  if (passed + failed === 0 && code === 0) passed = 0;
  record(step, passed, failed);
}

if (wanted('format'))
  await check('format (prettier --check)', bin('prettier'), [
    '--check',
    '.',
    '--log-level',
    'warn',
  ]);
if (wanted('lint')) await check('lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']);
if (wanted('typecheck'))
  await check('typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);

const nodeFiles = [
  ...findTests('test/core', (n) => n.endsWith('.test.ts') && !n.endsWith('.browser.test.ts')),
  ...findTests('test/server', (n) => n.endsWith('.test.ts')),
];
if (wanted('node')) {
  const { DATABASE_URL: _db, ...envWithoutPg } = process.env;
  void _db;
  // Run on PGlite first: explicitly without DATABASE_URL.
  await nodeTests('node tests on PGlite', nodeFiles, { ...envWithoutPg, DATABASE_URL: '' });
  if (process.env.DATABASE_URL) {
    const pgFiles = findTests('test/server', (n) => n.endsWith('.test.ts'));
    await nodeTests('node tests on PostgreSQL', pgFiles, {
      DATABASE_URL: process.env.DATABASE_URL,
    });
  } else {
    console.log(
      '\n(DATABASE_URL is not set: the server suite ran on PGlite only; .ci/run runs it on PostgreSQL too.)',
    );
  }
}

if (wanted('browser')) {
  banner('browser tests (web-test-runner)');
  const chromium = await ensureChromium();
  if (!chromium.ok) {
    console.error(chromium.message);
    record('browser tests', 0, 1);
  } else {
    console.log(`browser: ${chromium.version} at ${chromium.path}`);
    const countsFile = join(root, '.test-results', 'wtr.json');
    rmSync(countsFile, { force: true });
    const { code } = await run(bin('web-test-runner'), [], {
      env: { PRM_WTR_COUNTS: countsFile, CHROMIUM_PATH: chromium.path },
    });
    let c = { passed: 0, failed: code === 0 ? 0 : 1, browsers: [] };
    if (existsSync(countsFile)) c = JSON.parse(readFileSync(countsFile, 'utf8'));
    if (code !== 0 && c.failed === 0) c.failed = 1;
    record(
      'browser tests',
      c.passed,
      c.failed,
      c.browsers?.length ? `in ${c.browsers.join(', ')}` : '',
    );
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
      await nodeTests('end-to-end tests (playwright-core)', e2eFiles, {
        CHROMIUM_PATH: chromium.path,
        DATABASE_URL: '',
      });
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
