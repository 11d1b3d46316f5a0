/**
 * @module Tier evaluation as pure functions: which tier a partner's metrics qualify for, whether it
 * rises, is at risk or falls, how far it is from the next tier and what it should do next. The
 * clock is a parameter, so tests can stand anywhere in a quarter.
 */
import type {
  Money,
  NextAction,
  Tier,
  TierMetrics,
  TierProgress,
  TierRequirementKey,
  TierRequirementProgress,
} from '../../core/schema/index.js';
import { TIER_REQUIREMENT_KEYS } from '../../core/schema/index.js';

const DAY = 86_400_000;

/** `YYYY-MM-DD` of an instant, in UTC. */
export const dateOf = (d: Date): string => d.toISOString().slice(0, 10);

/** The last day of the calendar quarter holding `d` (UTC): the review date. */
export function quarterEnd(d: Date): string {
  const firstMonthOfNext = Math.floor(d.getUTCMonth() / 3) * 3 + 3;
  return dateOf(new Date(Date.UTC(d.getUTCFullYear(), firstMonthOfNext, 1) - DAY));
}

/** The start of the trailing twelve months that end at `now`. */
export function windowStart(now: Date): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}

/** Where a partner stands: its tier and since when it has been short of it (null: it is not). */
export interface Standing {
  tierId: string;
  atRiskSince: Date | null;
}

export interface Decision extends Standing {
  /** Set when the tier changes. */
  change: 'rise' | 'fall' | null;
  /** The tier the metrics qualify for now. */
  qualifiedId: string;
}

const required = (t: Tier) =>
  TIER_REQUIREMENT_KEYS.filter((k) => t.requirements[k] !== undefined && target(t, k) > 0);

function target(t: Tier, key: TierRequirementKey): number {
  const r = t.requirements;
  if (key === 'revenue12m') return r.revenue12m?.amount ?? 0;
  if (key === 'wonDeals12m') return r.wonDeals12m ?? 0;
  return r.certifications ?? 0;
}

function current(m: TierMetrics, key: TierRequirementKey): number {
  if (key === 'revenue12m') return m.revenue12m.amount;
  if (key === 'wonDeals12m') return m.wonDeals12m;
  return m.activeCertifications;
}

/** The requirement keys of `t` that the metrics do not meet. */
export const missingFor = (t: Tier, m: TierMetrics): TierRequirementKey[] =>
  required(t).filter((k) => current(m, k) < target(t, k));

/** The highest tier whose requirements all hold; the lowest tier when none does. */
export function qualifiedTier(tiers: readonly Tier[], m: TierMetrics): Tier {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  let best = ladder[0]!;
  for (const t of ladder) if (missingFor(t, m).length === 0) best = t;
  return best;
}

/**
 * Rise at once to the highest qualifying tier; when short of the current tier, mark it at risk and
 * fall on the review date (the end of the quarter in which the shortfall was first seen).
 */
export function decide(
  tiers: readonly Tier[],
  standing: Standing,
  m: TierMetrics,
  now: Date,
): Decision {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  const cur = ladder.find((t) => t.id === standing.tierId) ?? ladder[0]!;
  const q = qualifiedTier(ladder, m);
  const base = { qualifiedId: q.id };
  if (q.rank > cur.rank) return { ...base, tierId: q.id, atRiskSince: null, change: 'rise' };
  if (q.rank === cur.rank) return { ...base, tierId: cur.id, atRiskSince: null, change: null };
  const since = standing.atRiskSince ?? now;
  if (dateOf(now) >= quarterEnd(since)) {
    return { ...base, tierId: q.id, atRiskSince: null, change: 'fall' };
  }
  return { ...base, tierId: cur.id, atRiskSince: since, change: null };
}

/** Whether applying `d` changes anything stored. */
export const changes = (s: Standing, d: Decision): boolean =>
  d.tierId !== s.tierId ||
  (d.atRiskSince?.getTime() ?? null) !== (s.atRiskSince?.getTime() ?? null);

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

function requirementProgress(t: Tier, m: TierMetrics): TierRequirementProgress[] {
  return required(t).map((key) => {
    const want = target(t, key);
    const have = current(m, key);
    const asValue = (n: number) =>
      key === 'revenue12m' ? { amount: n, currency: m.revenue12m.currency } : n;
    return {
      key,
      target: asValue(want),
      current: asValue(have),
      met: have >= want,
      progress: round4(Math.min(1, have / want)),
    };
  });
}

