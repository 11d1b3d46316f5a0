/** Content files over HTTP: streamed uploads in chunks, downloads with Range, ETag and names. */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { createAsset, fresh } from './content-support.js';
import { partnerToken, REGISTERED } from './deals-support.js';

const MiB = 1024 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe(`content files (${databaseLabel})`, { timeout: 120_000 }, () => {
  let s: TestServer;
  let admin: string;
  let partner: string;
  let assetId: string;
  const big = randomBytes(3 * MiB + 12_345);

  before(async () => {
    s = await startTestServer();
    admin = await s.token('program_admin');
    partner = await partnerToken(s, REGISTERED);
    assetId = (await createAsset(s, admin, { title: `Überblick ${fresh(8)} “2026”` })).id;
  });
  after(() => s.close());

  it('stores a large upload streamed in pieces, in 256 KiB chunks', async () => {
    // A stream of uneven pieces, sent without a Content-Length.
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (at >= big.length) return c.close();
        const n = 70_001 + (at % 3) * 1000;
        c.enqueue(big.subarray(at, at + n));
        at += n;
      },
    });
    const res = await fetch(`${s.url}/v1/content/${assetId}/files/pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/pdf' },
      body,
      duplex: 'half',
    } as RequestInit);
    const asset = (await res.json()) as { formats: Array<{ format: string; sizeBytes: number }> };
    assert.equal(res.status, 200, JSON.stringify(asset));
    assert.deepEqual(asset.formats, [{ format: 'pdf', sizeBytes: big.length }]);
    const { rows } = await s.store.query<{ n: number; max: number }>(
      `select count(*)::int as n, max(length(c.data))::int as max from content_file_chunks c
         join content_files f on f.file_id = c.file_id where f.asset_id = $1`,
      [assetId],
    );
    assert.deepEqual(rows[0], { n: 13, max: 256 * 1024 });
  });

  it('downloads it whole with ETag, length and a Content-Disposition naming the asset', async () => {
    const res = await fetch(`${s.url}/v1/content/${assetId}/files/pdf`, {
      headers: { authorization: `Bearer ${partner}` },
    });
    assert.equal(res.status, 200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(sha(bytes), sha(big));
    assert.equal(res.headers.get('content-length'), String(big.length));
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('accept-ranges'), 'bytes');
    assert.match(res.headers.get('etag') ?? '', /^"[0-9a-f]{32}"$/);
    const cd = res.headers.get('content-disposition') ?? '';
    assert.match(
      cd,
      /^attachment; filename="Uberblick qz[a-z]+ 2026\.pdf"; filename\*=UTF-8''%C3%9Cberblick%20/,
    );
  });

  it('answers byte ranges, across chunk boundaries, and refuses ranges outside the file', async () => {
    const get = (range: string, extra: Record<string, string> = {}) =>
      fetch(`${s.url}/v1/content/${assetId}/files/pdf`, {
        headers: { authorization: `Bearer ${partner}`, range, ...extra },
      });
    const cases: Array<[string, number, number]> = [
      ['bytes=0-99', 0, 99],
      ['bytes=262140-262150', 262_140, 262_150],
      ['bytes=1000000-', 1_000_000, big.length - 1],
      ['bytes=-500', big.length - 500, big.length - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await get(range);
      assert.equal(res.status, 206, range);
      assert.equal(res.headers.get('content-range'), `bytes ${start}-${end}/${big.length}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.equal(sha(bytes), sha(big.subarray(start, end + 1)), range);
    }
    const outside = await get(`bytes=${big.length}-`);
    assert.equal(outside.status, 416);
    assert.equal(outside.headers.get('content-range'), `bytes */${big.length}`);
    await outside.arrayBuffer();
    // A stale If-Range gets the whole, current file.
    const stale = await get('bytes=0-9', { 'if-range': '"0000"' });
    assert.equal(stale.status, 200);
    await stale.arrayBuffer();
  });

  it('answers 304 to a matching If-None-Match, and changes the ETag when the file changes', async () => {
    const first = await fetch(`${s.url}/v1/content/${assetId}/files/pdf`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${partner}` },
    });
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${s.url}/v1/content/${assetId}/files/pdf`, {
      headers: { authorization: `Bearer ${partner}`, 'if-none-match': etag },
    });
    assert.equal(again.status, 304);
    const put = await s.request('PUT', `/v1/content/${assetId}/files/pdf`, {
      token: admin,
      raw: '%PDF-1.4 small',
      headers: { 'content-type': 'application/octet-stream' },
    });
    assert.equal(put.status, 200, put.text);
    const after = await s.request('GET', `/v1/content/${assetId}/files/pdf`, {
      token: partner,
      headers: { 'if-none-match': etag },
    });
    assert.equal(after.status, 200);
    assert.equal(after.text, '%PDF-1.4 small');
    assert.notEqual(after.headers.get('etag'), etag);
    const { rows } = await s.store.query<{ n: number }>(
      `select count(*)::int as n from content_file_chunks c
        where not exists (select 1 from content_files f where f.file_id = c.file_id)`,
    );
    assert.equal(rows[0]!.n, 0, 'the previous file’s chunks are gone');
  });

  it('counts downloads per asset for the insights', async () => {
    const before = await s.request('GET', '/v1/content/insights', { token: admin });
    const count = (b: { topDownloads: Array<{ assetId: string; downloads: number }> }) =>
      b.topDownloads.find((d) => d.assetId === assetId)?.downloads ?? 0;
    await s.request('GET', `/v1/content/${assetId}/files/pdf`, { token: partner });
    await s.request('GET', `/v1/content/${assetId}/files/pdf`, {
      token: partner,
      headers: { range: 'bytes=5-9' },
    });
    const after = await s.request('GET', '/v1/content/insights', { token: admin });
    assert.equal(
      count(after.body),
      count(before.body) + 1,
      'a resumed range is not a new download',
    );
  });

  it('refuses a wrong format name, a wrong media type, an unknown asset and an oversized file', async () => {
    const put = (path: string, type = 'application/pdf') =>
      s.request('PUT', path, { token: admin, raw: 'x', headers: { 'content-type': type } });
    const wrong = await put(`/v1/content/${assetId}/files/exe`);
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.errors[0].path, 'format');
    assert.equal((await put(`/v1/content/${assetId}/files/pdf`, 'text/html')).status, 415);
    assert.equal((await put('/v1/content/asset_nothere/files/pdf')).status, 404);
    const missing = await s.request('GET', `/v1/content/${assetId}/files/png`, { token: admin });
    assert.equal(missing.status, 404);
    const exe = await s.request('GET', `/v1/content/${assetId}/files/exe`, { token: admin });
    assert.equal(exe.status, 404);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${s.url}/v1/content/${assetId}/files/pdf`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${admin}`,
          'content-type': 'application/pdf',
          'content-length': String(50 * MiB + 1),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('x');
    });
    assert.equal(status, 413);
  });

  it('keeps archived and expired files from partners, not from the vendor', async () => {
    const a = await createAsset(s, admin, {
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    await s.request('PUT', `/v1/content/${a.id}/files/txt`, {
      token: admin,
      raw: 'old',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(
      (await s.request('GET', `/v1/content/${a.id}/files/txt`, { token: partner })).status,
      404,
    );
    assert.equal(
      (await s.request('GET', `/v1/content/${a.id}/files/txt`, { token: admin })).status,
      200,
    );
    await s.request('POST', `/v1/content/${assetId}/archive`, { token: admin });
    assert.equal(
      (await s.request('GET', `/v1/content/${assetId}/files/pdf`, { token: partner })).status,
      404,
    );
    assert.equal(
      (await s.request('GET', `/v1/content/${assetId}/files/pdf`, { token: admin })).status,
      200,
    );
  });
});
