/**
 * @module The demo's stand-in for Microsoft Entra ID, for the Teams host simulator
 * (`/demo/teams/`): an RSA key made at start-up, its public half served as a JWKS, and tokens
 * shaped like Entra's v2 tokens (`iss`, `aud`, `tid`, `oid`, `preferred_username`, `scp`) signed
 * with it. The server trusts this issuer only in demo mode, through the same trusted-issuer path
 * (and email mapping) a real Entra tenant configured in `PRM_TRUSTED_ISSUERS` takes.
 */
import { createHash } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JSONWebKeySet } from 'jose';
import type { TeamsAppConfig } from '../../core/schema/teams.js';
import type { TrustedIssuer } from '../identity/trusted-issuers.js';

/** The demo tenant and app: made-up ids, never a real tenant's. */
export const DEMO_TEAMS = {
  tenantId: '0d3f7a52-6c1e-4b7a-9f0e-000000000de0',
  /** The tab's Entra app (client) id, as the tab pages and the package's manifest name it. */
  clientId: '5f6c2b1e-8d4a-4c3b-9e7f-00000000c11d',
  /** The id of Teams' own web client, which `authentication.getAuthToken()` tokens carry as `azp`. */
  teamsWebClientId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  /** The Application ID URI a Teams SSO token is issued for. */
  resource: 'api://localhost/5f6c2b1e-8d4a-4c3b-9e7f-00000000c11d',
  /** The demo's Teams app id (deep links name it). */
  appId: '3b0d7c64-2f5e-4a1b-8c9d-0000000a99b1',
} as const;

/**
 * The demo's Teams deployment, as a vendor's `teams.config.json` would say it: the tab pages at
 * `/demo/teams/` get their `#prm-teams-config` block from it.
 */
export const DEMO_TEAMS_APP: TeamsAppConfig = {
  appId: DEMO_TEAMS.appId,
  domain: 'localhost',
  clientId: DEMO_TEAMS.clientId,
  signInUrl: '/demo/intranet/',
};

export const DEMO_TEAMS_ISSUER = `https://login.microsoftonline.com/${DEMO_TEAMS.tenantId}/v2.0`;

export interface DemoTeamsUser {
  id: string;
  name: string;
  email: string;
}

/** `naa`: what MSAL gets through Teams' nested app auth bridge; `sso`: `getAuthToken()`'s token. */
export type DemoTeamsVia = 'naa' | 'sso';

export interface DemoTeamsTokens {
  accessToken: string;
  idToken: string;
  expiresIn: number;
  /** The account as the NAA bridge describes it to MSAL. */
  account: {
    homeAccountId: string;
    environment: string;
    tenantId: string;
    username: string;
    localAccountId: string;
    name: string;
  };
}

export interface DemoTeamsIssuer {
  /** What the verifier trusts. */
  trusted: TrustedIssuer;
  /** The public keys, served at `/demo/api/teams-jwks`. */
  jwks: JSONWebKeySet;
  tokens(user: DemoTeamsUser, via: DemoTeamsVia): Promise<DemoTeamsTokens>;
}

/** A stable, GUID-shaped object id for a demo user (Entra's `oid`). */
function objectId(userId: string): string {
  const h = createHash('sha256').update(`oid:${userId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const LIFETIME_SECONDS = 3600;

export async function createDemoTeamsIssuer(): Promise<DemoTeamsIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = createHash('sha256')
    .update(JSON.stringify(await exportJWK(publicKey)))
    .digest('base64url')
    .slice(0, 16);
  const jwks: JSONWebKeySet = {
    keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }],
  };

  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuer(DEMO_TEAMS_ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(privateKey);

  return {
    jwks,
    trusted: {
      issuer: DEMO_TEAMS_ISSUER,
      audience: [DEMO_TEAMS.clientId, DEMO_TEAMS.resource],
      algorithms: ['RS256'],
      key: createLocalJWKSet(jwks),
      emailClaims: ['email', 'preferred_username', 'upn'],
      partnerRole: 'partner_user',
    },
    async tokens(user, via) {
      const oid = objectId(user.id);
      const identity = {
        sub: createHash('sha256').update(`sub:${user.id}`).digest('base64url').slice(0, 43),
        oid,
        tid: DEMO_TEAMS.tenantId,
        name: user.name,
        preferred_username: user.email,
        ver: '2.0',
      };
      const accessToken = await sign(
        {
          ...identity,
          scp: 'access_as_user',
          azp: via === 'naa' ? DEMO_TEAMS.clientId : DEMO_TEAMS.teamsWebClientId,
        },
        via === 'naa' ? DEMO_TEAMS.clientId : DEMO_TEAMS.resource,
      );
      const idToken = await sign(identity, DEMO_TEAMS.clientId);
      return {
        accessToken,
        idToken,
        expiresIn: LIFETIME_SECONDS,
        account: {
          homeAccountId: `${oid}.${DEMO_TEAMS.tenantId}`,
          environment: 'login.microsoftonline.com',
          tenantId: DEMO_TEAMS.tenantId,
          username: user.email,
          localAccountId: oid,
          name: user.name,
        },
      };
    },
  };
}
