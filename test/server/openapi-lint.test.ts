/**
 * `/openapi.json` as a generated client and an auditor read it: every problem a route can answer
 * has its body, the 409 duplicate types `existingDealId`, every route documents 401 (unless
 * public), 422 and 429 with the rate-limit headers, strings and arrays are bounded, integers have
 * a format, tags are described — and Redocly (recommended rules) and Spectral (OWASP ruleset)
 * find nothing to object to but the few warnings named in docs/api.md.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../support/server.js';
import { ROOT } from './spawn.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const run = promisify(execFile);
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

/** The Spectral OWASP warnings we keep, each with its reason in docs/api.md. */
const ACCEPTED_WARNINGS = new Set([
  // Free text (names, titles, notes) has no format or pattern to state.
  'owasp:api4:2023-string-restricted',
  // GET /v1/health is public on purpose (load balancers), so it has no security and no 401.
  'owasp:api2:2023-read-restricted',
  'owasp:api8:2023-define-error-responses-401',
]);

describe('the OpenAPI document', { timeout: 120_000 }, () => {
  let s: TestServer;
  let doc: Json;
  let dir: string;
  let file: string;

  before(async () => {
    s = await startTestServer({ seed: 'none' });
    const r = await s.request('GET', '/openapi.json');
    assert.equal(r.status, 200);
    doc = r.body;
    dir = mkdtempSync(join(tmpdir(), 'prm-openapi-'));
    file = join(dir, 'openapi.json');
    writeFileSync(file, r.text);
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await s.close();
  });

  const operations = () =>
    Object.entries(doc.paths as Json).flatMap(([path, ops]) =>
      Object.entries(ops as Json).map(([method, op]) => ({ path, method, op: op as Json })),
    );
  const resolve = (schema: Json): Json =>
    schema.$ref ? doc.components.schemas[String(schema.$ref).split('/').pop()!] : schema;

  it('gives every problem response a problem+json body and every response the rate-limit headers', () => {
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      const public_ = Array.isArray(op.security) && op.security.length === 0;
      for (const status of [...(public_ ? [] : ['401']), '422', '429', '500']) {
        assert.ok(op.responses[status], `${where} documents ${status}`);
      }
      for (const [status, res] of Object.entries(op.responses as Json)) {
        if (Number(status) >= 400) {
          const body = res.content?.['application/problem+json']?.schema;
          assert.ok(body, `${where} ${status} has a problem body`);
          assert.ok(resolve(body).properties?.code, `${where} ${status} body has a code`);
        }
        const headers = Object.keys(res.headers ?? {});
        assert.ok(
          headers.includes('RateLimit') && headers.includes('RateLimit-Policy'),
          `${where} ${status} carries the rate-limit headers`,
        );
        if (status === '429') assert.ok(headers.includes('Retry-After'), `${where} 429`);
      }
    }
  });

  it('types the 409 duplicate with existingDealId', () => {
    const conflict = doc.paths['/v1/deals'].post.responses['409'];
    const schema = resolve(conflict.content['application/problem+json'].schema);
    assert.ok(schema.properties.existingDealId, JSON.stringify(schema));
    assert.ok(schema.required.includes('existingDealId'));
    assert.ok(schema.properties.status && schema.properties.code);
  });

  it('documents the review desk: routing, assign, stats, assignee filter, deal fields', () => {
    assert.ok(doc.paths['/v1/program/review-routing'].get);
    assert.ok(doc.paths['/v1/program/review-routing'].put.requestBody);
    assert.ok(doc.paths['/v1/deals/{id}/assign'].post.responses['409']);
    const stats = doc.paths['/v1/deals/stats'].get;
    const names = (stats.parameters as Json[]).map((p) => p.name);
    assert.deepEqual(names.sort(), [
      'assignee',
      'customerDomain',
      'partnerId',
      'q',
      'region',
      'stage',
      'status',
    ]);
    const list = (doc.paths['/v1/deals'].get.parameters as Json[]).map((p) => p.name);
    assert.ok(list.includes('assignee'));
    assert.ok(list.includes('region'));
    const deal = doc.components.schemas.Deal ?? doc.components.schemas.DealOutput;
    for (const f of ['assignee', 'overdue', 'partnerTier']) assert.ok(deal.properties[f], f);
  });

  it('bounds every string and array and gives every integer a format; describes every tag', () => {
    const problems: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      const n = node as Json;
      const types = [n.type].flat();
      if (types.includes('string') && n.maxLength === undefined && !n.enum && n.const === undefined)
        problems.push(`${where}: string without maxLength`);
      if (types.includes('array') && n.maxItems === undefined)
        problems.push(`${where}: array without maxItems`);
      if (types.includes('integer') && !['int32', 'int64'].includes(n.format))
        problems.push(`${where}: integer without format`);
      for (const [k, v] of Object.entries(n)) {
        if (k !== 'enum' && k !== 'const' && k !== 'examples') walk(v, `${where}.${k}`);
      }
    };
    walk(doc.paths, 'paths');
    walk(doc.components, 'components');
    assert.deepEqual(problems.slice(0, 10), []);
    for (const tag of doc.tags as Json[]) assert.ok(tag.description, `tag ${tag.name}`);
  });

  it('passes Redocly with no errors and no warnings', async () => {
    const r = await run(bin('redocly'), ['lint', file, '--format', 'json'], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: { stdout: string; stderr: string }) => e);
    const report = JSON.parse(r.stdout) as { totals: { errors: number; warnings: number } };
    assert.deepEqual(
      { errors: report.totals.errors, warnings: report.totals.warnings },
      { errors: 0, warnings: 0 },
      r.stdout.slice(0, 2000),
    );
  });

  it('passes Spectral with the OWASP ruleset: no errors, only the accepted warnings', async () => {
    const ruleset = join(ROOT, 'node_modules/@stoplight/spectral-owasp-ruleset/dist/ruleset.mjs');
    const r = await run(bin('spectral'), ['lint', '-r', ruleset, '-f', 'json', '-q', file], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: { stdout: string; stderr: string }) => e);
    const results = JSON.parse(r.stdout || '[]') as Array<{ code: string; severity: number }>;
    const errors = results.filter((x) => x.severity === 0).map((x) => x.code);
    assert.deepEqual([...new Set(errors)], [], 'Spectral OWASP errors');
    const unexpected = results.filter((x) => !ACCEPTED_WARNINGS.has(x.code)).map((x) => x.code);
    assert.deepEqual([...new Set(unexpected)], []);
  });
});
