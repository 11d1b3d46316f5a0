/** @module `/v1/deals`: registration, the conflict check, lists, decisions and CRM sync. */
import {
  AuditPage,
  ConflictReport,
  Deal,
  DealCheckInput,
  DealInput,
  DealListQuery,
  DealPage,
  DealPatch,
  DecisionInput,
  DuplicateRegistrationProblem,
  ListQuery,
} from '../../core/schema/index.js';
import { patchDealAndEvaluate } from '../domain/tiers-records.js';
import { decideDealAndEvaluate, withdrawDealAndEvaluate } from '../domain/tiers-triggers.js';
import { dealHistory, getDeal, listDeals } from '../domain/deals-list.js';
import { checkDeal, registerDeal } from '../domain/deals-register.js';
import { auditEntryFor, dealFor, reportFor } from '../domain/deals-views.js';
import { problems } from '../http/problem.js';
import { defineRoute } from '../http/registry.js';
import { clockOf } from './tiers.js';
import type { Principal } from '../identity/principal.js';
import { isPartnerPrincipal } from '../identity/principal.js';

const TAG = 'Deals';

function partnerOf(principal: Principal): Principal & { partnerId: string } {
  if (!isPartnerPrincipal(principal)) throw problems.forbidden('Only partners register deals.');
  return principal;
}

const CONFLICT_NOTE =
  'For partner roles a match on another partner’s deal or a direct opportunity carries only `kind`, `similarity` and `matchedOn`.';

export const dealRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/deals/check',
    tag: TAG,
    summary: 'Check a deal for conflicts',
    description: `The conflict report a registration with this body would get; nothing is written. Only \`customer.name\` is required, so a form can check as it is filled in. ${CONFLICT_NOTE}`,
    action: 'deals.register',
    body: DealCheckInput,
    responses: { 200: { description: 'The conflict report.', schema: ConflictReport } },
    handler: async ({ deps, principal, body, json }) => {
      const partner = partnerOf(principal);
      const report = await deps.store.withTransaction((tx) =>
        checkDeal(tx, body, partner.partnerId),
      );
      return json(reportFor(report, principal));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/deals',
    tag: TAG,
    summary: 'Register a deal',
    description: `Applies the registration rules in one transaction: a duplicate of the partner’s own active deal answers 409 \`duplicate_registration\` with \`existingDealId\`; otherwise the deal is created rejected (another partner holds the customer), under review, or approved automatically within the tier’s limit. ${CONFLICT_NOTE}`,
    action: 'deals.register',
    body: DealInput,
    responses: {
      201: { description: 'The deal.', schema: Deal },
      409: {
        description:
          '`duplicate_registration`: the partner already registered this customer; `existingDealId` names that deal.',
        schema: DuplicateRegistrationProblem,
        contentType: 'application/problem+json',
      },
    },
    handler: async ({ deps, principal, body, json }) => {
      const partner = partnerOf(principal);
      const deal = await deps.store.withTransaction((tx) => registerDeal(tx, body, partner));
      return json(dealFor(deal, principal), 201, { location: `/v1/deals/${deal.id}` });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/deals',
    tag: TAG,
    summary: 'List deals',
    description:
      'A partner role sees only its own partner’s deals. `customerDomain` matches on the registrable domain, `q` searches customer name and title; `status=expired` finds approved, open deals past their protection. `assignee` and `region` (the deal’s partner’s region, compared without regard to case) are vendor roles’ filters: a partner role passing either gets 422 `not_allowed` at that field.',
    action: 'deals.read',
    query: DealListQuery,
    responses: { 200: { description: 'A page of deals.', schema: DealPage } },
    handler: async ({ deps, principal, query, json }) => {
      const deals = await listDeals(deps.store, query, principal);
      return json({ ...deals, items: deals.items.map((d) => dealFor(d, principal)) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/deals/:id',
    tag: TAG,
    summary: 'Get a deal',
    description: 'Another partner’s deal answers 404.',
    action: 'deals.read',
    responses: { 200: { description: 'The deal.', schema: Deal } },
    handler: async ({ deps, principal, params, json }) =>
      json(dealFor(await getDeal(deps.store, params.id!, principal), principal)),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/deals/:id/history',
    tag: TAG,
    summary: 'A deal’s history',
    description: 'The audit entries of the deal, oldest first, cut down for partner roles.',
    action: 'deals.read',
    query: ListQuery,
    responses: { 200: { description: 'A page of audit entries.', schema: AuditPage } },
    handler: async ({ deps, principal, params, query, json }) => {
      const history = await dealHistory(deps.store, params.id!, principal, query);
      return json({ ...history, items: history.items.map((e) => auditEntryFor(e, principal)) });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/deals/:id/decision',
    tag: TAG,
    summary: 'Decide a deal',
    description:
      'Approve or reject a deal under review, or approve a rejected one (an override). Approvals take `approved_manual`, rejections any other reason code. Any other transition answers 409 `invalid_transition`. Deciding a won deal re-evaluates the partner’s tier at once (a rejected deal does not count toward it).',
    action: 'deals.decide',
    body: DecisionInput,
    responses: {
      200: { description: 'The decided deal.', schema: Deal },
      409: { description: '`invalid_transition`.' },
    },
    handler: async ({ deps, principal, params, body, json }) =>
      json(
        dealFor(
          await deps.store.withTransaction((tx) =>
            decideDealAndEvaluate(tx, params.id!, body, principal, clockOf(deps)),
          ),
          principal,
        ),
      ),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/deals/:id/withdraw',
    tag: TAG,
    summary: 'Withdraw a deal',
    description:
      'The owning partner, from under review or approved. A won deal withdrawn no longer counts toward the partner’s tier, which is re-evaluated at once.',
    action: 'deals.withdraw',
    responses: {
      200: { description: 'The withdrawn deal.', schema: Deal },
      409: { description: '`invalid_transition`.' },
    },
    handler: async ({ deps, principal, params, json }) => {
      const deal = await deps.store.withTransaction((tx) =>
        withdrawDealAndEvaluate(tx, params.id!, principal, clockOf(deps)),
      );
      return json(dealFor(deal, principal));
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/v1/deals/:id',
    tag: TAG,
    summary: 'Sync a deal from the CRM',
    description:
      'Stage (won/lost), amount and the CRM record id. A rejected or withdrawn deal accepts only `externalId`.',
    action: 'deals.sync',
    body: DealPatch,
    responses: {
      200: { description: 'The updated deal.', schema: Deal },
      409: { description: '`invalid_transition`.' },
    },
    handler: async ({ deps, principal, params, body, json }) =>
      json(
        dealFor(
          await deps.store.withTransaction((tx) =>
            patchDealAndEvaluate(tx, params.id!, body, principal, clockOf(deps)),
          ),
          principal,
        ),
      ),
  }),
];
