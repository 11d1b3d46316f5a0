/**
 * @module What the `<prm-deal-registration>` tests share: the fake API as a partner user sees it,
 * mounting, typing and submitting, and a deferred answer.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { PartnerApiError } from '../../src/core/errors.js';
import type { ProblemDetails } from '../../src/core/schema/common.js';
import type { DealInput } from '../../src/core/schema/deal.js';
import type { Me } from '../../src/core/schema/identity.js';
import type { Program } from '../../src/core/schema/program.js';
import type { PrmDealRegistration } from '../../src/widgets/deal-registration/prm-deal-registration.js';
import '../../src/widgets/define.js';
import { CLEAR, DEMO_PROGRAM, FakeApi, dealFrom } from './fake-api.js';

export { FakeApi };

// ------------------------------------------------------------------------------- the fake API

export { CLEAR, dealFrom };
export const PROGRAM: Program = DEMO_PROGRAM;

/** The signed-in partner user of these tests. */
export const meFor = (id: string): Me => ({
  user: { id, name: 'Pat Partner', email: 'pat@reseller.example', role: 'partner_user' },
  partner: {
    id: 'prt_reseller',
    name: 'Reseller',
    type: 'reseller',
    tier: { id: 'tier_silver', name: 'Silver', rank: 1 },
  },
});

export const DAY = 86_400_000;
export const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
export const instantIn = (ms: number) =>
  new Date(Date.now() + ms).toISOString().replace(/\.\d+Z$/, 'Z');

export const apiError = (status: number, problem: Partial<ProblemDetails> & { code: string }) =>
  new PartnerApiError(
    { type: 'about:blank', title: problem.code, status, ...problem },
    { status, method: 'POST', url: 'https://fake.example/v1/deals' },
  );

/** The one fake API, as Pat Partner of a reseller sees it; any deal id opens. */
export function registrationApi(): FakeApi {
  const api = new FakeApi({ userId: 'usr_pat', program: PROGRAM });
  api.loadMe = async () => meFor(api.userId);
  api.answerGet = async (id) => ({ ...dealFrom(VALID_INPUT), id });
  return api;
}

export const VALID_INPUT: DealInput = {
  customer: { name: 'Acme Corp', domain: 'acme.com' },
  contact: { name: 'Ada Buyer', email: 'ada@acme.com' },
  title: 'Analytics rollout',
  products: ['analytics'],
  amount: { amount: 1_250_050, currency: 'USD' },
  expectedCloseDate: inDays(30),
};

// ------------------------------------------------------------------------------- helpers

export interface MountOptions {
  lang?: string;
  attrs?: Record<string, string>;
  ready?: boolean;
}

export async function mount(
  api: FakeApi | undefined,
  o: MountOptions = {},
): Promise<PrmDealRegistration> {
  const el = document.createElement('prm-deal-registration');
  el.setAttribute('lang', o.lang ?? 'en');
  el.setAttribute('check-delay', '20');
  for (const [k, v] of Object.entries(o.attrs ?? {})) el.setAttribute(k, v);
  if (api) el.client = api.client;
  await fixture(html`<div>${el}</div>`);
  if (o.ready !== false) await waitUntil(() => q(el, 'form'), 'the form renders');
  return el;
}

export const q = <T extends Element = HTMLElement>(el: PrmDealRegistration, selector: string) =>
  el.renderRoot.querySelector<T>(selector);
export const input = (el: PrmDealRegistration, field: string) =>
  q<HTMLInputElement>(el, `#${field}`)!;
export const errorOf = (el: PrmDealRegistration, field: string) =>
  q(el, `#${field}-error`)?.textContent?.trim();
export const text = (el: PrmDealRegistration) =>
  el.renderRoot.textContent?.replace(/\s+/g, ' ') ?? '';

export async function type(el: PrmDealRegistration, field: string, value: string) {
  const control = input(el, field);
  control.value = value;
  control.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

export async function blur(el: PrmDealRegistration, field: string) {
  input(el, field).dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

export async function choose(el: PrmDealRegistration, product: string) {
  q<HTMLInputElement>(el, `input[value="${product}"]`)!.click();
  await el.updateComplete;
}

export async function fill(el: PrmDealRegistration, values: Record<string, string> = {}) {
  const all = {
    customerName: 'Acme Corp',
    customerDomain: 'acme.com',
    contactName: 'Ada Buyer',
    contactEmail: 'ada@acme.com',
    title: 'Analytics rollout',
    amount: '12,500.50',
    expectedCloseDate: inDays(30),
    ...values,
  };
  for (const [field, value] of Object.entries(all)) await type(el, field, value);
  if (!el.renderRoot.querySelector('input[name=products]:checked')) await choose(el, 'analytics');
}

export async function submit(el: PrmDealRegistration) {
  q<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await el.updateComplete;
}

export const focused = (el: PrmDealRegistration) => (el.renderRoot as ShadowRoot).activeElement;

export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Forgets every stored form draft: call it after each test. */
export function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('prm:deal-draft:')) localStorage.removeItem(key);
  }
}
