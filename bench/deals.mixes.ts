/**
 * @module The existing deals `deals.bench.ts` loads — the history mix and the worst case (see the
 * bench's opening comment for what each models) — and the new customers its operations name.
 */
import { domainKey } from '../src/server/domain/deals-matching.js';
import { normalizeName } from '../src/server/domain/customer-names.js';
import { createRng } from '../src/server/seed/prng.js';
import type { Queryable } from '../src/server/store/index.js';

export type Mix = 'history' | 'worst-case';

/** The demo seed's generator (mulberry32), so that every run loads the same deals. */
function rng(seed: number) {
  const r = createRng(seed);
  return {
    ...r,
    /** An item drawn by its cumulative weights (see {@link zipfCdf}). */
    weighted: <T>(xs: readonly T[], cdf: readonly number[]): T => {
      const u = r.next();
      const k = cdf.findIndex((c) => u < c);
      return xs[k < 0 ? xs.length - 1 : k]!;
    },
  };
}

/** Zipf's law: the k-th item is drawn k^s times less often than the first. */
function zipfCdf(n: number, s: number): number[] {
  const w = Array.from({ length: n }, (_, k) => (k + 1) ** -s);
  const total = w.reduce((a, b) => a + b);
  let sum = 0;
  return w.map((x) => (sum += x / total));
}
type Rng = ReturnType<typeof rng>;

// ---------------------------------------------------------------------------------------------
// The history mix
// ---------------------------------------------------------------------------------------------

/**
 * Trade words, most common first; drawn by Zipf's law with exponent 0.7 for 60 % of names, so
 * the most common is in some 6 % of names and the tenth in 1 %, about what registers of company
 * names show for "Services", "Solutions" and the like.
 */
const TRADES = (
  'Solutions Systems Technologies Services Consulting International Global Partners Digital ' +
  'Software Logistics Health Energy Capital Industries Networks Media Foods Analytics Labs ' +
  'Retail Manufacturing Engineering Construction Financial Insurance Telecom Security Data ' +
  'Cloud Medical Pharma Marine Automotive Aerospace Apparel Brands Bio Chemicals Design ' +
  'Education Electric Electronics Enterprises Environmental Equipment Farms Fitness Furniture ' +
  'Games Hospitality Imaging Instruments Interactive Investments Legal Leisure Machines ' +
  'Materials Metals Mobility Motors Optics Packaging Paper Pharmaceuticals Plastics Power ' +
  'Precision Properties Publishing Realty Renewables Research Resources Robotics Shipping ' +
  'Sports Steel Studios Supply Textiles Tools Trading Transport Travel Utilities Ventures Water ' +
  'Wireless Works Outdoor Dental Vision Agri Mining Aviation Beverages Cosmetics Semiconductors'
).split(' ');

/** Brand words many companies share. */
const BRANDS = (
  'Apex Summit Blue North Pacific Atlas Nova Eagle Pioneer Vertex Silver Green River Star Sun ' +
  'Alpha Prime United American First Golden Premier Quantum Omega Liberty Phoenix Titan Oak ' +
  'Harbor Crest Peak Horizon Falcon Lakeside Coastal Western Eastern Southern Central Metro ' +
  'Royal Crown Granite Iron Cedar Maple Pine Evergreen Bright Clear Swift Smart Next Core ' +
  'Fusion Matrix Vector Orbit Spark Bridge Keystone Landmark Cornerstone Heritage Legacy Unity ' +
  'Zenith Meridian Aurora Polar Delta Sierra Everest Orion Lumen Nimbus Cobalt Onyx Sapphire'
).split(' ');

const TRADE_CDF = zipfCdf(TRADES.length, 0.7);

const ONSETS = 'b br c ch d dr f fl g gr h j k kr l m n p pl pr qu r s sh st t tr v w z'.split(' ');
const NUCLEI = 'a e i o u a e i o ai ea ou y'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'x', 'm', 't', 'nd', 'rk', 'ck'];
const FORMS = ['', '', '', 'Inc', 'LLC', 'GmbH', 'Ltd', 'SA', 'AG', 'BV', 'Corp', 'Co', 'Group'];

/** 2–3 syllables from an inventory of some 4 000: millions of possible words. */
function inventedWord(r: Rng): string {
  let w = '';
  for (let n = r.next() < 0.6 ? 2 : 3; n > 0; n--)
    w += r.pick(ONSETS) + r.pick(NUCLEI) + r.pick(CODAS);
  return w[0]!.toUpperCase() + w.slice(1);
}

/** A company name like real ones: "Kordel Brightwater Logistics GmbH", "Apex Travmix Solutions". */
function companyName(r: Rng): string {
  const words: string[] = [];
  const brand = r.next() < 0.2;
  words.push(brand ? r.pick(BRANDS) : inventedWord(r));
  // A brand word alone is too common a name: it always comes with a word of the company's own.
  if (brand || r.next() < 0.3) words.push(inventedWord(r));
  if (r.next() < 0.6) words.push(r.weighted(TRADES, TRADE_CDF));
  if (r.next() < 0.08) words.push(r.weighted(TRADES, TRADE_CDF));
  const form = r.pick(FORMS);
  if (form) words.push(form);
  return words.join(' ');
}

