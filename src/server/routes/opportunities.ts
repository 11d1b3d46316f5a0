/** @module `/v1/opportunities`: the vendor's direct opportunities, synced from its CRM. */
import {
  Opportunity,
  OpportunityInput,
  OpportunityListQuery,
  OpportunityPage,
} from '../../core/schema/index.js';
import { listOpportunities, upsertOpportunity } from '../domain/opportunities.js';
import { DEFAULT_LIMIT } from '../domain/paging.js';
import { defineRoute } from '../http/registry.js';

export const opportunityRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/opportunities',
    tag: 'Opportunities',
    summary: 'Upsert a direct opportunity',
    description:
      'Creates (201) or updates (200) the opportunity with this `externalId`. The customer domain is kept as its registrable domain.',
    action: 'opportunities.write',
    body: OpportunityInput,
    responses: {
      200: { description: 'Updated.', schema: Opportunity },
      201: { description: 'Created.', schema: Opportunity },
    },
    handler: async ({ deps, principal, body, json }) => {
      const { opportunity, created } = await deps.store.withTransaction((tx) =>
        upsertOpportunity(tx, body, principal),
      );
      return json(opportunity, created ? 201 : 200);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/opportunities',
    tag: 'Opportunities',
    summary: 'List direct opportunities',
    description:
      'Newest first; vendor roles only. `customerDomain` matches on the registrable domain.',
    action: 'opportunities.read',
    query: OpportunityListQuery,
    responses: { 200: { description: 'A page of opportunities.', schema: OpportunityPage } },
    handler: async ({ deps, query, json }) =>
      json(
        await listOpportunities(deps.store, {
          stage: query.stage,
          customerDomain: query.customerDomain,
          limit: query.limit ?? DEFAULT_LIMIT,
          cursor: query.cursor,
        }),
      ),
  }),
];
