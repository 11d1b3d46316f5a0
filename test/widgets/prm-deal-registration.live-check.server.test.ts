// <prm-deal-registration>'s live check against the reference server: it speaks of the products
// chosen and never claims more, and its screen-reader status drops a warning once it is no longer
// true.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PartnerClient } from '../../src/core/client.js';
import type { PrmDealRegistration } from '../../src/widgets/deal-registration/prm-deal-registration.js';
import '../../src/widgets/define.js';
import {
  BRIGHTPATH,
  KESTREL,
  clientAs,
  register,
  text,
  uniqueCustomer,
} from './support/reference-api.js';

async function mount(client: PartnerClient): Promise<PrmDealRegistration> {
  const el = document.createElement('prm-deal-registration');
  el.lang = 'en';
  el.checkDelay = 50;
  el.client = client;
  await fixture(html`<div>${el}</div>`);
  await waitUntil(() => el.renderRoot.querySelector('form'), 'the form loads', { timeout: 10_000 });
  return el;
}

async function type(el: PrmDealRegistration, field: string, value: string) {
  const input = el.renderRoot.querySelector<HTMLInputElement>(`#${field}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const toggle = async (el: PrmDealRegistration, product: string) => {
  el.renderRoot.querySelector<HTMLInputElement>(`input[value="${product}"]`)!.click();
  await el.updateComplete;
};
const check = (el: PrmDealRegistration) =>
  [...el.renderRoot.querySelectorAll('.check')].map(text).join(' ');
const polite = (el: PrmDealRegistration) =>
  text(el.renderRoot.querySelector('[role=status][aria-live=polite]'));

afterEach(() => {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('prm:deal-draft:')) localStorage.removeItem(key);
  }
});

describe('<prm-deal-registration> live check against the reference server', () => {
  it('speaks of the products chosen, and clears a warning that no longer holds', async () => {
    // Another partner holds this customer for Core and Analytics (under review).
    const customer = uniqueCustomer('Fernway');
    await register(await clientAs('partner_user', KESTREL), customer);

    const el = await mount(await clientAs('partner_user', BRIGHTPATH, { sub: 'usr_brightpath_1' }));
    await toggle(el, 'lf-edge');
    await type(el, 'customerName', customer.name);
    await type(el, 'customerDomain', customer.domain);
    // For Edge there is no other registration: said of these products, not of the customer.
    await waitUntil(() => check(el).includes('for the products chosen'), 'no clear answer', {
      timeout: 10_000,
    });
    expect(check(el)).to.equal(
      'No existing registrations of this customer for the products chosen.',
    );
    expect(check(el)).to.not.contain('found for this customer');

    // Add Core: the other partner's registration now overlaps.
    await toggle(el, 'lf-core');
    await waitUntil(() => check(el).includes('awaiting a decision'), 'no warning', {
      timeout: 10_000,
    });
    expect(polite(el)).to.contain('awaiting a decision');

    // Take Core away again: the warning, and what the status said of it, are gone.
    await toggle(el, 'lf-core');
    await waitUntil(() => check(el).includes('for the products chosen'), 'not clear again', {
      timeout: 10_000,
    });
    expect(polite(el)).to.not.contain('awaiting a decision');
    await expect(el).to.be.accessible();
  });
});
