// <prm-deal-list> against the real reference server (`prm serve --data memory --seed demo`,
// started by test/support/wtr-plugins/reference-server.mjs): the review flow end to end, with the
// real client, the real decision route and the real event stream.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { tokenFromUrl } from '../../src/core/auth.js';
import { createPartnerClient } from '../../src/core/client.js';
import type { PartnerClient } from '../../src/core/client.js';
import type { Role } from '../../src/core/schema/index.js';
import '../../src/widgets/define.js';
import type { PrmDealList } from '../../src/widgets/deal-list/prm-deal-list.js';

const BRIGHTPATH = 'prt_brightpath';

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

const rowOf = (el: PrmDealList, id: string) =>
  el.renderRoot.querySelector<HTMLElement>(`[role='listitem'][data-id='${id}']`);
const statusOf = (el: PrmDealList, id: string) =>
  rowOf(el, id)?.querySelector('[part~=badge-status]')?.textContent?.trim();
const rendered = (el: PrmDealList) => el.renderRoot.querySelectorAll("[role='listitem']").length;

/** Lists side by side in one fixture, each with its own client. */
async function openLists(
  ...lists: { client: PartnerClient; status?: string; q?: string }[]
): Promise<PrmDealList[]> {
  const wrapper = await fixture<HTMLElement>(
    html`<div style="display: flex; gap: 8px; --prm-deal-list-height: 460px">
      ${lists.map(
        (l) =>
          html`<prm-deal-list
            style="flex: 1; min-width: 0"
            lang="en"
            status=${l.status ?? ''}
            q=${l.q ?? ''}
            .client=${l.client}
          ></prm-deal-list>`,
      )}
    </div>`,
  );
  const elements = [...wrapper.querySelectorAll('prm-deal-list')];
  await waitUntil(() => elements.every((el) => rendered(el) > 0), 'the lists did not load', {
    timeout: 10_000,
  });
  return elements;
}

describe('<prm-deal-list> with the reference server', () => {
  it('approving in one review queue updates another one live', async () => {
    const [a, b] = await openLists(
      { client: await clientAs('channel_manager'), status: 'under_review' },
      { client: await clientAs('channel_manager'), status: 'under_review' },
    );
    await expect(a).to.be.accessible();
    const deal = a!.deals[0]!;
    expect(deal.status).to.equal('under_review');
    // A vendor sees whose deal it is.
    expect(rowOf(a!, deal.id)!.querySelector('.partner')?.textContent).to.contain('Partner:');
    await waitUntil(() => !!rowOf(b!, deal.id), 'the deal is not in the second list');

    rowOf(a!, deal.id)!.querySelector<HTMLButtonElement>("[data-action='review']")!.click();
    await a!.updateComplete;
    rowOf(a!, deal.id)!.querySelector<HTMLButtonElement>("[data-action='approve']")!.click();

    // Here: approved, and kept in view although the queue shows deals under review.
    await waitUntil(
      () => a!.deals.find((d) => d.id === deal.id)?.decision?.reasonCode === 'approved_manual',
      'the decision was not saved',
      { timeout: 10_000 },
    );
    await waitUntil(() => statusOf(a!, deal.id) === 'Approved');
    // There: the event stream takes it out of the queue.
    await waitUntil(
      () => !b!.deals.some((d) => d.id === deal.id),
      'the other list did not update',
      {
        timeout: 10_000,
      },
    );
  });

  it("a partner's pipeline follows the channel team's decisions", async () => {
    const manager = await clientAs('channel_manager');
    const page = await manager.deals.list({ status: 'under_review', partnerId: BRIGHTPATH });
    const target = page.items[0];
    expect(target, 'the demo has a Brightpath deal under review').to.not.equal(undefined);
    const { id, customer } = target!;

    const [list] = await openLists({
      client: await clientAs('partner_user', BRIGHTPATH),
      q: customer.name,
    });
    await expect(list).to.be.accessible();
    await waitUntil(() => statusOf(list!, id) === 'Under review', 'the deal is not listed');
    // A partner sees only its own deals, no partner names and no decision controls.
    expect(list!.deals.every((d) => d.partnerId === BRIGHTPATH)).to.be.true;
    expect(list!.renderRoot.querySelectorAll(".partner, [data-action='review']").length).to.equal(
      0,
    );

    await manager.deals.decide(id, { decision: 'reject', reasonCode: 'insufficient_information' });
    await waitUntil(() => statusOf(list!, id) === 'Rejected', 'the partner list did not follow', {
      timeout: 10_000,
    });
  });
});
