import { resolveOptions, toArray, toEngine, type PartnerClientOptions } from './client/engine.js';
import { callsOf, compact, path } from './client/calls.js';
import { contentMethods, type ContentMethods } from './client/content.js';
import { mdfMethods, type MdfMethods } from './client/mdf.js';
import { send, type CallOptions, type EngineOptions } from './client/request.js';
import type { UploadProgressHandler } from './client/xhr.js';
import { openEvents, type EventSubscription, type SubscribeOptions } from './events.js';
import {
  FileInfo,
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
  TransportOptions,
} from './client/request.js';
export type { UploadProgress, UploadProgressHandler } from './client/xhr.js';
/** One key per logical operation: e.g. per draft, so that a resubmit replays instead of duplicating. */
export { newIdempotencyKey } from './client/request.js';

export { normalizeBaseUrl, type PartnerClientOptions } from './client/engine.js';

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
  content: ContentMethods;
  mdf: MdfMethods;
  files: {
    /** Uploads a proof file as its raw bytes; the server decides its type from the content. */
    upload(
      file: Blob,
      options?: {
        name?: string;
        contentType?: string;
        /**
         * Called as the file goes out (bytes sent of all). Only when the client carries requests
         * itself (no `fetch` of the host's) or the host's `transport` reports progress.
         */
        onProgress?: UploadProgressHandler;
      },
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
  const { get, write } = callsOf(engine);

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
    content: contentMethods(engine),
    mdf: mdfMethods(engine),
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
            onUploadProgress: o.onProgress,
          },
          opts,
        ),
    },
    events: {
      subscribe: (subscribeOptions) => openEvents(engine, subscribeOptions),
    },
  };
}
