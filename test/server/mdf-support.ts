/** Shared pieces of the MDF tests: tokens, bodies, proof files and the ledger's own sums. */
import assert from 'node:assert/strict';
import { ledgerBalances } from '../../src/server/domain/mdf-ledger.js';
import { tinyPdf } from '../../src/server/seed/mdf.js';
import type { TestServer } from '../support/server.js';
import { word } from './deals-support.js';

export const usd = (dollars: number) => ({ amount: Math.round(dollars * 100), currency: 'USD' });
const DAY = 86_400_000;
export const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

export function activity(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'event',
    title: 'Customer roadshow',
    description: 'Three cities, installed base.',
    startDate: inDays(-3),
    endDate: inDays(-1),
    expectedLeads: 30,
    ...over,
  };
}

export const pdf = () => tinyPdf(`Invoice ${word()}`);
/** A 1×1 PNG, complete. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
/** A tiny JPEG: SOI, a comment, EOI (enough for the signature checks). */
export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x04, 0x68, 0x69, 0xff, 0xd9]);

export interface Mdf {
  s: TestServer;
  admin: string;
  programAdmin: string;
  manager: string;
  finance: string;
}

/** A fresh partner (so tests do not share balances) with a partner admin and an allocation. */
export async function freshPartner(
  m: Mdf,
  dollars: number,
  over: Record<string, unknown> = {},
): Promise<{ partnerId: string; token: string; userToken: string; allocationId: string }> {
  const p = await m.s.request('POST', '/v1/partners', {
    token: m.programAdmin,
    body: { name: `${word()} Partners`, type: 'reseller', region: 'EMEA', domains: [] },
  });
  assert.equal(p.status, 201, p.text);
  const partnerId = p.body.id as string;
  const token = await m.s.token('partner_admin', { partner: partnerId, sub: `usr_${word()}` });
  const userToken = await m.s.token('partner_user', { partner: partnerId, sub: `usr_${word()}` });
  const a = await m.s.request('POST', '/v1/mdf/allocations', {
    token: m.programAdmin,
    body: {
      partnerId,
      period: '2026-Q4',
      amount: usd(dollars),
      expiresAt: new Date(Date.now() + 90 * DAY).toISOString(),
      ...over,
    },
  });
  assert.equal(a.status, 201, a.text);
  return { partnerId, token, userToken, allocationId: a.body.id as string };
}

export async function upload(
  s: TestServer,
  token: string,
  bytes: Uint8Array,
  contentType = 'application/pdf',
  name = 'proof.pdf',
) {
  return s.request('POST', `/v1/files?name=${encodeURIComponent(name)}`, {
    token,
    raw: new Uint8Array(bytes),
    headers: { 'content-type': contentType },
  });
}

export async function fileCount(s: TestServer): Promise<number> {
  const { rows } = await s.store.query<{ n: number | string }>('select count(*) as n from files');
  return Number(rows[0]!.n);
}

const FIGURES = ['allocated', 'pending', 'approved', 'claimed', 'paid', 'available'] as const;
type Figure = (typeof FIGURES)[number];

/** The period of the summary, in dollars, checked against the ledger's own sums. */
export async function figures(
  s: TestServer,
  token: string,
  allocationId: string,
): Promise<Record<Figure, number>> {
  const r = await s.request('GET', '/v1/mdf/summary', { token });
  assert.equal(r.status, 200, r.text);
  const p = (r.body.periods as Array<Record<string, { amount: number }>>).find(
    (x) => (x.allocationId as unknown as string) === allocationId,
  )!;
  const out = {} as Record<Figure, number>;
  for (const k of FIGURES) {
    out[k] = p[k]!.amount / 100;
  }
  const ledger = await ledgerBalances(s.store, allocationId);
  for (const k of FIGURES) {
    assert.equal(ledger[k] / 100, out[k], `ledger ${k}`);
  }
  return out;
}
