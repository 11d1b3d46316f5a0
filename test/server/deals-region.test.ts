/**
 * `?region=` on `GET /v1/deals` and `GET /v1/deals/stats`: the deals of the partners of one region
 * (compared without case, as review routing compares it), vendor roles only, paged by cursors, and
 * read through indexes rather than a scan of the deals table (EXPLAIN).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Deal, DealStats, Page } from '../../src/core/schema/index.js';
import { dealFilters } from '../../src/server/domain/deals-filters.js';
import type { Principal } from '../../src/server/identity/principal.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { GOLD, customer, dealBody, partnerToken, usd, word } from './deals-support.js';

describe(`deals by partner region (${databaseLabel})`, { timeout: 90_000 }, () => {
  let s: TestServer;
  let admin: string;
  let seller: string;
  let gold: string;
  const region = `Region ${word()}`;
  const other = `Region ${word()}`;
  const mine: Deal[] = [];
  const theirs: Deal[] = [];

  const newPartner = async (r: string) => {
    const p = await s.request('POST', '/v1/partners', {
      token: admin,
      body: { name: `${word()} Partners`, type: 'reseller', region: r, domains: [] },
    });
    assert.equal(p.status, 201, p.text);
    return s.token('partner_user', { partner: p.body.id, sub: `usr_${word()}` });
  };
  const register = async (token: string) => {
    const r = await s.request('POST', '/v1/deals', {
      token,
      body: dealBody(customer(), { amount: usd(900_000) }),
    });
    assert.equal(r.status, 201, r.text);
    return r.body as Deal;
  };
  const list = async (qs: string, token = seller) => {
    const r = await s.request('GET', `/v1/deals?${qs}`, { token });
    assert.equal(r.status, 200, r.text);
    return r.body as Page<Deal>;
  };

  before(async () => {
    s = await startTestServer();
    admin = await s.token('program_admin');
    seller = await s.token('seller');
    gold = await partnerToken(s, GOLD);
    // Two partners in one new region, one in another: three deals in the region, one outside.
    const [a, b, c] = [await newPartner(region), await newPartner(region), await newPartner(other)];
    mine.push(await register(a), await register(b), await register(a));
    theirs.push(await register(c));
  });
  after(() => s.close());

  it('lists only the deals of the region’s partners, whatever the case of the region', async () => {
    const all = await list(`region=${encodeURIComponent(region)}`);
    assert.deepEqual(all.items.map((d) => d.id).sort(), mine.map((d) => d.id).sort());
    const upper = await list(`region=${encodeURIComponent(`  ${region.toUpperCase()} `)}`);
    assert.deepEqual(upper.items.map((d) => d.id).sort(), mine.map((d) => d.id).sort());
    const o = await list(`region=${encodeURIComponent(other)}`);
    assert.deepEqual(
      o.items.map((d) => d.id),
      theirs.map((d) => d.id),
    );
    assert.deepEqual((await list('region=Nowhere')).items, []);
  });

  it('matches the seeded partners’ regions, combined with the other filters', async () => {
    const emea = await list('region=emea&status=under_review&limit=100');
    const { rows } = await s.store.query<{ id: string }>(
      `select d.id from deals d join partners p on p.id = d.partner_id
        where p.region = 'EMEA' and d.status = 'under_review'`,
    );
    assert.ok(rows.length > 0, 'the demo has EMEA deals under review');
    assert.deepEqual(emea.items.map((d) => d.id).sort(), rows.map((r) => r.id).sort());
  });

  it('pages through the region with cursors, in every sort', async () => {
    for (const sort of ['-submittedAt', 'reviewDueAt', '-amount']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const qs: string = `region=${encodeURIComponent(region)}&sort=${sort}&limit=1${
          cursor ? `&cursor=${cursor}` : ''
        }`;
        const p = await list(qs);
        assert.ok(p.items.length <= 1);
        seen.push(...p.items.map((d) => d.id));
        cursor = p.nextCursor;
      } while (cursor);
      assert.deepEqual(seen.sort(), mine.map((d) => d.id).sort(), sort);
    }
  });

  it('counts the region’s review queue in the stats', async () => {
    const r = await s.request('GET', `/v1/deals/stats?region=${encodeURIComponent(region)}`, {
      token: seller,
    });
    assert.equal(r.status, 200, r.text);
    const stats = r.body as DealStats;
    assert.equal(stats.underReview, mine.filter((d) => d.status === 'under_review').length);
    assert.ok(stats.underReview > 0);
  });

  it('refuses the filter to partner roles (422 at region), as it does assignee', async () => {
    const r = await s.request('GET', '/v1/deals?region=EMEA', { token: gold });
    assert.equal(r.status, 422, r.text);
    assert.ok(
      (r.body.errors as Array<{ path: string; code: string }>).some(
        (e) => e.path === 'region' && e.code === 'not_allowed',
      ),
      r.text,
    );
  });

  it('refuses an empty or overlong region, naming the field', async () => {
    for (const bad of ['', '%20', 'x'.repeat(65)]) {
      const r = await s.request('GET', `/v1/deals?region=${bad}`, { token: seller });
      assert.equal(r.status, 422, r.text);
      assert.ok(
        (r.body.errors as Array<{ path: string }>).some((e) => e.path === 'region'),
        r.text,
      );
    }
  });

  it('reads the region’s deals through indexes, never scanning the deals table', async () => {
    const principal = { sub: 'usr_x', role: 'seller' } as unknown as Principal;
    const plans: string[] = [];
    const rollback = new Error('rollback');
    await s.store
      .withTransaction(async (tx) => {
        // Enough partners and deals, with statistics, that the planner chooses as in production.
        await tx.query(
          `insert into partners (id, name, type, region, tier_id)
           select 'prt_x' || i, 'P' || i, 'reseller', 'Region ' || (i % 8), 'tier_registered'
             from generate_series(1, 400) i`,
        );
        await tx.query(
          `insert into deals (id, partner_id, status, stage, customer_name, customer_name_norm,
             customer_domain, customer_reg_domain, contact_name, contact_email, title, products,
             amount, currency, expected_close_date, submitted_by, submitted_at, conflicts,
             updated_at, protected_until)
           select 'deal_x' || i, 'prt_x' || (1 + i % 400),
             case when i % 3 = 0 then 'under_review' else 'approved' end,
             'open', 'c' || md5(i::text), 'c' || md5(i::text), md5(i::text) || '.example',
             md5(i::text) || '.example', 'x', 'x@example.com', 't', array['lf-core'], 100, 'USD',
             '2030-01-01', 'usr_x', now() - i * interval '1 minute',
             '{"verdict":"clear","matches":[]}', now(), now() + interval '90 days'
             from generate_series(1, 12000) i`,
        );
        await tx.query('analyze partners');
        await tx.query('analyze deals');
        for (const extra of [{}, { status: 'under_review' as const }]) {
          const params: unknown[] = [];
          const param = (v: unknown) => {
            params.push(v);
            return `$${params.length}`;
          };
          const where = dealFilters({ region: 'region 7', ...extra }, principal, param);
          const { rows } = await tx.query<Record<string, string>>(
            `explain (costs off) select d.id from deals d where ${where.join(' and ')}
              order by d.submitted_at desc, d.id desc limit 51`,
            params,
          );
          plans.push(rows.map((r) => Object.values(r)[0]).join('\n'));
        }
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    for (const plan of plans) {
      assert.doesNotMatch(plan, /Seq Scan on deals/, plan);
      assert.doesNotMatch(plan, /Seq Scan on partners/, plan);
      assert.match(plan, /partners_region/, plan);
    }
  });
});
