/** Shared pieces of the tier tests: fresh partners, won deals through the API, a settable clock. */
import assert from 'node:assert/strict';
import type { Money } from '../../src/core/schema/index.js';
import type { TestServer } from '../support/server.js';
import { customer, dealBody, partnerToken, word } from './deals-support.js';

/** A clock the server reads for tier evaluation; `set(undefined)` returns to real time. */
export function testClock(): { now: () => Date; set(d: Date | undefined): void } {
  let fixed: Date | undefined;
  return { now: () => fixed ?? new Date(), set: (d) => void (fixed = d) };
}

/** A new partner: it starts at the lowest tier (Registered) with nothing won. */
export async function newPartner(s: TestServer): Promise<string> {
  const r = await s.request('POST', '/v1/partners', {
    token: await s.token('program_admin'),
    body: { name: `${word()} Partners`, type: 'reseller', region: 'EMEA', domains: [] },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as string;
}

/** Registers a deal as the partner and returns its id. */
export async function registerDeal(s: TestServer, partnerId: string, amount: Money) {
  const r = await s.request('POST', '/v1/deals', {
    token: await partnerToken(s, partnerId),
    body: dealBody(customer(), { amount }),
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as string;
}

/** The CRM reports the deal won. */
export async function markWon(s: TestServer, dealId: string) {
  const r = await s.request('PATCH', `/v1/deals/${dealId}`, {
    token: await s.token('integration'),
    body: { stage: 'won' },
  });
  assert.equal(r.status, 200, r.text);
  return r;
}

export async function winDeal(s: TestServer, partnerId: string, amount: Money): Promise<string> {
  const id = await registerDeal(s, partnerId, amount);
  await markWon(s, id);
  return id;
}

export async function certify(
  s: TestServer,
  partnerId: string,
  n: number,
  dates: { earnedAt?: string; expiresAt?: string } = {},
): Promise<void> {
  const token = await s.token('integration');
  for (let i = 0; i < n; i++) {
    const r = await s.request('POST', '/v1/certifications', {
      token,
      body: {
        partnerId,
        userId: `usr_${word()}`,
        userName: 'Dana Whitfield',
        name: 'Lumenfold Certified Sales Professional',
        earnedAt: dates.earnedAt ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        ...(dates.expiresAt ? { expiresAt: dates.expiresAt } : {}),
      },
    });
    assert.equal(r.status, 201, r.text);
  }
}

export async function progress(s: TestServer, partnerId: string) {
  const r = await s.request('GET', `/v1/partners/${partnerId}/tier-progress`, {
    token: await s.token('program_admin'),
  });
  assert.equal(r.status, 200, r.text);
  return r.body;
}

export async function history(s: TestServer, partnerId: string) {
  const r = await s.request('GET', `/v1/partners/${partnerId}/tier-history`, {
    token: await s.token('program_admin'),
  });
  assert.equal(r.status, 200, r.text);
  return r.body.items as Array<{ reason: string; fromTierId: string; toTierId: string }>;
}

/** The first day of the calendar quarter holding `d`, plus `days`, at noon UTC. */
export function inQuarterOf(d: Date, days: number): Date {
  const start = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1, 12);
  return new Date(start + days * 86_400_000);
}

/** The last day of the calendar quarter holding `d`, at `hour` UTC. */
export function quarterEndOf(d: Date, hour = 12): Date {
  const next = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 3, 1);
  return new Date(next - 86_400_000 + hour * 3_600_000);
}

export const addMonths = (d: Date, months: number) => {
  const x = new Date(d);
  x.setUTCMonth(x.getUTCMonth() + months);
  return x;
};
