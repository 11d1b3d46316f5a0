/**
 * @module The demo's stand-in for a partner's backend: the embed key each demo partner was issued,
 * kept where a partner would keep it (here, a row of `meta`), and the tokens minted with it.
 */
import type { Role } from '../../core/schema/index.js';
import { isPartnerRole } from '../../core/schema/index.js';
import { createEmbedKey, revokeEmbedKey } from '../domain/partners.js';
import { mintEmbedToken } from '../embed-token.js';
import type { Principal } from '../identity/principal.js';
import { mintToken } from '../identity/tokens.js';
import { instant } from '../ids.js';
import type { Store } from '../store/index.js';
import { maybeOne } from '../store/index.js';

/** Only these roles can be chosen in the demo: program admins and integrations stay out. */
export const DEMO_ROLES = ['partner_user', 'partner_admin', 'channel_manager', 'seller'] as const;
const TOKEN_TTL_SECONDS = 10 * 60;
const KEY_LOCK = 0x70726d + 7;

export interface DemoUserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  partner_id: string | null;
  partner_name: string | null;
}

export interface EmbedKeyStatus {
  id: string;
  partnerId: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The outcome of asking for a token: one, or why not (as an HTTP status for the page). */
export type TokenOutcome =
  | { ok: true; token: string; expiresAt: string }
  | { ok: false; status: 404 | 401; error: string; message: string };

const metaKey = (partnerId: string) => `demo.embed-key.${partnerId}`;

export class DemoKeys {
  #issuing = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly secret: string,
  ) {}

  async user(id: string): Promise<DemoUserRow | undefined> {
    const row = await maybeOne<DemoUserRow>(
      this.store,
      `select u.id, u.name, u.email, u.role, u.partner_id, p.name as partner_name
         from users u left join partners p on p.id = u.partner_id where u.id = $1`,
      [id],
    );
    return row && (DEMO_ROLES as readonly string[]).includes(row.role) ? row : undefined;
  }

  async users(ids: readonly string[]): Promise<Array<DemoUserRow & { tier_name: string | null }>> {
    const { rows } = await this.store.query<DemoUserRow & { tier_name: string | null }>(
      `select u.id, u.name, u.email, u.role, u.partner_id, p.name as partner_name, t.name as tier_name
         from users u left join partners p on p.id = u.partner_id left join tiers t on t.id = p.tier_id
        where u.id = any($1::text[])`,
      [ids],
    );
    return ids.flatMap((id) => rows.filter((r) => r.id === id));
  }

  /**
   * A token for a demo user, the way each side would make it: partner users through their
   * partner's embed key (`mintEmbedToken`, as a partner's backend does), vendor staff with the
   * server's own secret. A revoked key is not papered over: the partner's backend answers 401,
   * which the widgets show as "sign in again".
   */
  async token(userId: string): Promise<TokenOutcome> {
    const user = await this.user(userId);
    if (!user) {
      return { ok: false, status: 404, error: 'unknown_user', message: `No demo user ${userId}.` };
    }
    const claims = { id: user.id, name: user.name, email: user.email };
    if (!isPartnerRole(user.role)) {
      const minted = await mintToken(this.secret, {
        role: user.role,
        sub: user.id,
        name: user.name,
        email: user.email,
        ttlSeconds: TOKEN_TTL_SECONDS,
      });
      return { ok: true, ...minted };
    }
    const key = await this.#key(user.partner_id!);
    if (key.revokedAt) {
      return {
        ok: false,
        status: 401,
        error: 'embed_key_revoked',
        message: `The embed key ${key.id} of ${user.partner_name} was revoked; issue a new one.`,
      };
    }
    const minted = await mintEmbedToken({
      keyId: key.id,
      secret: key.secret,
      user: claims,
      role: user.role,
      ttlSeconds: TOKEN_TTL_SECONDS,
    });
    return { ok: true, ...minted };
  }

  async status(partnerId: string): Promise<EmbedKeyStatus | undefined> {
    const stored = await this.#stored(partnerId);
    return stored && this.#status(partnerId, stored.id);
  }

  /** Issues a new key for the partner (its admin does, as the API allows) and keeps it. */
  rotate(partnerId: string): Promise<EmbedKeyStatus> {
    return this.store.withLock(KEY_LOCK, () => this.#issue(partnerId));
  }

  /** Revokes the partner's current key, as its admin would through the API. */
  async revoke(partnerId: string): Promise<EmbedKeyStatus | undefined> {
    const stored = await this.#stored(partnerId);
    if (!stored) return undefined;
    const admin = await this.#admin(partnerId);
    await this.store.withTransaction((tx) => revokeEmbedKey(tx, partnerId, stored.id, admin));
    return this.#status(partnerId, stored.id);
  }

  async #stored(partnerId: string): Promise<{ id: string; secret: string } | undefined> {
    const row = await maybeOne<{ value: { id: string; secret: string } }>(
      this.store,
      'select value from meta where key = $1',
      [metaKey(partnerId)],
    );
    return row?.value;
  }

  async #status(partnerId: string, id: string): Promise<EmbedKeyStatus | undefined> {
    const row = await maybeOne<{ created_at: Date; revoked_at: Date | null }>(
      this.store,
      'select created_at, revoked_at from embed_keys where id = $1 and partner_id = $2',
      [id, partnerId],
    );
    return (
      row && {
        id,
        partnerId,
        createdAt: instant(row.created_at),
        revokedAt: row.revoked_at ? instant(row.revoked_at) : null,
      }
    );
  }

  /** The key in use, issued at first use. */
  async #key(partnerId: string): Promise<EmbedKeyStatus & { secret: string }> {
    let stored = await this.#stored(partnerId);
    let status = stored && (await this.#status(partnerId, stored.id));
    if (!stored || !status) {
      // Two first requests at once must not issue two keys: the second finds the first's. The
      // map covers this process (PGlite's lock is a no-op), the advisory lock other processes.
      let issuing = this.#issuing.get(partnerId);
      if (!issuing) {
        issuing = this.store
          .withLock(KEY_LOCK, async () => {
            if (!(await this.#stored(partnerId))) await this.#issue(partnerId);
          })
          .finally(() => this.#issuing.delete(partnerId));
        this.#issuing.set(partnerId, issuing);
      }
      await issuing;
      stored = (await this.#stored(partnerId))!;
      status = (await this.#status(partnerId, stored.id))!;
    }
    return { ...status, secret: stored.secret };
  }

  async #issue(partnerId: string): Promise<EmbedKeyStatus> {
    const admin = await this.#admin(partnerId);
    const key = await this.store.withTransaction(async (tx) => {
      const created = await createEmbedKey(tx, partnerId, admin);
      await tx.query(
        `insert into meta (key, value) values ($1, $2::jsonb)
         on conflict (key) do update set value = excluded.value`,
        [metaKey(partnerId), JSON.stringify({ id: created.id, secret: created.secret })],
      );
      return created;
    });
    return { id: key.id, partnerId, createdAt: key.createdAt, revokedAt: null };
  }

  /** The partner's admin, who issues and revokes its keys in the audit log. */
  async #admin(partnerId: string): Promise<Principal> {
    const row = await maybeOne<{ id: string; name: string; email: string }>(
      this.store,
      `select id, name, email from users where partner_id = $1 and role = 'partner_admin'
        order by id limit 1`,
      [partnerId],
    );
    if (!row) throw new Error(`The demo partner ${partnerId} has no partner admin to issue keys.`);
    return {
      sub: row.id,
      role: 'partner_admin',
      partnerId,
      name: row.name,
      email: row.email,
      via: 'secret',
    };
  }
}
