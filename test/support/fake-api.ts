/**
 * @module The one fake Partner API of the widget tests, the stories and the benchmarks: a typed
 * `PartnerClient` over data in memory, recording what the widgets call. Every answer can be replaced
 * per test (`api.answerRegister = …`), a delay makes loading states visible (`delayMs`), and
 * `push()` sends an event to every open subscription as the server's stream would. Runs in the
 * browser; no network. Widgets are also tested against the real reference server
 * (`*.server.test.ts`): this fake is for the states a real server will not produce on demand.
 */
import type { PartnerClient } from '../../src/core/client.js';
import { PARTNER_ROLES } from '../../src/core/schema/identity.js';
import type {
  ConflictReport,
  Deal,
  DealCheckInput,
  DealInput,
  DealListQuery,
  DealPage,
  DecisionInput,
  Me,
  PrmEvent,
  Program,
  ReviewRouting,
  Role,
} from '../../src/core/schema/index.js';

const HOUR = 3_600_000;

export const CLEAR: ConflictReport = { verdict: 'clear', matches: [] };

/** The demo program: three products in three currencies. */
export const DEMO_PROGRAM: Program = {
  name: 'Demo',
  products: [
    { id: 'analytics', name: 'Analytics' },
    { id: 'edge', name: 'Edge Gateway' },
    { id: 'ml', name: 'ML Studio' },
  ],
  currencies: ['USD', 'EUR', 'JPY'],
  slaHours: 48,
  protectionDays: 90,
  claimWindowDays: 60,
};

/** Who is signed in: a partner user of Acme Partners (Gold), or a vendor role without a partner. */
export const meFor = (role: Role, userId = 'usr_viewer'): Me => ({
  user: { id: userId, name: 'Viewer', email: 'viewer@example.com', role },
  partner: (PARTNER_ROLES as readonly Role[]).includes(role)
    ? {
        id: 'prt_acme',
        name: 'Acme Partners',
        type: 'reseller',
        tier: { id: 'tier_gold', name: 'Gold', rank: 2 },
      }
    : null,
});

