// The isolation matrix: every endpoint × every role. A caller of partner A never reads or changes
// partner B's data (404), and what a role may not do answers 403.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import type { Role } from '../../src/core/schema/index.js';
import { ROLES, isPartnerRole } from '../../src/core/schema/index.js';
import { DEMO_IDS } from '../../src/server/seed/demo.js';
import type { TestServer } from '../support/server.js';
import { databaseLabel, startTestServer } from '../support/server.js';

const A = DEMO_IDS.partners.brightpath;
const B = DEMO_IDS.partners.kestrel;

let s: TestServer;
let keyB: { id: string; secret: string };
const tokens = {} as Record<Role, string>;

/** What a role gets: a status, or a check of the body. */
type Expect = number | ((r: { status: number; body: any }, role: Role) => void); // eslint-disable-line @typescript-eslint/no-explicit-any

interface Case {
  name: string;
  method: string;
  path: () => string;
  body?: (role: Role) => unknown;
  expect: (role: Role) => Expect;
}

const vendorOnly = (ok: number, roles: Role[]) => (role: Role) => (roles.includes(role) ? ok : 403);
const partnerBody = (role: Role) => ({
  name: `Isolation ${role}`,
  type: 'reseller',
  region: 'EMEA',
  domains: [],
});
const tiersBody = () => ({
  tiers: DEMO_IDS.tiers.map((id, i) => ({
    id,
    name: id.slice(5),
    rank: i + 1,
    requirements: {},
    benefits: [],
  })),
});
const programBody = () => ({
  name: 'Lumenfold Partner Network',
  products: DEMO_IDS.products.map((id) => ({ id, name: id })),
  currencies: ['USD'],
});
const opportunityBody = (role: Role) => ({
  externalId: `ISO-${role}`,
  customer: { name: 'Isolation Customer', domain: 'isolation.example' },
  products: ['lf-core'],
  stage: 'open',
});

const CASES: Case[] = [
  {
    name: "GET another partner's record",
    method: 'GET',
    path: () => `/v1/partners/${B}`,
    expect: (role) => (isPartnerRole(role) ? 404 : 200),
  },
  {
    name: "GET one's own partner record",
    method: 'GET',
    path: () => `/v1/partners/${A}`,
    expect: () => 200,
  },
  {
    name: 'GET the partner list',
    method: 'GET',
    path: () => '/v1/partners?limit=200',
    expect: (role) => (r) => {
      assert.equal(r.status, 200);
      const ids = r.body.items.map((p: { id: string }) => p.id);
      if (isPartnerRole(role)) assert.deepEqual(ids, [A]);
      else assert.ok(ids.includes(A) && ids.includes(B));
    },
  },
  {
    name: 'GET the partner list filtered to another partner by name',
    method: 'GET',
    path: () => '/v1/partners?q=Kestrel',
    expect: (role) => (r) => {
      assert.equal(r.status, 200);
      assert.equal(r.body.items.length, isPartnerRole(role) ? 0 : 1);
    },
  },
  {
    name: 'POST an embed key for another partner',
    method: 'POST',
    path: () => `/v1/partners/${B}/embed-keys`,
    expect: (role) => (role === 'partner_admin' ? 404 : role === 'program_admin' ? 201 : 403),
  },
  {
    name: "POST an embed key for one's own partner",
    method: 'POST',
    path: () => `/v1/partners/${A}/embed-keys`,
    expect: (role) => (role === 'partner_admin' || role === 'program_admin' ? 201 : 403),
  },
  {
    name: "DELETE another partner's embed key",
    method: 'DELETE',
    path: () => `/v1/partners/${B}/embed-keys/${keyB.id}`,
    // The program admin runs last (see the role order), so the key lives through the others.
    expect: (role) => (role === 'partner_admin' ? 404 : role === 'program_admin' ? 204 : 403),
  },
  {
    name: "DELETE another partner's embed key through one's own partner",
    method: 'DELETE',
    path: () => `/v1/partners/${A}/embed-keys/${keyB.id}`,
    expect: (role) => (role === 'partner_admin' || role === 'program_admin' ? 404 : 403),
  },
  {
    name: 'POST a partner',
    method: 'POST',
    path: () => '/v1/partners',
    body: partnerBody,
    expect: vendorOnly(201, ['program_admin']),
  },
  { name: 'GET the program', method: 'GET', path: () => '/v1/program', expect: () => 200 },
  {
    name: 'PUT the program',
    method: 'PUT',
    path: () => '/v1/program',
    body: programBody,
    expect: vendorOnly(200, ['program_admin']),
  },
  { name: 'GET the tiers', method: 'GET', path: () => '/v1/program/tiers', expect: () => 200 },
  {
    name: 'PUT the tiers',
    method: 'PUT',
    path: () => '/v1/program/tiers',
    body: tiersBody,
    expect: vendorOnly(200, ['program_admin']),
  },
  {
    name: 'GET opportunities',
    method: 'GET',
    path: () => '/v1/opportunities',
    expect: vendorOnly(200, ['seller', 'channel_manager', 'program_admin', 'integration']),
  },
  {
    name: 'POST an opportunity',
    method: 'POST',
    path: () => '/v1/opportunities',
    body: opportunityBody,
    expect: vendorOnly(201, ['integration', 'program_admin']),
  },
  {
    name: 'GET the audit log',
    method: 'GET',
    path: () => '/v1/audit',
    expect: vendorOnly(200, ['program_admin']),
  },
  {
    name: "GET the audit log of another partner's resource",
    method: 'GET',
    path: () => `/v1/audit?resourceId=${B}`,
    expect: vendorOnly(200, ['program_admin']),
  },
  {
    name: 'GET /v1/me',
    method: 'GET',
    path: () => '/v1/me',
    expect: (role) => (r) => {
      assert.equal(r.status, 200);
      assert.equal(r.body.partner?.id ?? null, isPartnerRole(role) ? A : null);
    },
  },
];

