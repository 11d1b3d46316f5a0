// The windowing of <prm-deal-list> (deal-list-window.ts): rows from the scroller's own geometry,
// whatever the page's viewport shows; keyboard moves that scroll; focus that survives renders.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/define.js';
import type { PrmDealList } from '../../src/widgets/deal-list/prm-deal-list.js';
import { fakeDealClient, makeDeal, makeDeals } from '../../bench/deal-list.fixture.js';
import type { FakeDealClient, FakeDealClientOptions } from '../../bench/deal-list.fixture.js';

const rows = (el: PrmDealList) => [
  ...el.renderRoot.querySelectorAll<HTMLElement>("[role='listitem']"),
];
const scroller = (el: PrmDealList) => el.renderRoot.querySelector<HTMLElement>("[role='list']")!;
const focused = (el: PrmDealList) =>
  (el.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
const focusedIndex = (el: PrmDealList) => focused(el)?.dataset['index'];
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Whether the rendered rows cover the scroller's whole view, with no gap at its end. */
function rowsFillView(el: PrmDealList): boolean {
  const view = scroller(el).getBoundingClientRect();
  if (view.height === 0) return false;
  const bottom = Math.max(...rows(el).map((r) => r.getBoundingClientRect().bottom));
  return bottom >= view.bottom - 1;
}

/** Whether the row of `index` is rendered and entirely inside the scroller's view. */
function inView(el: PrmDealList, index: number): boolean {
  const row = el.renderRoot.querySelector(`[role='listitem'][data-index='${index}']`);
  if (!row) return false;
  const view = scroller(el).getBoundingClientRect();
  const box = row.getBoundingClientRect();
  return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
}

/** A list inside `wrapper` (given a style), once its first page is in. */
async function mount(
  options: FakeDealClientOptions,
  wrapperStyle = '',
  listStyle = '',
): Promise<{ el: PrmDealList; wrapper: HTMLElement; fake: FakeDealClient }> {
  const fake = fakeDealClient(options);
  const wrapper = await fixture<HTMLElement>(
    html`<div style=${wrapperStyle}>
      <prm-deal-list lang="en" style=${listStyle} .client=${fake.client}></prm-deal-list>
    </div>`,
  );
  const el = wrapper.querySelector('prm-deal-list')!;
  await waitUntil(() => el.deals.length > 0, 'the first page did not load');
  await el.updateComplete;
  return { el, wrapper, fake };
}

describe('<prm-deal-list> windowing', () => {
  it('renders the rows of its view while it is below the fold', async () => {
    const { el } = await mount(
      { deals: makeDeals(500), pageSize: 500 },
      'padding-top: 3000px',
      '--prm-deal-list-height: 900px',
    );
    expect(el.getBoundingClientRect().top).to.be.greaterThan(window.innerHeight);
    await waitUntil(() => rowsFillView(el), 'the rows do not fill the view');
    expect(rows(el).length).to.be.within(2, 60);
  });

  it('renders enough rows when a layout change (not a scroll) shows it', async () => {
    const { el, wrapper } = await mount(
      { deals: makeDeals(500), pageSize: 500 },
      'display: none',
      '--prm-deal-list-height: 1600px',
    );
    const hidden = rows(el).length;
    wrapper.style.display = 'block';
    await waitUntil(() => rowsFillView(el), 'the rows do not fill the view once shown');
    expect(rows(el).length).to.be.greaterThan(hidden);
  });

  it('moves the focus across 10 000 rows with the keys, scrolling each into view', async () => {
    const { el } = await mount({ deals: makeDeals(10_000), pageSize: 10_000 });
    rows(el)[0]!.focus();
    const press = async (key: string, index: string) => {
      await sendKeys({ press: key });
      await waitUntil(() => focusedIndex(el) === index, `${key} did not reach row ${index}`);
      await frame();
      expect(inView(el, Number(index)), `row ${index} is in view`).to.be.true;
      expect(
        rows(el)
          .filter((r) => r.tabIndex === 0)
          .map((r) => r.dataset['index']),
      ).to.deep.equal([index]);
    };
    await press('End', '9999');
    expect(focused(el)!.getAttribute('aria-posinset')).to.equal('10000');
    await press('ArrowUp', '9998');
    await press('Home', '0');
    await press('PageDown', '10');
    await press('PageDown', '20');
    await press('PageUp', '10');
    await press('ArrowDown', '11');
    expect(rows(el).length).to.be.within(1, 60);
  });

  it('keeps the focused row through live updates and a scroll away from it', async () => {
    const deals = makeDeals(1000);
    const { el, fake } = await mount({ deals, pageSize: 1000, role: 'channel_manager' });
    rows(el)[3]!.focus();
    const id = deals[3]!.id;
    expect(focused(el)!.dataset['id']).to.equal(id);

    fake.push({ id: 'evt_1', event: 'deal.updated', data: { ...deals[3]!, title: 'Renamed' } });
    await waitUntil(() => focused(el)?.querySelector('.title')?.textContent === 'Renamed');
    fake.push({
      id: 'evt_2',
      event: 'deal.created',
      data: makeDeal(0, { id: 'deal_new', submittedAt: new Date().toISOString() }),
    });
    await waitUntil(() => el.deals[0]?.id === 'deal_new');
    await el.updateComplete;
    expect(focused(el)?.dataset['id']).to.equal(id);
    expect(focused(el)?.dataset['index']).to.equal('4');

    scroller(el).scrollTop = 40_000;
    await waitUntil(() => rows(el).some((r) => Number(r.dataset['index']) > 300));
    expect(focused(el)?.dataset['id'], 'the focused row left the DOM').to.equal(id);
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focusedIndex(el) === '5');
    await frame();
    expect(inView(el, 5)).to.be.true;
  });

  it('makes room for a row that opens its decision controls', async () => {
    const deals = makeDeals(40);
    const { el } = await mount({ deals, pageSize: 40, role: 'channel_manager' });
    const box = (i: number) =>
      el.renderRoot.querySelector(`[data-index='${i}']`)!.getBoundingClientRect();
    const closed = box(1).height;
    rows(el)[1]!.querySelector<HTMLButtonElement>("[data-action='review']")!.click();
    await waitUntil(() => box(1).height > closed && Math.abs(box(2).top - box(1).bottom) < 1);
    // Scrolled past, and back: the taller row still pushes the next one down.
    scroller(el).scrollTop = scroller(el).scrollHeight;
    await waitUntil(() => !el.renderRoot.querySelector("[data-index='1']"));
    scroller(el).scrollTop = 0;
    await waitUntil(() => !!el.renderRoot.querySelector("[data-index='2']"));
    await frame();
    expect(Math.abs(box(2).top - box(1).bottom)).to.be.lessThan(1);
    expect(box(0).top).to.be.closeTo(scroller(el).getBoundingClientRect().top, 1);
  });
});
