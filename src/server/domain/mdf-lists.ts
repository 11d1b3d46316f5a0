/**
 * @module Lists of MDF requests and claims, newest first and keyset-paged. A partner role lists
 * only its own partner's; asking for another partner's gives an empty page.
 */
import type {
  MdfClaim,
  MdfClaimListQuery,
  MdfRequest,
  MdfRequestListQuery,
  Page,
} from '../../core/schema/index.js';
import { scopeOf } from '../authz.js';
import { DEFAULT_LIMIT, keyset, page } from './paging.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable } from '../store/index.js';
import type { ClaimRow, RequestRow } from './mdf-views.js';
import { CLAIM_SELECT, REQUEST_SELECT, toClaim, toRequest } from './mdf-views.js';

interface Filters {
  partnerId?: string | undefined;
  status?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

async function listOf<R extends { submitted_at: Date; id: string }, T>(
  db: Queryable,
  select: string,
  alias: string,
  q: Filters,
  extra: Array<[column: string, value: string | undefined]>,
  principal: Principal,
  map: (r: R) => T,
): Promise<Page<T>> {
  const limit = q.limit ?? DEFAULT_LIMIT;
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const scope = scopeOf(principal);
  if (scope !== null) where.push(`${alias}.partner_id = ${param(scope)}`);
  if (q.partnerId) where.push(`${alias}.partner_id = ${param(q.partnerId)}`);
  if (q.status) where.push(`${alias}.status = ${param(q.status)}`);
  for (const [column, value] of extra) {
    if (value) where.push(`${alias}.${column} = ${param(value)}`);
  }
  const list = `mdf-${alias}`;
  const k = keyset({
    list,
    timeColumn: `${alias}.submitted_at`,
    idColumn: `${alias}.id`,
    direction: 'desc',
    cursor: q.cursor,
    nextParam: params.length + 1,
  });
  params.push(...k.params);
  where.push(k.where);
  const { rows } = await db.query<R>(
    `${select} where ${where.join(' and ')} order by ${k.orderBy} limit ${param(limit + 1)}`,
    params,
  );
  return page(rows, limit, list, (r) => ({ at: r.submitted_at, id: r.id }), map);
}

export const listRequests = (
  db: Queryable,
  q: MdfRequestListQuery,
  principal: Principal,
): Promise<Page<MdfRequest>> =>
  listOf<RequestRow, MdfRequest>(
    db,
    REQUEST_SELECT,
    'r',
    q,
    [['allocation_id', q.allocationId]],
    principal,
    toRequest,
  );

export const listClaims = (
  db: Queryable,
  q: MdfClaimListQuery,
  principal: Principal,
): Promise<Page<MdfClaim>> =>
  listOf<ClaimRow, MdfClaim>(
    db,
    CLAIM_SELECT,
    'c',
    q,
    [['request_id', q.requestId]],
    principal,
    toClaim,
  );
