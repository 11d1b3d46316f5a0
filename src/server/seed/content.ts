/**
 * @module Loads a content library in a few statements (the demo seed runs on every fresh test
 * database, and the benchmark loads a hundred thousand assets): assets as one JSON array, file
 * chunks as hex in one array.
 */
import { createHash } from 'node:crypto';
import { CONTENT_FORMATS } from '../../core/schema/index.js';
import type { Queryable } from '../store/index.js';
import { demoFile } from './content-files.js';
import type { LibraryAsset } from './content-library.js';
import { demoLibrary } from './content-library.js';

const BATCH = 2_000;

export async function insertLibrary(
  db: Queryable,
  assets: LibraryAsset[],
  { files = true }: { files?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < assets.length; i += BATCH) {
    const batch = assets.slice(i, i + BATCH);
    await db.query(
      `insert into content_assets (id, title, description, type, products, product_names, language,
         regions, min_tier_rank, audiences, co_brandable, tags, created_at, updated_at,
         review_due_at, expires_at, status)
       select id, title, description, type, products, "productNames", language, regions,
              "minTierRank", audiences, "coBrandable", tags, "createdAt", "updatedAt",
              "reviewDueAt", "expiresAt", status
         from jsonb_to_recordset($1::jsonb) as x(id text, title text, description text, type text,
           products text[], "productNames" text, language text, regions text[], "minTierRank" int,
           audiences text[], "coBrandable" boolean, tags text[], "createdAt" timestamptz,
           "updatedAt" timestamptz, "reviewDueAt" timestamptz, "expiresAt" timestamptz,
           status text)`,
      [JSON.stringify(batch)],
    );
    if (!files) continue;
    const rows = { asset: [] as string[], format: [] as string[], file: [] as string[] };
    const meta = { size: [] as number[], sha: [] as string[], type: [] as string[] };
    const hex: string[] = [];
    batch.forEach((a, j) => {
      for (const format of a.formats) {
        const bytes = demoFile(a, format, i + j);
        rows.asset.push(a.id);
        rows.format.push(format);
        rows.file.push(`file_${a.id.slice(6)}${format}`);
        meta.size.push(bytes.byteLength);
        meta.sha.push(createHash('sha256').update(bytes).digest('hex'));
        meta.type.push(CONTENT_FORMATS[format]);
        hex.push(bytes.toString('hex'));
      }
    });
    // Demo files are far below one chunk (256 KiB): one chunk each.
    await db.query(
      `insert into content_file_chunks (file_id, seq, data)
       select f, 0, decode(h, 'hex') from unnest($1::text[], $2::text[]) as x(f, h)`,
      [rows.file, hex],
    );
    await db.query(
      `insert into content_files (asset_id, format, file_id, size_bytes, sha256, content_type, created_at)
       select x.a, x.fm, x.f, x.s, x.h, x.t, c.updated_at
         from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])
              as x(a, fm, f, s, h, t)
         join content_assets c on c.id = x.a`,
      [rows.asset, rows.format, rows.file, meta.size, meta.sha, meta.type],
    );
  }
}

/** The demo library: a few hundred assets with their files. */
export async function seedContent(db: Queryable, now = new Date()): Promise<number> {
  const assets = demoLibrary(now);
  await insertLibrary(db, assets);
  return assets.length;
}
