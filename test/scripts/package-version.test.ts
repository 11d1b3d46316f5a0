// The version the reference server reports is package.json's, everywhere it appears: /v1/health,
// the OpenAPI document and `prm --version`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';

const root = new URL('../..', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  version: string;
};

describe("the server's version", () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ seed: 'none' });
  });
  after(() => s.close());

  it("is package.json's in /v1/health and /openapi.json", async () => {
    const health = await s.request('GET', '/v1/health');
    assert.equal(health.status, 200);
    assert.equal((health.body as { version: string }).version, version);
    const doc = await s.request('GET', '/openapi.json');
    assert.equal((doc.body as { info: { version: string } }).info.version, version);
  });

  it("is package.json's in `prm --version`", () => {
    const out = execFileSync(process.execPath, ['bin/prm.mjs', '--version'], {
      cwd: root.pathname,
      encoding: 'utf8',
    });
    assert.equal(out.trim(), version);
  });
});
