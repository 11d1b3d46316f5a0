// <prm-content-finder> against the real reference server (demo seed): typo-tolerant search,
// access rules as a partner sees them, a real download, and an archived asset dropped live.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { tokenFromUrl } from '../../src/core/auth.js';
import { createPartnerClient } from '../../src/core/client.js';
import type { PartnerClient } from '../../src/core/client.js';
import type { Role } from '../../src/core/schema/index.js';
import '../../src/widgets/define.js';
import type { PrmContentFinder } from '../../src/widgets/content-finder/prm-content-finder.js';

async function apiBase(): Promise<string> {
  const body = await (await fetch('/__prm/api-base')).text();
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'string') return value;
    const o = value as Record<string, string | undefined>;
    return o['apiBase'] ?? o['url'] ?? o['baseUrl'] ?? '';
  } catch {
    return body.trim();
  }
}

async function clientAs(role: Role, partner?: string): Promise<PartnerClient> {
  const query = new URLSearchParams({ role, ...(partner ? { partner } : {}) });
  return createPartnerClient({
    baseUrl: await apiBase(),
    getToken: tokenFromUrl(`/__prm/token?${query}`),
  });
}

const rows = (el: PrmContentFinder) => [
  ...el.renderRoot.querySelectorAll<HTMLElement>("li[part~='row'][data-id]"),
];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim();

describe('<prm-content-finder> on the reference server', () => {
  it('finds a misspelt search with highlights, and only what a Registered partner may see', async () => {
    const client = await clientAs('partner_user', 'prt_tidewater');
    const el = await fixture<PrmContentFinder>(
      html`<prm-content-finder lang="en" q="datashet" .client=${client}></prm-content-finder>`,
    );
    await waitUntil(() => rows(el).length > 0, 'no results', { timeout: 15_000 });
    expect(text(rows(el)[0]!.querySelector('.title'))).to.match(/datasheet/);
    expect(text(rows(el)[0]!.querySelector('mark'))).to.equal('datasheet');
    const page = el.page!;
    expect(page.items.every((i) => i.minTierRank <= 1)).to.equal(true);
    expect(page.items.every((i) => i.audiences.length === 0 || i.audiences.includes('referral')));
    expect(page.total).to.equal(Object.values(page.facets.type).reduce((a, b) => a + b, 0));
  });

  it('downloads a real file of the demo library', async () => {
    const client = await clientAs('partner_user', 'prt_kestrel');
    const el = await fixture<PrmContentFinder>(
      html`<prm-content-finder
        lang="de"
        q="Preisliste"
        type="price_list"
        .client=${client}
      ></prm-content-finder>`,
    );
    await waitUntil(() => rows(el).length > 0, 'no results', { timeout: 15_000 });
    const first = el.page!.items[0]!;
    expect(first.type).to.equal('price_list');
    const blob = await client.content.download(first.id, 'csv');
    expect(await blob.text()).to.match(/^sku,edition,list_price_usd/);
    el.addEventListener('prm-content-download', (e) => e.preventDefault(), { once: true });
    const button = rows(el)[0]!.querySelector<HTMLButtonElement>("[data-format='csv']")!;
    setTimeout(() => button.click());
    const e = await oneEvent(el, 'prm-content-download');
    const res = await fetch(e.detail.url);
    expect(res.status).to.equal(401, 'a file URL needs the token');
  });
  it('drops an asset the program admin archives while a partner has the finder open', async () => {
    const admin = await clientAs('program_admin');
    const letters = () =>
      Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26)));
    const w = `qz${letters().join('')}`;
    const input = (title: string) => ({
      title,
      description: 'Collateral for the live archive test.',
      type: 'datasheet' as const,
      products: ['lf-core'],
      language: 'en',
    });
    const doomed = await admin.content.create(input(`${w} first sheet`));
    const client = await clientAs('partner_user', 'prt_tidewater');
    const el = await fixture<PrmContentFinder>(
      html`<prm-content-finder lang="en" q=${`${w} `} .client=${client}></prm-content-finder>`,
    );
    const shown = (id: string) => rows(el).some((r) => r.dataset['id'] === id);
    await waitUntil(() => shown(doomed.id), 'the asset is found', { timeout: 15_000 });
    // A second asset appearing proves the finder's event stream is live before the archiving.
    const other = await admin.content.create(input(`${w} second sheet`));
    await waitUntil(() => shown(other.id), 'a new asset shows live', { timeout: 15_000 });
    await admin.content.archive(doomed.id);
    await waitUntil(() => !shown(doomed.id), 'the archived asset is dropped', { timeout: 15_000 });
    expect(shown(other.id)).to.equal(true);
    expect(el.page!.total).to.equal(1);
  });
});
