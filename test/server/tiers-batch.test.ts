/**
 * The set-based re-evaluation of every partner (`evaluateAll`: metrics in grouped scans, changes
 * written in one statement per table) decides and records exactly what evaluating the partners
 * one by one (`evaluatePartner`: per-partner metrics and writes) does, on generated programs:
 * random ladders, partners at random tiers (some already at risk), won, lost, open, rejected and
 * withdrawn deals in and out of the trailing window in converted and unconverted currencies, and
 * certifications active, expired and not yet earned. Each path runs in its own transaction on the
 * same generated rows and is rolled back; what they wrote is compared row for row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { upsertTier } from '../../src/server/domain/program.js';
import { evaluateAll, evaluatePartner } from '../../src/server/domain/tiers-apply.js';
import type { Tx } from '../../src/server/store/index.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';

const DAY = 86_400_000;
const NOW = new Date('2026-11-20T10:00:00Z');
const TIER_IDS = ['tier_registered', 'tier_silver', 'tier_gold', 'tier_platinum'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'];

const requirement = fc.record(
  {
    revenue12m: fc
      .integer({ min: 0, max: 40 })
      .map((k) => ({ amount: k * 500_000, currency: 'USD' })),
    wonDeals12m: fc.integer({ min: 0, max: 6 }),
    certifications: fc.integer({ min: 0, max: 3 }),
  },
  { requiredKeys: [] },
);

const deal = fc.record({
  partner: fc.nat(),
  stage: fc.constantFrom('won', 'won', 'won', 'lost', 'open'),
  status: fc.constantFrom('approved', 'approved', 'under_review', 'rejected', 'withdrawn'),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
  currency: fc.constantFrom(...CURRENCIES),
  // Days before NOW it was won: some just inside the window, some just outside.
  wonDaysAgo: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom(364, 365, 366)),
});

const cert = fc.record({
  partner: fc.nat(),
  earnedDaysAgo: fc.integer({ min: -20, max: 800 }),
  validDays: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
});

const program = fc.record({
  ladder: fc.array(requirement, { minLength: 4, maxLength: 4 }),
  partners: fc.array(
    fc.record({
      tier: fc.integer({ min: 0, max: 3 }),
      atRiskDaysAgo: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 25 },
  ),
  deals: fc.array(deal, { maxLength: 150 }),
  certs: fc.array(cert, { maxLength: 40 }),
  eurRate: fc.constantFrom('1.08', '0.5', '1.12345678'),
  gbpRate: fc.option(fc.constantFrom('1.27', '2'), { nil: null }),
});

type Program = typeof program extends fc.Arbitrary<infer T> ? T : never;

async function generate(tx: Tx, g: Program, run: number): Promise<void> {
  await tx.query(`update program set currencies = $1::jsonb where id = 1`, [
    JSON.stringify(CURRENCIES),
  ]);
  for (const [rank, requirements] of g.ladder.entries()) {
    // The lowest tier has no requirements: every partner qualifies for it.
    await upsertTier(tx, {
      id: TIER_IDS[rank]!,
      name: TIER_IDS[rank]!,
      rank,
      requirements: rank === 0 ? {} : requirements,
      benefits: [],
    });
  }
  await tx.query('delete from exchange_rates');
  await tx.query(`insert into exchange_rates (currency, rate) values ('EUR', $1::numeric)`, [
    g.eurRate,
  ]);
  if (g.gbpRate) {
    await tx.query(`insert into exchange_rates (currency, rate) values ('GBP', $1::numeric)`, [
      g.gbpRate,
    ]);
  }
  const pid = (i: number) => `prt_gen${run}_${String(i % g.partners.length).padStart(2, '0')}`;
  await tx.query(
    `insert into partners (id, name, type, region, tier_id, tier_at_risk_since)
     select u.id, u.id, 'reseller', 'EMEA', u.tier, u.risk::timestamptz
       from unnest($1::text[], $2::text[], $3::text[]) as u(id, tier, risk)`,
    [
      g.partners.map((_, i) => pid(i)),
      g.partners.map((p) => TIER_IDS[p.tier]!),
      g.partners.map((p) =>
        p.atRiskDaysAgo === null
          ? null
          : new Date(NOW.getTime() - p.atRiskDaysAgo * DAY).toISOString(),
      ),
    ],
  );
  await tx.query(
    `insert into deals (id, partner_id, status, stage, customer_name, customer_name_norm,
        customer_domain, customer_reg_domain, contact_name, contact_email, title, products,
        amount, currency, expected_close_date, submitted_by, submitted_at, conflicts, updated_at,
        won_at)
     select 'deal_gen' || $7 || '_' || n, u.partner_id, u.status, u.stage, 'Customer ' || n,
            'customer ' || n, 'c' || n || '.example', 'c' || n || '.example', 'Contact',
            'c@example.com', 'Deal ' || n, array['lf-core'], u.amount, u.currency,
            current_date, 'usr_gen', now(), '{"verdict":"clear","matches":[]}'::jsonb, now(),
            u.won_at::timestamptz
       from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])
            with ordinality as u(partner_id, status, stage, amount, currency, won_at, n)`,
    [
      g.deals.map((d) => pid(d.partner)),
      g.deals.map((d) => d.status),
      g.deals.map((d) => d.stage),
      g.deals.map((d) => d.amount),
      g.deals.map((d) => d.currency),
      g.deals.map((d) => new Date(NOW.getTime() - d.wonDaysAgo * DAY).toISOString()),
      run,
    ],
  );
  await tx.query(
    `insert into certifications (id, partner_id, user_id, name, earned_at, expires_at)
     select 'cert_gen' || $4 || '_' || n, u.partner_id, 'usr_gen', 'Certified',
            u.earned::date, u.expires::date
       from unnest($1::text[], $2::text[], $3::text[]) with ordinality as u(partner_id, earned, expires, n)`,
    [
      g.certs.map((c) => pid(c.partner)),
      g.certs.map((c) =>
        new Date(NOW.getTime() - c.earnedDaysAgo * DAY).toISOString().slice(0, 10),
      ),
      g.certs.map((c) =>
        c.validDays === null
          ? null
          : new Date(NOW.getTime() + (c.validDays - c.earnedDaysAgo) * DAY)
              .toISOString()
              .slice(0, 10),
      ),
      run,
    ],
  );
}

/** What an evaluation wrote, in a form both paths must agree on. */
async function written(tx: Tx, eventsAfter: number) {
  const partners = await tx.query(
    `select id, tier_id, tier_at_risk_since::text as at_risk from partners order by id`,
  );
  const historyRows = await tx.query(
    `select partner_id, at::text, from_tier_id, to_tier_id, reason, metrics from tier_history
      where id not in (select id from tier_history_before) order by partner_id, to_tier_id`,
  );
  const audit = await tx.query(
    `select resource_id, action, actor_id, actor_role, before, after from audit_entries
      where id not in (select id from audit_before) order by resource_id, action`,
  );
  const events = await tx.query(
    `select type, resource_type, resource_id, partner_id, data from events where id > $1 order by id`,
    [eventsAfter],
  );
  return {
    partners: partners.rows,
    history: historyRows.rows,
    audit: audit.rows,
    events: events.rows,
  };
}

