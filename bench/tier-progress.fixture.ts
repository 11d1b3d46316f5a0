/**
 * A fake Partner API client for `<prm-tier-progress>`: the tests and stories build every state
 * from it (a partner climbing, at risk, at the top, on a tier without requirements, failing).
 */
import type { PartnerClient } from '../src/core/client.js';
import { PartnerApiError } from '../src/core/errors.js';
import type {
  Me,
  PrmEvent,
  Tier,
  TierHistoryEntry,
  TierProgress,
} from '../src/core/schema/index.js';

const usd = (dollars: number) => ({ amount: dollars * 100, currency: 'USD' });

export const LADDER: Tier[] = [
  {
    id: 'tier_registered',
    name: 'Registered',
    rank: 1,
    requirements: {},
    benefits: ['Deal registration', 'Partner portal and content library'],
    autoApproveLimit: usd(5_000),
  },
  {
    id: 'tier_silver',
    name: 'Silver',
    rank: 2,
    requirements: { revenue12m: usd(100_000), wonDeals12m: 3, certifications: 2 },
    benefits: ['10% resale discount', 'Market development funds', 'Co-branded content'],
    autoApproveLimit: usd(25_000),
  },
  {
    id: 'tier_gold',
    name: 'Gold',
    rank: 3,
    requirements: { revenue12m: usd(500_000), wonDeals12m: 10, certifications: 5 },
    benefits: ['18% resale discount', 'Named channel manager', 'Lead sharing'],
    autoApproveLimit: usd(100_000),
  },
];

const metrics = (revenue: number, deals: number, certs: number) => ({
  revenue12m: usd(revenue),
  wonDeals12m: deals,
  activeCertifications: certs,
  unconvertedRevenue: [] as Array<{ amount: number; currency: string }>,
});

/** Silver, 80 % of the way to Gold on revenue. */
export function climbing(): TierProgress {
  return {
    partnerId: 'prt_demo',
    currentTier: LADDER[1]!,
    nextTier: LADDER[2]!,
    metrics: {
      ...metrics(400_000, 8, 5),
      unconvertedRevenue: [{ amount: 1_250_000, currency: 'JPY' }],
    },
    requirements: [
      { key: 'revenue12m', target: usd(500_000), current: usd(400_000), met: false, progress: 0.8 },
      { key: 'wonDeals12m', target: 10, current: 8, met: false, progress: 0.8 },
      { key: 'certifications', target: 5, current: 5, met: true, progress: 1 },
    ],
    overallProgress: 0.8667,
    retention: { status: 'ok', reviewDate: '2026-12-31', missing: [] },
    nextActions: [
      {
        key: 'revenue12m',
        amount: usd(100_000),
        dueBy: '2026-12-31',
        text: 'Close $100,000 more in won revenue by 31 Dec 2026 to reach Gold.',
      },
      {
        key: 'wonDeals12m',
        count: 2,
        dueBy: '2026-12-31',
        text: 'Win 2 more deals by 31 Dec 2026 to reach Gold.',
      },
      {
        key: 'convert_currency',
        amount: { amount: 1_250_000, currency: 'JPY' },
        text: '¥1,250,000 in won revenue is not counted: the program has no exchange rate for JPY.',
      },
    ],
    evaluatedAt: '2026-11-29T10:00:00Z',
  };
}

/** Silver, short of it: at risk until the review date. */
export function atRisk(): TierProgress {
  return {
    ...climbing(),
    metrics: metrics(40_000, 1, 3),
    requirements: [
      { key: 'revenue12m', target: usd(500_000), current: usd(40_000), met: false, progress: 0.08 },
      { key: 'wonDeals12m', target: 10, current: 1, met: false, progress: 0.1 },
      { key: 'certifications', target: 5, current: 3, met: false, progress: 0.6 },
    ],
    overallProgress: 0.26,
    retention: {
      status: 'at_risk',
      reviewDate: '2026-12-31',
      missing: ['revenue12m', 'wonDeals12m'],
    },
    nextActions: [
      {
        key: 'revenue12m',
        amount: usd(60_000),
        dueBy: '2026-12-31',
        text: 'Close $60,000 more in won revenue by 31 Dec 2026 to keep Silver.',
      },
      {
        key: 'wonDeals12m',
        count: 2,
        dueBy: '2026-12-31',
        text: 'Win 2 more deals by 31 Dec 2026 to keep Silver.',
      },
      {
        key: 'revenue12m',
        amount: usd(460_000),
        dueBy: '2026-12-31',
        text: 'Close $460,000 more in won revenue by 31 Dec 2026 to reach Gold.',
      },
    ],
  };
}