// Partner roles first and the program admin last: its successful changes must not hide what
// the roles before it could or could not do.
const ORDER: Role[] = [...ROLES].sort(
  (a, b) => Number(a === 'program_admin') - Number(b === 'program_admin'),
);

describe(`isolation matrix (${databaseLabel})`, () => {
  before(async () => {
    s = await startTestServer();
    for (const role of ROLES) {
      tokens[role] = await s.token(role, isPartnerRole(role) ? { partner: A } : {});
    }
    const admin = tokens.program_admin;
    const r = await s.request('POST', `/v1/partners/${B}/embed-keys`, { token: admin });
    assert.equal(r.status, 201);
    keyB = r.body;
  });
  after(() => s.close());

  for (const c of CASES) {
    it(c.name, async () => {
      for (const role of ORDER) {
        const r = await s.request(c.method, c.path(), {
          token: tokens[role],
          ...(c.body ? { body: c.body(role) } : {}),
        });
        const expected = c.expect(role);
        if (typeof expected === 'number') {
          assert.equal(
            r.status,
            expected,
            `${role}: ${c.method} ${c.path()} → ${r.status} ${r.text}`,
          );
          if (expected >= 400) {
            assert.equal(r.body.code, expected === 404 ? 'not_found' : 'forbidden', role);
          }
        } else {
          expected(r, role);
        }
      }
    });
  }

  it("partner B's data is as it was, and the key the others failed to revoke worked until the admin did", async () => {
    const b = await s.request('GET', `/v1/partners/${B}`, { token: tokens.program_admin });
    assert.equal(b.body.name, 'Kestrel Integration Group');
    const keys = await s.store.query<{ partner_id: string; revoked_by: string }>(
      `select k.partner_id, a.actor_role as revoked_by from embed_keys k
         join audit_entries a on a.resource_id = k.id and a.action = 'embed_key.revoked'
        where k.id = $1`,
      [keyB.id],
    );
    assert.deepEqual(keys.rows, [{ partner_id: B, revoked_by: 'program_admin' }]);
    // Every key a partner admin of A created belongs to A.
    const created = await s.store.query<{ partner_id: string }>(
      `select k.partner_id from embed_keys k
         join audit_entries a on a.resource_id = k.id and a.action = 'embed_key.created'
        where a.actor_role = 'partner_admin'`,
    );
    assert.ok(created.rows.length > 0 && created.rows.every((k) => k.partner_id === A));
  });

  it('an embed-key token of A naming partner B acts as A', async () => {
    const r = await s.request('POST', `/v1/partners/${A}/embed-keys`, {
      token: tokens.partner_admin,
    });
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: 'partner_admin', partner: B })
      .setProtectedHeader({ alg: 'HS256', kid: r.body.id })
      .setSubject('usr_embed')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode(r.body.secret));
    assert.equal((await s.request('GET', `/v1/partners/${B}`, { token })).status, 404);
    const me = await s.request('GET', '/v1/me', { token });
    assert.equal(me.body.partner.id, A);
    const list = await s.request('GET', '/v1/partners', { token });
    assert.deepEqual(
      list.body.items.map((p: { id: string }) => p.id),
      [A],
    );
  });
});
