/**
 * @module Fake deals and a fake Partner API client for `<prm-deal-list>`: used by its benchmark
 * page, its browser tests and its stories. Runs in the browser; no network.
 */
import type { PartnerClient } from '../src/core/client.js';
import { PARTNER_ROLES } from '../src/core/schema/index.js';
import type {
  Deal,
  DealListQuery,
  DecisionInput,
  Me,
  PrmEvent,
  Role,
} from '../src/core/schema/index.js';

const CUSTOMERS = [
  'Northwind Traders',
  'Contoso',
  'Fabrikam',
  'Tailspin Toys',
  'Wide World Importers',
  'Adventure Works',
  'Müller Maschinenbau',
  'Litware',
  'Proseware',
  'Woodgrove Bank',
];
const TITLES = ['Analytics rollout', 'Cloud migration', 'Security upgrade', 'Renewal', 'Pilot'];
const HOUR = 3_600_000;

/** One deal, numbered `n`, under review and due in 24 h unless `over` says otherwise. */
export function makeDeal(n: number, over: Partial<Deal> = {}, now = Date.now()): Deal {
  const customer = CUSTOMERS[n % CUSTOMERS.length]!;
  return {
    id: `deal_${String(n).padStart(5, '0')}`,
    partnerId: n % 3 === 0 ? 'prt_blue' : 'prt_acme',
    partnerName: n % 3 === 0 ? 'Blue Partners' : 'Acme Partners',
    status: 'under_review',
    stage: 'open',
    customer: {
      name: `${customer} ${n}`,
      domain: `${customer.toLowerCase().replace(/[^a-z]/g, '')}${n}.example`,
      country: 'US',
    },
    contact: { name: 'Jo Buyer', email: 'jo@example.com' },
    title: TITLES[n % TITLES.length]!,
    products: ['prod_analytics'],
    amount: { amount: 125_000 + n * 100, currency: 'USD' },
    expectedCloseDate: '2027-03-31',
    submittedBy: 'usr_seller',
    submittedAt: new Date(now - n * 60_000).toISOString(),
    reviewDueAt: new Date(now + 24 * HOUR - n * 60_000).toISOString(),
    conflicts: { verdict: 'clear', matches: [] },
    ...over,
  };
}

export const makeDeals = (count: number, now = Date.now()): Deal[] =>
  Array.from({ length: count }, (_, i) => makeDeal(i + 1, {}, now));

export const meFor = (role: Role): Me => ({
  user: { id: 'usr_viewer', name: 'Viewer', email: 'viewer@example.com', role },
  partner: (PARTNER_ROLES as readonly Role[]).includes(role)
    ? {
        id: 'prt_acme',
        name: 'Acme Partners',
        type: 'reseller',
        tier: { id: 'tier_gold', name: 'Gold', rank: 2 },
      }
    : null,
});

export interface FakeDealClientOptions {
  deals?: Deal[];
  role?: Role;
  /** Deals per page whatever the query asks (the API's limit is 1–200); default: the query's. */
  pageSize?: number;
  /** Awaited before each `deals.list` answers: to hold the loading state, or to time an arrival. */
  beforeList?(query: Partial<DealListQuery>, call: number): Promise<void> | void;
  /** Awaited before each decision; throw to make it fail. Default: it succeeds. */
  beforeDecide?(id: string, input: DecisionInput): Promise<void> | void;
}

export interface FakeDealClient {
  client: PartnerClient;
  calls: { list: Partial<DealListQuery>[]; decide: [string, DecisionInput][]; me: number };
  /** Pushes an event to every open subscription, as the server's stream would. */
  push(event: PrmEvent): void;
  /** Open subscriptions, and how many were closed. */
  readonly subscribers: number;
  readonly closed: number;
  /** The fake's own copy of the deals (decisions change it). */
  deals: Deal[];
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

/** A `PartnerClient` with only what `<prm-deal-list>` calls, serving `deals` from memory. */
export function fakeDealClient(options: FakeDealClientOptions = {}): FakeDealClient {
  const role = options.role ?? 'partner_user';
  const listeners = new Set<(event: PrmEvent) => void>();
  let closed = 0;
  const fake: FakeDealClient = {
    deals: options.deals ?? [],
    calls: { list: [], decide: [], me: 0 },
    push: (event) => listeners.forEach((listener) => listener(event)),
    get subscribers() {
      return listeners.size;
    },
    get closed() {
      return closed;
    },
    client: undefined as unknown as PartnerClient,
  };

  const list = (query: Partial<DealListQuery> = {}, opts: { signal?: AbortSignal } = {}) => {
    const call = fake.calls.list.push({ ...query }) - 1;
    return abortable(opts.signal, async () => {
      await options.beforeList?.(query, call);
      const q = query.q?.toLowerCase();
      const matching = fake.deals.filter(
        (d) =>
          (!query.status || d.status === query.status) &&
          (!query.stage || d.stage === query.stage) &&
          (!query.partnerId || d.partnerId === query.partnerId) &&
          (!q || `${d.customer.name} ${d.title}`.toLowerCase().includes(q)),
      );
      const start = Number(query.cursor ?? 0);
      const size = options.pageSize ?? query.limit ?? 50;
      const items = matching.slice(start, start + size);
      const next = start + size < matching.length ? String(start + size) : null;
      return { items, nextCursor: next };
    });
  };

  const decide = async (id: string, input: DecisionInput) => {
    fake.calls.decide.push([id, input]);
    await options.beforeDecide?.(id, input);
    const index = fake.deals.findIndex((d) => d.id === id);
    const at = new Date().toISOString();
    const saved: Deal = {
      ...fake.deals[index]!,
      status: input.decision === 'approve' ? 'approved' : 'rejected',
      decision: { by: 'usr_viewer', at, ...input },
      reviewDueAt: null,
      protectedUntil:
        input.decision === 'approve' ? new Date(Date.now() + 90 * 24 * HOUR).toISOString() : null,
    };
    fake.deals[index] = saved;
    return saved;
  };

  fake.client = {
    me: async () => {
      fake.calls.me += 1;
      return meFor(role);
    },
    deals: { list, decide },
    events: {
      subscribe: ({ onEvent }: { onEvent(event: PrmEvent): void }) => {
        listeners.add(onEvent);
        return {
          lastEventId: undefined,
          done: never<void>(),
          close: () => {
            if (listeners.delete(onEvent)) closed += 1;
          },
        };
      },
    },
  } as unknown as PartnerClient;
  return fake;
}