/**
 * Formatters are built once per currency and option set: building an `Intl` formatter costs far
 * more than formatting with one, and a progress read formats a handful of amounts.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function currencyFormat(currency: string, minimumFractionDigits?: number): Intl.NumberFormat {
  const key = `${currency}:${minimumFractionDigits ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      ...(minimumFractionDigits === undefined ? {} : { minimumFractionDigits }),
    });
    formatters.set(key, f);
  }
  return f;
}

/** English money for action texts: `$120,000`, `€1,250.50`. */
export function moneyText(m: Money): string {
  const digits = minorDigits(m.currency);
  const value = m.amount / 10 ** digits;
  return currencyFormat(m.currency, Number.isInteger(value) ? 0 : digits).format(value);
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `31 Dec 2026`. */
const dayText = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

function action(t: Tier, key: TierRequirementKey, m: TierMetrics, dueBy: string, goal: string) {
  const gap = target(t, key) - current(m, key);
  if (key === 'revenue12m') {
    const amount = { amount: gap, currency: m.revenue12m.currency };
    return {
      key,
      amount,
      dueBy,
      text: `Close ${moneyText(amount)} more in won revenue by ${dayText(dueBy)} ${goal}.`,
    } satisfies NextAction;
  }
  if (key === 'wonDeals12m') {
    return {
      key,
      count: gap,
      dueBy,
      text: `Win ${gap} more ${gap === 1 ? 'deal' : 'deals'} by ${dayText(dueBy)} ${goal}.`,
    } satisfies NextAction;
  }
  return {
    key,
    count: gap,
    dueBy,
    text: `Earn ${gap} more ${gap === 1 ? 'certification' : 'certifications'} by ${dayText(dueBy)} ${goal}.`,
  } satisfies NextAction;
}

/** The progress answer of `GET /v1/partners/:id/tier-progress` for an evaluated standing. */
export function progressOf(
  partnerId: string,
  tiers: readonly Tier[],
  standing: Standing,
  m: TierMetrics,
  now: Date,
): TierProgress {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  const cur = ladder.find((t) => t.id === standing.tierId) ?? ladder[0]!;
  const next = ladder.find((t) => t.rank > cur.rank) ?? null;
  const requirements = requirementProgress(next ?? cur, m);
  const overall =
    requirements.length === 0
      ? 1
      : round4(requirements.reduce((s, r) => s + r.progress, 0) / requirements.length);
  const atRisk = standing.atRiskSince !== null;
  const reviewDate = quarterEnd(standing.atRiskSince ?? now);
  const missing = atRisk ? missingFor(cur, m) : [];
  const nextActions: NextAction[] = [];
  for (const key of missing) {
    nextActions.push(action(cur, key, m, reviewDate, `to keep ${cur.name}`));
  }
  if (next) {
    for (const r of requirements) {
      if (!r.met) nextActions.push(action(next, r.key, m, reviewDate, `to reach ${next.name}`));
    }
  }
  for (const u of m.unconvertedRevenue) {
    nextActions.push({
      key: 'convert_currency',
      amount: u,
      text: `${moneyText(u)} in won revenue is not counted: the program has no exchange rate for ${u.currency}.`,
    });
  }
  return {
    partnerId,
    currentTier: cur,
    nextTier: next,
    metrics: m,
    requirements,
    overallProgress: overall,
    retention: { status: atRisk ? 'at_risk' : 'ok', reviewDate, missing },
    nextActions,
    evaluatedAt: now.toISOString().replace(/\.000Z$/, 'Z'),
  };
}

const digitsOf = new Map<string, number>();

/** Fraction digits of a currency's minor unit (JPY 0, USD 2, KWD 3). */
export function minorDigits(currency: string): number {
  let d = digitsOf.get(currency);
  if (d === undefined) {
    try {
      d = currencyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsOf.set(currency, d);
  }
  return d;
}

/**
 * Converts `amount` minor units of `from` into minor units of `base` at `rate` (a decimal string
 * of base units per unit of `from`), exactly, rounding half up.
 */
export function convert(amount: bigint, from: string, base: string, rate: string): bigint {
  const [whole, frac = ''] = rate.split('.');
  const scaledRate = BigInt(whole! + frac.padEnd(8, '0'));
  const shift = minorDigits(base) - minorDigits(from);
  let num = amount * scaledRate;
  let den = 100_000_000n;
  if (shift > 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  return (num * 2n + den) / (den * 2n);
}
