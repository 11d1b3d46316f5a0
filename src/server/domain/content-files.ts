/**
 * @module An asset's files: stored in the database as 256 KiB chunks, written while the upload
 * streams in and read chunk by chunk while a download streams out, so no file is ever held whole
 * in memory. Byte ranges, ETags and downloads counted per asset.
 */
import { createHash } from 'node:crypto';
import type { Asset, ContentFormat } from '../../core/schema/index.js';
import { CONTENT_FORMATS } from '../../core/schema/index.js';
import { audit } from '../audit.js';
import { newId } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Store } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import type { Viewer } from './content-views.js';
import { findVisibleAsset } from './content-views.js';
import { announce, readAsset } from './content-write.js';
import { InvalidInputError, NotFoundError, TooLargeError } from './errors.js';

export const CHUNK_BYTES = 256 * 1024;
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const isFormat = (f: string): f is ContentFormat => Object.hasOwn(CONTENT_FORMATS, f);

/** Groups a stream of arbitrary pieces into chunks of exactly `size` bytes (the last one shorter). */
async function* rechunk(
  source: AsyncIterable<Uint8Array>,
  size: number,
): AsyncGenerator<Uint8Array> {
  let buf = new Uint8Array(size);
  let fill = 0;
  for await (const piece of source) {
    let at = 0;
    while (at < piece.byteLength) {
      const n = Math.min(size - fill, piece.byteLength - at);
      buf.set(piece.subarray(at, at + n), fill);
      fill += n;
      at += n;
      if (fill === size) {
        yield buf;
        buf = new Uint8Array(size);
        fill = 0;
      }
    }
  }
  if (fill > 0) yield buf.subarray(0, fill);
}

async function* iterate(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Stores a file for an asset's format. The chunks are written outside any transaction (an upload
 * may take minutes and must not hold the database); the swap to the new file, its audit entry and
 * the event then commit together, and the previous file's chunks go with them.
 */
export async function putFile(
  store: Store,
  assetId: string,
  format: string,
  body: ReadableStream<Uint8Array> | null,
  declaredLength: number | undefined,
  principal: Principal,
): Promise<Asset> {
  if (!isFormat(format)) {
    throw InvalidInputError.field(
      'format',
      `Unknown format ${JSON.stringify(format)}; one of ${Object.keys(CONTENT_FORMATS).join(', ')}.`,
      'unknown_format',
    );
  }
  if (!(await readAsset(store, assetId))) throw new NotFoundError('No such asset.');
  if (declaredLength !== undefined && declaredLength > MAX_FILE_BYTES) {
    throw new TooLargeError(MAX_FILE_BYTES);
  }
  const fileId = newId('file');
  const hash = createHash('sha256');
  let size = 0;
  let seq = 0;
  try {
    for await (const chunk of rechunk(iterate(body), CHUNK_BYTES)) {
      size += chunk.byteLength;
      if (size > MAX_FILE_BYTES) throw new TooLargeError(MAX_FILE_BYTES);
      hash.update(chunk);
      await store.query(
        'insert into content_file_chunks (file_id, seq, data) values ($1, $2, $3)',
        [fileId, seq++, chunk],
      );
    }
  } catch (error) {
    await store.query('delete from content_file_chunks where file_id = $1', [fileId]);
    throw error;
  }
  const sha256 = hash.digest('hex');
  try {
    return await store.withTransaction(async (tx) => {
      const before = await readAsset(tx, assetId);
      if (!before) throw new NotFoundError('No such asset.');
      const old = await maybeOne<{ file_id: string }>(
        tx,
        'select file_id from content_files where asset_id = $1 and format = $2 for update',
        [assetId, format],
      );
      await tx.query(
        `insert into content_files (asset_id, format, file_id, size_bytes, sha256, content_type)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (asset_id, format) do update set file_id = excluded.file_id,
           size_bytes = excluded.size_bytes, sha256 = excluded.sha256,
           content_type = excluded.content_type, created_at = date_trunc('milliseconds', now())`,
        [assetId, format, fileId, size, sha256, CONTENT_FORMATS[format]],
      );
      if (old) await tx.query('delete from content_file_chunks where file_id = $1', [old.file_id]);
      await tx.query(
        `update content_assets set updated_at = date_trunc('milliseconds', now()) where id = $1`,
        [assetId],
      );
      const after = (await readAsset(tx, assetId))!;
      await audit(tx, {
        actor: principal,
        action: 'content.file_stored',
        resourceType: 'content',
        resourceId: assetId,
        after: { format, sizeBytes: size, sha256 },
      });
      await announce(tx, after);
      return after;
    });
  } catch (error) {
    await store.query('delete from content_file_chunks where file_id = $1', [fileId]);
    throw error;
  }
}

export interface StoredFile {
  asset: Asset;
  format: ContentFormat;
  fileId: string;
  size: number;
  etag: string;
  contentType: string;
}

/** The file of a format of an asset this viewer may see; 404 for anything else. */
export async function findFile(
  db: Queryable,
  assetId: string,
  format: string,
  viewer: Viewer,
): Promise<StoredFile> {
  const asset = await findVisibleAsset(db, assetId, viewer);
  // An asset the caller may not see, and a format it does not have, answer alike.
  if (!asset || !isFormat(format)) throw new NotFoundError('No such file.');
  const row = await maybeOne<{
    file_id: string;
    size_bytes: string | number;
    sha256: string;
    content_type: string;
  }>(
    db,
    'select file_id, size_bytes, sha256, content_type from content_files where asset_id = $1 and format = $2',
    [assetId, format],
  );
  if (!row) throw new NotFoundError('No such file.');
  return {
    asset,
    format,
    fileId: row.file_id,
    size: Number(row.size_bytes),
    etag: `"${row.sha256.slice(0, 32)}"`,
    contentType: row.content_type,
  };
}

export async function countDownload(db: Queryable, f: StoredFile, principal: Principal) {
  await db.query(
    'insert into content_downloads (asset_id, format, actor_id, partner_id) values ($1, $2, $3, $4)',
    [f.asset.id, f.format, principal.sub, principal.partnerId],
  );
}

/**
 * The bytes `[start, end]` (inclusive) of a stored file as a stream that reads one chunk from the
 * database each time the reader wants more.
 */
export function streamFile(db: Queryable, f: StoredFile, start: number, end: number) {
  let seq = Math.floor(start / CHUNK_BYTES);
  const lastSeq = Math.floor(end / CHUNK_BYTES);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (seq > lastSeq) return controller.close();
      const chunkStart = seq * CHUNK_BYTES;
      const from = Math.max(start - chunkStart, 0);
      const to = Math.min(end - chunkStart, CHUNK_BYTES - 1);
      // substring() cuts inside the database: only the bytes asked for travel.
      const row = await maybeOne<{ data: Uint8Array }>(
        db,
        'select substring(data from $3 for $4) as data from content_file_chunks where file_id = $1 and seq = $2',
        [f.fileId, seq, from + 1, to - from + 1],
      );
      if (!row) {
        controller.error(new Error('file chunk missing (replaced while downloading)'));
        return;
      }
      controller.enqueue(new Uint8Array(row.data));
      seq++;
    },
  });
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` of a file of `size` bytes; undefined for anything else. */
export function parseRange(
  header: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // several ranges, or nonsense: whole file
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(size - n, 0), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || (m[2] !== '' && Number(m[2]) < start)) return 'unsatisfiable';
  return { start, end };
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(title: string, format: string): string {
  const name = `${title}.${format}`;
  const ascii = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\/;]/g, '_')
    .trim();
  return `attachment; filename="${ascii || `download.${format}`}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
