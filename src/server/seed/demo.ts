/**
 * @module The demo program: a fictional vendor, Lumenfold, with its products, four tiers, a dozen
 * partners of every type and region, their users, the vendor's staff, direct opportunities and
 * certifications. Every name is invented; every value comes from a seeded PRNG, so the data is
 * the same on every machine for a given day (dates are relative to `now`).
 *
 * Tests may rely on the ids in `DEMO_IDS`. Later issues add one function per resource here
 * (deals, content, MDF) and insert them in `seed/index.ts`.
 */
import type { PartnerType, ProgramInput, Role, TierInput } from '../../core/schema/index.js';
import { createRng } from './prng.js';

const SEED = 20_261_121;
const DAY = 86_400_000;

export const DEMO_VENDOR = { name: 'Lumenfold', domain: 'lumenfold.example' } as const;

/** Ids the tests and the demo pages can rely on. */
export const DEMO_IDS = {
  partners: {
    brightpath: 'prt_brightpath',
    kestrel: 'prt_kestrel',
    harborview: 'prt_harborview',
    tidewater: 'prt_tidewater',
  },
  users: {
    programAdmin: 'usr_lf_admin',
    channelManager: 'usr_lf_cm_1',
    seller: 'usr_lf_seller_1',
    integration: 'usr_lf_integration',
    brightpathAdmin: 'usr_brightpath_admin',
    brightpathUser: 'usr_brightpath_1',
    kestrelAdmin: 'usr_kestrel_admin',
    kestrelUser: 'usr_kestrel_1',
  },
  tiers: ['tier_registered', 'tier_silver', 'tier_gold', 'tier_platinum'],
  products: ['lf-core', 'lf-analytics', 'lf-edge', 'lf-secure', 'lf-vault', 'lf-support'],
} as const;

export function demoProgram(): Required<ProgramInput> {
  return {
    name: 'Lumenfold Partner Network',
    products: [
      { id: 'lf-core', name: 'Lumenfold Core Platform' },
      { id: 'lf-analytics', name: 'Insight Analytics' },
      { id: 'lf-edge', name: 'Edge Gateway' },
      { id: 'lf-secure', name: 'Secure Access' },
      { id: 'lf-vault', name: 'Data Vault Backup' },
      { id: 'lf-support', name: 'Premier Support' },
    ],
    currencies: ['USD', 'EUR', 'GBP'],
    slaHours: 48,
    protectionDays: 90,
    claimWindowDays: 60,
  };
}

const usd = (dollars: number) => ({ amount: dollars * 100, currency: 'USD' });

export function demoTiers(): TierInput[] {
  return [
    {
      id: 'tier_registered',
      name: 'Registered',
      rank: 1,
      requirements: {},
      benefits: ['Deal registration', 'Partner portal and content library', 'Online training'],
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
      benefits: ['18% resale discount', 'Named channel manager', 'Lead sharing', 'Demo licences'],
      autoApproveLimit: usd(100_000),
    },
    {
      id: 'tier_platinum',
      name: 'Platinum',
      rank: 4,
      requirements: { revenue12m: usd(2_000_000), wonDeals12m: 25, certifications: 10 },
      benefits: [
        '25% resale discount',
        'Joint business planning',
        'Executive sponsor',
        'Priority support escalation',
      ],
      autoApproveLimit: usd(250_000),
    },
  ];
}

export interface DemoPartner {
  id: string;
  name: string;
  type: PartnerType;
  region: string;
  domains: string[];
  tierId: string;
  createdAt: string;
}

const PARTNERS: Array<
  [slug: string, name: string, type: PartnerType, region: string, tier: string]
