/**
 * Compression and revalidation of JSON (API.md, Conventions): 1 KiB or more goes out br or gzip
 * as the client accepts, smaller bodies and unaccepting clients get identity, the event stream
 * stays uncompressed and streaming, and a GET's ETag answers 304.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding } from '../../src/server/http/compress.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request whose body is read as sent (fetch would decode it). */
function raw(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe(`compression and caching of JSON (${databaseLabel})`, { timeout: 90_000 }, () => {
  let s: TestServer;
  let token: string;

  before(async () => {
    s = await startTestServer();
    token = await s.token('seller');
  });
  after(() => s.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    raw(`${s.url}${path}`, { authorization: `Bearer ${token}`, ...headers });

  it('sends a large list br when accepted, gzip when only that is, identity otherwise', async () => {
    const plain = await get('/v1/deals?limit=50');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.byteLength > 1024);
    const expected = JSON.parse(plain.body.toString('utf8'));

    const br = await get('/v1/deals?limit=50', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.ok(br.body.byteLength < plain.body.byteLength / 3, `${br.body.byteLength}`);
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.body).toString('utf8')), expected);

    const gz = await get('/v1/deals?limit=50', { 'accept-encoding': 'gzip;q=1, br;q=0' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(gz.body).toString('utf8')), expected);

    const none = await get('/v1/deals?limit=50', { 'accept-encoding': 'identity' });
    assert.equal(none.headers['content-encoding'], undefined);
  });

  it('leaves bodies under 1 KiB alone', async () => {
    const small = await get('/v1/health', { 'accept-encoding': 'br, gzip' });
    assert.ok(small.body.byteLength < 1024);
    assert.equal(small.headers['content-encoding'], undefined);
  });

  it('keeps the event stream uncompressed and streaming', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = request(
        `${s.url}/v1/events`,
        {
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'text/event-stream',
            'accept-encoding': 'br, gzip',
          },
        },
        (res) => {
          try {
            assert.equal(res.statusCode, 200);
            assert.match(String(res.headers['content-type']), /text\/event-stream/);
            assert.equal(res.headers['content-encoding'], undefined);
          } catch (e) {
            req.destroy();
            reject(e);
            return;
          }
          // The first bytes arrive while the stream stays open: nothing buffers it.
          res.once('data', (chunk: Buffer) => {
            req.destroy();
            if (chunk.byteLength > 0) resolve();
            else reject(new Error('empty chunk'));
          });
        },
      );
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? 0 : reject(e)));
      req.end();
    });
  });

  it('answers a GET with an ETag and 304 when it has not changed', async () => {
    const first = await get('/v1/program', { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\/"/);
    assert.match(String(first.headers['cache-control']), /no-cache/);
    const again = await get('/v1/program', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.byteLength, 0);
    const changed = await get('/v1/program', { 'if-none-match': 'W/"other"' });
    assert.equal(changed.status, 200);
  });

  it('reads Accept-Encoding with q-values and wildcards', () => {
    assert.equal(chooseEncoding('gzip, br'), 'br');
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('*;q=0'), null);
    assert.equal(chooseEncoding('deflate'), null);
    assert.equal(chooseEncoding(undefined), null);
  });
});
