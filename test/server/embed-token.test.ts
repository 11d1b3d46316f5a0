// mintEmbedToken (prm-widgets/server) against the real server: what a partner's backend signs is
// what the Partner API accepts, and nothing more.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import {
  EMBED_TOKEN_MAX_TTL_SECONDS,
  mintEmbedToken,
  TokenResponse,
} from '../../src/server/index.js';
import { EMBED_MAX_LIFETIME_SECONDS } from '../../src/server/identity/verify.js';
import { databaseLabel, startTestServer } from '../support/server.js';
import type { TestServer } from '../support/server.js';

describe(`mintEmbedToken against the server (${databaseLabel})`, () => {
  let server: TestServer;
  let adminToken: string;
  const key = { id: '', secret: '' };
  const partner = 'prt_brightpath';

  before(async () => {
    server = await startTestServer({ seed: 'demo' });
    // A partner admin issues the key for their own partner, as the API allows.
    adminToken = await server.token('partner_admin', { partner, sub: 'usr_brightpath_admin' });
    const created = await server.request('POST', `/v1/partners/${partner}/embed-keys`, {
      token: adminToken,
    });
    assert.equal(created.status, 201, created.text);
    Object.assign(key, { id: created.body.id, secret: created.body.secret });
  });
  after(() => server?.close());

  const me = (token: string) => server.request('GET', '/v1/me', { token });

  it('mints a token the server accepts, as the user the partner named', async () => {
    const minted = await mintEmbedToken({
      keyId: key.id,
      secret: key.secret,
      user: { id: 'jdoe@brightpath', name: 'Jo Doe', email: 'jo.doe@brightpath.example' },
      role: 'partner_admin',
      ttlSeconds: 300,
    });
    assert.ok(TokenResponse.safeParse(minted).success, 'the answer a token-url must give');
    const header = decodeProtectedHeader(minted.token);
    assert.equal(header.alg, 'HS256');
    assert.equal(header.kid, key.id);
    const claims = decodeJwt(minted.token);
    assert.equal(claims.exp! - claims.iat!, 300);
    assert.equal(new Date(minted.expiresAt).getTime(), claims.exp! * 1000);
    assert.equal(claims.partner, undefined, 'the partner comes from the key, not the token');

    const reply = await me(minted.token);
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.body.user, {
      id: 'jdoe@brightpath',
      name: 'Jo Doe',
      email: 'jo.doe@brightpath.example',
      role: 'partner_admin',
    });
    assert.equal(reply.body.partner.id, partner);
  });

  it('forces the partner to the key’s own, whatever the token claims', async () => {
    // A partner backend that tries to speak for another partner: hand-signed with an extra claim.
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ role: 'partner_user', partner: 'prt_kestrel' })
      .setProtectedHeader({ alg: 'HS256', kid: key.id })
      .setSubject('intruder')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode(key.secret));
    const reply = await me(forged);
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.partner.id, partner);
    const other = await server.request('GET', '/v1/partners/prt_kestrel', { token: forged });
    assert.equal(other.status, 404);
  });

  it('refuses a lifetime over 15 minutes, on both sides', async () => {
    assert.equal(EMBED_TOKEN_MAX_TTL_SECONDS, EMBED_MAX_LIFETIME_SECONDS);
    await assert.rejects(
      mintEmbedToken({
        keyId: key.id,
        secret: key.secret,
        user: { id: 'u1' },
        ttlSeconds: 15 * 60 + 1,
      }),
      RangeError,
    );
    // At the limit it is fine.
    const atLimit = await mintEmbedToken({
      keyId: key.id,
      secret: key.secret,
      user: { id: 'u1' },
      ttlSeconds: 15 * 60,
    });
    assert.equal((await me(atLimit.token)).status, 200);
    // Another language's library that ignores the limit: the server says no.
    const now = Math.floor(Date.now() / 1000);
    const long = await new SignJWT({ role: 'partner_user' })
      .setProtectedHeader({ alg: 'HS256', kid: key.id })
      .setSubject('u1')
      .setIssuedAt(now)
      .setExpirationTime(now + 16 * 60)
      .sign(new TextEncoder().encode(key.secret));
    const reply = await me(long);
    assert.equal(reply.status, 401);
    assert.equal(reply.body.code, 'unauthenticated');
  });

  it('refuses vendor roles and bad input before signing anything', async () => {
    const base = { keyId: key.id, secret: key.secret, user: { id: 'u1' } };
    await assert.rejects(
      mintEmbedToken({ ...base, role: 'channel_manager' as never }),
      /partner_user, partner_admin/,
    );
    await assert.rejects(mintEmbedToken({ ...base, keyId: '' }), TypeError);
    await assert.rejects(mintEmbedToken({ ...base, secret: '' }), TypeError);
    await assert.rejects(mintEmbedToken({ ...base, user: { id: '' } }), TypeError);
    await assert.rejects(mintEmbedToken({ ...base, ttlSeconds: 0 }), RangeError);
  });

  it('is refused once the key is revoked, and with a wrong secret', async () => {
    const wrong = await mintEmbedToken({
      keyId: key.id,
      secret: `${key.secret}x`,
      user: { id: 'u1' },
    });
    assert.equal((await me(wrong.token)).status, 401);

    const good = await mintEmbedToken({ keyId: key.id, secret: key.secret, user: { id: 'u1' } });
    assert.equal((await me(good.token)).status, 200);
    const revoked = await server.request('DELETE', `/v1/partners/${partner}/embed-keys/${key.id}`, {
      token: adminToken,
    });
    assert.equal(revoked.status, 204);
    const after = await me(good.token);
    assert.equal(after.status, 401);
    assert.equal(after.body.code, 'unauthenticated');
  });
});

describe('prm-widgets/server (src/server/index.ts)', () => {
  it('pulls in no database, no store and no route: a partner backend only signs tokens', () => {
    // Walk the relative imports from the entry; collect every package it names on the way.
    const entry = fileURLToPath(new URL('../../src/server/index.ts', import.meta.url));
    const seen = new Set<string>();
    const packages = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1]!;
        if (!spec.startsWith('.')) {
          packages.add(spec);
          continue;
        }
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        if (existsSync(target)) walk(target);
      }
    };
    walk(entry);
    assert.ok(seen.size > 2, 'the walk found the entry’s modules');
    const files = [...seen].map((f) => f.slice(f.indexOf('/src/') + 1));
    assert.deepEqual(
      files.filter((f) => /src\/server\/(store|routes|http|domain|seed|demo)\//.test(f)),
      [],
    );
    assert.deepEqual(
      [...packages].filter((p) => /^(pg|@electric-sql\/pglite|hono|@hono\/)/.test(p)),
      [],
    );
    assert.ok(packages.has('jose'));
  });
});