const slug = (name: string) => normalizeName(name).replace(/ /g, '-') || 'x';

/** The customer with this number: the same name and domain whenever it comes back. */
function historyCustomer(n: number): { name: string; domain: string } {
  const name = companyName(rng(n * 7919 + 17));
  return { name, domain: `${slug(name)}-${n.toString(36)}.com` };
}

const PRODUCTS = ['lf-core', 'lf-analytics', 'lf-edge', 'lf-secure', 'lf-vault', 'lf-support'];
const MIN = 60_000;
const DAY = 1440 * MIN;

/** Shares of the history mix, in ten-thousandths; active: 2 % under review, 10 % protected. */
const SHAPES: Array<[string, number]> = [
  ['under_review', 200],
  ['protected', 1000],
  ['ended_unswept', 5],
  ['expired', 2000],
  ['won', 1800],
  ['lost', 1200],
  ['rejected', 2500],
  ['withdrawn', 1295],
];

interface Row {
  status: string;
  stage: string;
  name: string;
  norm: string;
  domain: string;
  reg: string;
  products: string;
  /** Minutes before now. */
  age: number;
  /** Minutes from now (negative: ended), or null. */
  protection: number | null;
}

function historyRow(i: number, customers: number): Row {
  const r = rng(i);
  const c = historyCustomer(1 + Math.floor(r.next() * customers));
  let roll = r.next() * 10_000;
  const shape = SHAPES.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'withdrawn';
  const minutes = (from: number, to: number) => Math.round((from + r.next() * (to - from)) / MIN);
  // Active deals are recent; the history spreads over four years.
  let age = minutes(0, 4 * 365 * DAY);
  let protection: number | null = null;
  if (shape === 'under_review') age = minutes(0, 3 * DAY);
  if (shape === 'protected') {
    age = minutes(0, 89 * DAY);
    protection = 90 * 1440 - age;
  }
  if (shape === 'ended_unswept') {
    protection = -minutes(MIN, 2 * DAY);
    age = 90 * 1440 - protection;
  }
  if (shape === 'expired' || shape === 'won' || shape === 'lost') {
    age = minutes(shape === 'expired' ? 91 * DAY : DAY, 4 * 365 * DAY);
    protection = 90 * 1440 - age;
  }
  const status =
    shape === 'protected' || shape === 'ended_unswept' || shape === 'won' || shape === 'lost'
      ? 'approved'
      : shape;
  const picked = new Set([r.next() < 0.5 ? 'lf-core' : r.pick(PRODUCTS)]);
  while (r.next() < 0.35) picked.add(r.pick(PRODUCTS));
  return {
    status,
    stage: shape === 'won' || shape === 'lost' ? shape : 'open',
    name: c.name,
    norm: normalizeName(c.name),
    domain: c.domain,
    reg: domainKey(c.domain)!,
    products: [...picked].join(','),
    age,
    protection,
  };
}

/**
 * Loads `n` deals of the history mix, oldest first as a table fills over the years (so the live
 * deals, being recent, sit together at the end of the heap), in statements of 20 000 rows;
 * twelve partners.
 */
