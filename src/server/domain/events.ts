/**
 * @module The event log behind `GET /v1/events`: events are rows written in the transaction of the
 * change they announce, read back in id order and rendered for each subscriber.
 */
import type { EventType, PrmEvent } from '../../core/schema/index.js';
import { isPartnerRole } from '../../core/schema/index.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Tx } from '../store/index.js';
import { EVENTS_CHANNEL, wakeLocal } from '../store/event-hub.js';
import { dealFor } from './deals-views.js';
import type { Deal } from '../../core/schema/index.js';
import type { ContentEventData } from './content-views.js';
import { contentEventFor, viewerOf } from './content-views.js';

/** One key for every writer of events, in every process: "prm-e" in ASCII. */
export const EVENTS_LOCK = 0x70726d2d65;

export interface EventInput {
  type: EventType;
  resourceType: string;
  resourceId: string;
  /** The partner the resource belongs to; null when only vendor roles may see it. */
  partnerId: string | null;
  /** The resource as vendor roles see it. */
  data: unknown;
}

/**
 * Appends an event to the transaction. Call it last in the transaction: it takes a lock held to
 * the commit so that ids are handed out in commit order (an identity alone is allocated at insert,
 * and a transaction that inserted id 11 may commit before the one holding id 10 — a reader would
 * then deliver 11 and never see 10). Subscribers in this process are woken after the commit; the
 * `pg_notify` wakes those of other processes sharing a PostgreSQL database.
 */
export async function emitEvent(tx: Tx, e: EventInput): Promise<string> {
  await tx.query('select pg_advisory_xact_lock($1)', [EVENTS_LOCK]);
  const { rows } = await tx.query<{ id: string | number }>(
    `insert into events (type, resource_type, resource_id, partner_id, data)
     values ($1, $2, $3, $4, $5::jsonb) returning id`,
    [e.type, e.resourceType, e.resourceId, e.partnerId, JSON.stringify(e.data)],
  );
  const id = String(rows[0]!.id);
  await tx.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, id]);
  tx.afterCommit(wakeLocal);
  return eventId(id);
}

/** The wire form of an event id: `evt_42`. */
export const eventId = (n: string | number | bigint) => `evt_${n}`;

/** The sequence number of a wire id, or undefined when it is not one of ours. */
export function parseEventId(value: string): bigint | undefined {
  const m = /^evt_(\d{1,18})$/.exec(value.trim());
  return m ? BigInt(m[1]!) : undefined;
}

export async function latestEventSeq(db: Queryable): Promise<bigint> {
  const { rows } = await db.query<{ id: string | number | null }>(
    'select max(id) as id from events',
  );
  return BigInt(rows[0]?.id ?? 0);
}

interface EventRow {
  id: string | number;
  type: EventType;
  resource_type: string;
  partner_id: string | null;
  data: unknown;
}

export interface EventBatch {
  events: PrmEvent[];
  /** The sequence number to read after next time. */
  last: bigint;
  /** True when the batch was cut at the limit and more are waiting. */
  more: boolean;
}

/**
 * The events after `after` that this caller may see, rendered for it. A partner role reads only
 * its own partner's rows (`events_partner` index), so a quiet partner costs one index probe.
 */
export async function readEvents(
  db: Queryable,
  principal: Principal,
  after: bigint,
  limit = 200,
): Promise<EventBatch> {
  const partnerScope = isPartnerRole(principal.role);
  const { rows } = await db.query<EventRow>(
    partnerScope
      ? `select id, type, resource_type, partner_id, data from events
          where (partner_id = $2 or resource_type = 'content') and id > $1 order by id limit $3`
      : `select id, type, resource_type, partner_id, data from events
          where id > $1 order by id limit $2`,
    partnerScope ? [String(after), principal.partnerId, limit] : [String(after), limit],
  );
  const last = rows.length > 0 ? BigInt(rows[rows.length - 1]!.id) : after;
  const visible = await visibleContentEvents(db, principal, rows);
  return {
    events: visible.map((r) => ({
      id: eventId(r.id),
      event: r.type,
      data: render(r, principal),
    })) as PrmEvent[],
    last,
    more: rows.length === limit,
  };
}

/** The resource as this caller may see it. Resources other than deals render as written. */
function render(r: EventRow, principal: Principal): unknown {
  if (r.resource_type === 'deal') return dealFor(r.data as Deal, principal);
  return r.data;
}

/**
 * Content events concern no one partner: each goes to the partners that may see the asset, as
 * the asset, and to those that could see it before the change and no longer may, as a removal.
 */
async function visibleContentEvents(
  db: Queryable,
  principal: Principal,
  rows: EventRow[],
): Promise<EventRow[]> {
  if (!rows.some((r) => r.resource_type === 'content')) return rows;
  const viewer = await viewerOf(db, principal);
  const out: EventRow[] = [];
  for (const r of rows) {
    if (r.resource_type !== 'content') {
      out.push(r);
      continue;
    }
    const data = contentEventFor(viewer, r.data as ContentEventData);
    if (data) out.push({ ...r, data });
  }
  return out;
}
