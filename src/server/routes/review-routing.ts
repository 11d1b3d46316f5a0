/**
 * @module The review desk: `/v1/program/review-routing` (who reviews which partner's deals),
 * `POST /v1/deals/:id/assign` (hand a review to someone else) and `GET /v1/deals/stats` (the
 * queue's counts).
 */
import {
  Deal,
  DealAssignInput,
  DealStats,
  DealStatsQuery,
  ReviewRouting,
  ReviewRoutingInput,
} from '../../core/schema/index.js';
import { assignDeal, getReviewRouting, putReviewRouting } from '../domain/deals-routing.js';
import { dealStats } from '../domain/deals-stats.js';
import { defineRoute } from '../http/registry.js';

export const reviewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/deals/stats',
    tag: 'Deals',
    summary: 'Review queue counts',
    description:
      'Over the deals under review that match the same filters as the list: how many there are, how many are past `reviewDueAt` (`overdue`), how many fall due before the end of the current UTC day and are not overdue yet (`dueToday`), and how many are assigned to the caller (`assignedToMe`). Vendor roles.',
    action: 'deals.stats',
    query: DealStatsQuery,
    responses: { 200: { description: 'The counts.', schema: DealStats } },
    handler: async ({ deps, principal, query, json }) =>
      json(await dealStats(deps.store, query, principal)),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/deals/:id/assign',
    tag: 'Deals',
    summary: 'Reassign a review',
    description:
      'Hands a deal under review to another reviewer. Audited as `deal.assigned` and announced as `deal.updated`. A deal no longer under review answers 409 `invalid_transition`. Partner roles never see the assignee.',
    action: 'deals.assign',
    body: DealAssignInput,
    responses: {
      200: { description: 'The deal, with its new assignee.', schema: Deal },
      409: { description: '`invalid_transition`: the deal is not under review.' },
    },
    handler: async ({ deps, principal, params, body, json }) =>
      json(
        await deps.store.withTransaction((tx) =>
          assignDeal(tx, params.id!, body.assignee, principal),
        ),
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/program/review-routing',
    tag: 'Program',
    summary: 'Review routing',
    description:
      'The ordered rules that assign a deal going to review: the first rule whose `region` (compared without case) and `partnerType` — each optional — match the deal’s partner names the reviewer; else `fallback`; else nobody. Vendor roles.',
    action: 'reviewRouting.read',
    responses: { 200: { description: 'The rules and the fallback.', schema: ReviewRouting } },
    handler: async ({ deps, json }) => json(await getReviewRouting(deps.store)),
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/program/review-routing',
    tag: 'Program',
    summary: 'Set the review routing',
    description:
      'Replaces the rules (in order) and the fallback. Deals already assigned keep their reviewer; new reviews follow the new rules.',
    action: 'reviewRouting.write',
    body: ReviewRoutingInput,
    responses: { 200: { description: 'The routing as saved.', schema: ReviewRouting } },
    handler: async ({ deps, principal, body, json }) =>
      json(await deps.store.withTransaction((tx) => putReviewRouting(tx, body, principal))),
  }),
];