> = [
  ['brightpath', 'Brightpath Solutions', 'reseller', 'North America', 'tier_gold'],
  ['kestrel', 'Kestrel Integration Group', 'si', 'EMEA', 'tier_platinum'],
  ['harborview', 'Harborview IT', 'msp', 'North America', 'tier_silver'],
  ['tidewater', 'Tidewater Referral Partners', 'referral', 'LATAM', 'tier_registered'],
  ['quillstack', 'Quillstack Software', 'isv', 'EMEA', 'tier_silver'],
  ['solano', 'Solano Data Services', 'msp', 'LATAM', 'tier_silver'],
  ['ambergrid', 'Ambergrid Consulting', 'si', 'APAC', 'tier_gold'],
  ['veldt', 'Veldt Networks', 'reseller', 'EMEA', 'tier_registered'],
  ['corvane', 'Corvane Cloud', 'msp', 'APAC', 'tier_gold'],
  ['ironleaf', 'Ironleaf Advisory', 'referral', 'North America', 'tier_registered'],
  ['marlowe', 'Marlowe & Finch Technologies', 'reseller', 'APAC', 'tier_silver'],
  ['orbitel', 'Orbitel Systems', 'isv', 'North America', 'tier_registered'],
];

export function demoPartners(now = new Date()): DemoPartner[] {
  const rng = createRng(SEED);
  const today = Math.floor(now.getTime() / DAY) * DAY;
  return PARTNERS.map(([slug, name, type, region, tierId], i) => ({
    id: `prt_${slug}`,
    name,
    type,
    region,
    domains: [`${slug}.example`, ...(rng.next() < 0.25 ? [`${slug}-partners.example`] : [])],
    tierId,
    // Oldest first, a few weeks apart, at office hours.
    createdAt: new Date(today - (720 - i * 45) * DAY + rng.int(8, 17) * 3_600_000).toISOString(),
  }));
}

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  partnerId: string | null;
}

const FIRST = [
  'Ava',
  'Mateo',
  'Priya',
  'Jonas',
  'Leila',
  'Kenji',
  'Sofia',
  'Tomasz',
  'Amara',
  'Lucas',
  'Ingrid',
  'Rafael',
  'Mei',
  'Oskar',
  'Nadia',
  'Diego',
  'Hana',
  'Felix',
  'Zara',
  'Emeka',
  'Clara',
  'Arjun',
  'Elena',
  'Niall',
];
const LAST = [
  'Lindqvist',
  'Okafor',
  'Marchetti',
  'Nakamura',
  'Haddad',
  'Kowalski',
  'Ferreira',
  'Brennan',
  'Castillo',
  'Varga',
  'Achterberg',
  'Solberg',
  'Tanaka',
  'Dubois',
  'Mensah',
  'Rahman',
  'Iversen',
  'Moreau',
  'Quintero',
  'Whitlock',
];

