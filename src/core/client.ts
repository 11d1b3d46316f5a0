import type * as z from 'zod/mini';
import { resolveOptions, toArray, toEngine, type PartnerClientOptions } from './client/engine.js';
import { send, type CallOptions, type EngineOptions } from './client/request.js';
import { openEvents, type EventSubscription, type SubscribeOptions } from './events.js';
import {
  Asset,
  ContentInsights,
  ContentItem,
  ContentPage,
  type ContentInput,
  type ContentInsightsQuery,
  type ContentListQuery,
  Allocation,
  FileInfo,
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
  AuditPage,
  DealCheckResult,
  Deal,
  DealPage,
  DealStats,
  EmbedKeyCreated,
  Health,
  Me,
  Opportunity,
  OpportunityPage,
  Partner,
  PartnerPage,
  Program,
  ReviewRouting,
  Tiers,
  type AuditQuery,
  type DealCheckInput,
  type DealInput,
  type DealListQuery,
  type DealPatch,
  type DealStatsQuery,
  type ReviewerInput,
  type ReviewRoutingInput,
  type DecisionInput,
  type OpportunityInput,
  type OpportunityListQuery,
  type PartnerInput,
  type PartnerListQuery,
  type ProgramInput,
  type TiersInput,
} from './schema/index.js';
import {
  Certification,
  CertificationPage,
  ExchangeRates,
  TierHistoryPage,
  TierProgress,
  type CertificationInput,
  type CertificationListQuery,
  type ExchangeRatesInput,
} from './schema/index.js';

export type {
  AfterResponseHook,
  AfterResponseState,
  BeforeRequestHook,
  BeforeRequestState,
  CallOptions,
  ClientHooks,
  HttpMethod,
  Operation,
  RetryOptions,
  Transport,
} from './client/request.js';
/** One key per logical operation: e.g. per draft, so that a resubmit replays instead of duplicating. */
export { newIdempotencyKey } from './client/request.js';

export { normalizeBaseUrl, type PartnerClientOptions } from './client/engine.js';

const path = (strings: TemplateStringsArray, ...ids: string[]) =>
  strings.reduce((out, s, i) => out + s + (i < ids.length ? encodeURIComponent(ids[i]!) : ''), '');

