/**
 * @module The demo content library: datasheets, decks, case studies, playbooks, videos, trainings,
 * price lists, brand kits and guides for every Lumenfold product, in English and German, for
 * every tier, audience and region, some archived, expired or due for review. Generated from a
 * seeded PRNG, so every machine gets the same library for a given day; `count` scales it up for
 * the benchmark.
 */
import type { ContentFormat, ContentType, PartnerType } from '../../core/schema/index.js';
import type { Rng } from './prng.js';
import { createRng } from './prng.js';

const SEED = 20_261_129;
const DAY = 86_400_000;

export interface LibraryAsset {
  id: string;
  title: string;
  description: string;
  type: ContentType;
  products: string[];
  productNames: string;
  language: 'en' | 'de';
  regions: string[];
  minTierRank: number;
  audiences: PartnerType[];
  coBrandable: boolean;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  reviewDueAt: string;
  expiresAt: string | null;
  status: 'active' | 'archived';
  formats: ContentFormat[];
}

const PRODUCTS: Array<[id: string, name: string, short: string]> = [
  ['lf-core', 'Lumenfold Core Platform', 'Core Platform'],
  ['lf-analytics', 'Insight Analytics', 'Insight Analytics'],
  ['lf-edge', 'Edge Gateway', 'Edge Gateway'],
  ['lf-secure', 'Secure Access', 'Secure Access'],
  ['lf-vault', 'Data Vault Backup', 'Data Vault'],
  ['lf-support', 'Premier Support', 'Premier Support'],
];

const CUSTOMERS = [
  'Northwind Logistics',
  'Alpenrose Versicherung',
  'Castellan Health',
  'Brightwater Utilities',
  'Kronberg Maschinenbau',
  'Saltmarsh Retail',
  'Veridia Bank',
  'Oakhurst University',
  'Halvorsen Shipping',
  'Sunfield Foods',
];

const REGIONS = ['North America', 'EMEA', 'LATAM', 'APAC'];
const AUDIENCES: PartnerType[] = ['reseller', 'referral', 'si', 'msp', 'isv'];

type Lang = 'en' | 'de';
interface Template {
  type: ContentType;
  formats: ContentFormat[];
  titles: Record<Lang, string[]>;
  descriptions: Record<Lang, string[]>;
  tags: Record<Lang, string[]>;
  /** The lowest tier rank that may get it, at random from these. */
  ranks: number[];
}

