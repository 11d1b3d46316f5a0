// The Salesforce wrappers compiled by the real LWC compiler and run in Chromium
// (web-test-runner.lwc.config.mjs): `lightning/*` stubbed, the Apex proxy's call made against the
// real reference server, the widgets from the static resource (loaded with `loadScript`). The
// Account wrapper shows that account's partner deals and navigates to a deal's CRM record; the
// Opportunity wrapper prefills and registers a deal with a toast; a decision made elsewhere
// arrives through the polled event stream and raises a toast; a channel manager links a
// registration to the Opportunity (a seller sees which, and no action); files travel through Apex
// as base64 up to the class's limit. In the direct mode (PrmSettings: `direct`) the client calls
// the reference server itself with a token the Apex stand-in mints, RS256-signed with a test org's
// key the server trusts as a Salesforce issuer: the real event stream and a file download.
import { expect, waitUntil } from '@open-wc/testing';
import { createElement } from 'lwc';
import PrmAccountDeals from 'c/prmAccountDeals';
import PrmOpportunityDeal from 'c/prmOpportunityDeal';
import { bridgeClient, bridgeMode, resetBridge, setPollInterval } from 'c/prmBridge';
import {
  BRIGHTPATH,
  KESTREL,
  clientAs,
  register,
  uniqueCustomer,
} from '../widgets/support/reference-api.js';

type Widget = HTMLElement & { renderRoot: ShadowRoot };
/**
 * Whether an element is there, as a boolean to assert on: chai printing an element under LWC's
 * synthetic shadow in a failure message never finishes, so the whole file times out unexplained.
 */
const shown = (el: Element | null | undefined): boolean => el != null;
interface SfWindow {
  __sfUser?: Record<string, string>;
  __sfRecords?: Record<string, Record<string, string>>;
  __sfNavigations?: unknown[];
  __apexCalls?: { method: string; path: string }[];
  __sfSettings?: { mode: string };
  __sfMints?: number;
  __sfTokenSeconds?: number;
}
const sf = window as unknown as SfWindow;
const toasts: { title: string; message: string; variant: string }[] = [];
document.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));

/** The first element of `tag` anywhere below `root`, through the components' shadow roots. */
function deep(root: ParentNode, tag: string): Widget | null {
  const found = root.querySelector<Widget>(tag);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot ? deep(el.shadowRoot, tag) : null;
    if (inner) return inner;
  }
  return null;
}
const text = (el: Widget) => el.renderRoot.textContent?.replace(/\s+/g, ' ') ?? '';

function mount(is: unknown, name: string, recordId: string) {
  const el = createElement(name, { is });
  el.recordId = recordId;
  document.body.append(el);
  return el;
}

/** Mounts the Account wrapper on `recordId`; answers its deal list once it shows `customer`. */
async function accountDealsShowing(recordId: string, customer: string): Promise<Widget> {
  mount(PrmAccountDeals, 'c-prm-account-deals', recordId);
  let list: Widget | null = null;
  await waitUntil(
    () => (list = deep(document.body, 'prm-deal-list')) && text(list).includes(customer),
    'the deal shows',
    { timeout: 15_000 },
  );
  return list!;
}

afterEach(() => {
  for (const el of document.body.querySelectorAll('c-prm-account-deals, c-prm-opportunity-deal'))
    el.remove();
});

/** A channel manager rejects the deal outside Salesforce (the API itself, not the wrappers). */
async function rejectElsewhere(dealId: string) {
  const manager = await clientAs('channel_manager');
  await manager.deals.decide(dealId, {
    decision: 'reject',
    reasonCode: 'customer_existing',
    comment: 'Direct account.',
  });
}

/** The id of a demo library asset with a PNG, as the partner may download it. */
async function pngAsset(): Promise<string> {
  const partner = await clientAs('partner_user', BRIGHTPATH);
  const page = await partner.content.search({ limit: 50 });
  const asset = page.items.find((a) => a.formats.some((f) => f.format === 'png'));
  if (!asset) throw new Error('the demo library has no PNG for this partner');
  return asset.id;
}
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const head = async (blob: Blob) => Array.from(new Uint8Array(await blob.arrayBuffer()).slice(0, 8));

