/**
 * @module Trusted issuers: tokens of another identity provider (Microsoft Entra ID for Teams SSO,
 * a Salesforce org's certificate for Apex callouts), verified against its JWKS or PEM key and
 * mapped to a user of ours by email.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { JWTVerifyGetKey, CryptoKey, KeyObject } from 'jose';
import { createRemoteJWKSet, importSPKI, importX509 } from 'jose';
import * as z from 'zod/mini';
import { VENDOR_ROLES } from '../../core/schema/index.js';
import { SalesforceMapping } from './salesforce.js';

export const TrustedIssuerConfig = z.strictObject({
  /** The token's `iss`, exactly. */
  issuer: z.string().check(z.minLength(1)),
  /** Where its signing keys are published (`…/discovery/v2.0/keys` for Entra ID). */
  jwksUrl: z.optional(z.url()),
  /** Or one public key / certificate in PEM form. */
  publicKey: z.optional(z.string()),
  audience: z.union([z.string(), z.array(z.string())]),
  algorithms: z.optional(z.array(z.enum(['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256']))),
  /** Claims that may carry the user's email, first present wins. */
  emailClaims: z.optional(z.array(z.string())),
  /** The role of a user matched to a partner by the email's domain. */
  partnerRole: z.optional(z.enum(['partner_user', 'partner_admin'])),
  /** Email domains of the vendor's own staff, and the role they get. */
  vendorDomains: z.optional(z.array(z.string())),
  vendorRole: z.optional(z.enum(VENDOR_ROLES)),
  /** A Salesforce org: staff and Experience Cloud users told apart by claims (salesforce.ts). */
  salesforce: z.optional(SalesforceMapping),
});
export type TrustedIssuerConfig = z.infer<typeof TrustedIssuerConfig>;

export interface TrustedIssuer extends TrustedIssuerConfig {
  key: JWTVerifyGetKey | CryptoKey | KeyObject;
  algorithms: NonNullable<TrustedIssuerConfig['algorithms']>;
  emailClaims: string[];
}

/** Reads `PRM_TRUSTED_ISSUERS`: inline JSON, or the path of a JSON file. */
export function readTrustedIssuers(value: string | undefined): TrustedIssuerConfig[] {
  if (!value?.trim()) return [];
  const raw = value.trim();
  const text = /^[[{]/.test(raw)
    ? raw
    : existsSync(raw)
      ? readFileSync(raw, 'utf8')
      : (() => {
          throw new Error(`PRM_TRUSTED_ISSUERS: no such file ${raw}`);
        })();
  const json = JSON.parse(text) as unknown;
  // One issuer, a list, or `{ issuers: [...] }`: parsed as a list so errors name their entry.
  const listed = Array.isArray(json)
    ? json
    : json && typeof json === 'object' && 'issuers' in json
      ? (json as { issuers: unknown }).issuers
      : [json];
  const parsed = z.array(TrustedIssuerConfig).safeParse(listed);
  if (!parsed.success) {
    const where = parsed.error.issues
      .map((i) => [...i.path, ...(i.code === 'unrecognized_keys' ? i.keys : [])].join('.'))
      .join(', ');
    throw new Error(`PRM_TRUSTED_ISSUERS is not a valid configuration (check: ${where})`);
  }
  const list = parsed.data;
  for (const c of list) {
    if (!c.jwksUrl === !c.publicKey) {
      throw new Error(`trusted issuer ${c.issuer}: give exactly one of jwksUrl and publicKey`);
    }
  }
  return list;
}

export async function prepareTrustedIssuers(
  configs: TrustedIssuerConfig[],
): Promise<TrustedIssuer[]> {
  return Promise.all(
    configs.map(async (c) => {
      const algorithms = c.algorithms ?? ['RS256', 'ES256'];
      let key: TrustedIssuer['key'];
      if (c.jwksUrl) {
        key = createRemoteJWKSet(new URL(c.jwksUrl), { cooldownDuration: 30_000 });
      } else {
        const pem = c.publicKey!;
        const alg = algorithms[0]!;
        key = pem.includes('BEGIN CERTIFICATE')
          ? await importX509(pem, alg)
          : await importSPKI(pem, alg);
      }
      return {
        ...c,
        key,
        algorithms,
        emailClaims: c.emailClaims ?? ['email', 'preferred_username', 'upn'],
      };
    }),
  );
}
