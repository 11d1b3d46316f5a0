import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PartnerApiError } from '../../src/core/errors.js';
import type { Deal, DealListQuery } from '../../src/core/schema/index.js';
import '../../src/widgets/define.js';
import type { PrmDealList } from '../../src/widgets/deal-list/prm-deal-list.js';
import { fakeDealClient, makeDeal, makeDeals } from '../../bench/deal-list.fixture.js';
import type { FakeDealClient, FakeDealClientOptions } from '../../bench/deal-list.fixture.js';

const HOUR = 3_600_000;

const $ = <T extends Element = HTMLElement>(el: PrmDealList, selector: string) =>
  el.renderRoot.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: PrmDealList, selector: string) => [
  ...el.renderRoot.querySelectorAll<T>(selector),
];
const rows = (el: PrmDealList) => $$(el, "[role='listitem']");
const row = (el: PrmDealList, id: string) => $(el, `[role='listitem'][data-id='${id}']`);
// Assertions compare strings and booleans, never DOM nodes: a failing assertion on a node is
// serialised back to the runner whole, which can take the browser down.
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

/** A list on a fake client, once its first rows (or its empty or error state) have rendered. */
async function mount(
  options: FakeDealClientOptions = {},
  attrs: Partial<Record<string, string>> = {},
  ready: (el: PrmDealList) => boolean = (el) => rows(el).length > 0,
): Promise<{ el: PrmDealList; fake: FakeDealClient }> {
  const fake = fakeDealClient(options);
  const el = await fixture<PrmDealList>(
    html`<prm-deal-list
      lang=${attrs['lang'] ?? 'en'}
      status=${attrs['status'] ?? ''}
      customer-domain=${attrs['customer-domain'] ?? ''}
      partner-id=${attrs['partner-id'] ?? ''}
      q=${attrs['q'] ?? ''}
      sort=${attrs['sort'] ?? '-submittedAt'}
      .client=${fake.client}
    ></prm-deal-list>`,
  );
  await waitUntil(() => ready(el), 'the list did not render');
  await waitUntil(() => fake.calls.me > 0 && el.updateComplete);
  await el.updateComplete;
  return { el, fake };
}

/** Clicks Review, then one of the decision buttons, on the row of `id`. */
async function decide(el: PrmDealList, id: string, action: 'approve' | 'reject', comment = '') {
  row(el, id)!.querySelector<HTMLButtonElement>("[data-action='review']")!.click();
  await el.updateComplete;
  const input = row(el, id)!.querySelector<HTMLInputElement>("[data-field='comment']")!;
  input.value = comment;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  row(el, id)!.querySelector<HTMLButtonElement>(`[data-action='${action}']`)!.click();
  await el.updateComplete;
}

const problem = (detail: string) =>
  new PartnerApiError(
    { type: 'about:blank', title: 'Conflict', status: 409, detail, code: 'invalid_transition' },
    { method: 'POST', url: '/v1/deals/x/decision', status: 409 },
  );

