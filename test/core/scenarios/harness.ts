// What the runner-agnostic scenarios need from a runner: node:test and mocha both provide
// describe/it; chai's expect comes from 'chai' in Node and from '@open-wc/testing' in the browser.
import type { expect as chaiExpect } from 'chai';
import {
  createPartnerClient,
  staticToken,
  type PartnerClientOptions,
} from '../../../src/core/index.js';

export interface Harness {
  describe(name: string, fn: () => void): unknown;
  it(name: string, fn: () => Promise<void> | void): unknown;
  expect: typeof chaiExpect;
  /** The scripted test server's URL; known once the runner's `before` hook has run. */
  serverUrl(): string;
  /** An error made by `PartnerApiError` of another realm (an iframe, another module instance). */
  foreignPartnerApiError?(): Promise<unknown>;
}

export interface LoggedRequest {
  method: string;
  path: string;
  search: string;
  at: number;
  authorization: string | null;
  idempotencyKey: string | null;
  lastEventId: string | null;
  accept: string | null;
  body: string;
}

/** A fresh instance of a server scenario: its base URL and what the server saw of it. */
export function scenario(serverUrl: string, name: string) {
  const id = Math.random().toString(36).slice(2, 12);
  return {
    baseUrl: `${serverUrl}/scenario/${name}/${id}`,
    async log(): Promise<LoggedRequest[]> {
      const response = await fetch(`${serverUrl}/__log/${name}/${id}`);
      return (await response.json()) as LoggedRequest[];
    },
  };
}

/** Tiny backoffs: the retry logic runs for real, the tests stay fast. */
export const FAST_RETRY = { limit: 3, backoffMs: 1, maxBackoffMs: 5 };

export function client(baseUrl: string, options: Partial<PartnerClientOptions> = {}) {
  return createPartnerClient({
    baseUrl,
    getToken: staticToken('good'),
    ...options,
    retry: { ...FAST_RETRY, ...options.retry },
  });
}

/** The reason a promise rejected with; fails if it fulfilled. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it fulfilled.');
}

export const DEAL_INPUT = {
  customer: { name: 'Globex GmbH', domain: 'globex.de', country: 'DE' },
  contact: { name: 'Hank Scorpio', email: 'hank@globex.de' },
  title: 'Analytics rollout',
  products: ['analytics'],
  amount: { amount: 125000, currency: 'USD' },
  expectedCloseDate: '2027-03-31',
};

export async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Gave up waiting for ${what}`);
}
