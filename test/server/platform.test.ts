// The platform endpoints over HTTP: health, me, program, tiers, partners, opportunities, audit,
// OpenAPI and docs, CORS and request logs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AuditPage,
  Me,
  OpportunityPage,
  Partner,
  PartnerPage,
  Program,
  Tiers,
} from '../../src/core/schema/index.js';
import { DEMO_IDS, demoPartners } from '../../src/server/seed/demo.js';
import type { TestServer } from '../support/server.js';
import { databaseLabel, startTestServer } from '../support/server.js';

let s: TestServer;
let admin: string;

describe(`platform endpoints (${databaseLabel})`, () => {
  before(async () => {
    s = await startTestServer();
    admin = await s.token('program_admin', { sub: DEMO_IDS.users.programAdmin });
  });
  after(() => s.close());

  it('GET /v1/health needs no token', async () => {
    const r = await s.request('GET', '/v1/health');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.database, s.store.kind);
  });

  it('GET /v1/me answers the partner and its tier for partner roles, null for vendor roles', async () => {
    const token = await s.token('partner_user', {
      partner: DEMO_IDS.partners.brightpath,
      sub: DEMO_IDS.users.brightpathUser,
    });
    const r = await s.request('GET', '/v1/me', { token });
    assert.equal(r.status, 200);
    const me = Me.parse(r.body);
    assert.equal(me.user.id, DEMO_IDS.users.brightpathUser);
    assert.match(me.user.email, /@brightpath\.example$/);
    assert.equal(me.partner?.id, DEMO_IDS.partners.brightpath);
    assert.equal(me.partner?.tier.id, 'tier_gold');
    const vendor = await s.request('GET', '/v1/me', { token: admin });
    assert.equal(Me.parse(vendor.body).partner, null);
    assert.equal(vendor.body.user.role, 'program_admin');
  });

  it('GET and PUT /v1/program, with defaults and an audit entry', async () => {
    const r = await s.request('GET', '/v1/program', { token: await s.token('seller') });
    assert.equal(Program.parse(r.body).name, 'Lumenfold Partner Network');
    const put = await s.request('PUT', '/v1/program', {
      token: admin,
      body: { name: 'Renamed Network', products: r.body.products, currencies: ['USD', 'EUR'] },
    });
    assert.equal(put.status, 200);
    assert.deepEqual(
      [put.body.slaHours, put.body.protectionDays, put.body.claimWindowDays],
      [48, 90, 60],
    );
    assert.equal(
      (await s.request('GET', '/v1/program', { token: admin })).body.name,
      'Renamed Network',
    );
    const log = await s.request('GET', '/v1/audit?resourceId=program&limit=1', { token: admin });
    const entry = AuditPage.parse(log.body).items[0]!;
    assert.equal(entry.action, 'program.updated');
    assert.equal(entry.actor.id, DEMO_IDS.users.programAdmin);
    assert.equal((entry.before as { name: string }).name, 'Lumenfold Partner Network');
    assert.equal((entry.after as { name: string }).name, 'Renamed Network');
  });

  it('a new partner starts at the lowest-ranked tier; GET one answers it', async () => {
    const tiers = Tiers.parse((await s.request('GET', '/v1/program/tiers', { token: admin })).body);
    assert.deepEqual(
      tiers.tiers.map((t) => t.id),
      [...DEMO_IDS.tiers],
    );
    const r = await s.request('POST', '/v1/partners', {
      token: admin,
      body: { name: 'Fresh Partner', type: 'msp', region: 'EMEA', domains: ['Fresh.Example'] },
    });
    assert.equal(r.status, 201);
    const p = Partner.parse(r.body);
    assert.equal(p.tierId, 'tier_registered');
    assert.deepEqual(p.domains, ['fresh.example']);
    assert.equal(r.headers.get('location'), `/v1/partners/${p.id}`);
    const one = await s.request('GET', `/v1/partners/${p.id}`, { token: admin });
    assert.deepEqual(one.body, r.body);
  });

  it('PUT /v1/program/tiers replaces the ladder and moves partners off removed tiers', async () => {
    const before = Tiers.parse(
      (await s.request('GET', '/v1/program/tiers', { token: admin })).body,
    );
    const kept = before.tiers.filter((t) => t.id !== 'tier_silver');
    const body = {
      tiers: [
        { id: 'tier_entry', name: 'Entry', rank: 0, requirements: {}, benefits: ['Portal'] },
        ...kept.map((t) => ({
          id: t.id,
          name: t.name,
          rank: t.rank,
          requirements: t.requirements,
          benefits: t.benefits,
          ...(t.autoApproveLimit ? { autoApproveLimit: t.autoApproveLimit } : {}),
        })),
      ],
    };
    const r = await s.request('PUT', '/v1/program/tiers', { token: admin, body });
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.tiers.map((t: { id: string }) => t.id),
      ['tier_entry', 'tier_registered', 'tier_gold', 'tier_platinum'],
    );
    const harborview = await s.request('GET', `/v1/partners/${DEMO_IDS.partners.harborview}`, {
      token: admin,
    });
    // Tiers are evaluated on a definition change (issue 12): off the removed tier, a partner lands
    // on the highest tier it qualifies for — here Registered, which requires nothing.
    assert.equal(
      harborview.body.tierId,
      'tier_registered',
      'a silver partner moved off the removed tier, to the highest it qualifies for',
    );
    const duplicateRanks = await s.request('PUT', '/v1/program/tiers', {
      token: admin,
      body: { tiers: [body.tiers[0], { ...body.tiers[1], rank: 0 }] },
    });
    assert.equal(duplicateRanks.status, 422);
    assert.equal(duplicateRanks.body.errors[0].path, 'tiers');
  });

  it('lists partners oldest first with stable cursors while partners are added', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let added = 0;
    do {
      const r = await s.request('GET', `/v1/partners?limit=5${cursor ? `&cursor=${cursor}` : ''}`, {
        token: admin,
      });
      const pg = PartnerPage.parse(r.body);
      seen.push(...pg.items.map((p) => p.id));
      cursor = pg.nextCursor;
      if (cursor && added < 3) {
        added++;
        await s.request('POST', '/v1/partners', {
          token: admin,
          body: { name: `Concurrent ${added}`, type: 'si', region: 'APAC', domains: [] },
        });
      }
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length, 'no partner twice');
    const demo = demoPartners().map((p) => p.id);
    assert.deepEqual(seen.slice(0, demo.length), demo, 'every demo partner, oldest first');
    const all = await s.request('GET', '/v1/partners?limit=200', { token: admin });
    assert.deepEqual(
      seen,
      all.body.items.map((p: { id: string }) => p.id),
    );
    const filtered = await s.request('GET', '/v1/partners?type=referral', { token: admin });
    assert.ok(filtered.body.items.length >= 2);
    assert.ok(filtered.body.items.every((p: { type: string }) => p.type === 'referral'));
  });

  it('POST /v1/opportunities upserts by externalId on the registrable domain', async () => {
    const token = await s.token('integration');
    const body = {
      externalId: 'CRM-TEST-1',
      customer: { name: 'Zephyr Mills', domain: 'https://eu.sales.zephyr-mills.co.uk/x' },
      products: ['lf-core'],
      stage: 'open',
    };
    const created = await s.request('POST', '/v1/opportunities', { token, body });
    assert.equal(created.status, 201);
    assert.equal(created.body.customer.domain, 'zephyr-mills.co.uk');
    const updated = await s.request('POST', '/v1/opportunities', {
      token,
      body: { ...body, stage: 'won', ownerEmail: 'a.seller@lumenfold.example' },
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.id, created.body.id);
    assert.equal(updated.body.stage, 'won');
    const list = await s.request('GET', '/v1/opportunities?customerDomain=www.zephyr-mills.co.uk', {
      token: await s.token('seller'),
    });
    const pg = OpportunityPage.parse(list.body);
    assert.deepEqual(
      pg.items.map((o) => o.externalId),
      ['CRM-TEST-1'],
    );
    const history = await s.request('GET', `/v1/audit?resourceId=${created.body.id}`, {
      token: admin,
    });
    assert.deepEqual(
      history.body.items.map((e: { action: string }) => e.action),
      ['opportunity.updated', 'opportunity.created'],
    );
  });

  it('pages opportunities newest first', async () => {
    const token = await s.token('seller');
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await s.request(
        'GET',
        `/v1/opportunities?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      );
      const pg = OpportunityPage.parse(r.body);
      assert.ok(pg.items.length <= 3);
      ids.push(...pg.items.map((o) => o.createdAt + ' ' + o.id));
      cursor = pg.nextCursor;
    } while (cursor);
    assert.ok(ids.length >= 11);
    assert.deepEqual([...ids].sort().reverse(), ids);
  });

  it('GET /v1/audit filters by actor and pages with a cursor', async () => {
    const r1 = await s.request('GET', `/v1/audit?actorId=${DEMO_IDS.users.programAdmin}&limit=2`, {
      token: admin,
    });
    const p1 = AuditPage.parse(r1.body);
    assert.equal(p1.items.length, 2);
    assert.ok(p1.nextCursor);
    const r2 = await s.request(
      'GET',
      `/v1/audit?actorId=${DEMO_IDS.users.programAdmin}&limit=2&cursor=${p1.nextCursor}`,
      { token: admin },
    );
    const p2 = AuditPage.parse(r2.body);
    assert.ok(p2.items.length > 0);
    const all = [...p1.items, ...p2.items];
    assert.equal(new Set(all.map((e) => e.id)).size, all.length);
    assert.ok(all.every((e) => e.actor.id === DEMO_IDS.users.programAdmin));
    assert.ok(p1.items[1]!.at >= p2.items[0]!.at);
  });

  it('audit entries cannot be changed or deleted, through the API or in the database', async () => {
    const entry = (await s.request('GET', '/v1/audit?limit=1', { token: admin })).body.items[0];
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const r = await s.request(method, '/v1/audit', { token: admin });
      assert.equal(r.status, 405);
    }
    await assert.rejects(
      s.store.query(`update audit_entries set action = 'x' where id = $1`, [entry.id]),
      /append-only/,
    );
    await assert.rejects(
      s.store.query(`delete from audit_entries where id = $1`, [entry.id]),
      /append-only/,
    );
    const again = await s.request('GET', `/v1/audit?resourceId=${entry.resourceId}`, {
      token: admin,
    });
    assert.ok(
      again.body.items.some(
        (e: { id: string; action: string }) => e.id === entry.id && e.action === entry.action,
      ),
    );
  });

  it('a state change and its audit entry commit together or not at all', async () => {
    const before = (
      await s.store.query<{ n: number }>('select count(*)::int as n from audit_entries')
    ).rows[0]!.n;
    const partners = (await s.store.query<{ n: number }>('select count(*)::int as n from partners'))
      .rows[0]!.n;
    await assert.rejects(
      s.store.withTransaction(async (tx) => {
        await tx.query(
          `insert into partners (id, name, type, region, tier_id) values ('prt_rollback', 'R', 'si', 'EMEA', 'tier_gold')`,
        );
        const { audit } = await import('../../src/server/audit.js');
        await audit(tx, {
          actor: { id: 'x', role: 'program_admin', partnerId: null },
          action: 'partner.created',
          resourceType: 'partner',
          resourceId: 'prt_rollback',
        });
        throw new Error('fails after both writes');
      }),
      /fails after both writes/,
    );
    assert.equal(
      (await s.store.query<{ n: number }>('select count(*)::int as n from audit_entries')).rows[0]!
        .n,
      before,
    );
    assert.equal(
      (await s.store.query<{ n: number }>('select count(*)::int as n from partners')).rows[0]!.n,
      partners,
    );
  });

  it('serves OpenAPI 3.1 generated from the schemas, and a docs page', async () => {
    const r = await s.request('GET', '/openapi.json');
    assert.equal(r.status, 200);
    assert.equal(r.body.openapi, '3.1.0');
    const post = r.body.paths['/v1/partners'].post;
    assert.equal(
      post.requestBody.content['application/json'].schema.$ref,
      '#/components/schemas/PartnerInput',
    );
    const input = r.body.components.schemas.PartnerInput;
    assert.deepEqual(input.required.sort(), ['domains', 'name', 'region', 'type']);
    assert.equal(input.additionalProperties, false);
    assert.deepEqual(r.body.paths['/v1/partners/{id}'].get.parameters[0].name, 'id');
    assert.ok(
      r.body.paths['/v1/audit'].get.parameters.some((p: { name: string }) => p.name === 'actorId'),
    );
    assert.deepEqual(r.body.paths['/v1/audit'].get['x-roles'], ['program_admin']);
    const docs = await s.request('GET', '/docs');
    assert.equal(docs.status, 200);
    assert.match(docs.headers.get('content-type')!, /text\/html/);
    assert.match(docs.text, /<code>\/v1\/partners\/\{id\}<\/code>/);
    assert.match(docs.text, /id="error-validation_failed"/);
    assert.doesNotMatch(docs.text, /<script|https?:\/\/cdn/);
  });

  it('answers CORS preflights and exposes its headers', async () => {
    const pre = await fetch(`${s.url}/v1/partners`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://partner.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    assert.match(pre.headers.get('access-control-allow-headers')!, /Idempotency-Key/i);
    const r = await s.request('GET', '/v1/health', {
      headers: { origin: 'https://partner.example' },
    });
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.match(r.headers.get('access-control-expose-headers')!, /X-Request-Id/);
    assert.match(r.headers.get('access-control-expose-headers')!, /Idempotent-Replayed/);
    assert.match(r.headers.get('access-control-expose-headers')!, /Retry-After/);
    // A content file fetched from another origin: resumed or revalidated, and its name readable.
    const file = await fetch(`${s.url}/v1/content/ast_x/files/pdf`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://partner.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, range, if-range, if-none-match',
      },
    });
    const allowed = file.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const h of ['range', 'if-range', 'if-none-match']) assert.ok(allowed.includes(h), h);
    const exposed = r.headers.get('access-control-expose-headers')!.toLowerCase();
    for (const h of ['etag', 'content-disposition', 'content-range', 'accept-ranges']) {
      assert.ok(exposed.includes(h), h);
    }
  });

  it('limits browser callers to the configured origins when given', async () => {
    const limited = await startTestServer({
      corsOrigins: ['https://allowed.example'],
      seed: 'none',
    });
    try {
      const ok = await limited.request('GET', '/v1/health', {
        headers: { origin: 'https://allowed.example' },
      });
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://allowed.example');
      const other = await limited.request('GET', '/v1/health', {
        headers: { origin: 'https://other.example' },
      });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      await limited.close();
    }
  });

  it('logs one JSON line per request and echoes or generates X-Request-Id', async () => {
    const r = await s.request('GET', '/v1/health', { headers: { 'x-request-id': 'abc-123' } });
    assert.equal(r.headers.get('x-request-id'), 'abc-123');
    const line = s.logs.find((l) => l.requestId === 'abc-123')!;
    assert.deepEqual(
      { method: line.method, path: line.path, status: line.status },
      { method: 'GET', path: '/v1/health', status: 200 },
    );
    assert.equal(typeof line.durationMs, 'number');
    const generated = await s.request('GET', '/v1/nope');
    assert.match(generated.headers.get('x-request-id')!, /^req_/);
    assert.ok(
      s.logs.some((l) => l.requestId === generated.headers.get('x-request-id') && l.status === 404),
    );
  });
});
