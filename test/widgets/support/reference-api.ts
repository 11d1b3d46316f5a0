/**
 * @module Helpers for widget tests against the real reference server (started by
 * test/support/wtr-plugins/reference-server.mjs): clients signed in as a role, and fresh deals.
 */
import { waitUntil } from '@open-wc/testing';
import { tokenFromUrl } from '../../../src/core/auth.js';
import { createPartnerClient } from '../../../src/core/client.js';
import type { PartnerClient } from '../../../src/core/client.js';
import type { Deal, DealInput, Role } from '../../../src/core/schema/index.js';

export const BRIGHTPATH = 'prt_brightpath';
export const KESTREL = 'prt_kestrel';

export async function apiBase(): Promise<string> {
  const body = (await (await fetch('/__prm/api-base')).json()) as { url: string };
  return body.url;
}

export async function clientAs(
  role: Role,
  partner?: string,
  user?: { sub: string; name?: string; email?: string },
): Promise<PartnerClient> {
  const query = new URLSearchParams({
    role,
    ...(partner ? { partner } : {}),
    ...(user ? Object.fromEntries(Object.entries(user).filter(([, v]) => v)) : {}),
  });
  return createPartnerClient({
    baseUrl: await apiBase(),
    getToken: tokenFromUrl(`/__prm/token?${query}`),
  });
}

let n = 0;
/** A customer no other test uses. */
export function uniqueCustomer(label: string): { name: string; domain: string } {
  const id = `${Date.now().toString(36)}${(n++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    name: `${label} ${id}`,
    domain: `${label.toLowerCase().replace(/\W+/g, '')}-${id}.example`,
  };
}

/** Registers a deal big enough that no tier approves it on its own: it goes to review. */
export function register(
  client: PartnerClient,
  customer: { name: string; domain: string },
  extra: Partial<DealInput> = {},
): Promise<Deal> {
  const close = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  return client.deals.register({
    customer: { ...customer, country: 'US' },
    contact: { name: 'Robin Buyer', email: 'robin@example.com', phone: '+1 555 0100' },
    title: `Rollout at ${customer.name}`,
    products: ['lf-core', 'lf-analytics'],
    amount: { amount: 987_654_00, currency: 'USD' },
    expectedCloseDate: close,
    ...extra,
  });
}

export const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The row of deal `id` in a list's shadow root, once it is rendered. */
export async function rowOf(el: HTMLElement & { renderRoot: ParentNode }, id: string) {
  const find = () => el.renderRoot.querySelector<HTMLElement>(`[role='listitem'][data-id='${id}']`);
  let row: HTMLElement | null = null;
  await waitUntil(() => (row = find()), `the row of ${id} is not rendered`, { timeout: 10_000 });
  return row!;
}
