import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PartnerClient } from '../../src/core/client.js';
import type { SubscribeOptions } from '../../src/core/events.js';
import type { ContentItem, ContentListQuery, ContentPage } from '../../src/core/schema/index.js';
import '../../src/widgets/define.js';
import type { PrmContentFinder } from '../../src/widgets/content-finder/prm-content-finder.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: PrmContentFinder, s: string) =>
  el.renderRoot.querySelector<T>(s);
const $$ = <T extends Element = HTMLElement>(el: PrmContentFinder, s: string) => [
  ...el.renderRoot.querySelectorAll<T>(s),
];
const rows = (el: PrmContentFinder) => $$(el, "li[part~='row'][data-id]");

function item(id: string, over: Partial<ContentItem> = {}): ContentItem {
  return {
    id,
    title: `Edge Gateway datasheet ${id}`,
    description: 'Two pages <b>about</b> the gateway.',
    type: 'datasheet',
    products: ['lf-edge'],
    language: 'en',
    regions: [],
    minTierRank: 1,
    audiences: [],
    coBrandable: false,
    tags: [],
    formats: [{ format: 'pdf', sizeBytes: 824_000 }],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    reviewDueAt: '2027-01-01T00:00:00Z',
    expiresAt: null,
    status: 'active',
    freshness: 'current',
    ...over,
  };
}

interface Fake {
  client: PartnerClient;
  calls: Array<{ query: Partial<ContentListQuery>; signal: AbortSignal | undefined }>;
  emit(event: string, data: unknown): void;
  fail: boolean;
  answer: (q: Partial<ContentListQuery>) => ContentPage;
  downloads: string[];
}

function fakeClient(answer: Fake['answer']): Fake {
  let listener: SubscribeOptions['onEvent'] | undefined;
  const fake: Fake = {
    calls: [],
    fail: false,
    answer,
    downloads: [],
    emit: (event, data) => listener?.({ id: 'evt_1', event, data } as never),
    client: {
      content: {
        search: (query: Partial<ContentListQuery> = {}, opts: { signal?: AbortSignal } = {}) => {
          fake.calls.push({ query, signal: opts.signal });
          if (fake.fail) return Promise.reject(new Error('offline'));
          return Promise.resolve(fake.answer(query));
        },
        fileUrl: (id: string, f: string) => `https://api.example/v1/content/${id}/files/${f}`,
        download: (
          id: string,
          f: string,
          o: { onProgress?: (r: number, t: number) => void } = {},
        ) => {
          fake.downloads.push(`${id}:${f}`);
          o.onProgress?.(50, 100);
          return Promise.resolve(new Blob(['x']));
        },
      },
      events: {
        subscribe: (o: SubscribeOptions) => {
          listener = o.onEvent;
          return { close: () => (listener = undefined) };
        },
      },
    } as unknown as PartnerClient,
  };
  return fake;
}

const page = (items: ContentItem[], over: Partial<ContentPage> = {}): ContentPage => ({
  items,
  total: items.length,
  facets: {
    type: { datasheet: items.length },
    product: { 'lf-edge': items.length },
    language: { en: items.length },
  },
  nextCursor: null,
  ...over,
});

async function mount(fake: Fake, attrs = '') {
  const el = await fixture<PrmContentFinder>(
    html`<prm-content-finder lang="en" debounce="30" .client=${fake.client}></prm-content-finder>`,
  );
  if (attrs) {
    for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  }
  await waitUntil(() => rows(el).length > 0 || $(el, "[part='empty']") || $(el, "[part='error']"));
  return el;
}