export function demoUsers(): DemoUser[] {
  const rng = createRng(SEED + 1);
  const used = new Set<string>();
  const person = () => {
    for (;;) {
      const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const email = (name: string, domain: string) =>
    `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`;
  const users: DemoUser[] = [];
  const staff: Array<[string, Role]> = [
    ['usr_lf_admin', 'program_admin'],
    ['usr_lf_cm_1', 'channel_manager'],
    ['usr_lf_cm_2', 'channel_manager'],
    ['usr_lf_seller_1', 'seller'],
    ['usr_lf_seller_2', 'seller'],
  ];
  for (const [id, role] of staff) {
    const name = person();
    users.push({ id, name, email: email(name, DEMO_VENDOR.domain), role, partnerId: null });
  }
  users.push({
    id: 'usr_lf_integration',
    name: 'CRM Sync',
    email: `crm-sync@${DEMO_VENDOR.domain}`,
    role: 'integration',
    partnerId: null,
  });
  for (const [slug] of PARTNERS) {
    const domain = `${slug}.example`;
    const admin = person();
    users.push({
      id: `usr_${slug}_admin`,
      name: admin,
      email: email(admin, domain),
      role: 'partner_admin',
      partnerId: `prt_${slug}`,
    });
    const sellers = rng.int(1, 3);
    for (let n = 1; n <= sellers; n++) {
      const name = person();
      users.push({
        id: `usr_${slug}_${n}`,
        name,
        email: email(name, domain),
        role: 'partner_user',
        partnerId: `prt_${slug}`,
      });
    }
  }
  return users;
}

export interface DemoOpportunity {
  id: string;
  externalId: string;
  customer: { name: string; domain: string };
  products: string[];
  stage: 'open' | 'won' | 'lost';
  ownerEmail: string;
  createdAt: string;
}

/** End customers: invented companies on the reserved `.example` top-level domain. */
export const DEMO_CUSTOMERS: Array<[name: string, domain: string]> = [
  ['Halvorsen Logistics AS', 'halvorsen-logistics.example'],
  ['Peregrine Health Systems', 'peregrinehealth.example'],
  ['Cobaltline Manufacturing Inc', 'cobaltline.example'],
  ['Verdant Grocers Ltd', 'verdantgrocers.example'],
  ['Atlas & Rowe Insurance', 'atlasrowe.example'],
  ['Sunmere Hotels Group', 'sunmere.example'],
  ['Kinetiq Robotics GmbH', 'kinetiq-robotics.example'],
  ['Bluefen University', 'bluefen.example'],
  ['Oakhurst Municipal Utilities', 'oakhurst-utilities.example'],
  ['Tessaly Biotech SA', 'tessaly.example'],
  ['Riverbend Credit Union', 'riverbendcu.example'],
  ['Monarch Freight Co', 'monarchfreight.example'],
  ['Quayside Media', 'quayside-media.example'],
  ['Granite Peak Outfitters LLC', 'granitepeak.example'],
  ['Lyra Aerospace Corp', 'lyra-aero.example'],
  ['Ferncastle Retail BV', 'ferncastle.example'],
];

export function demoOpportunities(now = new Date()): DemoOpportunity[] {
  const rng = createRng(SEED + 2);
  const products = DEMO_IDS.products;
  const sellers = demoUsers().filter((u) => u.role === 'seller');
  // The first ten customers have a direct opportunity; deals of later issues can collide with them.
  return DEMO_CUSTOMERS.slice(0, 10).map(([name, domain], i) => ({
    id: `opp_demo_${String(i + 1).padStart(2, '0')}`,
    externalId: `CRM-OPP-${String(10_412 + i * 37)}`,
    customer: { name, domain },
    products: rng.sample(products, rng.int(1, 3)).sort(),
    stage: i % 5 === 3 ? 'won' : i % 7 === 6 ? 'lost' : 'open',
    ownerEmail: rng.pick(sellers).email,
    createdAt: new Date(now.getTime() - rng.int(5, 200) * DAY).toISOString(),
  }));
}

export interface DemoCertification {
  id: string;
  partnerId: string;
  userId: string;
  userName: string;
  name: string;
  earnedAt: string;
  expiresAt: string;
}

const CERTIFICATIONS = [
  'Lumenfold Certified Sales Professional',
  'Lumenfold Certified Technical Specialist',
  'Insight Analytics Engineer',
  'Secure Access Architect',
  'Edge Gateway Deployment Specialist',
];

/** Enough certifications for each partner's tier, and some to spare for the higher ones. */
export function demoCertifications(now = new Date()): DemoCertification[] {
  const rng = createRng(SEED + 3);
  const target: Record<string, number> = {
    tier_registered: 1,
    tier_silver: 3,
    tier_gold: 6,
    tier_platinum: 11,
  };
  const users = demoUsers();
  const out: DemoCertification[] = [];
  const today = Math.floor(now.getTime() / DAY) * DAY;
  for (const p of demoPartners(now)) {
    const people = users.filter((u) => u.partnerId === p.id);
    const count = target[p.tierId]! + rng.int(0, 1);
    for (let n = 0; n < count; n++) {
      const user = people[n % people.length]!;
      const earned = today - rng.int(20, 600) * DAY;
      out.push({
        id: `cert_${p.id.slice(4)}_${n + 1}`,
        partnerId: p.id,
        userId: user.id,
        userName: user.name,
        name: CERTIFICATIONS[(n + rng.int(0, 4)) % CERTIFICATIONS.length]!,
        earnedAt: new Date(earned).toISOString().slice(0, 10),
        expiresAt: new Date(earned + 730 * DAY).toISOString().slice(0, 10),
      });
    }
  }
  return out;
}
