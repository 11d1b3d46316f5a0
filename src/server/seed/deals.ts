/**
 * @module The demo's deals: a few hundred registrations across the demo partners over the last
 * ten months, in every status and stage, with conflicts between partners and with the vendor's
 * direct opportunities. Invented customers on `.example`; a seeded PRNG, so every machine gets the
 * same deals for a given day.
 */
import type { ConflictReport, Decision, DecisionReasonCode } from '../../core/schema/index.js';
import { customerKey } from '../domain/deals-matching.js';
import type { Tx } from '../store/index.js';
import type { Rng } from './prng.js';
import { createRng } from './prng.js';
import { DEMO_CUSTOMERS, DEMO_IDS, demoOpportunities, demoPartners, demoUsers } from './demo.js';

const SEED = 20_261_124;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const SLA_HOURS = 48;
const PROTECTION_DAYS = 90;

const ROOTS = [
  'Alder',
  'Birch',
  'Cinder',
  'Dune',
  'Ember',
  'Fjord',
  'Gale',
  'Heron',
  'Iris',
  'Juniper',
  'Kelp',
  'Lumen',
  'Moss',
  'Nimbus',
  'Opal',
  'Pike',
  'Quarry',
  'Rook',
  'Sable',
  'Thistle',
  'Umber',
  'Vale',
  'Wren',
  'Yarrow',
  'Zephyr',
];
const ENDINGS = [
  'brook',
  'crest',
  'field',
  'gate',
  'haven',
  'mark',
  'point',
  'ridge',
  'stone',
  'wick',
  'worth',
  'ford',
];
const TRADES = [
  'Analytics',
  'Logistics',
  'Pharma',
  'Foods',
  'Energy',
  'Textiles',
  'Financial',
  'Media',
  'Robotics',
  'Marine',
  'Clinics',
  'Builders',
  'Telecom',
  'Insurance',
  'Retail',
  'Aviation',
];
const FORMS = ['Inc', 'LLC', 'Ltd', 'GmbH', 'SA', 'AG', 'BV', 'Corp', 'Co', ''];
const PEOPLE = [
  'Rosa Ibarra',
  'Tobias Lund',
  'Keiko Mori',
  'Samir Nadeem',
  'Grace Obi',
  'Luca Bianchi',
  'Anya Petrova',
  'Owen Gallagher',
  'Marta Sousa',
  'Yusuf Demir',
  'Ines Duarte',
  'Pieter de Wit',
  'Chloé Martin',
  'Rahul Menon',
  'Freya Holm',
  'Dario Russo',
];
const TITLES = [
  'platform rollout',
  'regional expansion',
  'security refresh',
  'analytics pilot',
  'data centre consolidation',
  'branch connectivity',
  'backup modernisation',
  'support renewal',
  'cloud migration',
  'edge deployment',
];

interface Customer {
  name: string;
  domain: string;
  country: string;
  opportunityId: string | null;
}

function customers(rng: Rng): Customer[] {
  const countries = ['US', 'DE', 'GB', 'FR', 'NL', 'BR', 'MX', 'JP', 'AU', 'SG', 'ES', 'CA'];
  const opportunities = demoOpportunities();
  const out: Customer[] = DEMO_CUSTOMERS.map(([name, domain], i) => ({
    name,
    domain,
    country: rng.pick(countries),
    // The seed's opportunities are the first ten customers; open ones conflict with deals.
    opportunityId: opportunities[i]?.stage === 'open' ? opportunities[i]!.id : null,
  }));
  // One first word per customer, so that generated customers are not near-duplicates by accident.
  const words = rng.sample(
    ROOTS.flatMap((r) => ENDINGS.map((e) => r + e)),
    ROOTS.length * ENDINGS.length,
  );
  for (const word of words.slice(0, 190)) {
    const trade = rng.pick(TRADES);
    const form = rng.pick(FORMS);
    out.push({
      name: [word, trade, form].filter(Boolean).join(' '),
      domain: `${word.toLowerCase()}-${trade.toLowerCase()}.example`,
      country: rng.pick(countries),
      opportunityId: null,
    });
  }
  return out;
}

type Shape =
  'active' | 'won' | 'lost' | 'expired' | 'review' | 'overdue' | 'rejected' | 'withdrawn';

const SHAPES: Array<[Shape, number]> = [
  ['active', 25],
  ['won', 12],
  ['lost', 6],
  ['expired', 8],
  ['review', 20],
  ['overdue', 5],
  ['rejected', 8],
  ['withdrawn', 8],
];

function weighted(rng: Rng): Shape {
  let roll = rng.next() * SHAPES.reduce((s, [, w]) => s + w, 0);
  for (const [shape, w] of SHAPES) if ((roll -= w) < 0) return shape;
  return 'active';
}

const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms).slice(0, 10);

