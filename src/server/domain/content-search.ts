/**
 * @module `GET /v1/content`: full-text search with weights (title A, tags and product names B,
 * description C) over the GIN index, prefixes while typing, typo alternatives from the vocabulary,
 * facets and a total that count only what the caller may see, highlights as offsets, and
 * suggestions when nothing matches.
 */
import { createHash } from 'node:crypto';
import type {
  ContentFacets,
  ContentItem,
  ContentListQuery,
  ContentPage,
  Highlight,
} from '../../core/schema/index.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Store } from '../store/index.js';
import type { ParsedQuery } from './content-query.js';
import {
  exactTsquery,
  fullTsquery,
  highlightRanges,
  lowerTrigramThresholds,
  nearWords,
  parseQuery,
  typoAlternatives,
} from './content-query.js';
import { browseContent } from './content-browse.js';
import type { AssetRow, ComboCount, Viewer } from './content-views.js';
import {
  ASSET_COLUMNS,
  facetsOf,
  itemOf,
  params,
  toAsset,
  viewerOf,
  visibleSql,
} from './content-views.js';
import { DEFAULT_LIMIT, decodeCursor, encodeCursor, isPgTimestamp } from './paging.js';

/** The score as PostgreSQL prints a float8. */
const isScore = (k: string) => /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(k);

/**
 * A search's cursor names the search (its sort and a hash of the query and filters, so a cursor of
 * another search is refused) and carries the last row's key: its update time, and for relevance
 * the score before it (`score|updatedAt`).
 */
const listOf = (s: 'relevance' | 'updated', hash: string) => `content-${s}-${hash}`;

function decode(cursor: string, s: 'relevance' | 'updated', h: string) {
  const p = decodeCursor(cursor, listOf(s, h), (k) => {
    if (s === 'updated') return isPgTimestamp(k);
    const [score, u, ...rest] = k.split('|');
    return rest.length === 0 && isScore(score ?? '') && isPgTimestamp(u ?? '');
  });
  const [k, u] = s === 'relevance' ? p.k.split('|') : [undefined, p.k];
  return { k, u: u!, id: p.id };
}

/** Weights of ts_rank in its order {D, C, B, A}. */
const WEIGHTS = `'{0.05, 0.2, 0.5, 1.0}'::float4[]`;

/**
 * ts_rank's normalization 8: the rank divided by the asset's number of distinct words, so a match
 * in a short, focused asset outranks the same match in a long one (the length normalization of
 * BM25, which Orama applies). Without it a word found as part of a compound ("Vertriebs-Playbook",
 * indexed as the compound and both its parts) ranked level with the word standing alone.
 */
const NORMALIZATION = 8;

export interface SearchOptions {
  /** Record the query for the insights (first pages of searches with words only). */
  record?: boolean;
  now?: number;
}

export async function searchContent(
  store: Store,
  query: ContentListQuery,
  principal: Principal,
  o: SearchOptions = {},
): Promise<ContentPage> {
  // Untrimmed: a trailing space says the last word is finished (no longer a prefix).
  const parsed = parseQuery(query.q ?? '');
  const q = (query.q ?? '').trim();
  const page = await store.withTransaction(async (tx) => {
    const viewer = await viewerOf(tx, principal);
    if (parsed.terms.length > 0) {
      await lowerTrigramThresholds(tx);
      await typoAlternatives(tx, parsed);
    }
    const result = await runSearch(tx, query, parsed, viewer, o.now ?? Date.now());
    if (result.total === 0 && parsed.terms.length > 0) {
      result.suggestions = await suggestionsFor(tx, parsed, viewer);
    }
    if (q && !query.cursor && o.record !== false) {
      await tx.query(
        `insert into content_queries (q, results, actor_id, partner_id) values ($1, $2, $3, $4)`,
        [normalizeQuery(q), result.total, principal.sub, principal.partnerId],
      );
    }
    return result;
  });
  return page;
}

/** What the insights group by: lowercased, spaces collapsed. */
export const normalizeQuery = (q: string) => q.toLowerCase().replace(/\s+/g, ' ').trim();

