/**
 * @module `GET /v1/deals/stats`: the counts a review queue shows in its header, over the deals
 * under review that match the list's filters. One statement over the partial index of the queue
 * (`deals_review_queue`, migration 020).
 */
import type { DealStats, DealStatsQuery } from '../../core/schema/index.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable } from '../store/index.js';
import { dealFilters } from './deals-filters.js';
import { OVERDUE } from './deals-views.js';

export async function dealStats(
  db: Queryable,
  query: DealStatsQuery,
  principal: Principal,
): Promise<DealStats> {
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`d.status = 'under_review'`, ...dealFilters(query, principal, param)];
  const me = param(principal.sub);
  // "Today" is the UTC calendar day of the statement's time: due before its end, not yet overdue.
  const { rows } = await db.query<Record<keyof DealStats, string | number>>(
    `select count(*) as "underReview",
            count(*) filter (where ${OVERDUE}) as "overdue",
            count(*) filter (where not ${OVERDUE} and d.review_due_at <
              (date_trunc('day', now() at time zone 'UTC') + interval '1 day') at time zone 'UTC')
              as "dueToday",
            count(*) filter (where d.assignee_id = ${me}) as "assignedToMe"
       from deals d
      where ${where.join(' and ')}`,
    params,
  );
  const r = rows[0]!;
  return {
    underReview: Number(r.underReview),
    overdue: Number(r.overdue),
    dueToday: Number(r.dueToday),
    assignedToMe: Number(r.assignedToMe),
  };
}
