// Identity: the server's own tokens, partner embed keys and trusted issuers (JWKS and PEM).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { CryptoKey, JWK } from 'jose';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { DEMO_IDS, demoUsers } from '../../src/server/seed/demo.js';
import type { TestServer } from '../support/server.js';
import { databaseLabel, startTestServer } from '../support/server.js';

const A = DEMO_IDS.partners.brightpath;
const ENTRA = 'https://login.test/entra-tenant/v2.0';
const SFDC = 'https://acme-org.my.salesforce.test';

let s: TestServer;
let jwks: ReturnType<typeof createServer>;
let entraKey: CryptoKey;
let sfdcKey: CryptoKey;
let rogueKey: CryptoKey;

const enc = (secret: string) => new TextEncoder().encode(secret);
const now = () => Math.floor(Date.now() / 1000);

async function sign(
  key: CryptoKey | Uint8Array,
  claims: Record<string, unknown>,
  o: {
    alg?: string;
    kid?: string;
    iss?: string;
    aud?: string;
    sub?: string;
    iat?: number;
    exp?: number;
  } = {},
) {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: o.alg ?? 'HS256', ...(o.kid ? { kid: o.kid } : {}) })
    .setSubject(o.sub ?? 'usr_someone')
    .setIssuedAt(o.iat ?? now())
    .setExpirationTime(o.exp ?? now() + 300);
  if (o.iss) jwt = jwt.setIssuer(o.iss);
  if (o.aud) jwt = jwt.setAudience(o.aud);
  return jwt.sign(key);
}

const me = (token: string) => s.request('GET', '/v1/me', { token });
const unauthenticated = async (token: string, why: RegExp) => {
  const r = await me(token);
  assert.equal(r.status, 401, r.text);
  assert.equal(r.body.code, 'unauthenticated');
  assert.match(r.body.detail, why);
};

