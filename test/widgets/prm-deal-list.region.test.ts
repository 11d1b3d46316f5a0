/**
 * `<prm-deal-list region>`: the review queue of one region (the deal's partner's region), as an
 * attribute and as a filter vendor roles pick, with the regions the review routing names offered.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/widgets/define.js';
import type { PrmDealList } from '../../src/widgets/deal-list/prm-deal-list.js';
import { fakeDealClient, makeDeal, makeDeals } from '../../bench/deal-list.fixture.js';
import type { FakeDealClient, FakeDealClientOptions } from '../../bench/deal-list.fixture.js';

const $ = <T extends Element = HTMLElement>(el: PrmDealList, selector: string) =>
  el.renderRoot.querySelector<T>(selector);
const rows = (el: PrmDealList) => [...el.renderRoot.querySelectorAll("[role='listitem']")];
const ids = (el: PrmDealList) => rows(el).map((r) => r.getAttribute('data-id'));
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

/** makeDeal: every third deal is Blue Partners' (`prt_blue`), the others Acme's. */
const REGIONS = { prt_acme: 'EMEA', prt_blue: 'North America' };
const reviewer = { id: 'usr_r', name: 'R', email: 'r@example.com' };
const ROUTING = {
  rules: [
    { region: 'EMEA', assignee: reviewer },
    { region: 'EMEA', partnerType: 'msp' as const, assignee: reviewer },
    { region: 'APAC', assignee: reviewer },
    { partnerType: 'si' as const, assignee: reviewer },
  ],
  fallback: null,
};

async function mount(
  options: FakeDealClientOptions,
  region: string | undefined,
  lang = 'en',
): Promise<{ el: PrmDealList; fake: FakeDealClient }> {
  const fake = fakeDealClient({ regions: REGIONS, routing: ROUTING, ...options });
  const el = await fixture<PrmDealList>(
    region === undefined
      ? html`<prm-deal-list lang=${lang} .client=${fake.client}></prm-deal-list>`
      : html`<prm-deal-list lang=${lang} region=${region} .client=${fake.client}></prm-deal-list>`,
  );
  await waitUntil(() => rows(el).length > 0, 'the list did not render');
  await waitUntil(() => fake.calls.me > 0 && el.updateComplete);
  await el.updateComplete;
  return { el, fake };
}

describe('<prm-deal-list region>', () => {
  it('sends the region attribute as the list’s filter and shows only that region', async () => {
    const { el, fake } = await mount({ deals: makeDeals(6), role: 'seller' }, 'emea');
    expect(fake.calls.list[0]).to.deep.include({ region: 'emea' });
    expect(ids(el)).to.deep.equal(['deal_00001', 'deal_00002', 'deal_00004', 'deal_00005']);
    el.region = 'North America';
    await waitUntil(() => fake.calls.list.at(-1)?.region === 'North America');
    await waitUntil(() => ids(el).join() === 'deal_00003,deal_00006');
    el.removeAttribute('region');
    await waitUntil(() => fake.calls.list.at(-1)?.region === undefined);
    await waitUntil(() => rows(el).length === 6);
  });

  it('offers vendor roles a region filter, suggesting the routing’s regions', async () => {
    const { el, fake } = await mount({ deals: makeDeals(6), role: 'channel_manager' }, undefined);
    await waitUntil(() => el.renderRoot.querySelectorAll('datalist option').length > 0);
    const options = [...el.renderRoot.querySelectorAll('datalist option')].map((o) =>
      o.getAttribute('value'),
    );
    expect(options).to.deep.equal(['EMEA', 'APAC']);
    const input = $<HTMLInputElement>(el, "[part=filters] input[name='region']")!;
    expect(input.getAttribute('list')).to.equal('regions');
    expect(text(input.closest('label'))).to.equal('Partner region');
    input.value = 'APAC';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => fake.calls.list.at(-1)?.region === 'APAC');
    expect(el.region).to.equal('APAC');
    expect(text($(el, '.filters-toggle .count'))).to.equal('1');
  });

  it('offers no region filter to partner roles', async () => {
    const { el } = await mount({ deals: makeDeals(2), role: 'partner_user' }, undefined);
    expect(!!$(el, "[name='region']")).to.be.false;
  });

  it('clears the region with the other filters when nothing matches', async () => {
    const fake = fakeDealClient({ deals: makeDeals(3), role: 'seller', regions: REGIONS });
    const el = await fixture<PrmDealList>(
      html`<prm-deal-list lang="en" region="LATAM" .client=${fake.client}></prm-deal-list>`,
    );
    const clear = () => $<HTMLButtonElement>(el, '[part=empty] button');
    await waitUntil(() => !!clear(), 'no empty state with a clear button');
    clear()!.click();
    await waitUntil(() => rows(el).length === 3);
    expect(el.region).to.equal(undefined);
  });

  it('inserts a live deal only when its partner is known to be in the region', async () => {
    const { el, fake } = await mount({ deals: makeDeals(2), role: 'seller' }, 'EMEA');
    const acme = makeDeal(10, { partnerId: 'prt_acme', submittedAt: new Date().toISOString() });
    const blue = makeDeal(11, { partnerId: 'prt_blue', submittedAt: new Date().toISOString() });
    fake.push({ id: 'evt_1', event: 'deal.created', data: blue });
    fake.push({ id: 'evt_2', event: 'deal.created', data: acme });
    await waitUntil(() => ids(el).includes(acme.id));
    expect(ids(el)).not.to.include(blue.id);
  });

  it('speaks German: the region filter’s label', async () => {
    const { el } = await mount({ deals: makeDeals(2), role: 'seller' }, undefined, 'de');
    await waitUntil(
      () => text($(el, "input[name='region']")?.closest('label')) === 'Partnerregion',
    );
  });
});