const T: Template[] = [
  {
    type: 'datasheet',
    formats: ['pdf'],
    titles: {
      en: ['{p} datasheet', '{p} technical specifications', '{p} at a glance'],
      de: ['{p} Datenblatt', '{p} technische Daten', '{p} auf einen Blick'],
    },
    descriptions: {
      en: [
        'Two pages on what {p} does, system requirements, editions and licensing, for a first customer meeting.',
        'Capabilities, deployment options and supported platforms of {p}, with the key numbers customers ask for.',
      ],
      de: [
        'Zwei Seiten über {p}: Funktionen, Systemvoraussetzungen, Editionen und Lizenzierung für das erste Kundengespräch.',
        'Leistungsumfang, Betriebsmodelle und unterstützte Plattformen von {p} mit den wichtigsten Kennzahlen.',
      ],
    },
    tags: {
      en: ['datasheet', 'specifications', 'overview'],
      de: ['datenblatt', 'spezifikation', 'überblick'],
    },
    ranks: [1, 1, 1, 2],
  },
  {
    type: 'presentation',
    formats: ['pdf', 'png'],
    titles: {
      en: ['{p} sales presentation', '{p} customer pitch deck', '{p} executive briefing'],
      de: ['{p} Vertriebspräsentation', '{p} Kundenpräsentation', '{p} Management-Briefing'],
    },
    descriptions: {
      en: [
        'The slide deck for discovery and first pitch: the problem, how {p} solves it, proof points and pricing approach.',
        'Editable slides for an executive audience with business value, reference customers and next steps.',
      ],
      de: [
        'Foliensatz für Erstgespräch und Pitch: die Herausforderung, wie {p} sie löst, Referenzen und Preisansatz.',
        'Bearbeitbare Folien für Entscheider mit Geschäftsnutzen, Referenzkunden und nächsten Schritten.',
      ],
    },
    tags: { en: ['pitch', 'deck', 'slides'], de: ['präsentation', 'folien', 'pitch'] },
    ranks: [1, 2, 2, 3],
  },
  {
    type: 'case_study',
    formats: ['pdf'],
    titles: {
      en: ['{c} cuts costs with {p}', 'How {c} scaled with {p}', '{c}: customer story'],
      de: ['{c} senkt Kosten mit {p}', 'Wie {c} mit {p} wächst', '{c}: Erfolgsgeschichte'],
    },
    descriptions: {
      en: [
        'Customer success story: {c} replaced three legacy tools with {p} and reduced operating costs by a third within a year.',
        'Reference case of {c} with measured results, the rollout plan and a quote from the CIO.',
      ],
      de: [
        'Erfolgsgeschichte: {c} hat drei Altsysteme durch {p} ersetzt und die Betriebskosten binnen eines Jahres um ein Drittel gesenkt.',
        'Referenzprojekt bei {c} mit messbaren Ergebnissen, Einführungsplan und einem Zitat des CIO.',
      ],
    },
    tags: {
      en: ['case study', 'reference', 'customer story'],
      de: ['fallstudie', 'referenz', 'kundenbeispiel'],
    },
    ranks: [1, 1, 2],
  },
  {
    type: 'playbook',
    formats: ['pdf'],
    titles: {
      en: ['{p} sales playbook', '{p} competitive battlecard', '{p} objection handling'],
      de: ['{p} Vertriebs-Playbook', '{p} Wettbewerbsvergleich', '{p} Einwandbehandlung'],
    },
    descriptions: {
      en: [
        'Ideal customer profile, discovery questions, competitive positioning and objection handling for {p}.',
        'How to win against the usual competitors: where {p} is stronger, traps to avoid and proof to bring.',
      ],
      de: [
        'Idealer Kunde, Fragen für das Erstgespräch, Positionierung im Wettbewerb und Einwandbehandlung für {p}.',
        'So gewinnen Sie gegen die üblichen Wettbewerber: wo {p} stärker ist und welche Nachweise überzeugen.',
      ],
    },
    tags: {
      en: ['playbook', 'competitive', 'battlecard'],
      de: ['playbook', 'wettbewerb', 'vertrieb'],
    },
    ranks: [2, 3, 3, 4],
  },
  {
    type: 'video',
    formats: ['vtt', 'png'],
    titles: {
      en: ['{p} product tour video', '{p} demo in five minutes', '{p} webinar recording'],
      de: ['{p} Produkttour (Video)', '{p} Demo in fünf Minuten', '{p} Webinar-Aufzeichnung'],
    },
    descriptions: {
      en: [
        'A short guided tour of {p} for customers, with transcript and thumbnail for your own site.',
        'Recorded demo of the main workflows of {p}; the transcript is included for captions.',
      ],
      de: [
        'Kurze geführte Tour durch {p} für Kunden, mit Transkript und Vorschaubild für Ihre Website.',
        'Aufgezeichnete Demo der wichtigsten Abläufe in {p}; das Transkript liegt für Untertitel bei.',
      ],
    },
    tags: { en: ['video', 'demo', 'webinar'], de: ['video', 'demo', 'webinar'] },
    ranks: [1, 1, 2],
  },
  {
    type: 'training',
    formats: ['pdf'],
    titles: {
      en: ['{p} technical training', '{p} certification study guide', '{p} onboarding course'],
      de: ['{p} technische Schulung', '{p} Zertifizierung Lernunterlagen', '{p} Einarbeitungskurs'],
    },
    descriptions: {
      en: [
        'Course material for partner engineers: architecture, installation, configuration and troubleshooting of {p}.',
        'Prepares for the {p} certification exam with exercises and a practice test.',
      ],
      de: [
        'Kursunterlagen für Partner-Techniker: Architektur, Installation, Konfiguration und Fehlersuche bei {p}.',
        'Bereitet auf die Zertifizierungsprüfung für {p} vor, mit Übungen und Probetest.',
      ],
    },
    tags: {
      en: ['training', 'certification', 'enablement'],
      de: ['schulung', 'zertifizierung', 'enablement'],
    },
    ranks: [1, 2, 2],
  },
  {
    type: 'price_list',
    formats: ['pdf', 'csv'],
    titles: {
      en: ['{p} price list {r} {y}', '{p} partner pricing sheet {y}', '{p} discount schedule {y}'],
      de: ['{p} Preisliste {r} {y}', '{p} Partnerpreise {y}', '{p} Rabattstaffel {y}'],
    },
    descriptions: {
      en: [
        'List prices, partner discounts by tier and SKUs of {p} for {r}, valid for the current year.',
        'Pricing sheet with editions, add-ons and volume discounts of {p}; confidential, for partners only.',
      ],
      de: [
        'Listenpreise, Partnerrabatte nach Stufe und Artikelnummern von {p} für {r}, gültig im laufenden Jahr.',
        'Preisübersicht mit Editionen, Zusatzmodulen und Mengenrabatten von {p}; vertraulich, nur für Partner.',
      ],
    },
    tags: { en: ['pricing', 'price list', 'sku'], de: ['preise', 'preisliste', 'rabatt'] },
    ranks: [2, 3, 4],
  },
  {
    type: 'brand_asset',
    formats: ['svg', 'png'],
    titles: {
      en: ['{p} logo pack', '{p} co-branding kit', '{p} social media banners'],
      de: ['{p} Logopaket', '{p} Co-Branding-Paket', '{p} Social-Media-Banner'],
    },
    descriptions: {
      en: [
        'Logos of {p} in colour and monochrome, with clear-space rules and the partner lock-up.',
        'Brand assets and usage guidelines for co-marketing {p} under your own name.',
      ],
      de: [
        'Logos von {p} in Farbe und einfarbig, mit Schutzzonen und der Partner-Kombination.',
        'Markenelemente und Richtlinien für gemeinsames Marketing von {p} unter Ihrem Namen.',
      ],
    },
    tags: { en: ['logo', 'brand', 'co-branding'], de: ['logo', 'marke', 'co-branding'] },
    ranks: [1, 1, 2],
  },
  {
    type: 'guide',
    formats: ['pdf', 'txt'],
    titles: {
      en: ['{p} integration guide', '{p} installation guide', '{p} migration guide'],
      de: ['{p} Integrationshandbuch', '{p} Installationsanleitung', '{p} Migrationsleitfaden'],
    },
    descriptions: {
      en: [
        'Step by step: connecting {p} to CRM, identity providers and ticketing, with API examples.',
        'Installing and upgrading {p} on premises and in the cloud, with sizing and network requirements.',
      ],
      de: [
        'Schritt für Schritt: {p} an CRM, Identitätsanbieter und Ticketsysteme anbinden, mit API-Beispielen.',
        'Installation und Aktualisierung von {p} im eigenen Rechenzentrum und in der Cloud, mit Sizing.',
      ],
    },
    tags: { en: ['integration', 'guide', 'api'], de: ['integration', 'handbuch', 'api'] },
    ranks: [1, 2, 3],
  },
];

