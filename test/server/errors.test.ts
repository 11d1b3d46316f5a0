// Every error class answers problem details with its status, code and the fields at fault.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defineRoute } from '../../src/server/http/registry.js';
import { DEMO_IDS } from '../../src/server/seed/demo.js';
import type { TestServer } from '../support/server.js';
import { databaseLabel, startTestServer } from '../support/server.js';

const failing = defineRoute({
  method: 'GET',
  path: '/v1/__test/boom',
  tag: 'Test',
  summary: 'Fails',
  action: 'me.read',
  responses: {},
  handler: () => {
    throw new Error('select * from secret_table -- password=hunter2');
  },
});

const upload = defineRoute({
  method: 'POST',
  path: '/v1/__test/upload',
  tag: 'Test',
  summary: 'Takes a small CSV',
  action: 'me.read',
  rawBody: { contentTypes: ['text/csv'], maxBytes: 16, description: 'A CSV' },
  responses: {},
  handler: ({ raw, json }) => json({ size: raw!.bytes.byteLength, type: raw!.contentType }, 201),
});

let s: TestServer;
let admin: string;

const problem = (
  r: { status: number; headers: Headers; body: any }, // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number,
  code: string,
) => {
  assert.equal(r.status, status);
  assert.equal(r.headers.get('content-type'), 'application/problem+json');
  assert.equal(r.body.code, code);
  assert.equal(r.body.status, status);
  assert.equal(typeof r.body.title, 'string');
  assert.equal(typeof r.body.type, 'string');
};