describe('the Salesforce wrappers, compiled by LWC, against the reference server', () => {
  it('shows an Account its partner deals through Apex, and a selected deal opens its Opportunity', async () => {
    const partner = await clientAs('partner_user', BRIGHTPATH);
    const customer = uniqueCustomer('Account');
    const deal = await register(partner, customer);
    const integration = await clientAs('integration');
    await integration.deals.update(deal.id, { externalId: '006Dn000004AbCdEFG' });
    await register(partner, uniqueCustomer('Elsewhere')); // another customer: not on this page

    sf.__sfUser = { role: 'seller', sub: 'usr_lf_seller_1' };
    sf.__sfRecords = { '001A': { 'Account.Website': `https://www.${customer.domain}/about` } };
    const list = await accountDealsShowing('001A', customer.name);
    expect(text(list)).not.to.include('Elsewhere');
    // SLDS global styling hooks on the Lightning page reach the widget's tokens.
    document.documentElement.style.setProperty('--slds-g-color-accent-1', 'rgb(1, 2, 3)');
    expect(getComputedStyle(list).getPropertyValue('--_accent').trim()).to.equal('rgb(1, 2, 3)');
    document.documentElement.style.removeProperty('--slds-g-color-accent-1');
    // The widget's requests went through the Apex method, filtered on the account's website.
    expect(
      sf.__apexCalls!.some((c) => c.path.includes(`customerDomain=${customer.domain}`)),
    ).to.equal(true);

    const row = list.renderRoot.querySelector<HTMLElement>(
      `[role='listitem'][data-id='${deal.id}']`,
    )!;
    row.click();
    await waitUntil(() => sf.__sfNavigations?.length, 'a navigation');
    expect(sf.__sfNavigations).to.deep.equal([
      {
        type: 'standard__recordPage',
        attributes: {
          recordId: '006Dn000004AbCdEFG',
          objectApiName: 'Opportunity',
          actionName: 'view',
        },
      },
    ]);
  });

  it('prefills the registration from an Opportunity and registers the deal, with a toast', async () => {
    const customer = uniqueCustomer('Opportunity');
    sf.__sfUser = { role: 'partner_user', partner: BRIGHTPATH };
    sf.__sfRecords = {
      '006B': {
        'Opportunity.Account.Name': customer.name,
        'Opportunity.Account.Website': `${customer.domain}`,
      },
    };
    mount(PrmOpportunityDeal, 'c-prm-opportunity-deal', '006B');
    let form: Widget | null = null;
    await waitUntil(
      () =>
        (form = deep(document.body, 'prm-deal-registration'))?.renderRoot?.querySelector('form'),
      'the form renders',
      { timeout: 15_000 },
    );
    const input = (id: string) => form!.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!;
    expect(input('customerName').value).to.equal(customer.name);
    expect(input('customerDomain').value).to.equal(customer.domain);

    const values: Record<string, string> = {
      contactName: 'Ada Buyer',
      contactEmail: 'ada@example.com',
      title: 'Rollout from Salesforce',
      amount: '9,876,543',
      expectedCloseDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
    };
    for (const [id, value] of Object.entries(values)) {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
    }
    form!.renderRoot
      .querySelector<HTMLInputElement>('input[name=products][value="lf-core"]')!
      .click();
    form!.renderRoot.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

    await waitUntil(() => toasts.some((t) => t.title === 'Deal registered'), 'a toast', {
      timeout: 15_000,
    });
    const toast = toasts.find((t) => t.title === 'Deal registered')!;
    expect(toast.message).to.include(customer.name);
    const partner = await clientAs('partner_user', BRIGHTPATH);
    const page = await partner.deals.list({ customerDomain: customer.domain });
    expect(page.items.map((d) => d.title)).to.deep.equal(['Rollout from Salesforce']);
  });

  it('raises a toast when a channel manager decides a deal in the Account wrapper', async () => {
    const partner = await clientAs('partner_user', BRIGHTPATH);
    const customer = uniqueCustomer('Decided');
    const deal = await register(partner, customer);
    sf.__sfUser = { role: 'channel_manager', sub: 'usr_lf_cm_1' };
    sf.__sfRecords = { '001D': { 'Account.Website': customer.domain } };
    mount(PrmAccountDeals, 'c-prm-account-deals', '001D');
    let list: Widget | null = null;
    const review = () =>
      list?.renderRoot.querySelector<HTMLButtonElement>(
        `[data-id='${deal.id}'] [data-action='review']`,
      );
    await waitUntil(
      () => (list = deep(document.body, 'prm-deal-list')) && review(),
      'a Review button',
      {
        timeout: 15_000,
      },
    );
    review()!.click();
    let approve: HTMLButtonElement | null = null;
    await waitUntil(
      () =>
        (approve = list!.renderRoot.querySelector(
          `[data-id='${deal.id}'] [data-action='approve']`,
        )),
      'the review panel',
    );
    approve!.click();
    await waitUntil(() => toasts.some((t) => t.title === 'Decision saved'), 'a toast', {
      timeout: 15_000,
    });
    const toast = toasts.find((t) => t.title === 'Decision saved')!;
    expect(toast.message).to.equal(`${customer.name}: approved`);
    expect(toast.variant).to.equal('success');
  });

  it('follows decisions through the polled event stream (no SSE through Apex) and raises a toast', async () => {
    setPollInterval(300);
    const partner = await clientAs('partner_user', BRIGHTPATH);
    const customer = uniqueCustomer('Polled');
    const deal = await register(partner, customer);
    sf.__sfUser = { role: 'partner_user', partner: BRIGHTPATH };
    sf.__sfRecords = { '001C': { 'Account.Website': customer.domain } };
    sf.__apexCalls = [];
    await accountDealsShowing('001C', customer.name);
    await waitUntil(() => sf.__apexCalls!.some((c) => c.path === '/v1/events'), 'a poll', {
      timeout: 10_000,
    });

    await rejectElsewhere(deal.id);
    await waitUntil(
      () => toasts.some((t) => t.title === 'Deal decided'),
      'a toast for the decision',
      {
        timeout: 15_000,
      },
    );
    expect(toasts.find((t) => t.title === 'Deal decided')!.message).to.include(customer.name);
  });

  it('lets a channel manager link a registration to the Opportunity; a seller sees which, with no action', async () => {
    setPollInterval(300);
    const partner = await clientAs('partner_user', BRIGHTPATH);
    const customer = uniqueCustomer('Linked');
    const deal = await register(partner, customer);
    const other = await register(await clientAs('partner_user', KESTREL), customer);
    // A registration its partner withdrew is over: it is not offered for linking.
    const withdrawer = await clientAs('partner_user', 'prt_harborview');
    const withdrawn = await withdrawer.deals.withdraw((await register(withdrawer, customer)).id);
    expect(withdrawn.status).to.equal('withdrawn');
    sf.__sfRecords = {
      '006L': {
        'Opportunity.Account.Name': customer.name,
        'Opportunity.Account.Website': customer.domain,
      },
    };
    sf.__sfUser = { role: 'channel_manager', sub: 'usr_lf_cm_1' };
    const el = mount(PrmOpportunityDeal, 'c-prm-opportunity-deal', '006L');
    const root = () => el.shadowRoot!;
    const button = (id: string) =>
      root().querySelector<HTMLButtonElement>(`li[data-id='${id}'] button`);
    await waitUntil(() => button(deal.id) && button(other.id), 'the link actions', {
      timeout: 15_000,
    });
    expect(root().querySelector('.prm-link__none')?.textContent).to.include('No partner');
    expect(shown(root().querySelector(`li[data-id='${withdrawn.id}']`)), 'withdrawn offered').to.be
      .false;
    // Registering is a partner's act: the channel manager gets no registration form.
    expect(shown(root().querySelector('c-prm-deal-registration')), 'a form').to.be.false;
    button(deal.id)!.click();
    await waitUntil(() => toasts.some((t) => t.title === 'Linked to this opportunity'), 'a toast', {
      timeout: 15_000,
    });
    expect(toasts.find((t) => t.title === 'Linked to this opportunity')!.message).to.include(
      customer.name,
    );
    // The linked registration is shown apart, and is no longer offered.
    await waitUntil(() => root().querySelector(`.prm-link__linked[data-id='${deal.id}']`));
    expect(shown(button(deal.id)), 'the linked one offered').to.be.false;
    expect(shown(button(other.id)), 'the other one offered').to.be.true;
    expect((await partner.deals.get(deal.id)).externalId).to.equal('006L');
    expect(sf.__apexCalls!.some((c) => c.method === 'PATCH' && c.path === `/v1/deals/${deal.id}`))
      .to.be.true;
    // The list got the link (deal.updated, polled): selecting the deal opens this Opportunity.
    const list = deep(el.shadowRoot!, 'prm-deal-list')!;
    sf.__sfNavigations = [];
    await waitUntil(
      () => {
        list.renderRoot
          .querySelector<HTMLElement>(`[role='listitem'][data-id='${deal.id}']`)
          ?.click();
        return sf.__sfNavigations!.length > 0;
      },
      'a navigation to the linked Opportunity',
      { timeout: 10_000, interval: 400 },
    );
    expect(sf.__sfNavigations![0]).to.deep.include({ type: 'standard__recordPage' });
    expect((sf.__sfNavigations![0] as { attributes: object }).attributes).to.deep.include({
      recordId: '006L',
    });
    el.remove();

    sf.__sfUser = { role: 'seller', sub: 'usr_lf_seller_1' };
    const seen = mount(PrmOpportunityDeal, 'c-prm-opportunity-deal', '006L');
    await waitUntil(
      () => seen.shadowRoot!.querySelector(`.prm-link__linked[data-id='${deal.id}']`),
      'the seller sees the linked registration',
      { timeout: 15_000 },
    );
    expect(seen.shadowRoot!.textContent).to.include(deal.title);
    expect(seen.shadowRoot!.querySelectorAll('.prm-link button')).to.have.length(0);
    expect(shown(seen.shadowRoot!.querySelector('c-prm-deal-registration')), 'a form').to.be.false;
    expect(seen.shadowRoot!.querySelector('.prm-link__linked')!.textContent).to.include(
      'Under review',
    );
  });

  it('carries files through Apex as base64, and refuses one over the limit naming the direct mode', async () => {
    sf.__sfUser = { role: 'partner_user', partner: BRIGHTPATH };
    sf.__apexCalls = [];
    const id = await pngAsset();
    const client = bridgeClient();
    expect(bridgeMode()).to.equal('apex');
    const png = await client.content.download(id, 'png');
    expect(await head(png)).to.deep.equal(PNG_SIGNATURE);
    expect(png.type).to.equal('image/png');
    expect(sf.__apexCalls).to.deep.include({ method: 'GET', path: `/v1/content/${id}/files/png` });
    // The same bytes back as an MDF proof (POST /v1/files), through Apex.
    const file = await client.files.upload(png, { name: 'proof.png' });
    expect(file).to.include({ contentType: 'image/png', sizeBytes: png.size });

    const big = new Blob([new Uint8Array(2_000_001)], { type: 'application/pdf' });
    const error = await client.files.upload(big, { name: 'big.pdf' }).then(
      () => null,
      (e: { status: number; problem: { code?: string; detail?: string } }) => e,
    );
    expect(error?.status).to.equal(413);
    expect(error?.problem.code).to.equal('file_too_large');
    expect(error?.problem.detail).to.include('direct mode');
  });

  it('in the direct mode calls the API itself with a minted org token: the real event stream and a download', async () => {
    resetBridge();
    sf.__sfSettings = { mode: 'direct' };
    // An Experience Cloud user of the partner (the server maps it by the partner claim).
    sf.__sfUser = {
      sub: '005DIRECT',
      email: 'ada@direct-sf.example',
      user_type: 'PowerPartner',
      partner: BRIGHTPATH,
    };
    sf.__sfTokenSeconds = 61; // renewed a minute before it ends: after one second here
    sf.__sfMints = 0;
    sf.__apexCalls = [];
    try {
      const partner = await clientAs('partner_user', BRIGHTPATH);
      const customer = uniqueCustomer('Direct');
      const deal = await register(partner, customer);
      sf.__sfRecords = { '001E': { 'Account.Website': customer.domain } };
      await accountDealsShowing('001E', customer.name);
      const shownAt = Date.now();
      expect(bridgeMode()).to.equal('direct');
      expect(sf.__sfMints).to.be.greaterThan(0);
      await rejectElsewhere(deal.id);
      await waitUntil(
        () => toasts.some((t) => t.title === 'Deal decided' && t.message.includes(customer.name)),
        'a toast for the decision, from the event stream',
        { timeout: 15_000 },
      );
      const mints = sf.__sfMints!;
      await new Promise((r) => setTimeout(r, Math.max(0, shownAt + 1_100 - Date.now())));
      const png = await bridgeClient().content.download(await pngAsset(), 'png');
      expect(await head(png)).to.deep.equal(PNG_SIGNATURE);
      expect(sf.__sfMints).to.be.greaterThan(mints, 'a token near its end is minted again');
      // None of this went through the Apex proxy (an earlier test's form may still check a deal).
      const mine = sf.__apexCalls!.filter(
        (c) =>
          c.path.includes(customer.domain) || c.path.includes('/files/') || c.path === '/v1/events',
      );
      expect(mine).to.deep.equal([]);
    } finally {
      resetBridge();
      delete sf.__sfSettings;
    }
  });
});