type Written = Awaited<ReturnType<typeof written>>;

describe(
  `re-evaluating every partner, set-based and one by one (${databaseLabel})`,
  { timeout: 600_000 },
  () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer();
    });
    after(() => s.close());

    /** Generates the program, runs `path` and returns what it wrote; everything is rolled back. */
    async function run(g: Program, n: number, path: (tx: Tx) => Promise<void>): Promise<Written> {
      const ROLLBACK = new Error('rollback');
      let out: Written | undefined;
      await s.store
        .withTransaction(async (tx) => {
          await generate(tx, g, n);
          await tx.query(
            'create temporary table tier_history_before on commit drop as select id from tier_history',
          );
          await tx.query(
            'create temporary table audit_before on commit drop as select id from audit_entries',
          );
          const { rows } = await tx.query<{ id: string | number | null }>(
            'select max(id) as id from events',
          );
          await path(tx);
          out = await written(tx, Number(rows[0]!.id ?? 0));
          throw ROLLBACK;
        })
        .catch((e: unknown) => {
          if (e !== ROLLBACK) throw e;
        });
      return out!;
    }

    it('decides and records the same tier changes, at-risk marks, audit entries and events', async () => {
      let changes = 0;
      let marks = 0;
      let n = 0;
      await fc.assert(
        fc.asyncProperty(program, async (g) => {
          n++;
          const oneByOne = await run(g, n, async (tx) => {
            const { rows } = await tx.query<{ id: string }>(
              'select id from partners order by id for no key update',
            );
            for (const r of rows) await evaluatePartner(tx, r.id, NOW, 'definition_change');
          });
          const setBased = await run(g, n, async (tx) => {
            await evaluateAll(tx, NOW, 'definition_change');
          });
          assert.deepEqual(setBased, oneByOne);
          changes += oneByOne.history.length;
          marks += oneByOne.audit.filter((a) => a.action !== 'partner.tier_changed').length;
        }),
        { numRuns: 25, seed: 20261129 },
      );
      // The generated programs do exercise both kinds of write.
      assert.ok(changes > 10, `tier changes: ${changes}`);
      assert.ok(marks > 10, `at-risk marks set or cleared: ${marks}`);
    });
  },
);
