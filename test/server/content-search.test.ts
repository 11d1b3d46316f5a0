/** Content search over HTTP: weights, prefixes, typos, highlights, suggestions, paging, indexes. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContentPage } from '../../src/core/schema/index.js';
import { searchContent } from '../../src/server/domain/content-search.js';
import {
  fullTsquery,
  lowerTrigramThresholds,
  parseQuery,
  typoAlternatives,
} from '../../src/server/domain/content-query.js';
import { params, viewerOf, visibleSql } from '../../src/server/domain/content-views.js';
import type { Principal } from '../../src/server/identity/principal.js';
import type { Queryable, Store, Tx } from '../../src/server/store/index.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { assetBody, createAsset, fresh, ids, search } from './content-support.js';
import { partnerToken, REGISTERED } from './deals-support.js';

/** `n` letters: each one substituted in turn makes a word at distance 1, 2, … */
const typo = (w: string, positions: number[]) =>
  [...w].map((c, i) => (positions.includes(i) ? (c === 'q' ? 'x' : 'q') : c)).join('');

describe(`content search (${databaseLabel})`, { timeout: 120_000 }, () => {
  let s: TestServer;
  let admin: string;
  let partner: string;

  before(async () => {
    s = await startTestServer();
    admin = await s.token('program_admin');
    partner = await partnerToken(s, REGISTERED);
  });
  after(() => s.close());

  it('ranks a word in the title above tags and product names, above the description', async () => {
    const w = fresh(10);
    const inDescription = await createAsset(s, admin, { description: `All about ${w} here.` });
    const inTags = await createAsset(s, admin, { tags: [w, 'other'] });
    const inTitle = await createAsset(s, admin, { title: `The ${w} handbook` });
    const r = await search(s, admin, { q: `${w} ` });
    assert.equal(r.status, 200, r.text);
    assert.ok(ContentPage.safeParse(r.body).success, 'the response is a ContentPage');
    assert.deepEqual(ids(r.body), [inTitle.id, inTags.id, inDescription.id]);
    assert.equal(r.body.total, 3);
  });

  it('weighs product names like tags, above the description', async () => {
    // "Gateway" is in the product name of lf-edge; a description holding it ranks below.
    const w = fresh(8);
    const byProduct = await createAsset(s, admin, { title: `${w} one`, products: ['lf-edge'] });
    const byDescription = await createAsset(s, admin, {
      title: `${w} two`,
      products: ['lf-core'],
      description: 'Mentions the gateway once.',
    });
    const r = await search(s, admin, { q: `${w} gateway` });
    assert.deepEqual(ids(r.body), [byProduct.id, byDescription.id]);
  });

  it('matches the last word as a prefix while typing, and marks only the typed part', async () => {
    const w = fresh(10);
    const a = await createAsset(s, admin, { title: `Guide ${w} setup` });
    const r = await search(s, admin, { q: w.slice(0, 4) });
    assert.ok(ids(r.body).includes(a.id), `prefix ${w.slice(0, 4)}: ${r.text}`);
    const item = r.body.items.find((i: { id: string }) => i.id === a.id);
    assert.deepEqual(item.highlights, [{ field: 'title', ranges: [[6, 10]] }]);
    // A finished word (followed by a space) is no longer a prefix.
    const done = await search(s, admin, { q: `${w.slice(0, 4)} ` });
    assert.ok(!ids(done.body).includes(a.id), `finished ${w.slice(0, 4)}: ${done.text}`);
  });

  it('tolerates one typo from 5 letters and two from 9, like Meilisearch', async () => {
    const five = fresh(5);
    const nine = fresh(9);
    const four = fresh(4);
    const a5 = await createAsset(s, admin, { title: `${five} sheet` });
    const a9 = await createAsset(s, admin, { title: `${nine} sheet` });
    const a4 = await createAsset(s, admin, { title: `${four} sheet` });
    const found = async (q: string, id: string) =>
      ids((await search(s, admin, { q })).body).includes(id);
    assert.ok(await found(`${typo(five, [2])} `, a5.id), 'one typo in 5 letters');
    assert.ok(!(await found(`${typo(five, [1, 3])} `, a5.id)), 'two typos in 5 letters');
    assert.ok(await found(`${typo(nine, [1, 6])} `, a9.id), 'two typos in 9 letters');
    assert.ok(!(await found(`${typo(nine, [1, 4, 7])} `, a9.id)), 'three typos in 9 letters');
    assert.ok(!(await found(`${typo(four, [2])} `, a4.id)), 'no typo below 5 letters');
    const swapped = five[0]! + five[2] + five[1] + five.slice(3);
    assert.ok(await found(`${swapped} `, a5.id), 'a transposition is one typo');
    assert.ok(await found(`${nine.slice(0, 4)}${nine.slice(5)} `, a9.id), 'a missing letter');
    // While typing: a typo in the part typed so far still finds the longer word.
    assert.ok(await found(typo(nine.slice(0, 6), [2]), a9.id), 'a typo in a prefix');
  });

  it('ranks exact matches above typo matches', async () => {
    const w = fresh(8);
    const near = typo(w, [5]);
    const exact = await createAsset(s, admin, { description: `${w} here` });
    const fuzzy = await createAsset(s, admin, { title: `${near} title` });
    const r = await search(s, admin, { q: `${w} ` });
    assert.deepEqual(ids(r.body), [exact.id, fuzzy.id]);
  });

  it('ranks a word standing alone above the same word inside a hyphenated compound', async () => {
    // The compound is indexed whole and as its parts, so the asset holding it has more distinct
    // words: the rank divided by them puts the focused asset first, though it is the older one.
    const w = fresh(8);
    const alone = await createAsset(s, admin, { title: `Alpha ${w}`, tags: ['x'] });
    const compound = await createAsset(s, admin, { title: `Alpha Vertriebs-${w}`, tags: ['x'] });
    const r = await search(s, admin, { q: `${w} ` });
    assert.deepEqual(ids(r.body), [alone.id, compound.id]);
  });

  it('needs every word: several words narrow the search', async () => {
    const [w1, w2] = [fresh(8), fresh(8)];
    const both = await createAsset(s, admin, { title: `${w1} and ${w2}` });
    await createAsset(s, admin, { title: `${w1} alone` });
    const r = await search(s, admin, { q: `${w1} ${w2}` });
    assert.deepEqual(ids(r.body), [both.id]);
  });

  it('gives highlights as UTF-16 offsets of the field, never HTML', async () => {
    const w = fresh(8);
    const title = `🚀 Über <b>${w}</b> & more`;
    const a = await createAsset(s, admin, {
      title,
      description: `Straße ${w}, ${w[0]!.toUpperCase()}${w.slice(1)}.`,
    });
    const r = await search(s, admin, { q: `${w} ` });
    const item = r.body.items.find((i: { id: string }) => i.id === a.id);
    assert.equal(item.title, title, 'the title comes back as it was written');
    const start = title.indexOf(w);
    assert.equal(start, 11, '🚀 counts as two code units');
    assert.deepEqual(item.highlights, [
      { field: 'title', ranges: [[start, start + w.length]] },
      {
        field: 'description',
        ranges: [
          [7, 7 + w.length],
          [9 + w.length, 9 + 2 * w.length],
        ],
      },
    ]);
  });

  it('finds German words and the demo library by typical searches', async () => {
    const de = await search(s, admin, { q: 'preisliste ', language: 'de' });
    assert.ok(de.body.total > 0, de.text);
    assert.ok(de.body.items.every((i: { language: string }) => i.language === 'de'));
    assert.match(de.body.items[0].title, /Preisliste/);
    const typoDe = await search(s, admin, { q: 'Datenbaltt ' });
    assert.match(typoDe.body.items[0]?.title ?? '', /Datenblatt/);
    const pricing = await search(s, admin, { q: 'pricng sheet' });
    assert.match(pricing.body.items[0]?.title ?? '', /pricing sheet/);
    const product = await search(s, admin, { q: 'edge gatway datasheet' });
    assert.equal(product.body.items[0]?.title, 'Edge Gateway datasheet');
  });

  it('suggests other words when nothing matches, only from what the caller may see', async () => {
    const secret = fresh(9);
    await createAsset(s, admin, { title: `${secret} confidential`, minTierRank: 4 });
    const visible = fresh(9);
    await createAsset(s, admin, { title: `${visible} public` });
    const q = `${typo(secret, [3])} `;
    const mine = await search(s, partner, { q });
    assert.equal(mine.body.total, 0);
    assert.deepEqual(mine.body.items, []);
    assert.ok(Array.isArray(mine.body.suggestions) && mine.body.suggestions.length > 0, mine.text);
    assert.ok(!mine.text.includes(secret), 'no word of a hidden asset is suggested');
    const near = await search(s, partner, { q: `${typo(visible, [6, 7, 8])} ` });
    assert.equal(near.body.total, 0);
    assert.ok(near.body.suggestions.includes(visible), near.text);
    const vendor = await search(s, admin, { q });
    assert.equal(vendor.body.total, 1, 'the vendor finds it through the typo');
    assert.equal(vendor.body.suggestions, undefined);
  });

  it('sorts by relevance or by update, and pages with cursors of its own search only', async () => {
    // Long enough that no other test's random word is within two typos of it.
    const w = fresh(16);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createAsset(s, admin, { title: `${w} part ${i}` }));
    const updated = await search(s, admin, { q: `${w} `, sort: 'updated' });
    assert.deepEqual(ids(updated.body), made.map((a) => a.id).reverse());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const params: Record<string, string> = { q: `${w} `, limit: '2' };
      if (cursor) params.cursor = cursor;
      const r = await search(s, admin, params);
      assert.equal(r.body.total, 5);
      seen.push(...ids(r.body));
      cursor = r.body.nextCursor;
    } while (cursor);
    assert.deepEqual([...seen].sort(), made.map((a) => a.id).sort());
    const first = await search(s, admin, { q: `${w} `, limit: '2' });
    const other = await search(s, admin, { q: 'datasheet', cursor: first.body.nextCursor });
    assert.equal(other.status, 422);
    assert.equal(other.body.errors[0].path, 'cursor');
  });

  it('refuses bad parameters with 422 naming the field', async () => {
    for (const [params, path] of [
      [{ type: 'poster' }, 'type'],
      [{ sort: 'random' }, 'sort'],
      [{ limit: '0' }, 'limit'],
      [{ q: 'x'.repeat(201) }, 'q'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      const r = await search(s, admin, params);
      assert.equal(r.status, 422, `${JSON.stringify(params)}: ${r.text}`);
      assert.equal(r.body.errors[0].path, path);
    }
  });

  it('records searches without results for the insights (program admin only)', async () => {
    const q = `${fresh(11)} nothing`;
    await search(s, partner, { q });
    await search(s, partner, { q: q.toUpperCase() });
    const r = await s.request('GET', '/v1/content/insights', { token: admin });
    assert.equal(r.status, 200, r.text);
    const zero = r.body.zeroResultQueries.find((z: { q: string }) => z.q === q);
    assert.equal(zero?.count, 2, r.text);
    assert.ok(r.body.topQueries.some((t: { q: string }) => t.q === q));
    assert.equal((await s.request('GET', '/v1/content/insights', { token: partner })).status, 403);
  });

  it('counts totals and facets exactly, with and without words, through every kind of write', async () => {
    // The counts of a browse come from per-shape counts kept by triggers (migration 031), plus
    // the live assets that expire; those of a search, from its matches grouped by the combo id a
    // trigger keeps on each asset (migration 032). Here both are compared with a count over the
    // assets themselves, matched by the same full-text query.
    const principals: Principal[] = [
      {
        sub: 'usr_a',
        role: 'program_admin',
        partnerId: null,
        name: 'a',
        email: 'a@x.example',
        via: 'secret',
      },
      {
        sub: 'usr_p',
        role: 'partner_user',
        partnerId: REGISTERED,
        name: 'p',
        email: 'p@x.example',
        via: 'secret',
      },
    ];
    const tsqueryOf = (q: string) =>
      s.store.withTransaction(async (tx) => {
        const parsed = parseQuery(q);
        await lowerTrigramThresholds(tx);
        await typoAlternatives(tx, parsed);
        return fullTsquery(parsed);
      });
    const direct = async (principal: Principal, product?: string, q?: string) => {
      const viewer = await viewerOf(s.store, principal);
      const p = params();
      const matched = q ? `a.search @@ ${p.param(await tsqueryOf(q))}::tsquery and` : '';
      const seen = `${matched} ${visibleSql(viewer, p.param, { listing: true })}`;
      const only = product ? `and ${p.param(product)} = any(a.products)` : '';
      const { rows } = await s.store.query<{ f: string; k: string; n: number }>(
        `select 'type' as f, a.type as k, count(*)::int as n from content_assets a
          where ${seen} ${only} group by a.type
         union all
         select 'product', pr, count(*)::int from content_assets a cross join unnest(a.products) pr
          where ${seen} group by pr
         union all
         select 'language', a.language, count(*)::int from content_assets a
          where ${seen} ${only} group by a.language`,
        p.list,
      );
      const facets: Record<string, Record<string, number>> = {
        type: {},
        product: {},
        language: {},
      };
      for (const r of rows) facets[r.f]![r.k] = r.n;
      return { facets, total: Object.values(facets.type!).reduce((a, b) => a + b, 0) };
    };
    const check = async (step: string) => {
      // No words, a finished word every created asset holds, a prefix being typed.
      for (const q of [undefined, 'collateral ', 'vau']) {
        for (const principal of principals) {
          for (const product of [undefined, 'lf-vault']) {
            const page = await searchContent(s.store, { q, product }, principal, {
              record: false,
            });
            const want = await direct(principal, product, q);
            const what = `${step}: ${principal.role} ${product ?? ''} ${q ?? ''}`;
            assert.equal(page.total, want.total, `total for ${what}`);
            assert.deepEqual(page.facets, want.facets, `facets for ${what}`);
            // Most first, ties by value: options do not swap places between keystrokes.
            for (const counts of Object.values(page.facets)) {
              const entries = Object.entries(counts);
              const ordered = [...entries].sort(
                ([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0),
              );
              assert.deepEqual(entries, ordered, `facet order for ${what}`);
            }
          }
        }
      }
    };
    await check('before');
    const a = await createAsset(s, admin, { products: ['lf-vault', 'lf-core'], type: 'guide' });
    const b = await createAsset(s, admin, { audiences: ['msp'], minTierRank: 1, language: 'de' });
    const c = await createAsset(s, admin, { regions: ['emea'], type: 'video' });
    await check('created');
    const put = await s.request('PUT', `/v1/content/${a.id}`, {
      token: admin,
      body: assetBody({
        title: a.title,
        type: 'playbook',
        products: ['lf-vault'],
        audiences: ['reseller'],
      }),
    });
    assert.equal(put.status, 200, put.text);
    await check('updated');
    assert.equal(
      (await s.request('POST', `/v1/content/${b.id}/archive`, { token: admin })).status,
      200,
    );
    await check('archived');
    // Expiry is a moment, not a write: an asset that expired is counted out without one.
    await s.store.query(
      `update content_assets set expires_at = now() + interval '1 hour' where id = $1`,
      [c.id],
    );
    await check('expiring later');
    await s.store.query(
      `update content_assets set expires_at = now() - interval '1 second' where id = $1`,
      [c.id],
    );
    await check('expired');
    await s.store.query(`update content_assets set expires_at = null where id = $1`, [c.id]);
    await s.store.query(`delete from content_assets where id = $1`, [c.id]);
    await check('deleted');
    // One statement moving two of three alike assets: a shape counted down by two, not removed.
    const alike = { type: 'training', products: ['lf-edge'], language: 'de', regions: ['apac'] };
    const trio = [];
    for (let i = 0; i < 3; i++) trio.push(await createAsset(s, admin, alike));
    await check('three alike');
    await s.store.query(`update content_assets set type = 'video' where id = any($1)`, [
      [trio[0]!.id, trio[1]!.id],
    ]);
    await check('two of three changed in one statement');
  });

  it('uses the full-text and trigram indexes (EXPLAIN)', async () => {
    const captured: Array<{ sql: string; params: readonly unknown[] }> = [];
    const spy = (q: Queryable): Queryable => ({
      query: (sql, params) => {
        captured.push({ sql, params: params ?? [] });
        return q.query(sql, params);
      },
    });
    const store: Store = {
      ...s.store,
      query: (sql, params) => s.store.query(sql, params),
      withTransaction: (fn) =>
        s.store.withTransaction((tx) => fn({ ...spy(tx), afterCommit: tx.afterCommit } as Tx)),
    };
    const principal = {
      sub: 'usr_x',
      role: 'program_admin',
      partnerId: null,
      name: 'x',
      email: 'x@x.example',
      via: 'secret',
    } as const;
    await searchContent(store, { q: 'integraton gui' }, principal, { record: false });
    // The plans are read in a transaction that is rolled back: inside it the words table loses its
    // primary key, which a planner (PostgreSQL 15 on a table this small) would otherwise walk in
    // full rather than seq-scan, so what is left shows whether the trigram index serves the lookup.
    const ROLLBACK = new Error('rollback');
    const plans: string[] = [];
    await s.store
      .withTransaction(async (tx) => {
        // Small tables are cheaper to scan; forbidding that shows whether an index can serve.
        await tx.query('set local enable_seqscan = off');
        await tx.query(`select set_config('pg_trgm.similarity_threshold', '0.2', true)`);
        await tx.query('alter table content_lexemes drop constraint content_lexemes_pkey');
        for (const c of captured.filter((c) => /content_(assets|lexemes) /.test(c.sql))) {
          const { rows } = await tx.query<Record<string, string>>(`explain ${c.sql}`, c.params);
          plans.push(rows.map((r) => Object.values(r)[0]).join('\n'));
        }
        throw ROLLBACK;
      })
      .catch((e: unknown) => {
        if (e !== ROLLBACK) throw e;
      });
    const all = plans.join('\n----\n');
    assert.ok(
      plans.some((p) => /content_lexemes_trgm/.test(p)),
      all,
    );
    // One statement finds the matches once and reads the facets, the total and the page from them.
    const searches = plans.filter((p) => /content_assets/.test(p));
    assert.equal(searches.length, 1, all);
    for (const p of searches) assert.match(p, /Bitmap Index Scan on content_assets_search/, p);
  });
});
