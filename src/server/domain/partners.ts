/** @module Partners and their embed keys. */
import { randomBytes } from 'node:crypto';
import type { EmbedKeyCreated, Partner, PartnerInput, Page } from '../../core/schema/index.js';
import type { AuditInput } from '../audit.js';
import { audit } from '../audit.js';
import { keyset, page } from './paging.js';
import { instant, newId } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Tx } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import { lowestTierId } from './program.js';

export interface PartnerRow {
  id: string;
  name: string;
  type: Partner['type'];
  region: string;
  domains: string[];
  tier_id: string;
  created_at: Date;
}

export const toPartner = (r: PartnerRow): Partner => ({
  id: r.id,
  name: r.name,
  type: r.type,
  region: r.region,
  domains: r.domains,
  tierId: r.tier_id,
  createdAt: instant(r.created_at),
});

export async function createPartner(
  tx: Tx,
  input: PartnerInput,
  actor: AuditInput['actor'],
): Promise<Partner> {
  const { rows } = await tx.query<PartnerRow>(
    `insert into partners (id, name, type, region, domains, tier_id)
     values ($1, $2, $3, $4, $5::jsonb, $6) returning *`,
    [
      newId('partner'),
      input.name,
      input.type,
      input.region,
      JSON.stringify([...new Set(input.domains)]),
      await lowestTierId(tx),
    ],
  );
  const partner = toPartner(rows[0]!);
  await audit(tx, {
    actor,
    action: 'partner.created',
    resourceType: 'partner',
    resourceId: partner.id,
    after: partner,
  });
  return partner;
}

export async function getPartner(db: Queryable, id: string): Promise<Partner | undefined> {
  const row = await maybeOne<PartnerRow>(db, 'select * from partners where id = $1', [id]);
  return row && toPartner(row);
}

export interface PartnerListOptions {
  /** Only this partner (partner roles), or all when null. */
  scope: string | null;
  type?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listPartners(db: Queryable, o: PartnerListOptions): Promise<Page<Partner>> {
  const params: unknown[] = [o.scope, o.type ?? null, o.q ? `%${escapeLike(o.q)}%` : null];
  const k = keyset({
    list: 'partners',
    timeColumn: 'created_at',
    idColumn: 'id',
    direction: 'asc',
    cursor: o.cursor,
    nextParam: params.length + 1,
  });
  params.push(...k.params, o.limit + 1);
  const { rows } = await db.query<PartnerRow>(
    `select * from partners
      where ($1::text is null or id = $1) and ($2::text is null or type = $2)
        and ($3::text is null or name ilike $3) and ${k.where}
      order by ${k.orderBy} limit $${params.length}`,
    params,
  );
  return page(rows, o.limit, 'partners', (r) => ({ at: r.created_at, id: r.id }), toPartner);
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function createEmbedKey(
  tx: Tx,
  partnerId: string,
  actor: Principal,
): Promise<EmbedKeyCreated> {
  const id = newId('embedKey');
  const secret = randomBytes(32).toString('base64url');
  const createdBy = actor.sub;
  const { rows } = await tx.query<{ created_at: Date }>(
    `insert into embed_keys (id, partner_id, secret, created_by) values ($1, $2, $3, $4)
     returning created_at`,
    [id, partnerId, secret, createdBy],
  );
  const createdAt = instant(rows[0]!.created_at);
  // The secret never reaches the audit log.
  await audit(tx, {
    actor,
    action: 'embed_key.created',
    resourceType: 'embed_key',
    resourceId: id,
    after: { id, partnerId, createdAt },
  });
  return { id, secret, createdAt };
}

/** Revokes a key of this partner; false when there is no such key (revoked ones included). */
export async function revokeEmbedKey(
  tx: Tx,
  partnerId: string,
  keyId: string,
  actor: AuditInput['actor'],
): Promise<boolean> {
  const { rows } = await tx.query<{ revoked_at: Date }>(
    `update embed_keys set revoked_at = date_trunc('milliseconds', now())
      where id = $1 and partner_id = $2 and revoked_at is null returning revoked_at`,
    [keyId, partnerId],
  );
  if (rows.length === 0) return false;
  await audit(tx, {
    actor,
    action: 'embed_key.revoked',
    resourceType: 'embed_key',
    resourceId: keyId,
    after: { id: keyId, partnerId, revokedAt: instant(rows[0]!.revoked_at) },
  });
  return true;
}
