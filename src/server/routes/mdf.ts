/** @module `/v1/mdf`: allocations, the summary, requests, claims, decisions and payouts. */
import {
  Allocation,
  AllocationInput,
  MdfClaim,
  MdfClaimDecisionInput,
  MdfClaimInput,
  MdfClaimListQuery,
  MdfClaimPage,
  MdfPayoutInput,
  MdfRequest,
  MdfRequestDecisionInput,
  MdfRequestInput,
  MdfRequestListQuery,
  MdfRequestPage,
  MdfRequestUpdate,
  MdfSummary,
  MdfSummaryQuery,
} from '../../core/schema/index.js';
import { createAllocation, mdfSummary } from '../domain/mdf-allocations.js';
import { decideClaim, getClaim, payClaim, submitClaim } from '../domain/mdf-claims.js';
import { listClaims, listRequests } from '../domain/mdf-lists.js';
import {
  decideRequest,
  getRequest,
  resubmitRequest,
  submitRequest,
} from '../domain/mdf-requests.js';
import { problems } from '../http/problem.js';
import { defineRoute } from '../http/registry.js';
import type { Principal } from '../identity/principal.js';
import { isPartnerPrincipal } from '../identity/principal.js';

const TAG = 'MDF';

function partnerOf(principal: Principal): Principal & { partnerId: string } {
  if (!isPartnerPrincipal(principal)) throw problems.forbidden('Only partners request funds.');
  return principal;
}

const transition = { 409: { description: '`invalid_transition`.' } };

