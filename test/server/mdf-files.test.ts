/** Proof files: typed by their content, each bad file refused with a clear problem and nothing stored, read back only by their partner and the vendor. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { FileInfo, MAX_FILE_BYTES } from '../../src/core/schema/index.js';
import { databaseLabel, startTestServer } from '../support/server.js';
import type { Mdf } from './mdf-support.js';
import { JPEG, PNG, fileCount, freshPartner, pdf, upload } from './mdf-support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A ZIP of stored (uncompressed) entries: enough to be a real archive any unzip opens. */
function zip(entries: Record<string, string>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    parts.push(local, n, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

const workbook = () =>
  zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'xl/workbook.xml': '<?xml version="1.0"?><workbook/>',
  });

describe(`proof files (${databaseLabel})`, { timeout: 180_000 }, () => {
  const m = {} as Mdf;
  let partner: Awaited<ReturnType<typeof freshPartner>>;
  let other: Awaited<ReturnType<typeof freshPartner>>;

  before(async () => {
    m.s = await startTestServer();
    m.programAdmin = await m.s.token('program_admin');
    m.manager = await m.s.token('channel_manager');
    partner = await freshPartner(m, 100);
    other = await freshPartner(m, 100);
  });
  after(() => m.s.close());

  it('stores a PDF and streams it back as an attachment to its partner and the vendor', async () => {
    const bytes = pdf();
    const r = await upload(m.s, partner.token, bytes, 'application/pdf', 'Rechnung März.pdf');
    assert.equal(r.status, 201, r.text);
    assert.ok(FileInfo.safeParse(r.body).success, r.text);
    assert.match(r.body.id, /^file_/);
    assert.equal(r.body.contentType, 'application/pdf');
    assert.equal(r.body.sizeBytes, bytes.length);
    assert.equal(r.body.name, 'Rechnung März.pdf');

    for (const token of [partner.token, partner.userToken, m.manager, m.programAdmin]) {
      const res = await fetch(`${m.s.url}/v1/files/${r.body.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.match(res.headers.get('content-disposition')!, /^attachment; /);
      assert.match(
        res.headers.get('content-disposition')!,
        /filename\*=UTF-8''Rechnung%20M%C3%A4rz\.pdf/,
      );
      const back = new Uint8Array(await res.arrayBuffer());
      assert.equal(
        createHash('sha256').update(back).digest('hex'),
        createHash('sha256').update(bytes).digest('hex'),
      );
    }
    const stranger = await m.s.request('GET', `/v1/files/${r.body.id}`, { token: other.token });
    assert.equal(stranger.status, 404);
    assert.equal(stranger.body.code, 'not_found');
    assert.equal(
      (await m.s.request('GET', '/v1/files/file_nope', { token: m.manager })).status,
      404,
    );
  });

  it('decides the type from the content: PNG, JPEG, XLSX and CSV, also when declared as octet-stream', async () => {
    const cases: Array<[Uint8Array, string, string]> = [
      [PNG, 'image/png', 'image/png'],
      [PNG, 'application/octet-stream', 'image/png'],
      [JPEG, 'image/jpeg', 'image/jpeg'],
      [pdf(), 'application/octet-stream', 'application/pdf'],
      [workbook(), XLSX, XLSX],
      [workbook(), 'application/octet-stream', XLSX],
      [new TextEncoder().encode('name,leads\nAlder,12\n'), 'text/csv', 'text/csv'],
    ];
    for (const [bytes, declared, want] of cases) {
      const r = await upload(m.s, partner.token, bytes, declared, 'proof');
      assert.equal(r.status, 201, `${declared} → ${want}: ${r.text}`);
      assert.equal(r.body.contentType, want, declared);
    }
  });

  it('refuses each bad file with a clear problem and stores nothing', async () => {
    const good = pdf();
    const cut = (b: Uint8Array, n: number) => b.slice(0, b.length - n);
    const bad: Array<[string, Uint8Array, string, number, string, RegExp]> = [
      [
        'a PDF that is not a PDF',
        new TextEncoder().encode('hello, I am text'),
        'application/pdf',
        415,
        'unsupported_media_type',
        /not a PDF/,
      ],
      [
        'a PNG declared as PDF',
        PNG,
        'application/pdf',
        415,
        'unsupported_media_type',
        /PNG image, not the PDF/,
      ],
      ['a zero-byte file', new Uint8Array(0), 'application/pdf', 422, 'validation_failed', /empty/],
      ['a truncated PDF', cut(good, 40), 'application/pdf', 422, 'validation_failed', /truncated/],
      ['a truncated PNG', cut(PNG, 6), 'image/png', 422, 'validation_failed', /truncated/],
      ['a truncated JPEG', cut(JPEG, 2), 'image/jpeg', 422, 'validation_failed', /truncated/],
      ['a truncated workbook', cut(workbook(), 30), XLSX, 422, 'validation_failed', /truncated/],
      [
        'a ZIP that is no workbook',
        zip({ 'a.txt': 'x' }),
        XLSX,
        415,
        'unsupported_media_type',
        /not an Excel/,
      ],
      [
        'a GIF',
        new TextEncoder().encode('GIF89a\x01\x00\x01\x00'),
        'application/octet-stream',
        415,
        'unsupported_media_type',
        /none of/,
      ],
      [
        'binary declared as CSV',
        PNG.slice(8),
        'text/csv',
        415,
        'unsupported_media_type',
        /not a CSV/,
      ],
      [
        'a wrong declared type',
        good,
        'text/plain',
        415,
        'unsupported_media_type',
        /Send the body as/,
      ],
    ];
    const count = await fileCount(m.s);
    for (const [what, bytes, declared, status, code, detail] of bad) {
      const r = await upload(m.s, partner.token, bytes, declared);
      assert.equal(r.status, status, `${what}: ${r.text}`);
      assert.equal(r.headers.get('content-type'), 'application/problem+json', what);
      assert.equal(r.body.code, code, what);
      assert.match(r.body.detail, detail, what);
      if (status === 422) assert.equal(r.body.errors[0].path, 'body', what);
      assert.equal(await fileCount(m.s), count, `${what}: nothing stored`);
    }
  });

  it('refuses a file over 10 MiB with 413, and uploads by vendor roles with 403', async () => {
    const count = await fileCount(m.s);
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const r = await upload(m.s, partner.token, big);
    assert.equal(r.status, 413, r.text);
    assert.equal(r.body.code, 'payload_too_large');
    const exact = new Uint8Array(MAX_FILE_BYTES);
    exact.set(new TextEncoder().encode('%PDF-1.4\n'));
    exact.set(new TextEncoder().encode('\n%%EOF\n'), MAX_FILE_BYTES - 7);
    const ok = await upload(m.s, partner.token, exact);
    assert.equal(ok.status, 201, 'exactly 10 MiB is accepted');
    assert.equal(await fileCount(m.s), count + 1);
    const vendor = await upload(m.s, m.manager, pdf());
    assert.equal(vendor.status, 403);
    assert.equal(await fileCount(m.s), count + 1);
  });
});
