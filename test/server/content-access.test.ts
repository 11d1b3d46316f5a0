/**
 * The access matrix of the content library: for each role, tier, partner type and region, no
 * asset it may not see shows through results, totals, facets, `GET /v1/content/:id`, file URLs
 * or the event stream.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { createAsset, fresh, ids, search } from './content-support.js';
import { openStream, partnerToken, type Stream } from './deals-support.js';

/** Demo partners: tier rank, type and region. */
const PARTNERS = {
  prt_tidewater: { rank: 1, type: 'referral', region: 'LATAM' },
  prt_harborview: { rank: 2, type: 'msp', region: 'North America' },
  prt_brightpath: { rank: 3, type: 'reseller', region: 'North America' },
  prt_kestrel: { rank: 4, type: 'si', region: 'EMEA' },
} as const;
type PartnerId = keyof typeof PARTNERS;

const DAY = 86_400_000;

interface Case {
  name: string;
  over: Record<string, unknown>;
  /** Archived after its file is stored; `archive` says who could see it until then. */
  archive?: (p: (typeof PARTNERS)[PartnerId]) => boolean;
  /** Which partners may see it (vendor roles always can by id). */
  visibleTo: (p: (typeof PARTNERS)[PartnerId]) => boolean;
}

const CASES: Case[] = [
  { name: 'everyone', over: {}, visibleTo: () => true },
  {
    name: 'gold and up',
    over: { minTierRank: 3, type: 'price_list' },
    visibleTo: (p) => p.rank >= 3,
  },
  {
    name: 'platinum only',
    over: { minTierRank: 4, products: ['lf-vault'] },
    visibleTo: (p) => p.rank >= 4,
  },
  {
    name: 'msp audience',
    over: { audiences: ['msp'], type: 'playbook' },
    visibleTo: (p) => p.type === 'msp',
  },
  {
    name: 'si or reseller',
    over: { audiences: ['si', 'reseller'], language: 'de' },
    visibleTo: (p) => p.type === 'si' || p.type === 'reseller',
  },
  {
    name: 'EMEA only',
    over: { regions: ['EMEA'], products: ['lf-edge'] },
    visibleTo: (p) => p.region === 'EMEA',
  },
  { name: 'archived', over: {}, archive: () => true, visibleTo: () => false },
  {
    name: 'platinum archived',
    over: { minTierRank: 4 },
    archive: (p) => p.rank >= 4,
    visibleTo: () => false,
  },
  {
    name: 'expired',
    over: { expiresAt: new Date(Date.now() - DAY).toISOString().replace(/\.\d{3}Z$/, 'Z') },
    visibleTo: () => false,
  },
];

