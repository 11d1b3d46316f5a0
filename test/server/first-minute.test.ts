/**
 * The first minute of a new user: the first line `prm serve --demo` and `npm start` print is
 * the demo's URL, and `/` leads to the demo.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, databaseLabel, usingPostgres } from '../support/server.js';
import { ROOT, baseEnv, servePrm } from './spawn.js';

const DEMO_LINE = /^prm: demo: (http:\/\/\S+\/demo\/) /;

describe(`the first minute (${databaseLabel})`, { timeout: 600_000 }, () => {
  let dir: string;
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prm-first-'));
    db = usingPostgres ? await createTestDatabase() : undefined;
    env = baseEnv({ DATABASE_URL: db?.url });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('prm serve --demo prints the demo URL first, and / redirects to /demo/', async () => {
    const server = await servePrm(['--demo', '--seed', 'demo', '--data', join(dir, 'a')], env);
    try {
      const first = server.output().split('\n')[0]!;
      const url = DEMO_LINE.exec(first)?.[1];
      assert.ok(url, `first line: ${first}`);
      assert.equal(url, `${server.url}/demo/`);
      const root = await fetch(`${server.url}/`, { redirect: 'manual' });
      assert.equal(root.status, 302);
      assert.equal(root.headers.get('location'), '/demo/');
      const demo = await fetch(url);
      // 200 once `vite build` has run, 503 with how to build otherwise: the demo's page either way.
      assert.ok([200, 503].includes(demo.status), String(demo.status));
      assert.match(demo.headers.get('content-type') ?? '', /text\/html/);
    } finally {
      await server.stop();
    }
  });

  it('without --demo, the first line is where the API listens and / is not redirected', async () => {
    const server = await servePrm(['--data', join(dir, 'b')], {
      ...env,
      PRM_JWT_SECRET: 'x'.repeat(32),
    });
    try {
      assert.match(server.output().split('\n')[0]!, /^prm: listening on http:\/\//);
      const root = await fetch(`${server.url}/`, { redirect: 'manual' });
      assert.equal(root.status, 404);
    } finally {
      await server.stop();
    }
  });

  it('npm start (scripts/start.mjs) prints the demo URL as its first line', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'scripts/start.mjs'), '--port', '0', '--data', join(dir, 'c')],
      { cwd: ROOT, env: { ...env, PRM_SKIP_BUILD: '1' } },
    );
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner:\n${out}`)), 120_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d;
          if (/listening on/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`exited:\n${out}`)));
      });
      assert.match(out.split('\n')[0]!, DEMO_LINE, out);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('close', r));
    }
  });
});
