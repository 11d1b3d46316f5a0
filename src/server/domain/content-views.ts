/**
 * @module Content assets as rows and as the API shows them, and who may see which: the one
 * visibility rule that results, totals, facets, single reads, files and events all apply.
 */
import type {
  Asset,
  ContentFacets,
  ContentItem,
  ContentListQuery,
  Freshness,
} from '../../core/schema/index.js';
import { isPartnerRole } from '../../core/schema/index.js';
import { instant } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable } from '../store/index.js';
import { maybeOne } from '../store/index.js';

export interface AssetRow {
  id: string;
  title: string;
  description: string;
  type: Asset['type'];
  products: string[];
  language: string;
  regions: string[];
  min_tier_rank: number;
  audiences: Asset['audiences'];
  co_brandable: boolean;
  tags: string[];
  created_at: Date;
  updated_at: Date;
  review_due_at: Date;
  expires_at: Date | null;
  status: Asset['status'];
  formats: Array<{ format: Asset['formats'][number]['format']; sizeBytes: number | string }> | null;
}

/** Every asset column but the search vector, plus its formats in a stable order. */
export const ASSET_COLUMNS = `a.id, a.title, a.description, a.type, a.products, a.language, a.regions,
  a.min_tier_rank, a.audiences, a.co_brandable, a.tags, a.created_at, a.updated_at,
  a.review_due_at, a.expires_at, a.status,
  (select json_agg(json_build_object('format', f.format, 'sizeBytes', f.size_bytes) order by f.format)
     from content_files f where f.asset_id = a.id) as formats`;

export const toAsset = (r: AssetRow): Asset => ({
  id: r.id,
  title: r.title,
  description: r.description,
  type: r.type,
  products: r.products,
  language: r.language,
  regions: r.regions,
  minTierRank: r.min_tier_rank,
  audiences: r.audiences,
  coBrandable: r.co_brandable,
  tags: r.tags,
  formats: (r.formats ?? []).map((f) => ({ format: f.format, sizeBytes: Number(f.sizeBytes) })),
  createdAt: instant(r.created_at),
  updatedAt: instant(r.updated_at),
  reviewDueAt: instant(r.review_due_at),
  expiresAt: r.expires_at ? instant(r.expires_at) : null,
  status: r.status,
});

const DAY = 86_400_000;
/** How long an asset reads "new" after it was added, or "updated" after it changed. */
export const FRESH_DAYS = 30;

/** `review_due` wins: stale collateral is the thing a partner must not miss. */
export function freshnessOf(a: Asset, now = Date.now()): Freshness {
  if (Date.parse(a.reviewDueAt) <= now) return 'review_due';
  const created = Date.parse(a.createdAt);
  const updated = Date.parse(a.updatedAt);
  if (now - created < FRESH_DAYS * DAY) return 'new';
  if (updated - created > 60_000 && now - updated < FRESH_DAYS * DAY) return 'updated';
  return 'current';
}

export const itemOf = (a: Asset, now = Date.now()): ContentItem => ({
  ...a,
  freshness: freshnessOf(a, now),
});

/** What decides which assets a caller sees. Vendor roles see everything; a partner its share. */
export type Viewer =
  | { kind: 'vendor' }
  | { kind: 'partner'; partnerId: string; rank: number; type: string; region: string };

export async function viewerOf(db: Queryable, principal: Principal): Promise<Viewer> {
  if (!isPartnerRole(principal.role)) return { kind: 'vendor' };
  const row = await maybeOne<{ rank: number; type: string; region: string }>(
    db,
    `select t.rank, p.type, p.region from partners p join tiers t on t.id = p.tier_id
      where p.id = $1`,
    [principal.partnerId],
  );
  // A partner that no longer exists sees nothing: rank 0 is below every asset's minimum.
  return {
    kind: 'partner',
    partnerId: principal.partnerId ?? '',
    rank: row?.rank ?? 0,
    type: row?.type ?? '',
    region: row?.region ?? '',
  };
}

/**
 * The SQL condition (over alias `a`) of assets this viewer may see. `listing` also hides
 * archived and expired assets from vendor roles, who can still open them by id.
 */
export function visibleSql(
  viewer: Viewer,
  param: (v: unknown) => string,
  { listing }: { listing: boolean },
): string {
  const live = `a.status = 'active' and (a.expires_at is null or a.expires_at > now())`;
  if (viewer.kind === 'vendor') return listing ? live : 'true';
  return `${live} and a.min_tier_rank <= ${param(viewer.rank)}
    and (cardinality(a.audiences) = 0 or ${param(viewer.type)} = any(a.audiences))
    and (cardinality(a.regions) = 0 or ${param(viewer.region)} = any(a.regions))`;
}

