/** @module Tokens signed with the server's own secret (HS256): what the demo and tests mint. */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from '../../core/schema/index.js';

export const TOKEN_ISSUER = 'prm';
export const TOKEN_AUDIENCE = 'prm-api';
export const DEFAULT_TTL_SECONDS = 15 * 60;

export const secretKey = (secret: string) => new TextEncoder().encode(secret);

export const generateSecret = () => randomBytes(32).toString('base64url');

export interface MintOptions {
  role: Role;
  partner?: string | undefined;
  sub?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  ttlSeconds?: number | undefined;
  /** Embed keys: the key id goes in the `kid` header. */
  keyId?: string | undefined;
}

export async function mintToken(
  secret: string,
  options: MintOptions,
): Promise<{ token: string; expiresAt: string }> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (options.ttlSeconds ?? DEFAULT_TTL_SECONDS);
  const claims: Record<string, unknown> = { role: options.role };
  if (options.partner) claims.partner = options.partner;
  if (options.name) claims.name = options.name;
  if (options.email) claims.email = options.email;
  const token = await new SignJWT(claims)
    .setProtectedHeader({
      alg: 'HS256',
      typ: 'JWT',
      ...(options.keyId ? { kid: options.keyId } : {}),
    })
    .setSubject(options.sub ?? `usr_${options.role}`)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .sign(secretKey(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/** `15m`, `2h`, `1d`, `900s` or a bare number of seconds. */
export function parseTtl(value: string): number {
  const m = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (!m) throw new Error(`invalid duration "${value}" (try 15m, 2h, 1d)`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(m[1]) * unit;
  if (seconds <= 0) throw new Error('the duration must be positive');
  return seconds;
}