describe('<prm-deal-list>', () => {
  it('is accessible when populated, and its rows form a list', async () => {
    const { el } = await mount({ deals: makeDeals(5), role: 'channel_manager' });
    await expect(el).to.be.accessible();
    const list = $(el, "[role='list']")!;
    expect(list.getAttribute('aria-label')).to.equal('Deals');
    expect(rows(el)).to.have.length(5);
    expect(rows(el)[0]!.getAttribute('aria-posinset')).to.equal('1');
    expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal('5');
    expect(rows(el).map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
  });

  it('shows a skeleton of rows while the first page loads', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { el } = await mount(
      { deals: makeDeals(3), beforeList: () => gate },
      {},
      (e) => !!$(e, '.skeleton'),
    );
    expect($$(el, '.skeleton [part~=row]').length).to.be.greaterThan(2);
    expect($(el, '.skeleton')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.matches(':state(loading)')).to.be.true;
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => rows(el).length === 3);
    expect(!!$(el, '.skeleton')).to.be.false;
  });

  it('shows the empty state, and a partner can ask to register a deal', async () => {
    const { el } = await mount(
      { deals: [], role: 'partner_user' },
      {},
      (e) => !!$(e, '[part=empty]'),
    );
    expect(text($(el, '[part=empty]'))).to.contain('No deals yet.');
    expect(el.matches(':state(empty)')).to.be.true;
    await expect(el).to.be.accessible();
    const button = $<HTMLButtonElement>(el, '[part=empty] button.primary')!;
    expect(text(button)).to.equal('Register a deal');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'prm-deal-register-request');
    expect(event.detail).to.deep.equal({ customerDomain: undefined });
  });

  it('offers to clear the filters when nothing matches them', async () => {
    const { el, fake } = await mount(
      { deals: makeDeals(3), role: 'seller' },
      { status: 'withdrawn' },
      (e) => !!$(e, '[part=empty]'),
    );
    expect(text($(el, '[part=empty]'))).to.contain('No deals match these filters.');
    expect(!!$(el, '[part=empty] button.primary')).to.be.false;
    $<HTMLButtonElement>(el, '[part=empty] button')!.click();
    await waitUntil(() => rows(el).length === 3);
    expect(fake.calls.list.at(-1)!.status).to.equal(undefined);
  });

  it('shows an error with a retry that loads again', async () => {
    const { el, fake } = await mount(
      {
        deals: makeDeals(2),
        beforeList: (_q, call) => {
          if (call === 0) throw problem('The server is having a moment.');
        },
      },
      {},
      (e) => !!$(e, '[part=error]'),
    );
    const error = $(el, '[part=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('The deals could not be loaded.');
    expect(text(error)).to.contain('The server is having a moment.');
    expect(el.matches(':state(error)')).to.be.true;
    await expect(el).to.be.accessible();
    error.querySelector('button')!.click();
    await waitUntil(() => rows(el).length === 2);
    expect(fake.calls.list).to.have.length(2);
  });

  it('renders each deal: customer, title, amount, status, protection and conflict', async () => {
    const deals = [
      makeDeal(1, { amount: { amount: 125_000, currency: 'USD' } }),
      makeDeal(2, {
        status: 'approved',
        reviewDueAt: null,
        protectedUntil: '2027-02-01T12:00:00Z',
        conflicts: { verdict: 'review', matches: [] },
      }),
      makeDeal(3, { status: 'rejected', conflicts: { verdict: 'blocked', matches: [] } }),
    ];
    const { el } = await mount({ deals });
    const first = row(el, deals[0]!.id)!;
    expect(text(first.querySelector('.customer'))).to.equal(deals[0]!.customer.name);
    expect(text(first.querySelector('.title'))).to.equal(deals[0]!.title);
    expect(text(first.querySelector('.amount'))).to.equal('$1,250.00');
    expect(text(first.querySelector('[part~=badge-status]'))).to.equal('Under review');
    const second = row(el, deals[1]!.id)!;
    expect(text(second.querySelector('[part~=badge-status]'))).to.equal('Approved');
    expect(text(second.querySelector('.protection'))).to.equal('Protected until Feb 1, 2027');
    expect(text(second.querySelector('[part~=badge-conflict]'))).to.equal('Possible conflict');
    expect(text(row(el, deals[2]!.id)!.querySelector('[part~=badge-conflict]'))).to.equal(
      'Conflict',
    );
    expect(!!first.querySelector('[part~=badge-conflict]')).to.be.false;
  });

  it('renders API text as text, never as markup', async () => {
    const deal = makeDeal(1, { title: '<img src=x onerror="window.__pwned=1">' });
    const { el } = await mount({ deals: [deal] });
    expect(text(row(el, deal.id)!.querySelector('.title'))).to.equal(deal.title);
    expect(!!row(el, deal.id)!.querySelector('img')).to.be.false;
  });

  it('sends the filters and sort set as attributes', async () => {
    const { fake } = await mount(
      { deals: makeDeals(2), role: 'seller' },
      {
        status: 'under_review',
        'customer-domain': 'acme.com',
        'partner-id': 'prt_acme',
        q: 'cloud',
        sort: '-amount',
      },
      () => true,
    );
    await waitUntil(() => fake.calls.list.length > 0);
    expect(fake.calls.list[0]).to.deep.include({
      status: 'under_review',
      customerDomain: 'acme.com',
      partnerId: 'prt_acme',
      q: 'cloud',
      sort: '-amount',
      limit: 50,
    });
  });

  it('sends the filters the user picks in the controls', async () => {
    const { el, fake } = await mount({ deals: makeDeals(4), role: 'channel_manager' });
    const filters = $(el, '[part=filters]')!;
    const pick = (name: string, value: string) => {
      const control = filters.querySelector<HTMLInputElement | HTMLSelectElement>(
        `[name='${name}']`,
      )!;
      control.value = value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
    };
    pick('status', 'approved');
    await waitUntil(() => fake.calls.list.at(-1)?.status === 'approved');
    pick('stage', 'won');
    pick('sort', 'reviewDueAt');
    pick('q', 'north');
    pick('customerDomain', 'northwind.example');
    pick('partnerId', 'prt_blue');
    await waitUntil(() => fake.calls.list.at(-1)?.partnerId === 'prt_blue');
    const last: Partial<DealListQuery> = fake.calls.list.at(-1)!;
    expect(last).to.deep.include({
      status: 'approved',
      stage: 'won',
      sort: 'reviewDueAt',
      q: 'north',
      customerDomain: 'northwind.example',
      partnerId: 'prt_blue',
    });
    expect(el.status).to.equal('approved');
  });

  it('searches after a pause in typing, not on every key', async () => {
    const { el, fake } = await mount({ deals: makeDeals(4) });
    const search = $<HTMLInputElement>(el, "[part=filters] [name='q']")!;
    const before = fake.calls.list.length;
    for (const value of ['c', 'cl', 'clo']) {
      search.value = value;
      search.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await waitUntil(() => fake.calls.list.length > before);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fake.calls.list.slice(before).map((q) => q.q)).to.deep.equal(['clo']);
  });

  it('loads the next page as the user scrolls near the end', async () => {
    const { el, fake } = await mount({ deals: makeDeals(120), role: 'seller' });
    expect(el.deals).to.have.length(50);
    const list = $(el, "[role='list']")!;
    list.scrollTop = list.scrollHeight;
    await waitUntil(() => el.deals.length === 100, 'the second page did not load');
    expect(fake.calls.list[1]).to.deep.include({ cursor: '50', limit: 50 });
    list.scrollTop = list.scrollHeight;
    await waitUntil(() => el.deals.length === 120, 'the third page did not load');
    expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal('120');
  });

  it('puts only the visible rows of 10 000 deals in the DOM', async () => {
    const { el } = await mount({ deals: makeDeals(10_000), pageSize: 10_000 });
    expect(el.deals).to.have.length(10_000);
    expect(rows(el).length).to.be.within(1, 60);
    const list = $(el, "[role='list']")!;
    list.scrollTop = list.scrollHeight / 2;
    await waitUntil(() => rows(el).some((r) => Number(r.dataset['index']) > 4000));
    expect(rows(el).length).to.be.within(1, 60);
  });

  it('counts down to the review deadline, and says when it is overdue', async () => {
    const now = Date.now();
    const due = makeDeal(1, { reviewDueAt: new Date(now + 5 * HOUR + 60_000).toISOString() });
    const late = makeDeal(2, { reviewDueAt: new Date(now - 2 * HOUR).toISOString() });
    const { el } = await mount({ deals: [due, late] });
    const dueSla = row(el, due.id)!.querySelector('[part~=badge-sla]')!;
    expect(text(dueSla)).to.equal('Review due in 5 hours');
    expect(dueSla.hasAttribute('data-overdue')).to.be.false;
    const lateSla = row(el, late.id)!.querySelector('[part~=badge-sla]')!;
    expect(text(lateSla)).to.equal('Overdue: was due 2 hours ago');
    expect(lateSla.hasAttribute('data-overdue')).to.be.true;
    expect(getComputedStyle(lateSla).color).to.equal('rgb(186, 5, 23)');
    expect(getComputedStyle(dueSla).color).not.to.equal('rgb(186, 5, 23)');
  });

  it('shows the partner to vendor roles only', async () => {
    const vendor = await mount({ deals: makeDeals(2), role: 'channel_manager' });
    expect(text(rows(vendor.el)[0]!.querySelector('.partner'))).to.equal('Partner: Acme Partners');
    expect(!!$(vendor.el, "[name='partnerId']")).to.be.true;
    const partner = await mount({ deals: makeDeals(2), role: 'partner_user' });
    expect(!!rows(partner.el)[0]!.querySelector('.partner')).to.be.false;
    expect(!!rows(partner.el)[0]!.querySelector("[data-action='review']")).to.be.false;
    expect(!!$(partner.el, "[name='partnerId']")).to.be.false;
  });

  it('lets a channel manager approve inline, updating the row at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const deals = makeDeals(3);
    const { el, fake } = await mount({ deals, role: 'channel_manager', beforeDecide: () => gate });
    await expect(el).to.be.accessible();
    const id = deals[1]!.id;
    const decided = oneEvent(el, 'prm-deal-decide');
    await decide(el, id, 'approve', 'Looks good');
    expect(fake.calls.decide).to.deep.equal([
      [id, { decision: 'approve', reasonCode: 'approved_manual', comment: 'Looks good' }],
    ]);
    // Optimistic: approved before the server answers.
    await waitUntil(() => text(row(el, id)?.querySelector('[part~=badge-status]')) === 'Approved');
    expect(row(el, id)!.getAttribute('aria-busy')).to.equal('true');
    release();
    const event = await decided;
    expect(event.detail.id).to.equal(id);
    expect(event.detail.status).to.equal('approved');
    await waitUntil(() => row(el, id)?.getAttribute('aria-busy') === 'false');
    expect(text(row(el, id)!.querySelector('.protection'))).to.contain('Protected until');
    expect(text($(el, '.visually-hidden[role=status]'))).to.equal(
      `${deals[1]!.customer.name}: Approved`,
    );
  });

  it('rejects with the chosen reason code', async () => {
    const deals = makeDeals(2);
    const { el, fake } = await mount({ deals, role: 'program_admin' });
    const id = deals[0]!.id;
    row(el, id)!.querySelector<HTMLButtonElement>("[data-action='review']")!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const reason = row(el, id)!.querySelector<HTMLSelectElement>("[data-field='reasonCode']")!;
    reason.value = 'customer_existing';
    reason.dispatchEvent(new Event('change', { bubbles: true }));
    row(el, id)!.querySelector<HTMLButtonElement>("[data-action='reject']")!.click();
    await waitUntil(() => text(row(el, id)?.querySelector('[part~=badge-status]')) === 'Rejected');
    expect(fake.calls.decide[0]).to.deep.equal([
      id,
      { decision: 'reject', reasonCode: 'customer_existing' },
    ]);
  });

  it('reverts a failed decision and says why', async () => {
    const deals = makeDeals(2);
    const { el } = await mount({
      deals,
      role: 'channel_manager',
      beforeDecide: () => {
        throw problem('This deal was already decided.');
      },
    });
    const id = deals[0]!.id;
    await decide(el, id, 'approve');
    await waitUntil(() => !!row(el, id)?.querySelector('.row-error'));
    expect(text(row(el, id)!.querySelector('[part~=badge-status]'))).to.equal('Under review');
    expect(text(row(el, id)!.querySelector('.row-error'))).to.equal(
      'This deal was already decided.',
    );
    expect(text($(el, '.visually-hidden[role=status]'))).to.contain(
      'was not saved: This deal was already decided.',
    );
  });

  it('follows the event stream: updates, removes and inserts rows', async () => {
    const deals = makeDeals(3);
    const { el, fake } = await mount(
      { deals, role: 'channel_manager' },
      { status: 'under_review' },
    );
    expect(fake.subscribers).to.equal(1);
    const changed: Deal = { ...deals[0]!, title: 'Bigger scope' };
    fake.push({ id: 'evt_1', event: 'deal.updated', data: changed });
    await waitUntil(() => text(row(el, changed.id)?.querySelector('.title')) === 'Bigger scope');

    // Approved elsewhere: it no longer belongs in a queue of deals under review.
    fake.push({ id: 'evt_2', event: 'deal.updated', data: { ...deals[1]!, status: 'approved' } });
    await waitUntil(() => el.deals.length === 2 && !row(el, deals[1]!.id));

    const fresh = makeDeal(99, { submittedAt: new Date().toISOString() });
    fake.push({ id: 'evt_3', event: 'deal.created', data: fresh });
    await waitUntil(() => el.deals[0]?.id === fresh.id);
    expect(text($(el, '.visually-hidden[role=status]'))).to.equal(
      `New deal: ${fresh.customer.name}`,
    );
    fake.push({ id: 'evt_4', event: 'deal.created', data: makeDeal(98, { status: 'rejected' }) });
    await el.updateComplete;
    expect(el.deals).to.have.length(3);
  });

  it('keeps events that arrive while the first page loads', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const deals = makeDeals(2);
    const { el, fake } = await mount({ deals, beforeList: () => gate }, {}, () => true);
    await waitUntil(() => fake.subscribers === 1 && fake.calls.list.length === 1);
    fake.push({ id: 'evt_1', event: 'deal.updated', data: { ...deals[0]!, title: 'Renamed' } });
    release();
    await waitUntil(() => text(row(el, deals[0]!.id)?.querySelector('.title')) === 'Renamed');
  });

  it('closes its subscription when removed', async () => {
    const { el, fake } = await mount({ deals: makeDeals(1) });
    expect(fake.subscribers).to.equal(1);
    el.remove();
    expect(fake.closed).to.equal(1);
    expect(fake.subscribers).to.equal(0);
  });

  it('fires prm-deal-select on click and on Enter, and moves between rows with the keys', async () => {
    const deals = makeDeals(30);
    const { el } = await mount({ deals });
    setTimeout(() => rows(el)[2]!.querySelector<HTMLElement>('.customer')!.click());
    const clicked = await oneEvent(el, 'prm-deal-select');
    expect(clicked.detail.id).to.equal(deals[2]!.id);

    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const focused = () => (el.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    await waitUntil(() => focused()?.dataset['index'] === '2');
    expect(focused()!.tabIndex).to.equal(0);
    expect(rows(el).filter((r) => r.tabIndex === 0)).to.have.length(1);
    await sendKeys({ press: 'End' });
    await waitUntil(() => focused()?.dataset['index'] === '29', 'End did not reach the last row');
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const entered = await oneEvent(el, 'prm-deal-select');
    expect(entered.detail.id).to.equal(deals[29]!.id);
  });

  it('speaks German with lang="de"', async () => {
    const now = Date.now();
    const deal = makeDeal(1, {
      amount: { amount: 125_000, currency: 'USD' },
      reviewDueAt: new Date(now + 5 * HOUR + 60_000).toISOString(),
    });
    const { el } = await mount({ deals: [deal], role: 'channel_manager' }, { lang: 'de' });
    const first = row(el, deal.id)!;
    expect(text(first.querySelector('[part~=badge-status]'))).to.equal('In Prüfung');
    expect(text(first.querySelector('.amount'))).to.equal('1.250,00 $');
    expect(text(first.querySelector('[part~=badge-sla]'))).to.equal('Prüfung fällig in 5 Stunden');
    expect(text(first.querySelector("[data-action='review']"))).to.equal('Prüfen');
    expect($(el, "[role='list']")!.getAttribute('aria-label')).to.equal('Deals');
    expect(text($(el, '[part=filters] label'))).to.contain('Suche');
    el.lang = 'en';
    await el.updateComplete;
    await waitUntil(
      () => text(row(el, deal.id)?.querySelector('[part~=badge-status]')) === 'Under review',
    );
  });
});
