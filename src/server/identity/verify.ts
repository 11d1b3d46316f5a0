/** @module Turns a bearer token into a Principal, whichever of the three issuers signed it. */
import { createHash } from 'node:crypto';
import type { JWTPayload, JWTVerifyResult } from 'jose';
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { getDomain } from 'tldts';
import { Role, TokenClaims, isPartnerRole } from '../../core/schema/index.js';
import { problems } from '../http/problem.js';
import type { Queryable } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import type { Principal } from './principal.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, secretKey } from './tokens.js';
import type { TrustedIssuer } from './trusted-issuers.js';
import { salesforceUser } from './salesforce.js';

/** Embed-key tokens are short-lived by contract. */
export const EMBED_MAX_LIFETIME_SECONDS = 15 * 60;
const CLOCK_TOLERANCE_SECONDS = 30;

export interface VerifierOptions {
  secret: string;
  db: Queryable;
  trustedIssuers: TrustedIssuer[];
}

export type Verifier = (token: string) => Promise<Principal>;

const reject = (detail: string) => problems.unauthenticated(detail);

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired.';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return 'The token signature is invalid.';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `The token's "${error.claim}" claim is not acceptable.`;
  if (error instanceof joseErrors.JWKSNoMatchingKey)
    return 'No key of the issuer matches the token.';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'The token algorithm is not accepted.';
  return 'The token is not valid.';
}

async function verifying<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) throw reject(describeJoseError(error));
    throw error;
  }
}

export function createVerifier({ secret, db, trustedIssuers }: VerifierOptions): Verifier {
  const ownKey = secretKey(secret);

  async function ownToken(token: string): Promise<Principal> {
    const { payload } = await verifying(() =>
      jwtVerify(token, ownKey, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }),
    );
    const claims = TokenClaims.safeParse(payload);
    if (!claims.success) throw reject('The token claims are not valid (sub, role, partner).');
    const { sub, role, partner, name, email } = claims.data;
    if (isPartnerRole(role) && !partner) throw reject('A partner role needs a partner claim.');
    return {
      sub,
      role,
      partnerId: isPartnerRole(role) ? partner! : null,
      name: name ?? sub,
      email: email ?? '',
      via: 'secret',
    };
  }

  async function embedToken(token: string, kid: string): Promise<Principal> {
    // Looked up on every request, so a revoked key stops working at once.
    const key = await maybeOne<{ partner_id: string; secret: string }>(
      db,
      'select partner_id, secret from embed_keys where id = $1 and revoked_at is null',
      [kid],
    );
    if (!key) throw reject('Unknown or revoked embed key.');
    const { payload } = await verifying(() =>
      jwtVerify(token, secretKey(key.secret), {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }),
    );
    if (payload.exp! - payload.iat! > EMBED_MAX_LIFETIME_SECONDS) {
      throw reject('Embed-key tokens may live at most 15 minutes (exp - iat).');
    }
    if (payload.aud !== undefined) {
      const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (!aud.includes(TOKEN_AUDIENCE)) throw reject(`The token's "aud" claim is not acceptable.`);
    }
    const role = payload.role === undefined ? 'partner_user' : Role.safeParse(payload.role).data;
    if (!role || !isPartnerRole(role)) throw reject('Embed keys sign partner roles only.');
    return {
      sub: String(payload.sub),
      role,
      partnerId: key.partner_id,
      name: typeof payload.name === 'string' ? payload.name : String(payload.sub),
      email: typeof payload.email === 'string' ? payload.email : '',
      via: 'embed_key',
      keyId: kid,
    };
  }

  async function trustedToken(token: string, issuer: TrustedIssuer): Promise<Principal> {
    const { payload } = (await verifying(() =>
      jwtVerify(token, issuer.key as never, {
        algorithms: issuer.algorithms,
        issuer: issuer.issuer,
        audience: issuer.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }),
    )) as JWTVerifyResult<JWTPayload>;
    const email = issuer.emailClaims
      .map((c) => payload[c])
      .find((v): v is string => typeof v === 'string' && v.includes('@'))
      ?.toLowerCase();
    if (!email) throw reject('The token carries no email to map to a user.');
    const name = typeof payload.name === 'string' ? payload.name : email;
    const externalSub = `ext_${createHash('sha256').update(`${issuer.issuer}|${payload.sub}`).digest('base64url').slice(0, 22)}`;

    // A known user keeps the role and partner the program gave them.
    const user = await maybeOne<{
      id: string;
      name: string;
      role: string;
      partner_id: string | null;
    }>(db, 'select id, name, role, partner_id from users where lower(email) = $1', [email]);
    if (user) {
      const role = Role.parse(user.role);
      return {
        sub: user.id,
        role,
        partnerId: isPartnerRole(role) ? user.partner_id : null,
        name: user.name,
        email,
        via: 'trusted_issuer',
      };
    }
    const sfUser = issuer.salesforce ? salesforceUser(issuer.salesforce, payload) : undefined;
    if (sfUser?.kind === 'staff') {
      return {
        sub: externalSub,
        role: sfUser.role,
        partnerId: null,
        name,
        email,
        via: 'trusted_issuer',
      };
    }
    if (sfUser?.kind === 'external' && sfUser.partnerId) {
      const named = await maybeOne<{ id: string }>(db, 'select id from partners where id = $1', [
        sfUser.partnerId,
      ]);
      if (!named) throw reject('The token names a partner this program does not have.');
      const role = issuer.partnerRole ?? 'partner_user';
      return { sub: externalSub, role, partnerId: named.id, name, email, via: 'trusted_issuer' };
    }
    const domain = email.slice(email.lastIndexOf('@') + 1);
    const candidates = [...new Set([domain, getDomain(domain) ?? domain])];
    const partner = await maybeOne<{ id: string }>(
      db,
      `select id from partners where ${candidates.map((_, i) => `domains @> $${i + 1}::jsonb`).join(' or ')}
       order by created_at, id limit 1`,
      candidates.map((d) => JSON.stringify([d])),
    );
    if (partner) {
      return {
        sub: externalSub,
        role: issuer.partnerRole ?? 'partner_user',
        partnerId: partner.id,
        name,
        email,
        via: 'trusted_issuer',
      };
    }
    // An Experience Cloud user is never vendor staff, whatever their email.
    if (sfUser?.kind === 'external') {
      throw reject('No partner matches this Experience Cloud user (partner claim or email).');
    }
    const vendorDomains = (issuer.vendorDomains ?? []).map((d) => d.toLowerCase());
    if (candidates.some((d) => vendorDomains.includes(d))) {
      const role = issuer.vendorRole ?? 'seller';
      return {
        sub: externalSub,
        role,
        partnerId: null,
        name,
        email,
        via: 'trusted_issuer',
      };
    }
    throw reject('No partner or vendor team matches the email of this token.');
  }

  return async (token) => {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw reject('The bearer token is not a JWT.');
    }
    if (header.alg === 'HS256') {
      return header.kid ? embedToken(token, header.kid) : ownToken(token);
    }
    const issuer = trustedIssuers.find((i) => i.issuer === unverified.iss);
    if (!issuer) throw reject('The token issuer is not trusted.');
    return trustedToken(token, issuer);
  };
}
