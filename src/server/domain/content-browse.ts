/**
 * @module `GET /v1/content` with no words: the library as the caller may see it, newest change
 * first. The page is read in the order of the `content_assets_updated` index; the total and the
 * facets come from the shapes (migration 031: live assets without an expiry, counted per combo of
 * type, language and products and per access columns, kept exact by triggers) and from the live
 * assets that expire, counted at read time. So opening the finder does not read the whole library.
 */
import type { ContentFacets, ContentListQuery } from '../../core/schema/index.js';
import type { Queryable } from '../store/index.js';
import type { AssetRow, ComboCount, Viewer } from './content-views.js';
import { ASSET_COLUMNS, facetsOf, params, visibleSql } from './content-views.js';

export interface BrowseRows {
  facets: ContentFacets;
  total: number;
  /** Up to `limit + 1` rows after the cursor's position, with their update time as text. */
  rows: Array<AssetRow & { u: string }>;
}

export async function browseContent(
  db: Queryable,
  query: ContentListQuery,
  viewer: Viewer,
  limit: number,
  after: { u: string; id: string } | undefined,
): Promise<BrowseRows> {
  // The shapes stand for live assets without an expiry: seen through `visibleSql` as such.
  const shapes = `(select s.*, 'active'::text as status, null::timestamptz as expires_at
                     from content_shapes s) a`;
  const p = params();
  const seen = visibleSql(viewer, p.param, { listing: true });
  // The shapes this viewer may see, summed per combo (thousands of shapes, hundreds of combos),
  // and the live assets that expire: the facets are counted over those few rows.
  const counts = await db.query<{ combos: ComboCount[] }>(
    `select coalesce(json_agg(v), '[]'::json) as combos from (
       select c.type, c.language, c.products, g.n
         from (select a.combo, sum(a.n)::int as n from ${shapes} where ${seen} group by a.combo) g
         join content_combos c on c.id = g.combo
       union all
       select a.type, a.language, a.products, count(*)::int
         from content_assets a
        where a.status = 'active' and a.expires_at is not null and ${seen}
        group by a.combo, a.type, a.language, a.products) v`,
    p.list,
  );
  const { facets, total } = facetsOf(counts.rows[0]?.combos ?? [], query);

  const pp = params();
  const where = [
    visibleSql(viewer, pp.param, { listing: true }),
    query.type ? `a.type = ${pp.param(query.type)}` : 'true',
    query.product ? `${pp.param(query.product)} = any(a.products)` : 'true',
    query.language ? `a.language = ${pp.param(query.language)}` : 'true',
    after
      ? `(a.updated_at, a.id) < (${pp.param(after.u)}::timestamptz, ${pp.param(after.id)})`
      : 'true',
  ].join(' and ');
  const { rows } = await db.query<AssetRow & { u: string }>(
    `select ${ASSET_COLUMNS}, a.updated_at::text as u
       from content_assets a
      where ${where}
      order by a.updated_at desc, a.id desc
      limit ${pp.param(limit + 1)}`,
    pp.list,
  );
  return { facets, total, rows };
}
