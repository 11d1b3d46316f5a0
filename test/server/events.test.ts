/** `GET /v1/events`: per-caller filtering and rendering, resume, shutdown, and across processes. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Deal } from '../../src/core/schema/index.js';
import { subscriberCount } from '../../src/server/store/event-hub.js';
import {
  databaseLabel,
  startTestServer,
  usingPostgres,
  type TestServer,
} from '../support/server.js';
import {
  GOLD,
  PLATINUM,
  REGISTERED,
  assertNoLeak,
  customer,
  dealBody,
  openStream,
  partnerToken,
  usd,
} from './deals-support.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls until `check` holds; the suite's timeout bounds it, nothing measures time. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await sleep(10);
}

describe(`events (${databaseLabel})`, { timeout: 60_000 }, () => {
  let s: TestServer;
  let gold: string;
  let platinum: string;
  let manager: string;

  before(async () => {
    s = await startTestServer();
    gold = await partnerToken(s, GOLD);
    platinum = await partnerToken(s, PLATINUM);
    manager = await s.token('channel_manager', { sub: 'usr_lf_cm_1' });
  });
  after(() => s.close());

  const register = (token: string, body: unknown) =>
    s.request('POST', '/v1/deals', { token, body });

  it('streams each caller only what it may see, rendered for it', async () => {
    const goldStream = await openStream(s.url, gold);
    const platinumStream = await openStream(s.url, platinum);
    const vendorStream = await openStream(s.url, manager);
    assert.equal(goldStream.status, 200);
    assert.match(goldStream.contentType ?? '', /^text\/event-stream/);
    const c = customer();
    const a = (await register(gold, dealBody(c))).body as Deal;
    const b = (await register(platinum, dealBody({ name: `${c.stem} Ltd`, domain: c.domain })))
      .body as Deal;
    assert.equal(b.status, 'rejected');

    const g = await goldStream.next();
    assert.equal(g.event, 'deal.created');
    assert.equal(g.id, goldStream.raw().match(/id: (evt_\d+)/)![1]);
    assert.equal(JSON.parse(g.data).id, a.id);
    assert.equal(JSON.parse(g.data).partnerName, undefined);

    const p = await platinumStream.next();
    const seen = JSON.parse(p.data) as Deal;
    assert.equal(seen.id, b.id, 'the other partner’s deal never reaches it');
    assert.equal(seen.conflicts.verdict, 'blocked');
    assertNoLeak(platinumStream.raw(), [a.id, GOLD, 'Brightpath', c.name], 'event stream');

    const v1 = JSON.parse((await vendorStream.next()).data) as Deal;
    const v2 = JSON.parse((await vendorStream.next()).data) as Deal;
    assert.deepEqual([v1.id, v2.id], [a.id, b.id]);
    assert.equal(v2.partnerName, 'Kestrel Integration Group');
    assert.equal(v2.conflicts.matches[0]!.dealId, a.id);

    // The next event gold receives is its own next change, not platinum's deal.
    const d = (await register(gold, dealBody(customer(), { amount: usd(500_000) }))).body as Deal;
    const approve = await s.request('POST', `/v1/deals/${d.id}/decision`, {
      token: manager,
      body: { decision: 'approve', reasonCode: 'approved_manual' },
    });
    assert.equal(approve.status, 200);
    const created = await goldStream.next();
    assert.deepEqual([created.event, JSON.parse(created.data).id], ['deal.created', d.id]);
    const updated = await goldStream.next();
    assert.equal(updated.event, 'deal.updated');
    assert.equal(JSON.parse(updated.data).status, 'approved');
    for (const st of [goldStream, platinumStream, vendorStream]) st.close();
  });

  it('resumes after Last-Event-ID with nothing lost or repeated', async () => {
    const first = await openStream(s.url, gold);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await register(gold, dealBody(customer()))).body.id);
    const m = await first.next();
    assert.equal(JSON.parse(m.data).id, ids[0]);
    first.close();
    // While nobody listens: more changes, one of them another partner's.
    ids.push((await register(gold, dealBody(customer()))).body.id);
    await register(platinum, dealBody(customer()));
    ids.push((await register(gold, dealBody(customer()))).body.id);

    const resumed = await openStream(s.url, gold, m.id);
    const got: string[] = [];
    for (let i = 0; i < 3; i++) got.push(JSON.parse((await resumed.next()).data).id);
    assert.deepEqual(got, ids.slice(1));
    resumed.close();
  });

  it('refuses a Last-Event-ID it did not issue, and an unauthenticated caller', async () => {
    const bad = await s.request('GET', '/v1/events', {
      token: gold,
      headers: { 'last-event-id': 'nope' },
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].path, 'Last-Event-ID');
    const anonymous = await s.request('GET', '/v1/events');
    assert.equal(anonymous.status, 401);
  });

  it('lets go of a subscriber whose client went away', async () => {
    const before = subscriberCount();
    const st = await openStream(s.url, manager);
    await until(() => subscriberCount() === before + 1);
    st.close();
    await until(() => subscriberCount() === before);
  });

  it('ends streams cleanly when the server shuts down', async () => {
    const other = await startTestServer({ seed: 'none' });
    const token = await other.token('program_admin');
    const st = await openStream(other.url, token);
    assert.equal(st.status, 200);
    await until(() => st.raw().includes(': connected'));
    await other.close();
    await st.ended;
  });
});

describe(
  'events across server processes (PostgreSQL)',
  { skip: !usingPostgres, timeout: 90_000 },
  () => {
    let s: TestServer;
    let child: ReturnType<typeof spawn> | undefined;
    let childUrl: string;

    before(async () => {
      s = await startTestServer();
      const bin = fileURLToPath(new URL('../../bin/prm.mjs', import.meta.url));
      child = spawn(
        process.execPath,
        [bin, 'serve', '--port', '0', '--database-url', s.databaseUrl!, '--seed', 'none'],
        { env: { ...process.env, PRM_JWT_SECRET: s.secret }, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout!.setEncoding('utf8');
      childUrl = await new Promise<string>((resolve, reject) => {
        child!.once('exit', (code) =>
          reject(new Error(`second server exited with ${code}: ${out}`)),
        );
        child!.stdout!.on('data', (chunk: string) => {
          out += chunk;
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
      });
    });
    after(async () => {
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await s.close();
    });

    it('delivers an event committed by one process to a subscriber of another', async () => {
      const gold = await partnerToken(s, GOLD);
      const elsewhere = await openStream(childUrl, gold);
      assert.equal(elsewhere.status, 200);
      await until(() => elsewhere.raw().includes(': connected'));
      const here = await openStream(s.url, await s.token('seller'));
      const deal = (
        await s.request('POST', '/v1/deals', { token: gold, body: dealBody(customer()) })
      ).body;
      const m = await elsewhere.next();
      assert.equal(JSON.parse(m.data).id, deal.id);
      assert.equal(JSON.parse(m.data).partnerName, undefined);

      // And the other way round.
      const small = await partnerToken(s, REGISTERED);
      const r = await fetch(`${childUrl}/v1/deals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${small}`, 'content-type': 'application/json' },
        body: JSON.stringify(dealBody(customer())),
      });
      const made = (await r.json()) as Deal;
      assert.equal(r.status, 201);
      const first = JSON.parse((await here.next()).data) as Deal;
      const second = JSON.parse((await here.next()).data) as Deal;
      assert.deepEqual([first.id, second.id], [deal.id, made.id]);
      elsewhere.close();
      here.close();
    });

    it('loses nothing when the listening connection drops', async () => {
      const vendor = await s.token('channel_manager');
      const elsewhere = await openStream(childUrl, vendor);
      await until(() => elsewhere.raw().includes(': connected'));
      // The stream answers before its process's LISTEN has run: wait for that connection.
      await until(async () => {
        const { rows } = await s.store.query(
          `select 1 from pg_stat_activity
            where datname = current_database() and query = 'listen prm_events'`,
        );
        return rows.length > 0;
      });
      const killed = await s.store.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query = 'listen prm_events'`,
      );
      assert.ok(killed.rowCount >= 1, 'the listener connection was found');
      const platinum = await partnerToken(s, PLATINUM);
      const deal = (
        await s.request('POST', '/v1/deals', { token: platinum, body: dealBody(customer()) })
      ).body;
      const m = await elsewhere.next();
      assert.equal(JSON.parse(m.data).id, deal.id);
      elsewhere.close();
    });
  },
);