/** A typed client of the Partner API. Every method takes a last `{ signal, idempotencyKey }`. */
export interface PartnerClient {
  /** The options this client was made with (hooks as arrays, after `.extend()` merges). */
  readonly options: Readonly<PartnerClientOptions>;
  /** A new client with these options on top of this one's; hooks are appended, not replaced. */
  extend(options: Partial<PartnerClientOptions>): PartnerClient;
  me(opts?: CallOptions): Promise<Me>;
  health(opts?: CallOptions): Promise<Health>;
  program: {
    get(opts?: CallOptions): Promise<Program>;
    put(input: ProgramInput, opts?: CallOptions): Promise<Program>;
  };
  partners: {
    list(query?: Partial<PartnerListQuery>, opts?: CallOptions): Promise<PartnerPage>;
    get(id: string, opts?: CallOptions): Promise<Partner>;
    create(input: PartnerInput, opts?: CallOptions): Promise<Partner>;
    createEmbedKey(partnerId: string, opts?: CallOptions): Promise<EmbedKeyCreated>;
    revokeEmbedKey(partnerId: string, keyId: string, opts?: CallOptions): Promise<void>;
  };
  deals: {
    check(input: DealCheckInput, opts?: CallOptions): Promise<DealCheckResult>;
    register(input: DealInput, opts?: CallOptions): Promise<Deal>;
    list(query?: Partial<DealListQuery>, opts?: CallOptions): Promise<DealPage>;
    get(id: string, opts?: CallOptions): Promise<Deal>;
    history(id: string, opts?: CallOptions): Promise<AuditPage>;
    decide(id: string, input: DecisionInput, opts?: CallOptions): Promise<Deal>;
    withdraw(id: string, opts?: CallOptions): Promise<Deal>;
    /** PATCH is not idempotent and carries no key: it is never retried. */
    update(id: string, patch: DealPatch, opts?: CallOptions): Promise<Deal>;
    /** `GET /v1/deals/stats` (vendor roles): the review queue's counts, with the list's filters. */
    stats(query?: Partial<DealStatsQuery>, opts?: CallOptions): Promise<DealStats>;
    /** `POST /v1/deals/:id/assign` (channel_manager, program_admin): reassigns the review. */
    assign(id: string, assignee: ReviewerInput, opts?: CallOptions): Promise<Deal>;
  };
  /** `/v1/program/review-routing`: who a deal that goes to review is assigned to. */
  reviewRouting: {
    get(opts?: CallOptions): Promise<ReviewRouting>;
    /** program_admin. */
    put(input: ReviewRoutingInput, opts?: CallOptions): Promise<ReviewRouting>;
  };
  opportunities: {
    upsert(input: OpportunityInput, opts?: CallOptions): Promise<Opportunity>;
    list(query?: Partial<OpportunityListQuery>, opts?: CallOptions): Promise<OpportunityPage>;
  };
  tiers: {
    get(opts?: CallOptions): Promise<Tiers>;
    put(input: TiersInput, opts?: CallOptions): Promise<Tiers>;
    /** `GET /v1/partners/:id/tier-progress`. */
    progress(partnerId: string, opts?: CallOptions): Promise<TierProgress>;
    /** `GET /v1/partners/:id/tier-history`, newest first. */
    history(
      partnerId: string,
      query?: { limit?: number; cursor?: string },
      opts?: CallOptions,
    ): Promise<TierHistoryPage>;
  };
  certifications: {
    create(input: CertificationInput, opts?: CallOptions): Promise<Certification>;
    list(query?: Partial<CertificationListQuery>, opts?: CallOptions): Promise<CertificationPage>;
  };
  exchangeRates: {
    get(opts?: CallOptions): Promise<ExchangeRates>;
    put(input: ExchangeRatesInput, opts?: CallOptions): Promise<ExchangeRates>;
  };
  audit: {
    list(query?: Partial<AuditQuery>, opts?: CallOptions): Promise<AuditPage>;
  };
  content: {
    /** Search as one types: pass the task's `signal` so a stale search is aborted. */
    search(query?: Partial<ContentListQuery>, opts?: CallOptions): Promise<ContentPage>;
    get(id: string, opts?: CallOptions): Promise<ContentItem>;
    create(input: ContentInput, opts?: CallOptions): Promise<Asset>;
    update(id: string, input: ContentInput, opts?: CallOptions): Promise<Asset>;
    archive(id: string, opts?: CallOptions): Promise<Asset>;
    insights(query?: Partial<ContentInsightsQuery>, opts?: CallOptions): Promise<ContentInsights>;
    /** The download URL of a format (fetch it with the bearer token; it is counted). */
    fileUrl(id: string, format: string): string;
    /**
     * Downloads a format as a Blob, reporting `(received, total)` as bytes arrive. Errors are
     * thrown as a `PartnerApiError`-like `Error` carrying the HTTP `status`.
     */
    download(
      id: string,
      format: string,
      opts?: CallOptions & { onProgress?: (received: number, total: number) => void },
    ): Promise<Blob>;
  };
  mdf: {
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
  };
  files: {
    /** Uploads a proof file as its raw bytes; the server decides its type from the content. */
    upload(
      file: Blob,
      options?: { name?: string; contentType?: string },
      opts?: CallOptions,
    ): Promise<FileInfo>;
  };
  events: {
    /** `GET /v1/events` as a stream of typed events; see {@link openEvents}. */
    subscribe(options: SubscribeOptions): EventSubscription;
  };
}

/**
 * Makes a Partner API client on ky: bearer auth from `getToken` (refreshed once on 401), retries
 * with backoff and full jitter (POSTs only with their `Idempotency-Key`), a timeout per attempt,
 * and every response parsed with its schema.
 */
