/** @module Market development funds' client methods (`client.mdf`). */
import {
  Allocation,
  MdfClaim,
  MdfClaimPage,
  MdfRequest,
  MdfRequestPage,
  MdfSummary,
  type AllocationInput,
  type MdfClaimDecisionInput,
  type MdfClaimInput,
  type MdfClaimListQuery,
  type MdfPayoutInput,
  type MdfRequestDecisionInput,
  type MdfRequestInput,
  type MdfRequestListQuery,
  type MdfRequestUpdate,
} from '../schema/index.js';
import { callsOf, path } from './calls.js';
import type { CallOptions, EngineOptions } from './request.js';

export interface MdfMethods {
  /** The partner's funds per period; partner roles may leave out `partnerId`. */
  summary(partnerId?: string, opts?: CallOptions): Promise<MdfSummary>;
  allocate(input: AllocationInput, opts?: CallOptions): Promise<Allocation>;
  listRequests(query?: Partial<MdfRequestListQuery>, opts?: CallOptions): Promise<MdfRequestPage>;
  getRequest(id: string, opts?: CallOptions): Promise<MdfRequest>;
  request(input: MdfRequestInput, opts?: CallOptions): Promise<MdfRequest>;
  /** Resubmits a returned request with its changes (`PUT`). */
  resubmit(id: string, input: MdfRequestUpdate, opts?: CallOptions): Promise<MdfRequest>;
  decideRequest(
    id: string,
    input: MdfRequestDecisionInput,
    opts?: CallOptions,
  ): Promise<MdfRequest>;
  claim(requestId: string, input: MdfClaimInput, opts?: CallOptions): Promise<MdfClaim>;
  listClaims(query?: Partial<MdfClaimListQuery>, opts?: CallOptions): Promise<MdfClaimPage>;
  getClaim(id: string, opts?: CallOptions): Promise<MdfClaim>;
  decideClaim(id: string, input: MdfClaimDecisionInput, opts?: CallOptions): Promise<MdfClaim>;
  payout(id: string, input: MdfPayoutInput, opts?: CallOptions): Promise<MdfClaim>;
}

export function mdfMethods(engine: EngineOptions): MdfMethods {
  const { get, write } = callsOf(engine);
  return {
    summary: (partnerId, opts) =>
      get('mdf.summary', '/v1/mdf/summary', MdfSummary, opts, { partnerId }),
    allocate: (input, opts) =>
      write('mdf.allocate', 'POST', '/v1/mdf/allocations', Allocation, input, opts),
    listRequests: (query, opts) =>
      get('mdf.listRequests', '/v1/mdf/requests', MdfRequestPage, opts, query),
    getRequest: (id, opts) => get('mdf.getRequest', path`/v1/mdf/requests/${id}`, MdfRequest, opts),
    request: (input, opts) =>
      write('mdf.request', 'POST', '/v1/mdf/requests', MdfRequest, input, opts),
    resubmit: (id, input, opts) =>
      write('mdf.resubmit', 'PUT', path`/v1/mdf/requests/${id}`, MdfRequest, input, opts),
    decideRequest: (id, input, opts) =>
      write(
        'mdf.decideRequest',
        'POST',
        path`/v1/mdf/requests/${id}/decision`,
        MdfRequest,
        input,
        opts,
      ),
    claim: (requestId, input, opts) =>
      write('mdf.claim', 'POST', path`/v1/mdf/requests/${requestId}/claims`, MdfClaim, input, opts),
    listClaims: (query, opts) => get('mdf.listClaims', '/v1/mdf/claims', MdfClaimPage, opts, query),
    getClaim: (id, opts) => get('mdf.getClaim', path`/v1/mdf/claims/${id}`, MdfClaim, opts),
    decideClaim: (id, input, opts) =>
      write('mdf.decideClaim', 'POST', path`/v1/mdf/claims/${id}/decision`, MdfClaim, input, opts),
    payout: (id, input, opts) =>
      write('mdf.payout', 'POST', path`/v1/mdf/claims/${id}/payout`, MdfClaim, input, opts),
  };
}