/** What of an asset decides who may see it. */
export type AssetAccess = Pick<
  Asset,
  'status' | 'expiresAt' | 'minTierRank' | 'audiences' | 'regions'
>;

export const accessOf = (a: Asset): AssetAccess => ({
  status: a.status,
  expiresAt: a.expiresAt,
  minTierRank: a.minTierRank,
  audiences: a.audiences,
  regions: a.regions,
});

/** Where a content event keeps who could see the asset before the change (never sent). */
export const PREVIOUS_ACCESS = 'previousAccess';

/** A content event as stored: the asset, and after a change of access, the access before. */
export type ContentEventData = Asset & { [PREVIOUS_ACCESS]?: AssetAccess };

/**
 * A content event as this viewer receives it: the asset when it may see it; `{ id, removed: true }`
 * when it could see the asset before the change and no longer may (an open finder drops it, and
 * nothing of the new state shows); nothing otherwise.
 */
export function contentEventFor(
  viewer: Viewer,
  data: ContentEventData,
  now = Date.now(),
): Asset | { id: string; removed: true } | undefined {
  const { [PREVIOUS_ACCESS]: previous, ...asset } = data;
  if (mayViewAsset(viewer, asset, now)) return asset;
  if (previous && mayViewAsset(viewer, previous, now)) return { id: asset.id, removed: true };
  return undefined;
}

/** The same rule over an asset as JSON (an event's data), for the event stream. */
export function mayViewAsset(viewer: Viewer, a: AssetAccess, now = Date.now()): boolean {
  if (viewer.kind === 'vendor') return true;
  return (
    a.status === 'active' &&
    (!a.expiresAt || Date.parse(a.expiresAt) > now) &&
    a.minTierRank <= viewer.rank &&
    (a.audiences.length === 0 || a.audiences.includes(viewer.type as Asset['audiences'][number])) &&
    (a.regions.length === 0 || a.regions.includes(viewer.region))
  );
}

/** A builder of numbered parameters: `param(v)` appends `v` and answers `$n`. */
export function params(initial: unknown[] = []): { list: unknown[]; param(v: unknown): string } {
  const list = [...initial];
  return {
    list,
    param(v: unknown) {
      list.push(v);
      return `$${list.length}`;
    },
  };
}

/** The asset as this viewer may see it, or undefined (absent, or hidden from it). */
export async function findVisibleAsset(
  db: Queryable,
  id: string,
  viewer: Viewer,
): Promise<Asset | undefined> {
  const p = params([id]);
  const row = await maybeOne<AssetRow>(
    db,
    `select ${ASSET_COLUMNS} from content_assets a
      where a.id = $1 and ${visibleSql(viewer, p.param, { listing: false })}`,
    p.list,
  );
  return row ? toAsset(row) : undefined;
}

/** How many assets of a list (matches, or a library) share one type, language and products. */
export interface ComboCount {
  type: string;
  language: string;
  products: string[];
  n: number;
}

/**
 * The total and the facets of a list from its counts per combo. Each facet counts what the other
 * two filters let through (so a facet shows what choosing one of its values would give); the
 * total counts what all three let through. Facet values come most first, then by value.
 */
export function facetsOf(
  combos: readonly ComboCount[],
  query: Pick<ContentListQuery, 'type' | 'product' | 'language'>,
): { facets: ContentFacets; total: number } {
  const facets: ContentFacets = { type: {}, product: {}, language: {} };
  let total = 0;
  const add = (into: Record<string, number>, key: string, n: number) => {
    into[key] = (into[key] ?? 0) + n;
  };
  for (const c of combos) {
    const t = !query.type || c.type === query.type;
    const p = !query.product || c.products.includes(query.product);
    const l = !query.language || c.language === query.language;
    if (p && l) add(facets.type, c.type, c.n);
    if (t && l) for (const pr of new Set(c.products)) add(facets.product, pr, c.n);
    if (t && p) add(facets.language, c.language, c.n);
    if (t && p && l) total += c.n;
  }
  // Most first, then by value: the same answer in the same order every time.
  const ordered = (counts: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(counts).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0)),
    );
  return {
    facets: {
      type: ordered(facets.type),
      product: ordered(facets.product),
      language: ordered(facets.language),
    },
    total,
  };
}
