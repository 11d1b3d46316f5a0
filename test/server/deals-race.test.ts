/** Concurrency of registration, and the conflict check's use of indexes. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  candidateQueries,
  customerKey,
  setSimilarityThreshold,
} from '../../src/server/domain/deals-matching.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';
import { GOLD, customer, dealBody, partnerToken, usd, word } from './deals-support.js';

describe(`registration races (${databaseLabel})`, { timeout: 120_000 }, () => {
  let s: TestServer;
  const partnerTokens: string[] = [];

  before(async () => {
    s = await startTestServer();
    const admin = await s.token('program_admin');
    const { rows } = await s.store.query<{ id: string }>('select id from partners order by id');
    const ids = rows.map((r) => r.id);
    while (ids.length < 20) {
      const r = await s.request('POST', '/v1/partners', {
        token: admin,
        body: { name: `${word()} Partners`, type: 'reseller', region: 'EMEA', domains: [] },
      });
      assert.equal(r.status, 201, r.text);
      ids.push(r.body.id);
    }
    for (const id of ids.slice(0, 20)) partnerTokens.push(await partnerToken(s, id));
  });
  after(() => s.close());

  it('approves at most one of 20 partners registering one customer at the same instant', async () => {
    const c = customer();
    // Every tier auto-approves 1 000 USD, so each would be approved if it were alone.
    const replies = await Promise.all(
      partnerTokens.map((token, i) =>
        s.request('POST', '/v1/deals', {
          token,
          body: dealBody(i % 2 ? c : { name: `${c.stem} Corp`, domain: `www.${c.domain}` }, {
            amount: usd(1_000),
          }),
        }),
      ),
    );
    for (const r of replies) assert.equal(r.status, 201, r.text);
    const statuses = replies.map((r) => r.body.status as string);
    assert.equal(statuses.filter((x) => x === 'approved').length, 1, statuses.join());
    assert.equal(statuses.filter((x) => x === 'rejected').length, 19, statuses.join());
  });

  it('does the same for similar names on different domains', async () => {
    const stem = `${word()} ${word()}`;
    const names = [`${stem} Inc`, `${stem} Ltd`, `${stem}s`, `The ${stem}`];
    const replies = await Promise.all(
      partnerTokens.map((token, i) =>
        s.request('POST', '/v1/deals', {
          token,
          body: dealBody(
            { name: names[i % names.length]!, domain: `${word()}.example` },
            {
              amount: usd(1_000),
            },
          ),
        }),
      ),
    );
    // Every registration must be answered as one: a run of 500s is a failure, not "none approved".
    for (const r of replies) assert.equal(r.status, 201, r.text);
    const approved = replies.filter((r) => r.body.status === 'approved');
    assert.ok(approved.length <= 1, replies.map((r) => r.body.status).join());
  });

  it('gives a double submit without a key one deal and one 409', async () => {
    const token = await partnerToken(s, GOLD);
    const body = dealBody(customer());
    const replies = await Promise.all(
      [1, 2, 3, 4].map(() => s.request('POST', '/v1/deals', { token, body })),
    );
    const created = replies.filter((r) => r.status === 201);
    assert.equal(created.length, 1, replies.map((r) => r.status).join());
    for (const r of replies.filter((x) => x.status !== 201)) {
      assert.equal(r.status, 409);
      assert.equal(r.body.code, 'duplicate_registration');
      assert.equal(r.body.existingDealId, created[0]!.body.id);
    }
  });

  it('gives a double submit with one key one deal, replayed', async () => {
    const token = await partnerToken(s, GOLD);
    const c = customer();
    const body = dealBody(c);
    const key = `submit-${word()}`;
    const replies = await Promise.all(
      [1, 2, 3, 4].map(() =>
        s.request('POST', '/v1/deals', { token, body, headers: { 'idempotency-key': key } }),
      ),
    );
    for (const r of replies) assert.equal(r.status, 201, r.text);
    assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
    assert.equal(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 3);
    const { rows } = await s.store.query<{ n: string | number }>(
      'select count(*) as n from deals where customer_name = $1',
      [c.name],
    );
    assert.equal(Number(rows[0]!.n), 1);
  });

  it('answers the conflict check from indexes, never by scanning the deals table', async () => {
    const c = customer();
    const plans: string[] = [];
    const rollback = new Error('rollback');
    await s.store
      .withTransaction(async (tx) => {
        // Enough live deals, with statistics, that the planner chooses as it does in production.
        await tx.query(
          `insert into deals (id, partner_id, status, stage, customer_name, customer_name_norm,
             customer_domain, customer_reg_domain, contact_name, contact_email, title, products,
             amount, currency, expected_close_date, submitted_by, submitted_at, conflicts,
             updated_at, protected_until)
           select 'deal_x' || i, $1, case when i % 3 = 0 then 'under_review' else 'approved' end,
             'open', 'c' || md5(i::text), 'c' || md5(i::text), md5(i::text) || '.example',
             md5(i::text) || '.example', 'x', 'x@example.com', 't', array['lf-core'], 100, 'USD',
             '2030-01-01', 'usr_x', now(), '{"verdict":"clear","matches":[]}', now(),
             now() + interval '90 days'
             from generate_series(1, 5000) i`,
          [GOLD],
        );
        await tx.query('analyze deals');
        await setSimilarityThreshold(tx);
        for (const products of [['lf-core'], null]) {
          for (const key of [customerKey(c.name, c.domain), customerKey(c.name, null)]) {
            const [deals] = candidateQueries(key, products);
            const { rows } = await tx.query<Record<string, string>>(
              `explain (costs off) ${deals!.sql}`,
              deals!.params,
            );
            plans.push(rows.map((r) => Object.values(r)[0]).join('\n'));
          }
        }
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    for (const plan of plans) {
      assert.doesNotMatch(plan, /Seq Scan/, plan);
      assert.match(
        plan,
        /Bitmap Index Scan on deals_live_name\s+Index Cond: \(customer_name_norm %/,
        plan,
      );
    }
    assert.match(plans[0]!, /BitmapOr/, plans[0]);
    assert.match(
      plans[0]!,
      /Bitmap Index Scan on deals_live_domain\s+Index Cond: \(customer_reg_domain =/,
      plans[0],
    );
  });
});