describe(`identity (${databaseLabel})`, () => {
  before(async () => {
    const entra = await generateKeyPair('RS256');
    const sfdc = await generateKeyPair('ES256');
    rogueKey = (await generateKeyPair('RS256')).privateKey;
    entraKey = entra.privateKey;
    sfdcKey = sfdc.privateKey;
    const jwk: JWK = {
      ...(await exportJWK(entra.publicKey)),
      kid: 'entra-1',
      alg: 'RS256',
      use: 'sig',
    };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const port = (jwks.address() as AddressInfo).port;
    s = await startTestServer({
      trustedIssuers: [
        {
          issuer: ENTRA,
          jwksUrl: `http://127.0.0.1:${port}/keys`,
          audience: 'api://prm',
          vendorDomains: ['lumenfold.example'],
          vendorRole: 'channel_manager',
          partnerRole: 'partner_user',
        },
        {
          issuer: SFDC,
          publicKey: await exportSPKI(sfdc.publicKey),
          algorithms: ['ES256'],
          audience: 'prm-api',
        },
      ],
    });
  });
  after(async () => {
    await s.close();
    jwks.close();
  });

  describe('the server secret', () => {
    it('accepts its own tokens', async () => {
      const r = await me(
        await s.token('seller', { sub: 'usr_x', name: 'X Y', email: 'x@y.example' }),
      );
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.user, {
        id: 'usr_x',
        name: 'X Y',
        email: 'x@y.example',
        role: 'seller',
      });
    });
    it('refuses expired tokens, other secrets, other audiences and bad claims', async () => {
      await unauthenticated(await s.token('seller', { ttlSeconds: -120 }), /expired/);
      const base = { iss: 'prm', aud: 'prm-api' };
      await unauthenticated(
        await sign(enc('not the secret'), { role: 'seller' }, base),
        /signature/,
      );
      await unauthenticated(
        await sign(enc(s.secret), { role: 'seller' }, { ...base, aud: 'other' }),
        /aud/,
      );
      await unauthenticated(await sign(enc(s.secret), { role: 'owner' }, base), /claims/);
      await unauthenticated(await sign(enc(s.secret), { role: 'partner_user' }, base), /partner/);
      await unauthenticated(
        await sign(enc(s.secret), { role: 'partner_user', partner: 'prt_nobody' }, base),
        /partner/,
      );
      await unauthenticated('not-a-jwt', /JWT/);
      const bare = await s.request('GET', '/v1/me', { headers: { authorization: 'Basic abc' } });
      assert.equal(bare.status, 401);
    });
    it('ignores a partner claim on a vendor role', async () => {
      const r = await me(await s.token('channel_manager', { partner: A }));
      assert.equal(r.body.partner, null);
    });
  });

  describe('embed keys', () => {
    let key: { id: string; secret: string };
    before(async () => {
      const token = await s.token('partner_admin', { partner: A });
      const r = await s.request('POST', `/v1/partners/${A}/embed-keys`, { token });
      assert.equal(r.status, 201);
      assert.match(r.body.id, /^ek_/);
      assert.ok(r.body.secret.length >= 32);
      key = r.body;
    });

    it('signs partner-role tokens for its partner, whatever the token says', async () => {
      const token = await sign(
        enc(key.secret),
        { role: 'partner_admin', partner: DEMO_IDS.partners.kestrel, name: 'Embedded' },
        { kid: key.id, sub: 'crm-user-7' },
      );
      const r = await me(token);
      assert.equal(r.status, 200);
      assert.equal(r.body.user.id, 'crm-user-7');
      assert.equal(r.body.user.role, 'partner_admin');
      assert.equal(r.body.partner.id, A);
      const noRole = await me(await sign(enc(key.secret), {}, { kid: key.id }));
      assert.equal(noRole.body.user.role, 'partner_user');
    });

    it('refuses vendor roles, lifetimes over 15 minutes and missing iat', async () => {
      await unauthenticated(
        await sign(enc(key.secret), { role: 'program_admin' }, { kid: key.id }),
        /partner roles/,
      );
      await unauthenticated(
        await sign(
          enc(key.secret),
          { role: 'partner_user' },
          { kid: key.id, iat: now(), exp: now() + 16 * 60 },
        ),
        /15 minutes/,
      );
      const noIat = await new SignJWT({ role: 'partner_user' })
        .setProtectedHeader({ alg: 'HS256', kid: key.id })
        .setSubject('u')
        .setExpirationTime(now() + 60)
        .sign(enc(key.secret));
      await unauthenticated(noIat, /iat/);
      await unauthenticated(
        await sign(enc(s.secret), { role: 'partner_user' }, { kid: key.id }),
        /signature/,
      );
      await unauthenticated(
        await sign(enc(key.secret), { role: 'partner_user' }, { kid: 'ek_unknown' }),
        /embed key/,
      );
    });

    it('stops working the moment it is revoked, and the secret is never in the audit log', async () => {
      const token = await sign(enc(key.secret), { role: 'partner_user' }, { kid: key.id });
      assert.equal((await me(token)).status, 200);
      const admin = await s.token('partner_admin', { partner: A });
      const del = await s.request('DELETE', `/v1/partners/${A}/embed-keys/${key.id}`, {
        token: admin,
      });
      assert.equal(del.status, 204);
      await unauthenticated(token, /revoked/);
      const again = await s.request('DELETE', `/v1/partners/${A}/embed-keys/${key.id}`, {
        token: admin,
      });
      assert.equal(again.status, 404);
      const log = await s.request('GET', `/v1/audit?resourceId=${key.id}`, {
        token: await s.token('program_admin'),
      });
      assert.deepEqual(
        log.body.items.map((e: { action: string }) => e.action),
        ['embed_key.revoked', 'embed_key.created'],
      );
      assert.ok(!log.text.includes(key.secret));
    });
  });

  describe('trusted issuers', () => {
    const entra = (claims: Record<string, unknown>, o: { aud?: string } = {}) =>
      sign(entraKey, claims, {
        alg: 'RS256',
        kid: 'entra-1',
        iss: ENTRA,
        aud: o.aud ?? 'api://prm',
        sub: 'aad-object-1',
      });

    it('maps a known user by email to their role and partner (JWKS)', async () => {
      const user = demoUsers().find((u) => u.id === DEMO_IDS.users.brightpathAdmin)!;
      const r = await me(
        await entra({ preferred_username: user.email.toUpperCase(), name: 'From Entra' }),
      );
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.user.id, user.id);
      assert.equal(r.body.user.role, 'partner_admin');
      assert.equal(r.body.partner.id, A);
    });

    it("maps an unknown user to a partner by the email's domain, with the default role", async () => {
      const r = await me(await entra({ email: 'new.person@eu.brightpath.example' }));
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.user.role, 'partner_user');
      assert.equal(r.body.partner.id, A);
      assert.match(r.body.user.id, /^ext_/);
    });

    it('maps vendor staff by the vendor domains', async () => {
      const r = await me(await entra({ email: 'someone@lumenfold.example' }));
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.user.role, 'channel_manager');
      assert.equal(r.body.partner, null);
    });

    it('refuses unknown domains, other audiences, other keys and unknown issuers', async () => {
      await unauthenticated(await entra({ email: 'who@unknown.example' }), /matches/);
      await unauthenticated(
        await entra({ email: 'x@brightpath.example' }, { aud: 'api://other' }),
        /aud/,
      );
      await unauthenticated(
        await sign(
          rogueKey,
          { email: 'x@brightpath.example' },
          { alg: 'RS256', kid: 'entra-1', iss: ENTRA, aud: 'api://prm' },
        ),
        /signature/,
      );
      await unauthenticated(
        await sign(
          rogueKey,
          { email: 'x@brightpath.example' },
          { alg: 'RS256', iss: 'https://evil.test', aud: 'api://prm' },
        ),
        /not trusted/,
      );
    });

    it('verifies with a configured PEM key (ES256)', async () => {
      const user = demoUsers().find((u) => u.role === 'seller')!;
      const token = await sign(
        sfdcKey,
        { email: user.email },
        { alg: 'ES256', iss: SFDC, aud: 'prm-api' },
      );
      const r = await me(token);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.user.id, user.id);
      assert.equal(r.body.user.role, 'seller');
    });
  });
});