const fill = (s: string, v: Record<string, string>) =>
  s.replace(/\{(\w)\}/g, (_, k: string) => v[k] ?? '');

const idOf = (n: number) => `asset_demo${String(n).padStart(6, '0')}`;

/**
 * `count` assets (a few hundred by default), every product × type × language first, then more at
 * random. Ids are `asset_demo000001`, … so tests and pages can name one.
 */
export function demoLibrary(now = new Date(), count = 324): LibraryAsset[] {
  const rng = createRng(SEED);
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const year = String(new Date(today).getUTCFullYear());
  const out: LibraryAsset[] = [];
  let n = 0;
  const make = (tpl: Template, prod: (typeof PRODUCTS)[number], lang: Lang, variant: number) => {
    n++;
    const region = rng.pick(REGIONS);
    const v = { p: prod[2], c: rng.pick(CUSTOMERS), r: region, y: year };
    const title = fill(tpl.titles[lang][variant % tpl.titles[lang].length]!, v);
    const description = fill(rng.pick(tpl.descriptions[lang]), v);
    const created = today - rng.int(5, 720) * DAY + rng.int(8, 18) * 3_600_000;
    const updated =
      rng.next() < 0.5 ? created : created + rng.int(0, Math.floor((today - created) / DAY)) * DAY;
    return build(rng, {
      n,
      tpl,
      prod,
      lang,
      title,
      description,
      created,
      updated,
      region: tpl.type === 'price_list' ? region : null,
      today,
    });
  };
  for (let variant = 0; out.length < count; variant++) {
    for (const tpl of T) {
      for (const prod of PRODUCTS) {
        for (const lang of ['en', 'de'] as const) {
          if (out.length >= count) break;
          if (variant >= 3 && rng.next() < 0.5) continue;
          out.push(make(tpl, prod, lang, variant));
        }
      }
    }
  }
  return out;
}

function build(
  rng: Rng,
  o: {
    n: number;
    tpl: Template;
    prod: (typeof PRODUCTS)[number];
    lang: Lang;
    title: string;
    description: string;
    created: number;
    updated: number;
    region: string | null;
    today: number;
  },
): LibraryAsset {
  const extra = rng.next() < 0.2 ? rng.pick(PRODUCTS.filter((p) => p !== o.prod)) : undefined;
  const products = extra ? [o.prod, extra] : [o.prod];
  const audienceRoll = rng.next();
  const audiences: PartnerType[] =
    audienceRoll < 0.7 ? [] : rng.sample(AUDIENCES, rng.int(1, 2)).sort();
  const regions = o.region ? [o.region] : rng.next() < 0.85 ? [] : [rng.pick(REGIONS)];
  const roll = rng.next();
  const status = roll < 0.04 ? 'archived' : 'active';
  const expiresAt =
    rng.next() < 0.08 ? new Date(o.today + rng.int(-60, 120) * DAY).toISOString() : null;
  // Most collateral is reviewed 180 days after its last change; some of it is overdue.
  const reviewDueAt = new Date(o.updated + 180 * DAY).toISOString();
  return {
    id: idOf(o.n),
    title: o.title,
    description: o.description,
    type: o.tpl.type,
    products: products.map((p) => p[0]),
    productNames: products.map((p) => p[1]).join(' '),
    language: o.lang,
    regions,
    minTierRank: rng.pick(o.tpl.ranks),
    audiences,
    coBrandable: o.tpl.type === 'brand_asset' || rng.next() < 0.2,
    tags: [...rng.sample(o.tpl.tags[o.lang], 2), o.prod[0]],
    createdAt: new Date(o.created).toISOString(),
    updatedAt: new Date(o.updated).toISOString(),
    reviewDueAt,
    expiresAt,
    status,
    formats: o.tpl.formats,
  };
}
