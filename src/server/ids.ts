/** @module Server-generated ids: the kind's prefix and 20 random base-32 characters. */
import { randomBytes } from 'node:crypto';
import { ID_PREFIXES } from '../core/schema/index.js';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(kind: keyof typeof ID_PREFIXES | 'certification'): string {
  const prefix = kind === 'certification' ? 'cert' : ID_PREFIXES[kind];
  const bytes = randomBytes(20);
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 31];
  return `${prefix}_${s}`;
}

/** RFC 3339 in UTC without milliseconds when they are zero: `2026-11-21T09:30:00Z`. */
export const instant = (d: Date | string): string => {
  const iso = (typeof d === 'string' ? new Date(d) : d).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
};