export const mdfRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/mdf/allocations',
    tag: TAG,
    summary: 'Allocate funds to a partner for a period',
    description:
      'One allocation per partner and period; a partner’s allocations share one currency. After `expiresAt` the allocation accepts no more requests.',
    action: 'mdf.allocate',
    body: AllocationInput,
    responses: { 201: { description: 'The allocation.', schema: Allocation } },
    handler: async ({ deps, principal, body, json }) =>
      json(await deps.store.withTransaction((tx) => createAllocation(tx, body, principal)), 201),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/mdf/summary',
    tag: TAG,
    summary: 'A partner’s funds per period',
    description:
      '`pending` = requested amounts under review; `approved` = approved amounts not yet claimed; `claimed` = claims submitted or approved, not yet paid; `available` = `allocated` − `pending` − `approved` − `claimed` − `paid`, never below zero. Partner roles read their own; vendor roles give `partnerId`.',
    action: 'mdf.read',
    query: MdfSummaryQuery,
    responses: { 200: { description: 'The summary.', schema: MdfSummary } },
    handler: async ({ deps, principal, query, json }) =>
      json(await mdfSummary(deps.store, query.partnerId, principal)),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/mdf/requests',
    tag: TAG,
    summary: 'Request funds',
    description:
      'The requested amount moves from available to pending. More than is available, or an expired allocation, answers 409 `insufficient_funds`; parallel requests on one allocation are serialised.',
    action: 'mdf.request',
    body: MdfRequestInput,
    responses: {
      201: { description: 'The submitted request.', schema: MdfRequest },
      409: { description: '`insufficient_funds`, with `available`.' },
    },
    handler: async ({ deps, principal, body, json }) => {
      const partner = partnerOf(principal);
      const r = await deps.store.withTransaction((tx) => submitRequest(tx, body, partner));
      return json(r, 201, { location: `/v1/mdf/requests/${r.id}` });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/mdf/requests',
    tag: TAG,
    summary: 'List requests',
    description: 'Newest first. Partner roles see their own partner’s.',
    action: 'mdf.read',
    query: MdfRequestListQuery,
    responses: { 200: { description: 'A page of requests.', schema: MdfRequestPage } },
    handler: async ({ deps, principal, query, json }) =>
      json(await listRequests(deps.store, query, principal)),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/mdf/requests/:id',
    tag: TAG,
    summary: 'Get a request',
    description: 'Another partner’s request answers 404.',
    action: 'mdf.read',
    responses: { 200: { description: 'The request.', schema: MdfRequest } },
    handler: async ({ deps, principal, params, json }) =>
      json(await getRequest(deps.store, params.id!, principal)),
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/mdf/requests/:id',
    tag: TAG,
    summary: 'Resubmit a returned request',
    description:
      'Changes the activity and amount of a `returned` request and submits it again; the amount is checked against what is available, as for a new request.',
    action: 'mdf.request',
    body: MdfRequestUpdate,
    responses: {
      200: { description: 'The resubmitted request.', schema: MdfRequest },
      409: { description: '`invalid_transition` or `insufficient_funds`.' },
    },
    handler: async ({ deps, principal, params, body, json }) => {
      partnerOf(principal);
      return json(
        await deps.store.withTransaction((tx) => resubmitRequest(tx, params.id!, body, principal)),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/mdf/requests/:id/decision',
    tag: TAG,
    summary: 'Decide a request',
    description:
      'Approve (optionally for less: `approvedAmount`), reject, or return for changes a `submitted` request. What is not approved returns to available.',
    action: 'mdf.decide',
    body: MdfRequestDecisionInput,
    responses: { 200: { description: 'The decided request.', schema: MdfRequest }, ...transition },
    handler: async ({ deps, principal, params, body, json }) =>
      json(
        await deps.store.withTransaction((tx) => decideRequest(tx, params.id!, body, principal)),
      ),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/mdf/requests/:id/claims',
    tag: TAG,
    summary: 'Claim an approved request',
    description:
      'With at least one proof file of the partner’s and the results. The amount is at most the approved amount less what is already claimed (409 `insufficient_funds`); after `claimDeadline` (the activity’s end plus the program’s `claimWindowDays`) 409 `claim_window_closed`.',
    action: 'mdf.claim',
    body: MdfClaimInput,
    responses: {
      201: { description: 'The submitted claim.', schema: MdfClaim },
      409: { description: '`invalid_transition`, `insufficient_funds` or `claim_window_closed`.' },
    },
    handler: async ({ deps, principal, params, body, json }) => {
      const partner = partnerOf(principal);
      const claim = await deps.store.withTransaction((tx) =>
        submitClaim(tx, params.id!, body, partner),
      );
      return json(claim, 201, { location: `/v1/mdf/claims/${claim.id}` });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/mdf/claims',
    tag: TAG,
    summary: 'List claims',
    description: 'Newest first. Partner roles see their own partner’s.',
    action: 'mdf.read',
    query: MdfClaimListQuery,
    responses: { 200: { description: 'A page of claims.', schema: MdfClaimPage } },
    handler: async ({ deps, principal, query, json }) =>
      json(await listClaims(deps.store, query, principal)),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/mdf/claims/:id',
    tag: TAG,
    summary: 'Get a claim',
    description: 'Another partner’s claim answers 404.',
    action: 'mdf.read',
    responses: { 200: { description: 'The claim.', schema: MdfClaim } },
    handler: async ({ deps, principal, params, json }) =>
      json(await getClaim(deps.store, params.id!, principal)),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/mdf/claims/:id/decision',
    tag: TAG,
    summary: 'Decide a claim',
    description:
      'Approve or reject a `submitted` claim. A rejected claim’s amount returns to the request’s approved amount, to be claimed again.',
    action: 'mdf.decide',
    body: MdfClaimDecisionInput,
    responses: { 200: { description: 'The decided claim.', schema: MdfClaim }, ...transition },
    handler: async ({ deps, principal, params, body, json }) =>
      json(await deps.store.withTransaction((tx) => decideClaim(tx, params.id!, body, principal))),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/mdf/claims/:id/payout',
    tag: TAG,
    summary: 'Report a claim’s payout',
    description: 'Finance marks an `approved` claim `paid`; its amount moves from claimed to paid.',
    action: 'mdf.payout',
    body: MdfPayoutInput,
    responses: { 200: { description: 'The paid claim.', schema: MdfClaim }, ...transition },
    handler: async ({ deps, principal, params, body, json }) =>
      json(await deps.store.withTransaction((tx) => payClaim(tx, params.id!, body, principal))),
  }),
];