async function runSearch(
  db: Queryable,
  query: ContentListQuery,
  parsed: ParsedQuery,
  viewer: Viewer,
  now: number,
): Promise<ContentPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const hasWords = parsed.terms.length > 0;
  const sort: 'relevance' | 'updated' =
    hasWords && query.sort !== 'updated' ? 'relevance' : 'updated';
  const hash = createHash('sha256')
    .update(JSON.stringify([query.q ?? '', query.type, query.product, query.language]))
    .digest('base64url')
    .slice(0, 12);

  // The matching assets the caller may see, before the facet filters.
  const p = params();
  const base = [visibleSql(viewer, p.param, { listing: true })];
  let full = '';
  if (hasWords) {
    full = p.param(fullTsquery(parsed));
    base.push(`a.search @@ ${full}::tsquery`);
  }
  const filter = {
    type: query.type ? `a.type = ${p.param(query.type)}` : 'true',
    product: query.product ? `${p.param(query.product)} = any(a.products)` : 'true',
    language: query.language ? `a.language = ${p.param(query.language)}` : 'true',
  };
  const where = base.join(' and ');

  if (!hasWords) {
    // Browsing (no words): counted from the shapes, the page read in index order.
    const after = query.cursor ? decode(query.cursor, 'updated', hash) : undefined;
    const b = await browseContent(db, query, viewer, limit, after);
    return pageOf(b.rows, b.facets, b.total, limit, sort, hash, parsed, now);
  }

  const pp = params(p.list);
  let score = '0::float8';
  // Sorted by update, the rank decides nothing: it is not computed.
  if (sort === 'relevance') {
    const exactText = exactTsquery(parsed);
    // Exact words (and the prefix being typed) count twice as much as typo alternatives; without
    // alternatives both queries are one, ranked once.
    score =
      exactText === fullTsquery(parsed)
        ? `(3 * ts_rank(${WEIGHTS}, a.search, ${full}::tsquery, ${NORMALIZATION}))::float8`
        : `(2 * ts_rank(${WEIGHTS}, a.search, ${pp.param(exactText)}::tsquery, ${NORMALIZATION}) + ts_rank(${WEIGHTS}, a.search, ${full}::tsquery, ${NORMALIZATION}))::float8`;
  }
  let after = 'true';
  if (query.cursor) {
    const pos = decode(query.cursor, sort, hash);
    after =
      sort === 'relevance'
        ? `(m.score, m.updated_at, m.id) < (${pp.param(pos.k)}::float8, ${pp.param(pos.u)}::timestamptz, ${pp.param(pos.id)})`
        : `(m.updated_at, m.id) < (${pp.param(pos.u)}::timestamptz, ${pp.param(pos.id)})`;
  }
  const order =
    sort === 'relevance'
      ? 'm.score desc, m.updated_at desc, m.id desc'
      : 'm.updated_at desc, m.id desc';
  // The matches the caller may see are found once through the GIN index and kept small (id,
  // combo, update time, score); the total and every facet come from their counts per combo (a
  // few hundred integers grouped, not every match's type, language and products), and only the
  // page's rows are joined back for their columns and formats.
  const { rows } = await db.query<
    AssetRow & { combos: ComboCount[]; score_text: string; u: string }
  >(
    `with m as materialized (
       select a.id, a.combo, a.updated_at, ${score} as score,
              ${filter.type} and ${filter.product} and ${filter.language} as ok
         from content_assets a
        where ${where}),
     f as (
       select coalesce(json_agg(json_build_object(
                'type', c.type, 'language', c.language, 'products', c.products, 'n', g.n)),
              '[]'::json) as combos
         from (select m.combo, count(*)::int as n from m group by m.combo) g
         join content_combos c on c.id = g.combo),
     page as (
       select m.id, m.score, m.updated_at from m
        where m.ok and ${after}
        order by ${order}
        limit ${pp.param(limit + 1)})
     select f.combos, r.* from f left join lateral (
       select ${ASSET_COLUMNS}, m.score::text as score_text, m.updated_at::text as u
         from page m join content_assets a on a.id = m.id
        order by ${order}) r on true`,
    pp.list,
  );
  const { facets, total } = facetsOf(rows[0]?.combos ?? [], query);
  const found = rows.filter((r) => r.id !== null);
  return pageOf(found, facets, total, limit, sort, hash, parsed, now);
}

/** A page from its rows (up to `limit + 1`, in order), the facets and the total. */
function pageOf(
  found: Array<AssetRow & { score_text?: string; u: string }>,
  facets: ContentFacets,
  total: number,
  limit: number,
  sort: 'relevance' | 'updated',
  hash: string,
  parsed: ParsedQuery,
  now: number,
): ContentPage {
  const more = found.length > limit;
  const kept = more ? found.slice(0, limit) : found;
  const last = kept[kept.length - 1];
  const items: ContentItem[] = kept.map((r) => {
    const item = itemOf(toAsset(r), now);
    if (parsed.terms.length > 0) item.highlights = highlightsOf(item, parsed);
    return item;
  });
  return {
    items,
    facets,
    total,
    nextCursor:
      more && last
        ? encodeCursor({
            l: listOf(sort, hash),
            k: sort === 'relevance' ? `${last.score_text}|${last.u}` : last.u,
            id: last.id,
          })
        : null,
  };
}

function highlightsOf(item: ContentItem, parsed: ParsedQuery): Highlight[] {
  const out: Highlight[] = [];
  for (const field of ['title', 'description'] as const) {
    const ranges = highlightRanges(item[field], parsed);
    if (ranges.length > 0) out.push({ field, ranges });
  }
  return out;
}

/**
 * What to search instead: vocabulary words near the query's words that some asset this caller
 * may see contains; failing that, the most used tags of the latest assets it may see. Never a word
 * only a hidden asset holds.
 */
async function suggestionsFor(
  db: Queryable,
  parsed: ParsedQuery,
  viewer: Viewer,
): Promise<string[]> {
  const words = parsed.terms.map((t) => t.word).filter((w) => w.length >= 3);
  const near = await nearWords(db, words, 20);
  const candidates = [...new Set([...near.values()].flat())].filter((w) => !words.includes(w));
  const p = params([candidates]);
  const visible = visibleSql(viewer, p.param, { listing: true });
  if (candidates.length > 0) {
    const { rows } = await db.query<{ word: string }>(
      `select c.word from unnest($1::text[]) with ordinality as c(word, o)
        where exists (select 1 from content_assets a
                       where ${visible} and a.search @@ plainto_tsquery('simple', c.word))
        order by c.o limit 5`,
      p.list,
    );
    if (rows.length > 0) return rows.map((r) => r.word);
  }
  const t = params();
  const { rows } = await db.query<{ tag: string }>(
    // The most recently updated visible assets (read in the order of their index, so the work does
    // not grow with the library) stand for the library's current vocabulary.
    `select tag from (
       select a.tags from content_assets a
        where ${visibleSql(viewer, t.param, { listing: true })}
        order by a.updated_at desc, a.id desc limit 500) a cross join unnest(a.tags) as tag
      group by tag order by count(*) desc, tag limit 5`,
    t.list,
  );
  return rows.map((r) => r.tag);
}