describe('<prm-content-finder>', () => {
  it('is accessible and renders highlights from ranges as text inside <mark>', async () => {
    const fake = fakeClient(() =>
      page([
        item('asset_1', {
          highlights: [
            { field: 'title', ranges: [[0, 4]] },
            { field: 'description', ranges: [[10, 18]] },
          ],
          freshness: 'review_due',
        }),
      ]),
    );
    const el = await mount(fake);
    await expect(el).to.be.accessible();
    const marks = $$(el, 'mark').map((m) => m.textContent);
    expect(marks).to.deep.equal(['Edge', '<b>about']);
    expect($(el, '.description b')).to.equal(null, 'the description is text, never HTML');
    expect(text($(el, "[part~='badge-review_due']"))).to.equal('Review due');
    expect(text($(el, "[part='format']"))).to.equal('PDF · 824 kB');
  });

  it('searches as one types, after a pause, aborting the stale request', async () => {
    const fake = fakeClient((q) => page([item(`asset_${q.q ?? 'all'}`)]));
    const el = await mount(fake);
    // Long enough that keystrokes on a busy machine still come within the pause.
    el.debounce = 1500;
    const input = $<HTMLInputElement>(el, 'input[type=search]')!;
    input.focus();
    await sendKeys({ type: 'pri' });
    await waitUntil(() => rows(el)[0]?.dataset.id === 'asset_pri', 'no results', { timeout: 8000 });
    const queries = fake.calls.map((c) => c.query.q);
    expect(queries).to.not.include('p', 'no request per keystroke while typing fast');
    // A search in flight is aborted when the user types on.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    fake.answer = (q) => page([item(`asset_${q.q}`)]);
    const orig = fake.client.content.search;
    let slowSignal: AbortSignal | undefined;
    (fake.client.content as { search: unknown }).search = async (
      q: Partial<ContentListQuery>,
      o: { signal?: AbortSignal },
    ) => {
      if (q.q === 'pric') {
        slowSignal = o.signal;
        await gate;
      }
      return orig(q, o);
    };
    await sendKeys({ type: 'c' });
    await waitUntil(() => slowSignal !== undefined, 'no request', { timeout: 8000 });
    await sendKeys({ type: 'e' });
    await waitUntil(() => rows(el)[0]?.dataset.id === 'asset_price', 'no results', {
      timeout: 8000,
    });
    expect(slowSignal!.aborted).to.equal(true);
    release();
  });

  it('presets product, type and q from attributes and filters by facets', async () => {
    const fake = fakeClient(() =>
      page([item('asset_1')], {
        facets: {
          type: { datasheet: 3, guide: 2 },
          product: { 'lf-edge': 5 },
          language: { en: 4, de: 1 },
        },
      }),
    );
    const el = await fixture<PrmContentFinder>(
      html`<prm-content-finder
        lang="en"
        product="lf-edge"
        type="datasheet"
        q="gateway"
        .client=${fake.client}
      ></prm-content-finder>`,
    );
    await waitUntil(() => rows(el).length > 0);
    expect(fake.calls[0]!.query).to.include({
      q: 'gateway',
      product: 'lf-edge',
      type: 'datasheet',
    });
    const select = $<HTMLSelectElement>(el, "select[data-facet='language']")!;
    expect([...select.options].map((o) => text(o))).to.deep.equal(['All', 'en (4)', 'de (1)']);
    select.value = 'de';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => fake.calls.some((c) => c.query.language === 'de'));
  });

  it('orders facet values most first, ties by their label in the reader’s language', async () => {
    const facets = {
      type: { guide: 2, video: 3, case_study: 2, brand_asset: 2 },
      product: { 'lf-vault': 1, 'lf-edge': 1 },
      language: { en: 4 },
    };
    const options = (el: PrmContentFinder) =>
      [...$<HTMLSelectElement>(el, "select[data-facet='type']")!.options].map((o) => text(o));
    const en = await mount(fakeClient(() => page([item('asset_1')], { facets })));
    expect(options(en)).to.deep.equal([
      'All',
      'Video (3)',
      'Brand asset (2)',
      'Case study (2)',
      'Guide (2)',
    ]);
    const product = $<HTMLSelectElement>(en, "select[data-facet='product']")!;
    expect([...product.options].map((o) => text(o))).to.deep.equal([
      'All',
      'lf-edge (1)',
      'lf-vault (1)',
    ]);
    en.lang = 'de';
    await waitUntil(() => options(en)[0] !== 'All');
    // Ordered by the German words, not by the values (brand_asset would come first).
    expect(options(en).slice(2)).to.deep.equal([
      'Fallstudie (2)',
      'Handbuch (2)',
      'Markenelement (2)',
    ]);
  });

  it('shows suggestions when nothing matches, and searches a suggestion when chosen', async () => {
    const fake = fakeClient((q) =>
      q.q === 'pricing' ? page([item('asset_p')]) : page([], { suggestions: ['pricing', 'price'] }),
    );
    const el = await fixture<PrmContentFinder>(
      html`<prm-content-finder lang="en" q="prizng" .client=${fake.client}></prm-content-finder>`,
    );
    await waitUntil(() => $(el, "[part='empty']"));
    await expect(el).to.be.accessible();
    expect(text($(el, "[part='empty'] p"))).to.equal('Nothing matches “prizng”.');
    $$<HTMLButtonElement>(el, '.suggestion')[0]!.click();
    await waitUntil(() => rows(el)[0]?.dataset.id === 'asset_p');
    expect($<HTMLInputElement>(el, 'input')!.value).to.equal('pricing');
  });

  it('shows an error with a retry that keeps the typed text', async () => {
    const fake = fakeClient(() => page([item('asset_1')]));
    fake.fail = true;
    const el = await fixture<PrmContentFinder>(
      html`<prm-content-finder lang="de" q="logo" .client=${fake.client}></prm-content-finder>`,
    );
    await waitUntil(() => $(el, "[part='error']"));
    expect(text($(el, "[part='error'] p"))).to.equal(
      'Die Inhaltsbibliothek konnte nicht durchsucht werden.',
    );
    fake.fail = false;
    $<HTMLButtonElement>(el, "[part='error'] button")!.click();
    await waitUntil(() => rows(el).length === 1);
    expect($<HTMLInputElement>(el, 'input')!.value).to.equal('logo');
    expect(fake.calls.at(-1)!.query.q).to.equal('logo');
  });

  it('holds the final size with a skeleton while the first search loads', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fake = fakeClient(() => page([item('asset_1')]));
    const orig = fake.client.content.search;
    (fake.client.content as { search: unknown }).search = async (q: never, o: never) => {
      await gate;
      return orig(q, o);
    };
    const el = await fixture<PrmContentFinder>(
      html`<prm-content-finder .client=${fake.client}></prm-content-finder>`,
    );
    const before = el.getBoundingClientRect().height;
    expect($$(el, '.skeleton li').length).to.equal(4);
    expect($(el, '.results')!.getAttribute('aria-busy')).to.equal('true');
    release();
    await waitUntil(() => rows(el).length === 1);
    expect(el.getBoundingClientRect().height).to.equal(before);
  });

  it('emits prm-content-download per format, and downloads unless cancelled', async () => {
    const fake = fakeClient(() =>
      page([
        item('asset_1', {
          formats: [
            { format: 'pdf', sizeBytes: 10 },
            { format: 'csv', sizeBytes: 2_500_000 },
          ],
        }),
      ]),
    );
    const el = await mount(fake);
    const buttons = $$<HTMLButtonElement>(el, "[part='format']");
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Download PDF, 10 byte',
      'Download CSV, 2.5 MB',
    ]);
    setTimeout(() => buttons[1]!.click());
    const e = await oneEvent(el, 'prm-content-download');
    expect(e.detail.format).to.equal('csv');
    expect(e.detail.url).to.equal('https://api.example/v1/content/asset_1/files/csv');
    await waitUntil(() => fake.downloads.length === 1);
    el.addEventListener('prm-content-download', (ev) => ev.preventDefault(), { once: true });
    buttons[0]!.click();
    await el.updateComplete;
    expect(fake.downloads).to.deep.equal(['asset_1:csv']);
  });

  it('refreshes on content.updated, and moves through results with the arrow keys', async () => {
    let n = 1;
    const fake = fakeClient(() => page(Array.from({ length: n }, (_, i) => item(`asset_${i}`))));
    const el = await mount(fake);
    n = 3;
    fake.emit('content.updated', item('asset_2'));
    await waitUntil(() => rows(el).length === 3);
    $<HTMLInputElement>(el, 'input')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect((el.renderRoot as ShadowRoot).activeElement?.getAttribute('data-id')).to.equal(
      'asset_1',
    );
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect((el.renderRoot as ShadowRoot).activeElement?.id).to.equal('q');
  });
});
