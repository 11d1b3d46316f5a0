/**
 * @module How two customer records are compared: names after normalisation, websites on their
 * registrable domain. The database does the similarity (pg_trgm) on the normalised names these
 * functions produce, so every deal stores both forms.
 */
import { getDomain } from 'tldts';
import { hostnameOf } from '../../core/schema/deal.js';

/** Two deals are about one customer at or above this similarity of normalised names. */
export { SAME_CUSTOMER_SIMILARITY } from '../../core/schema/deal.js';
/** From here up to {@link SAME_CUSTOMER_SIMILARITY} a name is a *possible* match. */
export const POSSIBLE_MATCH_SIMILARITY = 0.6;

/**
 * Legal-form suffixes dropped from the end of a name. Multi-word forms are listed as their
 * normalised tokens joined by spaces.
 */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'gmbh',
  'mbh',
  'gmbh co kg',
  'co kg',
  'kg',
  'ag',
  'se',
  'corp',
  'corporation',
  'co',
  'company',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'plc',
  'pty',
  'pty ltd',
  'oy',
  'oyj',
  'ab',
  'as',
  'asa',
  'aps',
  'kk',
  'sl',
  'sau',
  'lda',
  'ltda',
  'group',
  'holding',
  'holdings',
]);

/**
 * The comparable form of a company name: lower case, accents and punctuation gone, `&` read as
 * "and", legal suffixes (Inc, LLC, Ltd, GmbH, Corp, SA, AG, BV, Co, …) dropped from the end.
 * A name made only of a suffix keeps it rather than becoming empty.
 */
export function normalizeName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    // "G.m.b.H." and "S.A." lose their dots before punctuation becomes space.
    .replace(/(?<=\b\p{L})\.(?=\p{L}\b)/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  let tokens = base.split(' ').filter(Boolean);
  for (;;) {
    const before = tokens.length;
    for (const n of [3, 2, 1]) {
      if (tokens.length > n && LEGAL_SUFFIXES.has(tokens.slice(-n).join(' '))) {
        tokens = tokens.slice(0, -n);
        break;
      }
    }
    if (tokens.at(-1) === 'and' && tokens.length > 1) tokens = tokens.slice(0, -1);
    if (tokens.length === before) break;
  }
  return tokens.join(' ');
}

/**
 * The registrable domain of a website however it was typed: `eu.sales.acme.com`,
 * `https://www.acme.com/x` and `acme.com` all give `acme.com`; `shop.acme.co.uk` gives
 * `acme.co.uk` (public-suffix list). Null when the value names no registrable domain.
 */
export function registrableDomain(website: string | null | undefined): string | null {
  if (!website) return null;
  const host = hostnameOf(website);
  if (!host) return null;
  return getDomain(host) ?? null;
}