export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  const resolved = resolveOptions(options);
  const engine: EngineOptions = toEngine(options);

  const get = <S extends z.ZodMiniType | null>(
    name: string,
    p: string,
    schema: S,
    opts?: CallOptions,
    query?: object,
  ) => send(engine, { name, method: 'GET', path: p, schema, query: compact(query) }, opts);
  const write = <S extends z.ZodMiniType | null>(
    name: string,
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    p: string,
    schema: S,
    json: unknown,
    opts?: CallOptions,
  ) => send(engine, { name, method, path: p, schema, json }, opts);

  return {
    options: Object.freeze(resolved),
    extend: (more) =>
      createPartnerClient({
        ...resolved,
        ...more,
        retry: { ...resolved.retry, ...more.retry },
        hooks: {
          beforeRequest: [...engine.beforeRequest, ...toArray(more.hooks?.beforeRequest)],
          afterResponse: [...engine.afterResponse, ...toArray(more.hooks?.afterResponse)],
        },
      }),
    me: (opts) => get('me', '/v1/me', Me, opts),
    health: (opts) =>
      send(
        engine,
        { name: 'health', method: 'GET', path: '/v1/health', schema: Health, anonymous: true },
        opts,
      ),
    program: {
      get: (opts) => get('program.get', '/v1/program', Program, opts),
      put: (input, opts) => write('program.put', 'PUT', '/v1/program', Program, input, opts),
    },
    partners: {
      list: (query, opts) => get('partners.list', '/v1/partners', PartnerPage, opts, query),
      get: (id, opts) => get('partners.get', path`/v1/partners/${id}`, Partner, opts),
      create: (input, opts) =>
        write('partners.create', 'POST', '/v1/partners', Partner, input, opts),
      createEmbedKey: (partnerId, opts) =>
        write(
          'partners.createEmbedKey',
          'POST',
          path`/v1/partners/${partnerId}/embed-keys`,
          EmbedKeyCreated,
          undefined,
          opts,
        ),
      revokeEmbedKey: (partnerId, keyId, opts) =>
        write(
          'partners.revokeEmbedKey',
          'DELETE',
          path`/v1/partners/${partnerId}/embed-keys/${keyId}`,
          null,
          undefined,
          opts,
        ),
    },
    deals: {
      check: (input, opts) =>
        write('deals.check', 'POST', '/v1/deals/check', DealCheckResult, input, opts),
      register: (input, opts) => write('deals.register', 'POST', '/v1/deals', Deal, input, opts),
      list: (query, opts) => get('deals.list', '/v1/deals', DealPage, opts, query),
      get: (id, opts) => get('deals.get', path`/v1/deals/${id}`, Deal, opts),
      history: (id, opts) => get('deals.history', path`/v1/deals/${id}/history`, AuditPage, opts),
      decide: (id, input, opts) =>
        write('deals.decide', 'POST', path`/v1/deals/${id}/decision`, Deal, input, opts),
      withdraw: (id, opts) =>
        write('deals.withdraw', 'POST', path`/v1/deals/${id}/withdraw`, Deal, undefined, opts),
      update: (id, patch, opts) =>
        write('deals.update', 'PATCH', path`/v1/deals/${id}`, Deal, patch, opts),
      stats: (query, opts) => get('deals.stats', '/v1/deals/stats', DealStats, opts, query),
      assign: (id, assignee, opts) =>
        write('deals.assign', 'POST', path`/v1/deals/${id}/assign`, Deal, { assignee }, opts),
    },
    reviewRouting: {
      get: (opts) => get('reviewRouting.get', '/v1/program/review-routing', ReviewRouting, opts),
      put: (input, opts) =>
        write('reviewRouting.put', 'PUT', '/v1/program/review-routing', ReviewRouting, input, opts),
    },
    opportunities: {
      upsert: (input, opts) =>
        write('opportunities.upsert', 'POST', '/v1/opportunities', Opportunity, input, opts),
      list: (query, opts) =>
        get('opportunities.list', '/v1/opportunities', OpportunityPage, opts, query),
    },
    tiers: {
      get: (opts) => get('tiers.get', '/v1/program/tiers', Tiers, opts),
      put: (input, opts) => write('tiers.put', 'PUT', '/v1/program/tiers', Tiers, input, opts),
      progress: (partnerId, opts) =>
        get('tiers.progress', path`/v1/partners/${partnerId}/tier-progress`, TierProgress, opts),
      history: (partnerId, query, opts) =>
        get(
          'tiers.history',
          path`/v1/partners/${partnerId}/tier-history`,
          TierHistoryPage,
          opts,
          query,
        ),
    },
    certifications: {
      create: (input, opts) =>
        write('certifications.create', 'POST', '/v1/certifications', Certification, input, opts),
      list: (query, opts) =>
        get('certifications.list', '/v1/certifications', CertificationPage, opts, query),
    },
    exchangeRates: {
      get: (opts) => get('exchangeRates.get', '/v1/program/exchange-rates', ExchangeRates, opts),
      put: (input, opts) =>
        write('exchangeRates.put', 'PUT', '/v1/program/exchange-rates', ExchangeRates, input, opts),
    },
    audit: {
      list: (query, opts) => get('audit.list', '/v1/audit', AuditPage, opts, query),
    },
    content: {
      search: (query, opts) => get('content.search', '/v1/content', ContentPage, opts, query),
      get: (id, opts) => get('content.get', path`/v1/content/${id}`, ContentItem, opts),
      create: (input, opts) => write('content.create', 'POST', '/v1/content', Asset, input, opts),
      update: (id, input, opts) =>
        write('content.update', 'PUT', path`/v1/content/${id}`, Asset, input, opts),
      archive: (id, opts) =>
        write('content.archive', 'POST', path`/v1/content/${id}/archive`, Asset, undefined, opts),
      insights: (query, opts) =>
        get('content.insights', '/v1/content/insights', ContentInsights, opts, query),
      fileUrl: (id, format) => `${engine.baseUrl}${path`/v1/content/${id}/files/${format}`}`,
      download: async (id, format, opts = {}) => {
        const token = engine.getToken ? await engine.getToken() : null;
        const res = await (engine.fetch ?? globalThis.fetch)(
          `${engine.baseUrl}${path`/v1/content/${id}/files/${format}`}`,
          {
            headers: token ? { authorization: `Bearer ${token}` } : {},
            ...(opts.signal ? { signal: opts.signal } : {}),
          },
        );
        if (!res.ok || !res.body) {
          throw Object.assign(new Error(`download failed: HTTP ${res.status}`), {
            status: res.status,
          });
        }
        const total = Number(res.headers.get('content-length') ?? 0);
        const parts: Uint8Array[] = [];
        let received = 0;
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parts.push(value);
          received += value.byteLength;
          opts.onProgress?.(received, total);
        }
        return new Blob(parts as BlobPart[], {
          type: res.headers.get('content-type') ?? 'application/octet-stream',
        });
      },
    },
    mdf: {
      summary: (partnerId, opts) =>
        get('mdf.summary', '/v1/mdf/summary', MdfSummary, opts, { partnerId }),
      allocate: (input, opts) =>
        write('mdf.allocate', 'POST', '/v1/mdf/allocations', Allocation, input, opts),
      listRequests: (query, opts) =>
        get('mdf.listRequests', '/v1/mdf/requests', MdfRequestPage, opts, query),
      getRequest: (id, opts) =>
        get('mdf.getRequest', path`/v1/mdf/requests/${id}`, MdfRequest, opts),
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
        write(
          'mdf.claim',
          'POST',
          path`/v1/mdf/requests/${requestId}/claims`,
          MdfClaim,
          input,
          opts,
        ),
      listClaims: (query, opts) =>
        get('mdf.listClaims', '/v1/mdf/claims', MdfClaimPage, opts, query),
      getClaim: (id, opts) => get('mdf.getClaim', path`/v1/mdf/claims/${id}`, MdfClaim, opts),
      decideClaim: (id, input, opts) =>
        write(
          'mdf.decideClaim',
          'POST',
          path`/v1/mdf/claims/${id}/decision`,
          MdfClaim,
          input,
          opts,
        ),
      payout: (id, input, opts) =>
        write('mdf.payout', 'POST', path`/v1/mdf/claims/${id}/payout`, MdfClaim, input, opts),
    },
    files: {
      upload: (file, o = {}, opts) =>
        send(
          engine,
          {
            name: 'files.upload',
            method: 'POST',
            path: '/v1/files',
            schema: FileInfo,
            body: file,
            contentType: o.contentType || file.type || 'application/octet-stream',
            query: compact({ name: o.name ?? (file as Partial<File>).name }),
          },
          opts,
        ),
    },
    events: {
      subscribe: (subscribeOptions) => openEvents(engine, subscribeOptions),
    },
  };
}

/** Drops undefined and empty values so that `?status=` is not sent for an unset filter. */
function compact(query: object | undefined): Record<string, string> | undefined {
  if (!query) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  }
  return out;
}