describe(`errors as problem details (${databaseLabel})`, () => {
  before(async () => {
    s = await startTestServer({ extraRoutes: [failing, upload] });
    admin = await s.token('program_admin');
  });
  after(() => s.close());

  it('malformed JSON answers 400 malformed_json', async () => {
    const r = await s.request('POST', '/v1/partners', {
      token: admin,
      raw: '{"name": "Acme",',
      headers: { 'content-type': 'application/json' },
    });
    problem(r, 400, 'malformed_json');
  });

  it('no token answers 401 unauthenticated with WWW-Authenticate', async () => {
    const r = await s.request('GET', '/v1/partners');
    problem(r, 401, 'unauthenticated');
    assert.equal(r.headers.get('www-authenticate'), 'Bearer');
  });

  it('a forbidden role answers 403 forbidden', async () => {
    const token = await s.token('seller');
    const r = await s.request('PUT', '/v1/program', {
      token,
      body: { name: 'x', products: [], currencies: ['USD'] },
    });
    problem(r, 403, 'forbidden');
  });

  it('an unknown route answers 404 not_found', async () => {
    problem(await s.request('GET', '/v1/nothing-here', { token: admin }), 404, 'not_found');
    problem(await s.request('GET', '/nowhere'), 404, 'not_found');
  });

  it('a missing resource answers 404 not_found', async () => {
    const r = await s.request('GET', '/v1/partners/prt_doesnotexist', { token: admin });
    problem(r, 404, 'not_found');
  });

  it('a wrong method answers 405 with Allow', async () => {
    const r = await s.request('DELETE', '/v1/program', { token: admin });
    problem(r, 405, 'method_not_allowed');
    assert.equal(r.headers.get('allow'), 'GET, HEAD, PUT');
    const r2 = await s.request('PATCH', `/v1/partners/${DEMO_IDS.partners.kestrel}`, {
      token: admin,
    });
    problem(r2, 405, 'method_not_allowed');
    assert.equal(r2.headers.get('allow'), 'GET, HEAD');
  });

  it('a body over 1 MiB answers 413, with and without Content-Length', async () => {
    const big = `{"name":"${'a'.repeat(1024 * 1024 + 10)}"}`;
    const declared = await s.request('POST', '/v1/partners', {
      token: admin,
      raw: big,
      headers: { 'content-type': 'application/json' },
    });
    problem(declared, 413, 'payload_too_large');

    // A streamed body has no Content-Length: the limit holds while reading.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 8 * 1024 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const res = await fetch(`${s.url}/v1/partners`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { code: string }).code, 'payload_too_large');
    assert.ok(sent < 8 * 1024 * 1024, 'the server stopped reading before the whole body');
  });

  it('a body that is not JSON answers 415 unsupported_media_type', async () => {
    const r = await s.request('POST', '/v1/partners', {
      token: admin,
      raw: 'name=Acme',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    problem(r, 415, 'unsupported_media_type');
    const noType = await s.request('POST', '/v1/partners', { token: admin, raw: '{}' });
    problem(noType, 415, 'unsupported_media_type');
  });

  it('unknown fields and invalid values answer 422 with every field listed', async () => {
    const r = await s.request('POST', '/v1/partners', {
      token: admin,
      body: {
        name: '',
        type: 'wholesaler',
        region: 'EMEA',
        domains: ['ok.example', 'not a domain'],
        color: 'red',
      },
    });
    problem(r, 422, 'validation_failed');
    const paths = r.body.errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, ['color', 'domains.1', 'name', 'type']);
    const color = r.body.errors.find((e: { path: string }) => e.path === 'color');
    assert.equal(color.code, 'unknown_field');
    for (const e of r.body.errors) assert.ok(e.message.length > 0);
  });

  it('nested unknown fields carry their dotted path', async () => {
    const r = await s.request('POST', '/v1/opportunities', {
      token: admin,
      body: {
        externalId: 'X-1',
        customer: { name: 'Acme', domain: 'acme.example', vat: 'DE1' },
        products: [],
        stage: 'open',
      },
    });
    problem(r, 422, 'validation_failed');
    assert.deepEqual(
      r.body.errors.map((e: { path: string }) => e.path),
      ['customer.vat'],
    );
  });

  it('invalid query parameters answer 422 naming the parameter', async () => {
    const r = await s.request('GET', '/v1/partners?limit=500&colour=red', { token: admin });
    problem(r, 422, 'validation_failed');
    assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path).sort(), [
      'colour',
      'limit',
    ]);
    const bad = await s.request('GET', '/v1/partners?cursor=nonsense', { token: admin });
    problem(bad, 422, 'validation_failed');
    assert.equal(bad.body.errors[0].path, 'cursor');
  });

  it('a reused Idempotency-Key with another body answers 422 idempotency_key_reused', async () => {
    const headers = { 'idempotency-key': 'err-test-1' };
    const body = { name: 'Reuse Ltd', type: 'si', region: 'EMEA', domains: [] };
    assert.equal(
      (await s.request('POST', '/v1/partners', { token: admin, body, headers })).status,
      201,
    );
    const r = await s.request('POST', '/v1/partners', {
      token: admin,
      body: { ...body, name: 'Other Ltd' },
      headers,
    });
    problem(r, 422, 'idempotency_key_reused');
  });

  it('an invalid Idempotency-Key answers 422 naming the header', async () => {
    const r = await s.request('POST', '/v1/partners', {
      token: admin,
      body: { name: 'K', type: 'si', region: 'EMEA', domains: [] },
      headers: { 'idempotency-key': 'x'.repeat(256) },
    });
    problem(r, 422, 'validation_failed');
    assert.equal(r.body.errors[0].path, 'Idempotency-Key');
  });

  it('a 500 shows nothing of its cause and logs it with the request id', async () => {
    const r = await s.request('GET', '/v1/__test/boom', {
      token: admin,
      headers: { 'x-request-id': 'trace-500' },
    });
    problem(r, 500, 'internal');
    assert.doesNotMatch(r.text, /secret_table|hunter2|at |\.ts/);
    assert.equal(r.headers.get('x-request-id'), 'trace-500');
    const logged = s.logs.find((l) => l.level === 'error' && l.requestId === 'trace-500');
    assert.ok(logged, 'the cause is logged');
    assert.match(String(logged.error), /secret_table/);
  });

  it('raw-body routes check the media type and size, and fingerprint the bytes', async () => {
    const post = (raw: string, type: string, key?: string) =>
      s.request('POST', '/v1/__test/upload', {
        token: admin,
        raw,
        headers: { 'content-type': type, ...(key ? { 'idempotency-key': key } : {}) },
      });
    const ok = await post('a,b\n1,2\n', 'text/csv; charset=utf-8', 'raw-1');
    assert.equal(ok.status, 201);
    assert.deepEqual(ok.body, { size: 8, type: 'text/csv' });
    problem(await post('a,b', 'application/pdf'), 415, 'unsupported_media_type');
    problem(await post('x'.repeat(17), 'text/csv'), 413, 'payload_too_large');
    const replay = await post('a,b\n1,2\n', 'text/csv', 'raw-1');
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    problem(await post('a,b\n3,4\n', 'text/csv', 'raw-1'), 422, 'idempotency_key_reused');
  });
});
