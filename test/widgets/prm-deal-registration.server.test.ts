// <prm-deal-registration> against the real reference server (`prm serve --data memory --seed
// demo`, started by test/support/wtr-plugins/reference-server.mjs), through the real client.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { tokenFromUrl } from '../../src/core/auth.js';
import { createPartnerClient } from '../../src/core/client.js';
import type { PartnerClient } from '../../src/core/client.js';
import type { Deal, DealInput } from '../../src/core/schema/deal.js';
import type { PrmDealRegistration } from '../../src/widgets/deal-registration/prm-deal-registration.js';
import '../../src/widgets/define.js';

const PARTNER = 'prt_brightpath';
const PARTNER_USER = 'usr_brightpath_1';

/** `GET /__prm/api-base` as JSON (`{ apiBase }`, `{ url }`, a string) or as plain text. */
async function apiBase(): Promise<string> {
  const response = await fetch('/__prm/api-base');
  if (!response.ok) {
    throw new Error(
      `GET /__prm/api-base answered ${response.status}: the reference-server plugin (test/support/wtr-plugins/reference-server.mjs) is not running`,
    );
  }
  const body = (await response.text()).trim();
  try {
    const value = JSON.parse(body) as string | Record<string, string>;
    return typeof value === 'string' ? value : (value.apiBase ?? value.url ?? value.baseUrl)!;
  } catch {
    return body;
  }
}

async function clientFor(role: string, partner?: string, sub?: string): Promise<PartnerClient> {
  const query = new URLSearchParams({
    role,
    ...(partner ? { partner } : {}),
    ...(sub ? { sub } : {}),
  });
  return createPartnerClient({
    baseUrl: await apiBase(),
    getToken: tokenFromUrl(`/__prm/token?${query}`),
  });
}
const partnerClient = () => clientFor('partner_user', PARTNER, PARTNER_USER);

const rand = () => Math.random().toString(36).slice(2, 8);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function mount(client: PartnerClient): Promise<PrmDealRegistration> {
  const el = document.createElement('prm-deal-registration');
  el.lang = 'en';
  el.checkDelay = 50;
  el.client = client;
  await fixture(html`<div>${el}</div>`);
  await waitUntil(() => el.renderRoot.querySelector('form'), 'the form loads', { timeout: 10_000 });
  return el;
}

const q = <T extends HTMLElement = HTMLElement>(el: PrmDealRegistration, selector: string) =>
  el.renderRoot.querySelector<T>(selector);

async function type(el: PrmDealRegistration, field: string, value: string) {
  const input = q<HTMLInputElement>(el, `#${field}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function fill(el: PrmDealRegistration, values: Record<string, string>, product: string) {
  q<HTMLInputElement>(el, `input[value="${product}"]`)!.click();
  for (const [field, value] of Object.entries(values)) await type(el, field, value);
}

const rest = {
  contactName: 'Robin Buyer',
  contactEmail: 'robin@buyer.example',
  title: 'Widget test rollout',
  amount: '1,000.00',
  expectedCloseDate: inDays(45),
};

/** An approved, protected deal of another demo partner, for a customer this partner does not hold. */
async function customerHeldByAnotherPartner(): Promise<Deal> {
  const vendor = await clientFor('channel_manager', undefined, 'usr_lf_cm_1');
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const { items, nextCursor } = await vendor.deals.list({
      status: 'approved',
      limit: 200,
      cursor,
    });
    for (const deal of items) {
      const protectedNow = deal.protectedUntil && Date.parse(deal.protectedUntil) > Date.now();
      if (deal.partnerId === PARTNER || deal.stage !== 'open' || !protectedNow) continue;
      const same = await vendor.deals.list({ customerDomain: deal.customer.domain, limit: 200 });
      const ours = same.items.some(
        (d) => d.partnerId === PARTNER && ['under_review', 'approved'].includes(d.status),
      );
      if (!ours) return deal;
    }
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  throw new Error('the demo seed has no approved deal of another partner');
}

afterEach(() => {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('prm:deal-draft:')) localStorage.removeItem(key);
  }
});

describe('<prm-deal-registration> against the reference server', () => {
  it('registers a deal through the form, and a retry with its key replays it', async () => {
    const client = await partnerClient();
    const el = await mount(client);
    await expect(el).to.be.accessible();
    const id = rand();
    await fill(
      el,
      { customerName: `Quokka Widgets ${id}`, customerDomain: `quokka-${id}.example`, ...rest },
      'lf-analytics',
    );
    await waitUntil(
      () => el.renderRoot.textContent!.includes('No existing registrations'),
      'the live check answers clear',
      { timeout: 10_000 },
    );
    const key = el.idempotencyKey!;
    let sent: DealInput | undefined;
    el.addEventListener('prm-deal-submit', (e) => (sent = e.detail), { once: true });
    const registered = new Promise<Deal>((resolve) =>
      el.addEventListener('prm-deal-registered', (e) => resolve(e.detail), { once: true }),
    );
    q<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    const deal = await registered;
    await waitUntil(() => q(el, '.outcome'));
    expect(deal.customer.name).to.equal(`Quokka Widgets ${id}`);
    expect(deal.amount).to.deep.equal({ amount: 100_000, currency: 'USD' });
    expect(['approved', 'under_review']).to.include(deal.status);
    expect(q(el, '.outcome')!.textContent).to.match(/protected until|decision is due by/);
    expect((await client.deals.get(deal.id)).id).to.equal(deal.id);

    const replay = await client.deals.register(sent!, { idempotencyKey: key });
    expect(replay.id).to.equal(deal.id);
  });

  it('warns about a customer another partner holds, and the submit is rejected', async () => {
    const held = await customerHeldByAnotherPartner();
    const el = await mount(await partnerClient());
    await fill(
      el,
      { customerName: held.customer.name, customerDomain: held.customer.domain, ...rest },
      held.products[0]!,
    );
    await waitUntil(() => q(el, '.check.notice'), 'the conflict warning', { timeout: 10_000 });
    const warning = q(el, '.check.notice')!.textContent!;
    expect(warning).to.contain('Another partner already has an approved registration');
    expect(warning).to.not.contain(held.partnerName ?? held.partnerId);

    q<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await waitUntil(() => q(el, '.outcome'), 'the outcome', { timeout: 10_000 });
    const outcome = q(el, '.outcome')!.textContent!;
    expect(outcome).to.contain('Rejected');
    expect(outcome).to.contain('Another partner already has an approved registration');
  });

  it('keeps a draft across a reload, under this user and this API', async () => {
    const client = await partnerClient();
    const el = await mount(client);
    await fill(
      el,
      { customerName: 'Half-typed Customer', notes: 'call back on Monday' },
      'lf-edge',
    );
    const key = el.idempotencyKey;
    el.remove();

    const me = await client.me();
    const stored = Object.keys(localStorage).filter((k) => k.startsWith('prm:deal-draft:'));
    expect(stored).to.deep.equal([`prm:deal-draft:${await apiBase()}:${me.user.id}`]);

    const reloaded = await mount(await partnerClient());
    expect(q<HTMLInputElement>(reloaded, '#customerName')!.value).to.equal('Half-typed Customer');
    expect(q<HTMLTextAreaElement>(reloaded, '#notes')!.value).to.equal('call back on Monday');
    expect(q<HTMLInputElement>(reloaded, 'input[value="lf-edge"]')!.checked).to.equal(true);
    expect(reloaded.idempotencyKey).to.equal(key);
    expect(q(reloaded, '.restored')!.textContent).to.contain('was restored');
  });
});
