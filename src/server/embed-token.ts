/**
 * @module Embed tokens, the partner's side: what a partner's own backend signs with the embed key
 * the vendor issued, so that its signed-in users see the widgets without another login.
 */
import { SignJWT } from 'jose';
import type { PartnerRole, TokenResponse } from '../core/schema/index.js';
import { PARTNER_ROLES } from '../core/schema/index.js';

/**
 * The longest an embed token may live (`exp - iat`). The server refuses longer ones
 * (`identity/verify.ts`, `EMBED_MAX_LIFETIME_SECONDS`), so minting one would only fail later.
 */
export const EMBED_TOKEN_MAX_TTL_SECONDS = 15 * 60;

/** What the Partner API expects in `aud`, when a token carries one. */
export const EMBED_TOKEN_AUDIENCE = 'prm-api';

export interface MintEmbedTokenOptions {
  /** The embed key's id (`ek_…`): it goes in the `kid` header, so the server knows the secret. */
  keyId: string;
  /** The embed key's secret, exactly as the vendor showed it (its UTF-8 bytes are the HMAC key). */
  secret: string;
  /** The signed-in user, in the partner's own terms: any stable id of up to 128 characters. */
  user: { id: string; name?: string | undefined; email?: string | undefined };
  /** `partner_user` (the default) or `partner_admin`; embed keys cannot sign vendor roles. */
  role?: PartnerRole;
  /** Lifetime in seconds, at most 15 minutes (the default is 10: the widgets refresh before expiry). */
  ttlSeconds?: number;
  /** The clock, in milliseconds since the epoch; for tests. */
  now?: number;
}

/** `{ token, expiresAt }`: exactly what a widget's `token-url` must answer. */
export type EmbedToken = TokenResponse;

/**
 * Signs an embed token (HS256, `kid` = the key id) for the user of a partner's site. The partner is
 * not in the token: the server takes it from the key, so a key can only ever speak for its own
 * partner.
 *
 * ```ts
 * app.get('/prm/token', async (req, res) => {
 *   res.set('cache-control', 'no-store').json(
 *     await mintEmbedToken({ keyId, secret, user: req.user, role: 'partner_user' }),
 *   );
 * });
 * ```
 */
export async function mintEmbedToken(options: MintEmbedTokenOptions): Promise<EmbedToken> {
  const { keyId, secret, user } = options;
  const role = options.role ?? 'partner_user';
  const ttl = options.ttlSeconds ?? 10 * 60;
  if (!keyId) throw new TypeError('mintEmbedToken: keyId is required (the embed key id, ek_…).');
  if (!secret) throw new TypeError('mintEmbedToken: secret is required (the embed key secret).');
  if (!user?.id || user.id.length > 128) {
    throw new TypeError(
      'mintEmbedToken: user.id must be a non-empty string of at most 128 characters.',
    );
  }
  if (!(PARTNER_ROLES as readonly string[]).includes(role)) {
    throw new TypeError(
      `mintEmbedToken: role must be one of ${PARTNER_ROLES.join(', ')}; embed keys cannot sign "${role}".`,
    );
  }
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > EMBED_TOKEN_MAX_TTL_SECONDS) {
    throw new RangeError(
      `mintEmbedToken: ttlSeconds must be a whole number from 1 to ${EMBED_TOKEN_MAX_TTL_SECONDS} (15 minutes); got ${ttl}.`,
    );
  }

  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const exp = iat + ttl;
  const claims: Record<string, unknown> = { role };
  if (user.name) claims.name = user.name;
  if (user.email) claims.email = user.email;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: keyId })
    .setSubject(user.id)
    .setAudience(EMBED_TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
