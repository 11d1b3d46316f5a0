// `npm test` (scripts/test.mjs) must fail when a runner proves nothing: a test file that throws
// before registering its tests, a file with no tests, a runner whose count cannot be read. It runs
// the script against the deliberately broken fixtures in test/support/fixtures/test-script/.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;
const fixture = (name: string) => `test/support/fixtures/test-script/${name}`;

interface Run {
  code: number;
  out: string;
  closing: string | undefined;
}

/** Runs `node scripts/test.mjs <step>` with the runner's files replaced by `files`. */
function runScript(step: 'node' | 'browser', files: string[]): Promise<Run> {
  const env = { ...process.env };
  delete env.PRM_TEST_NODE_FILES;
  delete env.PRM_TEST_BROWSER_FILES;
  // Set by the runner of this file; left in, the inner `node --test` would skip its files.
  delete env.NODE_TEST_CONTEXT;
  env[step === 'node' ? 'PRM_TEST_NODE_FILES' : 'PRM_TEST_BROWSER_FILES'] = files.join(',');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/test.mjs', step], {
      cwd: root,
      env: { ...env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const closing = out
        .trimEnd()
        .split('\n')
        .findLast((l) => /^\d+ passed, \d+ failed$/.test(l));
      resolve({ code: code ?? 1, out, closing });
    });
  });
}

describe('scripts/test.mjs', () => {
  it('passes a runner whose tests pass (the control)', async () => {
    const r = await runScript('node', [fixture('passes.node.ts')]);
    assert.equal(r.code, 0, r.out);
    assert.equal(r.closing, '1 passed, 0 failed');
  });

  it('fails when a node test file throws on import', async () => {
    const r = await runScript('node', [fixture('throws-on-import.node.ts')]);
    assert.notEqual(r.code, 0, r.out);
    assert.match(r.closing ?? '', /^0 passed, [1-9]\d* failed$/);
  });

  it('fails when a test file registers no tests', async () => {
    const r = await runScript('node', [fixture('no-tests.node.ts'), fixture('passes.node.ts')]);
    assert.notEqual(r.code, 0, r.out);
    assert.equal(r.closing, '1 passed, 1 failed');
    assert.match(r.out, /no-tests\.node\.ts registered no tests/);
  });

  it('fails when a browser test file throws before registering its tests', async () => {
    const r = await runScript('browser', [fixture('throws-before-tests.browser.ts')]);
    assert.notEqual(r.code, 0, r.out);
    assert.match(r.closing ?? '', /^0 passed, [1-9]\d* failed$/);
  });
});
