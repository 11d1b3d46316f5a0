/**
 * @module Reading deals: one deal, a filtered and sorted page of them, and a deal's history. A
 * partner role reads only its own partner's deals; anything else is 404, as if it did not exist.
 * These answer the vendor view; the routes cut it down for the caller (`deals-views.ts`).
 */
import type { AuditEntry, Deal, DealListQuery, Page } from '../../core/schema/index.js';
import type { AuditRow } from '../audit.js';
import { toAuditEntry } from '../audit.js';
import { scopeOf } from '../authz.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import { dealFilters } from './deals-filters.js';
import { NotFoundError } from './errors.js';
import {
  DEFAULT_LIMIT,
  decodeCursor,
  encodeCursor,
  isBigint,
  isPgTimestamp,
  keyset,
  page,
} from './paging.js';
import type { DealRow } from './deals-views.js';
import { DEAL_SELECT, toDeal } from './deals-views.js';

/** The deal (vendor view), or not found (also for another partner's deal). */
export async function getDeal(db: Queryable, id: string, principal: Principal): Promise<Deal> {
  const scope = scopeOf(principal);
  const row = await maybeOne<DealRow>(
    db,
    `${DEAL_SELECT} where d.id = $1 and ($2::text is null or d.partner_id = $2)`,
    [id, scope],
  );
  if (!row) throw new NotFoundError('No such deal.');
  return toDeal(row);
}

/**
 * Each sort is a key expression, its direction and the SQL type its cursor value is read back as.
 * The key is carried in the cursor as PostgreSQL's own text of it, so `infinity` (no review due)
 * and bigint amounts round-trip exactly.
 */
const SORTS = {
  '-submittedAt': { key: 'd.submitted_at', type: 'timestamptz', desc: true, valid: isPgTimestamp },
  reviewDueAt: {
    key: `coalesce(d.review_due_at, 'infinity'::timestamptz)`,
    type: 'timestamptz',
    desc: false,
    valid: isPgTimestamp,
  },
  '-amount': { key: 'd.amount', type: 'bigint', desc: true, valid: isBigint },
} as const;

/** A cursor of the deals list names its sort: one of another sort is refused. */
const listName = (sort: string) => `deals${sort}`;

export async function listDeals(
  db: Queryable,
  query: DealListQuery,
  principal: Principal,
): Promise<Page<Deal>> {
  const sortName = query.sort ?? '-submittedAt';
  const sort = SORTS[sortName];
  const limit = query.limit ?? DEFAULT_LIMIT;
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  where.push(...dealFilters(query, principal, param));
  if (query.cursor) {
    const p = decodeCursor(query.cursor, listName(sortName), sort.valid);
    where.push(
      `(${sort.key}, d.id) ${sort.desc ? '<' : '>'} (${param(p.k)}::${sort.type}, ${param(p.id)})`,
    );
  }
  const dir = sort.desc ? 'desc' : 'asc';
  const { rows } = await db.query<DealRow & { sort_key: string }>(
    `${DEAL_SELECT.replace('select d.*,', `select d.*, (${sort.key})::text as sort_key,`)}
      ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by ${sort.key} ${dir}, d.id ${dir}
      limit ${param(limit + 1)}`,
    params,
  );
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(toDeal),
    nextCursor:
      more && last ? encodeCursor({ l: listName(sortName), k: last.sort_key, id: last.id }) : null,
  };
}

/** Who reviews a deal is the vendor's business: partners do not read its reassignments. */
const VENDOR_ONLY_ENTRIES = `and action <> 'deal.assigned'`;

/**
 * The audit entries of one deal, oldest first, as vendors see them (the route cuts each down for a
 * partner); a partner's list leaves out the reassignments.
 */
export async function dealHistory(
  db: Queryable,
  id: string,
  principal: Principal,
  o: { limit?: number | undefined; cursor?: string | undefined },
): Promise<Page<AuditEntry>> {
  await getDeal(db, id, principal);
  const limit = o.limit ?? DEFAULT_LIMIT;
  const params: unknown[] = [id];
  const k = keyset({
    list: 'deal-history',
    timeColumn: 'at',
    idColumn: 'id',
    direction: 'asc',
    cursor: o.cursor,
    nextParam: 2,
  });
  params.push(...k.params, limit + 1);
  const { rows } = await db.query<AuditRow>(
    `select * from audit_entries
      where resource_type = 'deal' and resource_id = $1 and ${k.where}
        ${scopeOf(principal) === null ? '' : VENDOR_ONLY_ENTRIES}
      order by ${k.orderBy} limit $${params.length}`,
    params,
  );
  return page(rows, limit, 'deal-history', (r) => ({ at: r.at, id: r.id }), toAuditEntry);
}
