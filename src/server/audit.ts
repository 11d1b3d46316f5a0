/** @module The audit log: one entry per state change, written in the change's own transaction. */
import type { AuditEntry } from '../core/schema/index.js';
import type { Principal } from './identity/principal.js';
import { actorOf } from './identity/principal.js';
import { instant, newId } from './ids.js';
import type { Tx } from './store/index.js';

export interface AuditInput {
  actor: Principal | { id: string; role: Principal['role']; partnerId: string | null };
  /** `partner.created`, `deal.decided`, … */
  action: string;
  resourceType: string;
  resourceId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends an entry. Takes a `Tx` on purpose: an audit entry commits with its change or not at all. */
export async function audit(tx: Tx, entry: AuditInput): Promise<string> {
  const actor = 'sub' in entry.actor ? actorOf(entry.actor) : entry.actor;
  const id = newId('audit');
  await tx.query(
    `insert into audit_entries
       (id, actor_id, actor_role, actor_partner_id, action, resource_type, resource_id, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
    [
      id,
      actor.id,
      actor.role,
      actor.partnerId,
      entry.action,
      entry.resourceType,
      entry.resourceId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
  return id;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string;
  actor_role: string;
  actor_partner_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string;
  before: unknown;
  after: unknown;
}

export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: instant(r.at),
  actor: {
    id: r.actor_id,
    role: r.actor_role as AuditEntry['actor']['role'],
    partnerId: r.actor_partner_id,
  },
  action: r.action,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  ...(r.before === null ? {} : { before: r.before }),
  ...(r.after === null ? {} : { after: r.after }),
});
