// A Salesforce org as a trusted issuer: its External Credential signs a JWT per user (the org's
// certificate, our audience) with the email, `UserType` and, for Experience Cloud users, the
// partner id of their account. Org staff are sellers by default; Experience Cloud users are only
// ever their partner's users (by the partner claim, else the email's domain), never staff.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CryptoKey } from 'jose';
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { DEMO_IDS, demoUsers } from '../../src/server/seed/demo.js';
import type { TestServer } from '../support/server.js';
import { databaseLabel, startTestServer } from '../support/server.js';

const ORG = 'https://acme-org.my.salesforce.test';
const STAFF_ORG = 'https://other-org.my.salesforce.test';
const BRIGHTPATH = DEMO_IDS.partners.brightpath;
let s: TestServer;
let orgKey: CryptoKey;

const now = () => Math.floor(Date.now() / 1000);
let n = 0;
async function salesforceToken(claims: Record<string, unknown>, iss = ORG) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(iss)
    .setAudience('prm-api')
    .setSubject(`005Dn00000${String(n++).padStart(5, '0')}`)
    .setIssuedAt(now())
    .setExpirationTime(now() + 300)
    .sign(orgKey);
}
const me = async (claims: Record<string, unknown>, iss?: string) =>
  s.request('GET', '/v1/me', { token: await salesforceToken(claims, iss) });

describe(`identity: a Salesforce org (${databaseLabel})`, () => {
  before(async () => {
    const pair = await generateKeyPair('RS256');
    orgKey = pair.privateKey;
    const publicKey = await exportSPKI(pair.publicKey);
    s = await startTestServer({
      trustedIssuers: [
        {
          issuer: ORG,
          publicKey,
          algorithms: ['RS256'],
          audience: 'prm-api',
          // A vendor domain too: an Experience Cloud user with such an email must not be staff.
          vendorDomains: ['lumenfold.example'],
          salesforce: {},
        },
        {
          issuer: STAFF_ORG,
          publicKey,
          algorithms: ['RS256'],
          audience: 'prm-api',
          salesforce: {
            staffRole: 'channel_manager',
            partnerClaim: 'partner',
            userTypeClaim: 'ut',
          },
        },
      ],
    });
  });
  after(() => s.close());

  it('makes org staff sellers by default, whatever their email, and the configured role elsewhere', async () => {
    const staff = await me({ email: 'ana@acme-corp.example', user_type: 'Standard', name: 'Ana' });
    assert.equal(staff.status, 200, staff.text);
    assert.equal(staff.body.user.role, 'seller');
    assert.equal(staff.body.partner, null);
    assert.match(staff.body.user.id, /^ext_/);
    // An org user whose address is on a partner's domain is still the org's staff.
    const onPartnerDomain = await me({ email: 'sam@brightpath.example', user_type: 'Standard' });
    assert.equal(onPartnerDomain.body.user.role, 'seller');
    const configured = await me({ email: 'cm@acme-corp.example', ut: 'Standard' }, STAFF_ORG);
    assert.equal(configured.body.user.role, 'channel_manager');
  });

  it('maps an Experience Cloud user to the partner their token names, else by email domain', async () => {
    const byClaim = await me({
      email: 'pat@gmail.example',
      user_type: 'PowerPartner',
      prm_partner: BRIGHTPATH,
    });
    assert.equal(byClaim.status, 200, byClaim.text);
    assert.equal(byClaim.body.user.role, 'partner_user');
    assert.equal(byClaim.body.partner.id, BRIGHTPATH);
    const byDomain = await me({ email: 'lee@brightpath.example', user_type: 'PowerPartner' });
    assert.equal(byDomain.status, 200, byDomain.text);
    assert.equal(byDomain.body.partner.id, BRIGHTPATH);
    const otherClaim = await me(
      { email: 'kim@gmail.example', ut: 'PowerPartner', partner: BRIGHTPATH },
      STAFF_ORG,
    );
    assert.equal(otherClaim.body.partner.id, BRIGHTPATH);
  });

  it('never makes an Experience Cloud user staff, and refuses a partner it does not have', async () => {
    const vendorEmail = await me({ email: 'x@lumenfold.example', user_type: 'PowerPartner' });
    assert.equal(vendorEmail.status, 401, vendorEmail.text);
    assert.match(vendorEmail.body.detail, /Experience Cloud/);
    const unknown = await me({
      email: 'y@gmail.example',
      user_type: 'PowerPartner',
      prm_partner: 'prt_nobody',
    });
    assert.equal(unknown.status, 401);
    assert.match(unknown.body.detail, /partner/);
    // Without a user type the issuer maps as any other: vendorDomains give the vendor role.
    const plain = await me({ email: 'z@lumenfold.example' });
    assert.equal(plain.body.user.role, 'seller');
  });

  it('lets a user the program knows keep their role', async () => {
    const known = demoUsers().find((u) => u.role === 'channel_manager')!;
    const r = await me({ email: known.email, user_type: 'Standard' });
    assert.equal(r.body.user.id, known.id);
    assert.equal(r.body.user.role, 'channel_manager');
  });
});
