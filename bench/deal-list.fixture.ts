/**
 * @module Fake deals for `<prm-deal-list>`'s benchmark page, browser tests and stories. The fake
 * API that serves them is the one of every widget, `test/support/fake-api.ts`.
 */
import type { Deal } from '../src/core/schema/index.js';

const CUSTOMERS = [
  'Northwind Traders',
  'Contoso',
  'Fabrikam',
  'Tailspin Toys',
  'Wide World Importers',
  'Adventure Works',
  'Müller Maschinenbau',
  'Litware',
  'Proseware',
  'Woodgrove Bank',
];
const TITLES = ['Analytics rollout', 'Cloud migration', 'Security upgrade', 'Renewal', 'Pilot'];
const HOUR = 3_600_000;

/** One deal, numbered `n`, under review and due in 24 h unless `over` says otherwise. */
export function makeDeal(n: number, over: Partial<Deal> = {}, now = Date.now()): Deal {
  const customer = CUSTOMERS[n % CUSTOMERS.length]!;
  return {
    id: `deal_${String(n).padStart(5, '0')}`,
    partnerId: n % 3 === 0 ? 'prt_blue' : 'prt_acme',
    partnerName: n % 3 === 0 ? 'Blue Partners' : 'Acme Partners',
    status: 'under_review',
    stage: 'open',
    customer: {
      name: `${customer} ${n}`,
      domain: `${customer.toLowerCase().replace(/[^a-z]/g, '')}${n}.example`,
      country: 'US',
    },
    contact: { name: 'Jo Buyer', email: 'jo@example.com' },
    title: TITLES[n % TITLES.length]!,
    products: ['prod_analytics'],
    amount: { amount: 125_000 + n * 100, currency: 'USD' },
    expectedCloseDate: '2027-03-31',
    submittedBy: 'usr_seller',
    submittedAt: new Date(now - n * 60_000).toISOString(),
    reviewDueAt: new Date(now + 24 * HOUR - n * 60_000).toISOString(),
    conflicts: { verdict: 'clear', matches: [] },
    ...over,
  };
}

export const makeDeals = (count: number, now = Date.now()): Deal[] =>
  Array.from({ length: count }, (_, i) => makeDeal(i + 1, {}, now));

export { meFor, fakeDealClient } from '../test/support/fake-api.js';
export type { FakeDealClient, FakeDealClientOptions } from '../test/support/fake-api.js';