/** The demo deals as rows of the `deals` table (column names as keys). */
export function demoDeals(now = new Date()): Array<Record<string, unknown>> {
  const rng = createRng(SEED);
  const t = Math.floor(now.getTime() / HOUR) * HOUR;
  const partners = demoPartners(now).map((p) => p.id);
  const users = demoUsers();
  const managers = users.filter((u) => u.role === 'channel_manager').map((u) => u.id);
  const rows: Array<Record<string, unknown>> = [];

  const deal = (c: Customer, partnerId: string, shape: Shape, conflicts: ConflictReport) => {
    const id = `deal_demo_${String(rows.length + 1).padStart(4, '0')}`;
    const sellers = users.filter((u) => u.partnerId === partnerId);
    // Overdue reviews and expired protections need registrations old enough to have them.
    const ageDays =
      shape === 'review'
        ? rng.int(0, 1)
        : shape === 'expired'
          ? rng.int(95, 300)
          : shape === 'active'
            ? rng.int(2, 80)
            : rng.int(3, 300);
    const submitted = t - ageDays * DAY - rng.int(0, 9) * HOUR;
    const decidedAt = submitted + rng.int(1, 40) * HOUR;
    const manager = rng.pick(managers);
    const decide = (
      decision: Decision['decision'],
      reasonCode: Decision['reasonCode'],
      at: number,
    ): Decision => ({
      by:
        reasonCode === 'approved_auto' || reasonCode === 'conflict_other_partner'
          ? 'system'
          : manager,
      decision,
      reasonCode,
      at: iso(at),
    });
    const approved = ['active', 'won', 'lost', 'expired'].includes(shape);
    const auto = approved && rng.next() < 0.4;
    const at = auto ? submitted : decidedAt;
    let decision: Decision | null = null;
    if (approved) decision = decide('approve', auto ? 'approved_auto' : 'approved_manual', at);
    if (shape === 'rejected') {
      const reason =
        conflicts.verdict === 'blocked'
          ? 'conflict_other_partner'
          : rng.pick<DecisionReasonCode>([
              'insufficient_information',
              'ineligible_tier',
              'customer_existing',
              'other',
            ]);
      decision = decide(
        'reject',
        reason,
        reason === 'conflict_other_partner' ? submitted : decidedAt,
      );
    }
    const key = customerKey(c.name, c.domain);
    const products = rng.sample(DEMO_IDS.products, rng.int(1, 3)).sort();
    const currency = rng.next() < 0.7 ? 'USD' : rng.pick(['EUR', 'GBP']);
    const amount =
      Math.round(Math.exp(Math.log(5_000) + rng.next() * Math.log(180)) / 100) * 100 * 100;
    const contact = rng.pick(PEOPLE);
    const closeFrom = shape === 'won' || shape === 'lost' ? submitted : t;
    rows.push({
      id,
      partner_id: partnerId,
      status: approved
        ? 'approved'
        : shape === 'review' || shape === 'overdue'
          ? 'under_review'
          : shape,
      stage: shape === 'won' || shape === 'lost' ? shape : 'open',
      customer_name: c.name,
      customer_name_norm: key.name,
      customer_domain: rng.next() < 0.3 ? `https://www.${c.domain}/` : c.domain,
      customer_reg_domain: key.domain,
      customer_country: c.country,
      contact_name: contact,
      contact_email: `${contact.split(' ')[0]!.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')}@${c.domain}`,
      contact_phone: rng.next() < 0.5 ? `+1 555 01${rng.int(10, 99)}` : null,
      title: `${c.name.split(' ')[0]} ${rng.pick(TITLES)}`,
      products,
      amount,
      currency,
      expected_close_date: date(closeFrom + rng.int(20, 160) * DAY),
      notes:
        rng.next() < 0.3
          ? 'Customer asked for a proof of concept before the end of the quarter.'
          : null,
      submitted_by: sellers.length > 0 ? rng.pick(sellers).id : `usr_${partnerId.slice(4)}_admin`,
      submitted_at: iso(submitted),
      review_due_at:
        shape === 'review' || shape === 'overdue' ? iso(submitted + SLA_HOURS * HOUR) : null,
      decision,
      protected_until: approved ? iso(at + PROTECTION_DAYS * DAY) : null,
      external_id: shape === 'won' || shape === 'lost' ? `CRM-OPP-${20_000 + rows.length}` : null,
      conflicts,
      updated_at: iso(decision ? Date.parse(decision.at) : submitted),
    });
    return id;
  };

  const clear: ConflictReport = { verdict: 'clear', matches: [] };
  for (const c of customers(rng)) {
    const first = rng.pick(partners);
    if (c.opportunityId) {
      // The vendor is already selling to this customer: the deal waits for a reviewer.
      deal(c, first, 'review', {
        verdict: 'review',
        matches: [
          {
            kind: 'direct_opportunity',
            similarity: 1,
            matchedOn: ['domain', 'name'],
            opportunityId: c.opportunityId,
            customerName: c.name,
          },
        ],
      });
      continue;
    }
    const roll = rng.next();
    if (roll < 0.12) {
      // Another partner came second to a protected customer: rejected on registration.
      const holder = deal(c, first, 'active', clear);
      const second = rng.pick(partners.filter((p) => p !== first));
      deal(c, second, 'rejected', {
        verdict: 'blocked',
        matches: [
          {
            kind: 'other_partner',
            similarity: 1,
            matchedOn: ['domain', 'name'],
            dealId: holder,
            customerName: c.name,
          },
        ],
      });
    } else if (roll < 0.2) {
      // Two partners registered the same customer; both wait for the channel team.
      const a = deal(c, first, 'review', clear);
      const second = rng.pick(partners.filter((p) => p !== first));
      deal(c, second, 'review', {
        verdict: 'review',
        matches: [
          {
            kind: 'other_partner',
            similarity: 1,
            matchedOn: ['domain', 'name'],
            dealId: a,
            customerName: c.name,
          },
        ],
      });
    } else {
      deal(c, first, weighted(rng), clear);
      // Some customers come back: a closed earlier deal by the same or another partner.
      if (rng.next() < 0.25)
        deal(c, rng.pick(partners), rng.pick(['won', 'lost', 'withdrawn'] as const), clear);
    }
  }
  return rows;
}

/** Inserts the demo deals in one statement (a few hundred rows). */
export async function seedDeals(tx: Tx, now = new Date()): Promise<number> {
  const rows = demoDeals(now);
  await tx.query(
    `insert into deals select * from jsonb_populate_recordset(null::deals, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}