const instantIn = (ms: number) => new Date(Date.now() + ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** The deal the fake server registers for `input`: under review, due in 48 h. */
export function dealFrom(input: DealInput, patch: Partial<Deal> = {}): Deal {
  return {
    id: 'deal_new1',
    partnerId: 'prt_acme',
    status: 'under_review',
    stage: 'open',
    customer: { name: input.customer.name, domain: input.customer.domain },
    contact: { name: input.contact.name, email: input.contact.email },
    title: input.title,
    products: input.products,
    amount: input.amount,
    expectedCloseDate: input.expectedCloseDate,
    notes: input.notes ?? null,
    submittedBy: 'usr_viewer',
    submittedAt: instantIn(0),
    reviewDueAt: instantIn(48 * HOUR),
    conflicts: CLEAR,
    ...patch,
  };
}

export interface FakeApiOptions {
  deals?: Deal[];
  role?: Role;
  userId?: string;
  program?: Program;
  /** Each fake has its own base URL unless given one (drafts are stored per API). */
  baseUrl?: string;
  /** Every answer waits this long first: to see the loading states in a story. */
  delayMs?: number;
  /** Deals per page whatever the query asks (the API's limit is 1–200); default: the query's. */
  pageSize?: number;
  /** Each partner's region, for `?region=` (compared without case, as the server does). */
  regions?: Record<string, string>;
  /** What `reviewRouting.get` answers; default: no rules, no fallback. */
  routing?: ReviewRouting;
  /** Awaited before each `deals.list` answers: to hold the loading state, or to time an arrival. */
  beforeList?(query: Partial<DealListQuery>, call: number): Promise<void> | void;
  /** Awaited before each decision; throw to make it fail. Default: it succeeds. */
  beforeDecide?(id: string, input: DecisionInput): Promise<void> | void;
}

const never = <T>(): Promise<T> => new Promise<T>(() => {});

function abortable<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  if (!signal) return work();
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

let apis = 0;

export class FakeApi {
  readonly baseUrl: string;
  role: Role;
  userId: string;
  program: Program;
  /** The fake's own copy of the deals (decisions change it). */
  deals: Deal[];

  // ---------------------------------------------------------------- what the widgets called
  calls: { list: Partial<DealListQuery>[]; decide: [string, DecisionInput][]; me: number } = {
    list: [],
    decide: [],
    me: 0,
  };
  checks: { input: DealCheckInput; signal: AbortSignal | undefined }[] = [];
  registers: { input: DealInput; key: string | false | undefined }[] = [];
  programCalls = 0;

  // ---------------------------------------------------------------- answers, replaceable per test
  loadProgram: () => Promise<Program> = async () => this.program;
  loadMe: () => Promise<Me> = async () => meFor(this.role, this.userId);
  answerCheck: (input: DealCheckInput) => Promise<ConflictReport> = async () => CLEAR;
  answerRegister: (input: DealInput) => Promise<Deal> = async (input) => dealFrom(input);
  answerGet: (id: string) => Promise<Deal> = async (id) => {
    const deal = this.deals.find((d) => d.id === id);
    if (!deal) throw new Error(`The fake API has no deal ${id}`);
    return deal;
  };

  constructor(readonly options: FakeApiOptions = {}) {
    this.baseUrl = options.baseUrl ?? `https://fake${++apis}.example`;
    this.role = options.role ?? 'partner_user';
    this.userId = options.userId ?? 'usr_viewer';
    this.program = options.program ?? DEMO_PROGRAM;
    this.deals = options.deals ?? [];
    this.client = this.#makeClient();
  }

  /** Pushes an event to every open subscription, as the server's stream would. */
  push = (event: PrmEvent): void => this.#listeners.forEach((listener) => listener(event));

  /** Open subscriptions. */
  get subscribers(): number {
    return this.#listeners.size;
  }

  /** Subscriptions closed so far. */
  get closed(): number {
    return this.#closed;
  }

  /** What a widget gets as its `client`. */
  readonly client: PartnerClient;

  #makeClient(): PartnerClient {
    return {
      options: { baseUrl: this.baseUrl },
      me: () =>
        this.#later(() => {
          this.calls.me += 1;
          return this.loadMe();
        }),
      program: {
        get: () =>
          this.#later(() => {
            this.programCalls++;
            return this.loadProgram();
          }),
      },
      deals: {
        check: (input: DealCheckInput, opts?: { signal?: AbortSignal }) => {
          this.checks.push({ input, signal: opts?.signal });
          return this.#later(() => this.answerCheck(input));
        },
        register: (input: DealInput, opts?: { idempotencyKey?: string | false }) => {
          this.registers.push({ input, key: opts?.idempotencyKey });
          return this.#later(() => this.answerRegister(input));
        },
        get: (id: string) => this.#later(() => this.answerGet(id)),
        list: (query: Partial<DealListQuery> = {}, opts: { signal?: AbortSignal } = {}) =>
          this.#list(query, opts.signal),
        decide: (id: string, input: DecisionInput) => this.#decide(id, input),
      },
      reviewRouting: {
        get: () => this.#later(async () => this.options.routing ?? { rules: [], fallback: null }),
      },
      events: {
        subscribe: ({ onEvent }: { onEvent(event: PrmEvent): void }) => {
          this.#listeners.add(onEvent);
          return {
            lastEventId: undefined,
            done: never<void>(),
            close: () => {
              if (this.#listeners.delete(onEvent)) this.#closed += 1;
            },
          };
        },
      },
    } as unknown as PartnerClient;
  }

  // ---------------------------------------------------------------- implementation

  #listeners = new Set<(event: PrmEvent) => void>();
  #closed = 0;

  async #later<T>(answer: () => Promise<T>): Promise<T> {
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    return answer();
  }

  #list(query: Partial<DealListQuery>, signal: AbortSignal | undefined): Promise<DealPage> {
    const call = this.calls.list.push({ ...query }) - 1;
    return abortable(signal, async () => {
      await this.options.beforeList?.(query, call);
      const q = query.q?.toLowerCase();
      const matching = this.deals.filter(
        (d) =>
          (!query.status || d.status === query.status) &&
          (!query.stage || d.stage === query.stage) &&
          (!query.partnerId || d.partnerId === query.partnerId) &&
          (!q || `${d.customer.name} ${d.title}`.toLowerCase().includes(q)) &&
          (!query.region ||
            this.options.regions?.[d.partnerId]?.toLowerCase() === query.region.toLowerCase()),
      );
      const start = Number(query.cursor ?? 0);
      const size = this.options.pageSize ?? query.limit ?? 50;
      const items = matching.slice(start, start + size);
      const next = start + size < matching.length ? String(start + size) : null;
      return { items, nextCursor: next };
    });
  }

  async #decide(id: string, input: DecisionInput): Promise<Deal> {
    this.calls.decide.push([id, input]);
    await this.options.beforeDecide?.(id, input);
    const index = this.deals.findIndex((d) => d.id === id);
    const at = new Date().toISOString();
    const saved: Deal = {
      ...this.deals[index]!,
      status: input.decision === 'approve' ? 'approved' : 'rejected',
      decision: { by: 'usr_viewer', at, ...input },
      reviewDueAt: null,
      protectedUntil:
        input.decision === 'approve' ? new Date(Date.now() + 90 * 24 * HOUR).toISOString() : null,
    };
    this.deals[index] = saved;
    return saved;
  }
}

/** The deal list's name for the fake: the same class. */
export type FakeDealClient = FakeApi;
export type FakeDealClientOptions = FakeApiOptions;
export const fakeDealClient = (options: FakeApiOptions = {}): FakeApi => new FakeApi(options);
