// A host's branding for its light page must not make the dark or high-contrast theme unreadable:
// each theme reads its own --prm-* names.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/widgets/define.js';
import type { PrmDealList } from '../../src/widgets/deal-list/prm-deal-list.js';
import { fakeDealClient, makeDeals } from '../../bench/deal-list.fixture.js';

// A light brand: dark ink and a dark accent, as the demo intranet sets them.
const BRAND =
  '--prm-text: #1f2933; --prm-text-muted: #52606d; --prm-accent: #115e59; --prm-border: #dde3e1';

async function branded(theme: string): Promise<PrmDealList> {
  const fake = fakeDealClient({ deals: makeDeals(4), role: 'channel_manager' });
  const wrapper = await fixture<HTMLElement>(
    html`<div style=${BRAND}>
      <prm-deal-list lang="en" theme=${theme} .client=${fake.client}></prm-deal-list>
    </div>`,
  );
  const el = wrapper.querySelector('prm-deal-list')!;
  await waitUntil(() => el.renderRoot.querySelectorAll("[role='listitem']").length > 0);
  return el;
}

describe('<prm-deal-list> themes under a host brand', () => {
  for (const theme of ['dark', 'high-contrast']) {
    it(`keeps text readable in the ${theme} theme`, async () => {
      const el = await branded(theme);
      const text = getComputedStyle(el).color;
      expect(text, 'the brand ink does not reach this theme').to.not.equal('rgb(31, 41, 51)');
      await expect(el).to.be.accessible();
    });
  }

  it('takes the brand in light, and a theme of its own from --prm-dark-*', async () => {
    const light = await branded('light');
    expect(getComputedStyle(light).color).to.equal('rgb(31, 41, 51)');
    const dark = await branded('dark');
    dark.style.setProperty('--prm-dark-text', 'rgb(230, 237, 235)');
    expect(getComputedStyle(dark).color).to.equal('rgb(230, 237, 235)');
  });
});
