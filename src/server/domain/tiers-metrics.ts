/**
 * @module The numbers tiers are decided on: won revenue over the trailing twelve months in the
 * program currency (other currencies converted at the program's rates, those without a rate kept
 * apart as `unconvertedRevenue`), won deals and active certifications. One partner's read walks
 * the `deals_partner_won` index; the whole program's is two grouped scans.
 */
import type { Money, Tier, TierMetrics } from '../../core/schema/index.js';
import type { Queryable } from '../store/index.js';
import { convert, dateOf, windowStart } from './tiers-evaluate.js';

export interface RateBook {
  /** The program currency: the first of the program's currencies. */
  base: string;
  /** Decimal strings, base units per unit of the currency. */
  rates: Map<string, string>;
}

export async function rateBook(db: Queryable): Promise<RateBook> {
  const { rows } = await db.query<{ base: string; currency: string | null; rate: string | null }>(
    `select p.currencies->>0 as base, r.currency, r.rate::text as rate
       from program p left join exchange_rates r on true where p.id = 1`,
  );
  const rates = new Map<string, string>();
  for (const r of rows) if (r.currency && r.rate) rates.set(r.currency, trimRate(r.rate));
  return { base: rows[0]?.base ?? 'USD', rates };
}

/** `1.08250000` → `1.0825`; `2.00000000` → `2`. */
export const trimRate = (rate: string): string =>
  rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;

interface WonRow {
  partner_id: string;
  currency: string;
  total: string;
  n: string | number;
}

interface CertRow {
  partner_id: string;
  n: string | number;
}

/** Where won deals count: won, not taken back, within the window. */
const WON = `stage = 'won' and status not in ('rejected', 'withdrawn') and won_at > $1`;
/** Certifications earned by today and not expired (an expiry date is the first day without it). */
const ACTIVE_CERT = `earned_at <= $1::date and (expires_at is null or expires_at > $1::date)`;

function fold(book: RateBook, won: WonRow[], certs: number): TierMetrics {
  let revenue = 0n;
  let deals = 0;
  const unconverted: Money[] = [];
  for (const w of won) {
    deals += Number(w.n);
    const total = BigInt(w.total);
    if (w.currency === book.base) revenue += total;
    else {
      const rate = book.rates.get(w.currency);
      if (rate) revenue += convert(total, w.currency, book.base, rate);
      else unconverted.push({ amount: Number(total), currency: w.currency });
    }
  }
  unconverted.sort((a, b) => a.currency.localeCompare(b.currency));
  return {
    revenue12m: { amount: Number(revenue), currency: book.base },
    wonDeals12m: deals,
    activeCertifications: certs,
    unconvertedRevenue: unconverted,
  };
}

/** One partner's metrics at `now`. */
export async function partnerMetrics(
  db: Queryable,
  partnerId: string,
  now: Date,
  book: RateBook,
): Promise<TierMetrics> {
  const won = await db.query<WonRow>(
    `select partner_id, currency, sum(amount)::text as total, count(*) as n from deals
      where partner_id = $2 and ${WON} group by partner_id, currency`,
    [windowStart(now), partnerId],
  );
  const certs = await db.query<CertRow>(
    `select partner_id, count(*) as n from certifications
      where partner_id = $2 and ${ACTIVE_CERT} group by partner_id`,
    [dateOf(now), partnerId],
  );
  return fold(book, won.rows, Number(certs.rows[0]?.n ?? 0));
}

/** Every partner's metrics at `now`, in two grouped scans. */
export async function allMetrics(
  db: Queryable,
  now: Date,
  book: RateBook,
): Promise<Map<string, TierMetrics>> {
  const won = await db.query<WonRow>(
    `select partner_id, currency, sum(amount)::text as total, count(*) as n from deals
      where ${WON} group by partner_id, currency`,
    [windowStart(now)],
  );
  const certs = await db.query<CertRow>(
    `select partner_id, count(*) as n from certifications where ${ACTIVE_CERT} group by partner_id`,
    [dateOf(now)],
  );
  const wonBy = new Map<string, WonRow[]>();
  for (const w of won.rows) {
    const list = wonBy.get(w.partner_id) ?? [];
    list.push(w);
    wonBy.set(w.partner_id, list);
  }
  const certBy = new Map(certs.rows.map((c) => [c.partner_id, Number(c.n)]));
  const { rows: partners } = await db.query<{ id: string }>('select id from partners');
  return new Map(
    partners.map((p) => [p.id, fold(book, wonBy.get(p.id) ?? [], certBy.get(p.id) ?? 0)]),
  );
}

export interface Snapshot {
  standing: { tierId: string; atRiskSince: Date | null };
  tiers: Tier[];
  book: RateBook;
  metrics: TierMetrics;
}

/**
 * Everything a progress read needs — the partner's standing, the ladder, the rates and its
 * metrics — in one statement: one round trip instead of six, which is most of a read's cost.
 * Undefined when there is no such partner.
 */
export async function partnerSnapshot(
  db: Queryable,
  partnerId: string,
  now: Date,
): Promise<Snapshot | undefined> {
  const { rows } = await db.query<{
    tier_id: string;
    at_risk_since: string | null;
    base: string;
    tiers: TierJson[];
    rates: Array<{ currency: string; rate: string }> | null;
    won: WonRow[] | null;
    certs: string | number;
  }>(
    `select p.tier_id, p.tier_at_risk_since as at_risk_since, g.currencies->>0 as base,
            (select json_agg(t order by t.rank, t.id) from tiers t) as tiers,
            (select json_agg(json_build_object('currency', r.currency, 'rate', r.rate::text))
               from exchange_rates r) as rates,
            (select json_agg(w) from (
               select partner_id, currency, sum(amount)::text as total, count(*) as n from deals
                where partner_id = p.id and ${WON} group by partner_id, currency) w) as won,
            (select count(*) from certifications
              where partner_id = p.id and ${ACTIVE_CERT.replaceAll('$1', '$3')}) as certs
       from partners p, program g where p.id = $2 and g.id = 1`,
    [windowStart(now), partnerId, dateOf(now)],
  );
  const r = rows[0];
  if (!r) return undefined;
  const book: RateBook = {
    base: r.base,
    rates: new Map((r.rates ?? []).map((x) => [x.currency, trimRate(x.rate)])),
  };
  return {
    standing: {
      tierId: r.tier_id,
      atRiskSince: r.at_risk_since === null ? null : new Date(r.at_risk_since),
    },
    tiers: r.tiers.map(fromJson),
    book,
    metrics: fold(book, r.won ?? [], Number(r.certs)),
  };
}

interface TierJson {
  id: string;
  name: string;
  rank: number;
  requirements: Tier['requirements'];
  benefits: string[];
  auto_approve_limit: Tier['autoApproveLimit'];
}

const fromJson = (t: TierJson): Tier => ({
  id: t.id,
  name: t.name,
  rank: t.rank,
  requirements: t.requirements,
  benefits: t.benefits,
  autoApproveLimit: t.auto_approve_limit ?? null,
});
