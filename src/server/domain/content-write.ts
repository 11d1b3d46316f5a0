/**
 * @module Writing the library (program admin): create, replace and archive assets, each with its
 * audit entry and a `content.updated` event in the same transaction; and the insights.
 */
import type {
  Asset,
  ContentInput,
  ContentInsights,
  ContentInsightsQuery,
} from '../../core/schema/index.js';
import { audit } from '../audit.js';
import { instant, newId } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Tx } from '../store/index.js';
import type { AssetRow, ContentEventData } from './content-views.js';
import { accessOf, ASSET_COLUMNS, PREVIOUS_ACCESS, toAsset } from './content-views.js';
import { emitEvent } from './events.js';
import { getProgram } from './program.js';
import { InvalidInputError, NotFoundError } from './errors.js';

const DAY = 86_400_000;
/** Collateral is reviewed twice a year unless the admin says otherwise. */
export const DEFAULT_REVIEW_DAYS = 180;

async function productNames(db: Queryable, ids: string[]): Promise<string> {
  const program = await getProgram(db);
  const unknown = ids.filter((id) => !program.products.some((p) => p.id === id));
  if (unknown.length > 0) {
    throw InvalidInputError.field(
      `products.${ids.indexOf(unknown[0]!)}`,
      `No product ${unknown[0]} in the program.`,
      'unknown_product',
    );
  }
  return program.products
    .filter((p) => ids.includes(p.id))
    .map((p) => p.name)
    .join(' ');
}

export async function readAsset(db: Queryable, id: string): Promise<Asset | undefined> {
  const { rows } = await db.query<AssetRow>(
    `select ${ASSET_COLUMNS} from content_assets a where a.id = $1`,
    [id],
  );
  return rows[0] ? toAsset(rows[0]) : undefined;
}

/**
 * Announces the asset as it now is; each subscriber receives it if it may see it. With `before`
 * (archiving, replacing), the rule as it stood before rides along, so a subscriber who could see
 * the asset and no longer may is told it is gone (see `domain/events.ts`).
 */
export async function announce(tx: Tx, asset: Asset, before?: Asset): Promise<void> {
  const data: ContentEventData = before ? { ...asset, [PREVIOUS_ACCESS]: accessOf(before) } : asset;
  await emitEvent(tx, {
    type: 'content.updated',
    resourceType: 'content',
    resourceId: asset.id,
    partnerId: null,
    data,
  });
}

export async function createAsset(
  tx: Tx,
  input: ContentInput,
  principal: Principal,
  now = new Date(),
): Promise<Asset> {
  const names = await productNames(tx, input.products);
  const id = newId('asset');
  const reviewDueAt =
    input.reviewDueAt ?? instant(new Date(now.getTime() + DEFAULT_REVIEW_DAYS * DAY));
  await tx.query(
    `insert into content_assets (id, title, description, type, products, product_names, language,
       regions, min_tier_rank, audiences, co_brandable, tags, review_due_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      id,
      input.title,
      input.description,
      input.type,
      input.products,
      names,
      input.language,
      input.regions ?? [],
      input.minTierRank ?? 1,
      input.audiences ?? [],
      input.coBrandable ?? false,
      input.tags ?? [],
      reviewDueAt,
      input.expiresAt ?? null,
    ],
  );
  const asset = (await readAsset(tx, id))!;
  await audit(tx, {
    actor: principal,
    action: 'content.created',
    resourceType: 'content',
    resourceId: id,
    after: asset,
  });
  await announce(tx, asset);
  return asset;
}

export async function updateAsset(
  tx: Tx,
  id: string,
  input: ContentInput,
  principal: Principal,
): Promise<Asset> {
  const before = await readAsset(tx, id);
  if (!before) throw new NotFoundError('No such asset.');
  const names = await productNames(tx, input.products);
  await tx.query(
    `update content_assets set title = $2, description = $3, type = $4, products = $5,
       product_names = $6, language = $7, regions = $8, min_tier_rank = $9, audiences = $10,
       co_brandable = $11, tags = $12, review_due_at = coalesce($13, review_due_at),
       expires_at = $14, updated_at = date_trunc('milliseconds', now())
     where id = $1`,
    [
      id,
      input.title,
      input.description,
      input.type,
      input.products,
      names,
      input.language,
      input.regions ?? [],
      input.minTierRank ?? 1,
      input.audiences ?? [],
      input.coBrandable ?? false,
      input.tags ?? [],
      input.reviewDueAt ?? null,
      input.expiresAt ?? null,
    ],
  );
  const after = (await readAsset(tx, id))!;
  await audit(tx, {
    actor: principal,
    action: 'content.updated',
    resourceType: 'content',
    resourceId: id,
    before,
    after,
  });
  await announce(tx, after, before);
  return after;
}

export async function archiveAsset(tx: Tx, id: string, principal: Principal): Promise<Asset> {
  const before = await readAsset(tx, id);
  if (!before) throw new NotFoundError('No such asset.');
  if (before.status === 'archived') return before;
  await tx.query(
    `update content_assets set status = 'archived', updated_at = date_trunc('milliseconds', now())
      where id = $1`,
    [id],
  );
  const after = (await readAsset(tx, id))!;
  await audit(tx, {
    actor: principal,
    action: 'content.archived',
    resourceType: 'content',
    resourceId: id,
    before,
    after,
  });
  await announce(tx, after, before);
  return after;
}

export async function contentInsights(
  db: Queryable,
  query: ContentInsightsQuery,
  now = new Date(),
): Promise<ContentInsights> {
  const since = query.since ?? instant(new Date(now.getTime() - 30 * DAY));
  const zero = await db.query<{ q: string; count: number; last_at: Date }>(
    `select q, count(*)::int as count, max(at) as last_at from content_queries
      where at >= $1 and results = 0 group by q order by count(*) desc, max(at) desc limit 50`,
    [since],
  );
  const top = await db.query<{ q: string; count: number }>(
    `select q, count(*)::int as count from content_queries
      where at >= $1 group by q order by count(*) desc, q limit 50`,
    [since],
  );
  const downloads = await db.query<{ asset_id: string; title: string; downloads: number }>(
    `select d.asset_id, a.title, count(*)::int as downloads
       from content_downloads d join content_assets a on a.id = d.asset_id
      where d.at >= $1 group by d.asset_id, a.title order by count(*) desc, d.asset_id limit 50`,
    [since],
  );
  return {
    zeroResultQueries: zero.rows.map((r) => ({
      q: r.q,
      count: Number(r.count),
      lastAt: instant(r.last_at),
    })),
    topQueries: top.rows.map((r) => ({ q: r.q, count: Number(r.count) })),
    topDownloads: downloads.rows.map((r) => ({
      assetId: r.asset_id,
      title: r.title,
      downloads: Number(r.downloads),
    })),
  };
}