describe(`content access (${databaseLabel})`, { timeout: 120_000 }, () => {
  let s: TestServer;
  let admin: string;
  const tokens = {} as Record<PartnerId, string>;
  const streams = {} as Record<string, Stream>;
  const word = fresh(10);
  const made: Array<{ id: string; c: Case }> = [];
  let sentinel = '';

  before(async () => {
    s = await startTestServer();
    admin = await s.token('program_admin');
    for (const p of Object.keys(PARTNERS) as PartnerId[]) {
      tokens[p] = await partnerToken(s, p, p === 'prt_kestrel' ? 'partner_admin' : 'partner_user');
      streams[p] = await openStream(s.url, tokens[p]);
    }
    streams.seller = await openStream(s.url, await s.token('seller'));
    for (const c of CASES) {
      const a = await createAsset(s, admin, { title: `${word} ${c.name}`, ...c.over });
      const put = await s.request('PUT', `/v1/content/${a.id}/files/pdf`, {
        token: admin,
        raw: `%PDF-1.4 ${c.name}`,
        headers: { 'content-type': 'application/pdf' },
      });
      assert.equal(put.status, 200, put.text);
      if (c.archive) {
        const r = await s.request('POST', `/v1/content/${a.id}/archive`, { token: admin });
        assert.equal(r.status, 200, r.text);
      }
      made.push({ id: a.id, c });
    }
    sentinel = (await createAsset(s, admin, { title: `sentinel ${fresh(8)}` })).id;
  });
  after(async () => {
    for (const st of Object.values(streams)) st.close();
    await s.close();
  });

  const expected = (p: PartnerId) =>
    made.filter((m) => m.c.visibleTo(PARTNERS[p])).map((m) => m.id);
  const hidden = (p: PartnerId) => made.filter((m) => !m.c.visibleTo(PARTNERS[p])).map((m) => m.id);

  for (const p of Object.keys(PARTNERS) as PartnerId[]) {
    it(`${p} (rank ${PARTNERS[p].rank}, ${PARTNERS[p].type}, ${PARTNERS[p].region}): results, total and facets`, async () => {
      const want = expected(p);
      const variants: Array<Record<string, string>> = [
        { q: word },
        { q: `${word} `, sort: 'updated' },
      ];
      for (const params of variants) {
        const r = await search(s, tokens[p], params);
        assert.equal(r.status, 200, r.text);
        assert.deepEqual([...ids(r.body)].sort(), [...want].sort());
        assert.equal(r.body.total, want.length);
        const sum = (f: Record<string, number>) => Object.values(f).reduce((a, b) => a + b, 0);
        assert.equal(sum(r.body.facets.type), want.length, 'type facet');
        assert.equal(sum(r.body.facets.language), want.length, 'language facet');
        for (const h of hidden(p)) assert.ok(!r.text.includes(h));
      }
      // A facet filter counts the other facets only over what it may see.
      const vault = await search(s, tokens[p], { q: word, product: 'lf-vault' });
      assert.equal(
        vault.body.total,
        want
          .filter((id) => made.find((m) => m.id === id)!.c.over.products)
          .filter((id) =>
            (made.find((m) => m.id === id)!.c.over.products as string[]).includes('lf-vault'),
          ).length,
      );
      const all = await search(s, tokens[p], { q: word });
      for (const [product, n] of Object.entries(
        all.body.facets.product as Record<string, number>,
      )) {
        const byProduct = await search(s, tokens[p], { q: word, product });
        assert.equal(byProduct.body.total, n, `product facet ${product}`);
      }
    });

    it(`${p}: GET /v1/content/:id and every file URL answer 404 for what it may not see`, async () => {
      for (const m of made) {
        const ok = m.c.visibleTo(PARTNERS[p]);
        const one = await s.request('GET', `/v1/content/${m.id}`, { token: tokens[p] });
        assert.equal(one.status, ok ? 200 : 404, `${m.c.name}: ${one.text}`);
        const file = await s.request('GET', `/v1/content/${m.id}/files/pdf`, { token: tokens[p] });
        assert.equal(file.status, ok ? 200 : 404, `${m.c.name} file`);
        if (!ok) assert.equal(file.body.code, 'not_found');
        const head = await s.request('HEAD', `/v1/content/${m.id}/files/pdf`, { token: tokens[p] });
        assert.equal(head.status, ok ? 200 : 404, `${m.c.name} HEAD`);
      }
    });

    it(`${p}: receives content.updated only for assets it may see, and the archiving of those it could`, async () => {
      const got = new Set<string>();
      const removed: string[] = [];
      for (;;) {
        const e = await streams[p]!.next();
        if (e.event !== 'content.updated') continue;
        const data = JSON.parse(e.data) as Record<string, unknown> & { id: string };
        if (data.removed === true) {
          // Nothing of the archived state shows: the id, to drop from an open finder.
          assert.deepEqual(Object.keys(data).sort(), ['id', 'removed'], e.data);
          removed.push(data.id);
          continue;
        }
        assert.equal(data.status, 'active', 'an archived asset is never sent to partners');
        assert.ok(!('previousAccess' in data), 'the access before a change is never sent');
        got.add(data.id);
        if (data.id === sentinel) break;
      }
      got.delete(sentinel);
      // An archived asset was announced while it was still active (created, file stored) to the
      // partners that could see it, then its archiving, as a removal, to them alone. Every other
      // asset is announced only to those who may see it.
      const archived = made.filter((m) => m.c.archive?.(PARTNERS[p])).map((m) => m.id);
      assert.deepEqual([...got].sort(), [...expected(p), ...archived].sort());
      assert.deepEqual(removed, archived);
    });
  }

  it('vendor roles open every asset by id, and see every content event', async () => {
    for (const role of ['seller', 'channel_manager', 'program_admin'] as const) {
      const t = await s.token(role);
      for (const m of made) {
        assert.equal((await s.request('GET', `/v1/content/${m.id}`, { token: t })).status, 200);
      }
      // The library lists what partners could use: active and unexpired.
      const live = made.filter((m) => !m.c.archive && !m.c.over.expiresAt).length;
      assert.equal((await search(s, t, { q: word })).body.total, live);
    }
    const got = new Set<string>();
    for (;;) {
      const e = await streams.seller!.next();
      if (e.event !== 'content.updated') continue;
      const id = (JSON.parse(e.data) as { id: string }).id;
      got.add(id);
      if (id === sentinel) break;
    }
    for (const m of made) assert.ok(got.has(m.id), m.c.name);
  });

  it('only the program admin writes the library', async () => {
    for (const role of ['seller', 'channel_manager', 'integration'] as const) {
      const t = await s.token(role);
      const r = await s.request('POST', '/v1/content', { token: t, body: { title: 'x' } });
      assert.equal(r.status, 403, role);
    }
    const r = await s.request('POST', `/v1/content/${made[0]!.id}/archive`, {
      token: tokens.prt_kestrel,
    });
    assert.equal(r.status, 403);
  });
});