describe('PRM_TRUSTED_ISSUERS', () => {
  it('reads inline JSON, a file, and refuses what it cannot use', async () => {
    const { readTrustedIssuers } = await import('../../src/server/identity/trusted-issuers.js');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const one = { issuer: ENTRA, jwksUrl: 'https://login.test/keys', audience: 'api://prm' };
    assert.deepEqual(readTrustedIssuers(JSON.stringify(one)), [one]);
    assert.deepEqual(readTrustedIssuers(JSON.stringify({ issuers: [one] })), [one]);
    const dir = mkdtempSync(join(tmpdir(), 'prm-issuers-'));
    try {
      const file = join(dir, 'issuers.json');
      writeFileSync(file, JSON.stringify([one, { ...one, issuer: SFDC }]));
      assert.deepEqual(
        readTrustedIssuers(file).map((i) => i.issuer),
        [ENTRA, SFDC],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(readTrustedIssuers(undefined), []);
    assert.throws(() => readTrustedIssuers('/no/such/file.json'), /no such file/);
    assert.throws(
      () => readTrustedIssuers(JSON.stringify({ issuer: ENTRA, audience: 'x' })),
      /exactly one of jwksUrl and publicKey/,
    );
    assert.throws(
      () => readTrustedIssuers(JSON.stringify({ ...one, vendorRole: 'partner_admin' })),
      /vendorRole/,
    );
  });
});