export async function loadHistory(db: Queryable, n: number): Promise<void> {
  const customers = Math.max(1, Math.round(n / 1.7));
  const all = Array.from({ length: n }, (_, k) => historyRow(k + 1, customers));
  const order = all.map((_, k) => k).sort((a, b) => all[b]!.age - all[a]!.age);
  for (let from = 0; from < n; from += 20_000) {
    const chunk = order.slice(from, from + 20_000);
    const ids = chunk.map((k) => k + 1);
    const rows = chunk.map((k) => all[k]!);
    const col = <K extends keyof Row>(k: K) => rows.map((x) => x[k]);
    await db.query(
      `insert into deals (id, partner_id, status, stage, customer_name, customer_name_norm,
         customer_domain, customer_reg_domain, customer_country, contact_name, contact_email, title,
         products, amount, currency, expected_close_date, submitted_by, submitted_at,
         review_due_at, decision, protected_until, conflicts, updated_at)
       select 'deal_b' || u.i, p.ids[1 + u.i % array_length(p.ids, 1)], u.status, u.stage,
         u.name, u.norm, u.domain, u.reg, 'US', 'Contact ' || u.i,
         'contact' || u.i || '@example.com', 'Deal ' || u.i, string_to_array(u.products, ','),
         1000 + (u.i::bigint * 7919) % 900000, 'USD', date '2030-01-01', 'usr_bench',
         now() - make_interval(mins => u.age),
         case when u.status = 'under_review' then now() - make_interval(mins => u.age) + interval '48 hours' end,
         case when u.status in ('approved', 'expired') then
                '{"by":"system","decision":"approve","reasonCode":"approved_auto","at":"2026-01-01T00:00:00Z"}'::jsonb
              when u.status = 'rejected' then
                '{"by":"system","decision":"reject","reasonCode":"conflict_other_partner","at":"2026-01-01T00:00:00Z"}'::jsonb
         end,
         now() + make_interval(mins => u.protection),
         '{"verdict":"clear","matches":[]}', now()
       from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                   $7::text[], $8::text[], $9::int[], $10::int[])
              as u(i, status, stage, name, norm, domain, reg, products, age, protection),
            (select array_agg(id order by id) as ids from partners) p`,
      [
        ids,
        col('status'),
        col('stage'),
        col('name'),
        col('norm'),
        col('domain'),
        col('reg'),
        col('products'),
        col('age'),
        col('protection'),
      ],
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The worst case: the mix and names this bench used before the sweep, unchanged
// ---------------------------------------------------------------------------------------------

const WORST_TRADES = (
  'Systems Logistics Analytics Health Foods Energy Retail Media Robotics Capital Labs Marine ' +
  'Telecom Insurance Pharma Builders'
).split(' ');
const WORST_FORMS = ['Inc', 'LLC', 'GmbH', 'Ltd', 'SA', 'AG', 'BV', 'Corp', ''];
/** Hex digits become letters of this alphabet (five vowels among sixteen), in SQL and here. */
const LETTERS = 'aeioubcdfghklmnr';

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

/**
 * Loads `n` deals in one statement. Statuses: a third under review, two fifths approved (open,
 * won, lost; some past protection), the rest rejected or withdrawn; twelve partners.
 */
export async function loadWorstCase(db: Queryable, n: number): Promise<void> {
  const trades = sqlArray(WORST_TRADES);
  const forms = sqlArray(WORST_FORMS);
  const w1 = `translate(substr(md5(i::text || 'a'), 1, 7), '0123456789abcdef', '${LETTERS}')`;
  const w2 = `translate(substr(md5(i::text || 'b'), 1, 5 + i % 4), '0123456789abcdef', '${LETTERS}')`;
  const trade = `(${trades})[1 + i % ${WORST_TRADES.length}]`;
  const name = `trim(initcap(${w1}) || ' ' || initcap(${w2}) || ' ' || ${trade} || ' ' || (${forms})[1 + i % ${WORST_FORMS.length}])`;
  const norm = `${w1} || ' ' || ${w2} || ' ' || lower(${trade})`;
  await db.query(
    `insert into deals (id, partner_id, status, stage, customer_name, customer_name_norm,
       customer_domain, customer_reg_domain, customer_country, contact_name, contact_email, title,
       products, amount, currency, expected_close_date, submitted_by, submitted_at,
       review_due_at, decision, protected_until, conflicts, updated_at)
     select 'deal_b' || i, p.ids[1 + i % array_length(p.ids, 1)],
       case when i % 15 < 5 then 'under_review' when i % 15 < 11 then 'approved'
            when i % 15 < 13 then 'rejected' else 'withdrawn' end,
       case when i % 15 in (9, 10) then (array['won', 'lost'])[1 + i % 2] else 'open' end,
       ${name}, ${norm}, 'c' || i || '.example', 'c' || i || '.example', 'US',
       'Contact ' || i, 'contact' || i || '@example.com', 'Deal ' || i,
       case i % 5 when 0 then array['lf-core'] when 1 then array['lf-analytics']
         when 2 then array['lf-edge', 'lf-core'] when 3 then array['lf-secure']
         else array['lf-vault', 'lf-support'] end,
       1000 + (i::bigint * 7919) % 900000, 'USD', date '2030-01-01', 'usr_bench',
       now() - make_interval(mins => i % 400000),
       case when i % 15 < 5 then now() + interval '48 hours' end,
       case when i % 15 between 5 and 10 then
         '{"by":"system","decision":"approve","reasonCode":"approved_auto","at":"2026-01-01T00:00:00Z"}'::jsonb end,
       case when i % 15 between 5 and 10 then now() + make_interval(days => 90 - i % 120) end,
       '{"verdict":"clear","matches":[]}', now()
     from generate_series(1, $1::int) i,
          (select array_agg(id order by id) as ids from partners) p`,
    [n],
  );
}

/** A customer that exists nowhere, named the way the mix names its customers. */
export function newCustomer(mix: Mix, op: number): { name: string; domain: string } {
  if (mix === 'history') {
    const name = companyName(rng(0x5eed0000 + op + Math.floor(Math.random() * 2 ** 30)));
    return { name, domain: `${slug(name)}-new${op}.com` };
  }
  const w = (n: number) =>
    Array.from({ length: n }, () => LETTERS[Math.floor(Math.random() * 16)]).join('');
  const a = w(7);
  const b = w(5 + (op % 4));
  const name = `${a[0]!.toUpperCase()}${a.slice(1)} ${b[0]!.toUpperCase()}${b.slice(1)} ${WORST_TRADES[op % WORST_TRADES.length]}`;
  return { name, domain: `${a}-${b}-${op}.example` };
}