/** Gold, the top of this ladder. */
export function top(): TierProgress {
  return {
    ...climbing(),
    currentTier: LADDER[2]!,
    nextTier: null,
    metrics: metrics(720_000, 14, 6),
    requirements: [
      { key: 'revenue12m', target: usd(500_000), current: usd(720_000), met: true, progress: 1 },
      { key: 'wonDeals12m', target: 10, current: 14, met: true, progress: 1 },
      { key: 'certifications', target: 5, current: 6, met: true, progress: 1 },
    ],
    overallProgress: 1,
    nextActions: [],
  };
}

/** A ladder whose next tier asks for nothing. */
export function noRequirements(): TierProgress {
  const open = { ...LADDER[1]!, requirements: {} };
  return {
    ...climbing(),
    currentTier: LADDER[0]!,
    nextTier: open,
    metrics: metrics(0, 0, 0),
    requirements: [],
    overallProgress: 1,
    nextActions: [],
  };
}

export const HISTORY: TierHistoryEntry[] = [
  {
    at: '2026-10-02T09:12:00Z',
    fromTierId: 'tier_registered',
    toTierId: 'tier_silver',
    reason: 'rise',
    metrics: metrics(120_000, 4, 2),
  },
];

export interface FakeTierClientOptions {
  role?: 'partner_user' | 'channel_manager';
  progress?: () => TierProgress;
  /** Awaited before each progress answer (hold the skeleton, fail a call). */
  beforeProgress?: (call: number) => Promise<void> | void;
  history?: TierHistoryEntry[];
}

export interface FakeTierClient {
  client: PartnerClient;
  calls: { progress: string[]; history: number; me: number };
  /** What the next progress call answers. */
  answer: TierProgress;
  push(event: PrmEvent): void;
}

export const offline = () =>
  new PartnerApiError(
    { type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'internal' },
    { method: 'GET', url: '/v1/partners/prt_demo/tier-progress', status: 503 },
  );

export function fakeTierClient(options: FakeTierClientOptions = {}): FakeTierClient {
  const listeners = new Set<(e: PrmEvent) => void>();
  const role = options.role ?? 'partner_user';
  const me: Me = {
    user: { id: 'usr_demo', name: 'Dana Whitfield', email: 'dana@example.com', role },
    partner:
      role === 'partner_user'
        ? {
            id: 'prt_demo',
            name: 'Demo Partner',
            type: 'reseller',
            tier: { id: 'tier_silver', name: 'Silver', rank: 2 },
          }
        : null,
  };
  const fake: FakeTierClient = {
    calls: { progress: [], history: 0, me: 0 },
    answer: (options.progress ?? climbing)(),
    push: (e) => listeners.forEach((l) => l(e)),
    client: undefined as unknown as PartnerClient,
  };
  fake.client = {
    me: async () => {
      fake.calls.me++;
      return me;
    },
    tiers: {
      get: async () => ({ tiers: LADDER }),
      progress: async (partnerId: string) => {
        const call = fake.calls.progress.push(partnerId) - 1;
        await options.beforeProgress?.(call);
        return { ...fake.answer, partnerId };
      },
      history: async () => {
        fake.calls.history++;
        return { items: options.history ?? HISTORY, nextCursor: null };
      },
    },
    events: {
      subscribe: ({ onEvent }: { onEvent(e: PrmEvent): void }) => {
        listeners.add(onEvent);
        return {
          lastEventId: undefined,
          done: new Promise<void>(() => {}),
          close: () => void listeners.delete(onEvent),
        };
      },
    },
  } as unknown as PartnerClient;
  return fake;
}
