// <prm-tier-progress> against the real reference server (started by
// test/support/wtr-plugins/reference-server.mjs): a new partner wins deals through the API and
// the open widget moves live, up to the rise.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { tokenFromUrl } from '../../src/core/auth.js';
import { createPartnerClient } from '../../src/core/client.js';
import type { PartnerClient } from '../../src/core/client.js';
import type { Role } from '../../src/core/schema/index.js';
import '../../src/widgets/define.js';
import type { PrmTierProgress } from '../../src/widgets/tier-progress/prm-tier-progress.js';

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

const unique = () => Math.random().toString(36).slice(2, 10);
const usd = (dollars: number) => ({ amount: dollars * 100, currency: 'USD' });

async function winDeal(partner: PartnerClient, crm: PartnerClient, dollars: number) {
  const stem = `Tierwin ${unique()}`;
  const deal = await partner.deals.register({
    customer: {
      name: `${stem} Inc`,
      domain: `${stem.replace(' ', '-').toLowerCase()}.example`,
      country: 'DE',
    },
    contact: { name: 'Rosa Ibarra', email: 'rosa@example.com' },
    title: 'Platform rollout',
    products: ['lf-core'],
    amount: usd(dollars),
    expectedCloseDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  });
  await crm.deals.update(deal.id, { stage: 'won' });
}

const $ = (el: PrmTierProgress, selector: string) =>
  el.renderRoot.querySelector<HTMLElement>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const wonDeals = (el: PrmTierProgress) =>
  $(el, "[part=requirement][data-key='wonDeals12m'] [role='meter']")?.getAttribute(
    'aria-valuetext',
  );

describe('<prm-tier-progress> with the reference server', () => {
  it('a partner wins deals through the API and watches the widget rise live', async () => {
    const admin = await clientAs('program_admin');
    const partner = await admin.partners.create({
      name: `Tierclimb ${unique()}`,
      type: 'reseller',
      region: 'EMEA',
      domains: [],
    });
    const crm = await clientAs('integration');
    for (const n of [1, 2]) {
      await crm.certifications.create({
        partnerId: partner.id,
        userId: `usr_climber_${n}`,
        name: 'Lumenfold Certified Sales Professional',
        earnedAt: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      });
    }
    const own = await clientAs('partner_user', partner.id);
    await winDeal(own, crm, 40_000);

    const el = await fixture<PrmTierProgress>(
      html`<prm-tier-progress lang="en" .client=${own}></prm-tier-progress>`,
    );
    await waitUntil(() => !!$(el, '[part~=badge]'), 'the progress did not load', {
      timeout: 10_000,
    });
    expect(text($(el, '[part~=badge]'))).to.equal('Registered');
    expect(text($(el, '[part=next]'))).to.equal('Next: Silver');
    expect(wonDeals(el)).to.equal('1 of 3, 33%');
    await expect(el).to.be.accessible();

    // A second win moves the meters (deal.updated on the partner's stream).
    await winDeal(own, crm, 40_000);
    await waitUntil(() => wonDeals(el) === '2 of 3, 67%', 'the meter did not move', {
      timeout: 10_000,
    });
    expect(text($(el, '[part~=badge]'))).to.equal('Registered');

    // The third: the partner rises at once, and the widget marks it.
    const rose = new Promise((resolve) =>
      el.addEventListener('prm-tier-rise', resolve, { once: true }),
    );
    await winDeal(own, crm, 40_000);
    await rose;
    await waitUntil(() => text($(el, '[part~=badge]')) === 'Silver', 'the badge did not move', {
      timeout: 10_000,
    });
    expect(text($(el, '[part=celebration]'))).to.equal('Congratulations, you reached Silver!');
    expect(text($(el, '[part=next]'))).to.equal('Next: Gold');

    // The history holds the rise.
    $(el, 'button[aria-controls=history]')!.click();
    await waitUntil(() => !!$(el, '[part=history] li'), 'no history', { timeout: 10_000 });
    expect(text($(el, '[part=history] li'))).to.contain('Registered → Silver');
    expect((await admin.partners.get(partner.id)).tierId).to.equal('tier_silver');
  });

  it("a partner cannot open another partner's progress", async () => {
    const own = await clientAs('partner_user', 'prt_brightpath');
    const el = await fixture<PrmTierProgress>(
      html`<prm-tier-progress
        lang="en"
        partner-id="prt_kestrel"
        .client=${own}
      ></prm-tier-progress>`,
    );
    await waitUntil(() => !!$(el, '[part=error]'), 'no error shown', { timeout: 10_000 });
    expect(text($(el, '[part=error]'))).to.contain('could not be loaded');
  });
});
