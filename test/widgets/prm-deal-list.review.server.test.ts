// <prm-deal-list> for the channel team, against the reference server: the review panel shows the
// facts and the conflict, approve asks no reason and reject needs one, a decided deal leaves the
// queue, and the queue shows its counts, its reviewers and who has what.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PartnerClient } from '../../src/core/client.js';
import '../../src/widgets/define.js';
import type { PrmDealList } from '../../src/widgets/deal-list/prm-deal-list.js';
import {
  BRIGHTPATH,
  KESTREL,
  clientAs,
  register,
  rowOf,
  text,
  uniqueCustomer,
} from './support/reference-api.js';

const CM1 = { sub: 'usr_lf_cm_1', name: 'Morgan Lee', email: 'morgan@lumenfold.example' };

async function queue(client: PartnerClient, q = '', assignee = ''): Promise<PrmDealList> {
  const el = await fixture<PrmDealList>(
    html`<prm-deal-list
      lang="en"
      status="under_review"
      q=${q}
      assignee=${assignee}
      .client=${client}
      style="--prm-deal-list-height: 720px"
    ></prm-deal-list>`,
  );
  await waitUntil(() => el.renderRoot.querySelector("[role='list'], [part=empty]"), 'no list', {
    timeout: 10_000,
  });
  return el;
}

async function openReview(el: PrmDealList, id: string): Promise<HTMLElement> {
  const button = () =>
    el.renderRoot.querySelector<HTMLButtonElement>(`[data-id='${id}'] [data-action='review']`);
  await waitUntil(button, `no Review button on ${id}`, { timeout: 10_000 });
  button()!.click();
  await el.updateComplete;
  return (await rowOf(el, id)).querySelector<HTMLElement>('.decide')!;
}

describe('<prm-deal-list>: reviewers decide with the facts', () => {
  it('shows products, contact, amount, close date, the partner with its tier and the conflict', async () => {
    const customer = uniqueCustomer('Harbor');
    const first = await register(await clientAs('partner_user', BRIGHTPATH), customer);
    const second = await register(await clientAs('partner_user', KESTREL), customer);
    expect(second.conflicts.verdict).to.equal('review');

    const el = await queue(await clientAs('channel_manager', undefined, CM1), customer.name);
    const panel = await openReview(el, second.id);
    // Product names come with the program, which may arrive after the list.
    await waitUntil(
      () => text(panel.querySelector('.facts')).includes('Core Platform'),
      'ids only',
      {
        timeout: 10_000,
      },
    );
    const facts = text(panel.querySelector('.facts'));
    expect(facts).to.contain('Robin Buyer');
    expect(facts).to.contain('$987,654.00');
    expect(facts).to.match(/Expected close\s*\w{3} \d+, \d{4}/);
    expect(facts).to.match(/Products.*Core.*Analytics/);
    expect(facts).to.match(/Kestrel.*\(Platinum\)/);
    expect(text(panel.querySelector('.conflicts'))).to.contain('Another partner’s registration');
    // A vendor may open the matched deal.
    panel
      .querySelector<HTMLButtonElement>(`[data-action='open-match'][data-deal-id='${first.id}']`)!
      .click();
    await waitUntil(
      () => text(panel.querySelector('.matched')).includes('Brightpath'),
      'no match',
      {
        timeout: 10_000,
      },
    );
    // No reason is chosen for the reviewer.
    expect(panel.querySelector<HTMLSelectElement>("[data-field='reasonCode']")!.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('approves without a reason, refuses to reject without one, and the decided deal leaves the queue', async () => {
    const partner = await clientAs('partner_user', BRIGHTPATH);
    const manager = await clientAs('channel_manager', undefined, CM1);
    const tag = uniqueCustomer('Birch').name.split(' ')[1]!;
    const a = await register(partner, { name: `Birch A ${tag}`, domain: `birch-a-${tag}.example` });
    const b = await register(partner, { name: `Birch B ${tag}`, domain: `birch-b-${tag}.example` });
    const el = await queue(manager, tag);
    await waitUntil(() => el.deals.length === 2, 'both deals are queued', { timeout: 10_000 });

    // Reject with no reason: said beside the field, nothing sent.
    let panel = await openReview(el, b.id);
    panel.querySelector<HTMLButtonElement>("[data-action='reject']")!.click();
    await el.updateComplete;
    panel = (await rowOf(el, b.id)).querySelector<HTMLElement>('.decide')!;
    const reason = panel.querySelector<HTMLSelectElement>("[data-field='reasonCode']")!;
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    const message = panel.querySelector(`#${reason.getAttribute('aria-describedby')}`);
    expect(text(message)).to.equal('Choose a reason before rejecting.');
    expect((await manager.deals.get(b.id)).status).to.equal('under_review');
    panel.querySelector<HTMLButtonElement>("[data-action='cancel']")!.click();

    // Approve: no reason asked, and the deal leaves the queue of deals under review.
    panel = await openReview(el, a.id);
    panel.querySelector<HTMLButtonElement>("[data-action='approve']")!.click();
    await waitUntil(() => !el.deals.some((d) => d.id === a.id), 'the approved deal stayed', {
      timeout: 10_000,
    });
    const saved = await manager.deals.get(a.id);
    expect(saved.status).to.equal('approved');
    expect(saved.decision?.reasonCode).to.equal('approved_manual');
    expect(el.deals.map((d) => d.id)).to.deep.equal([b.id]);
  });

  it('shows the queue counts of /v1/deals/stats, the assignee, and filters and reassigns', async () => {
    const manager = await clientAs('channel_manager', undefined, CM1);
    const customer = uniqueCustomer('Cedar');
    // Brightpath is in North America: the demo routes it to usr_lf_cm_1.
    const deal = await register(await clientAs('partner_user', BRIGHTPATH), customer);
    const el = await queue(manager);
    const stats = await manager.deals.stats({ status: 'under_review' });
    await waitUntil(
      () =>
        text(el.renderRoot.querySelector('[part=stats]')).includes(
          `${stats.underReview} under review`,
        ),
      'the counts are not shown',
      { timeout: 10_000 },
    );
    const shown = text(el.renderRoot.querySelector('[part=stats]'));
    expect(shown).to.contain(`${stats.overdue} overdue`);
    expect(shown).to.contain(`${stats.assignedToMe} assigned to me`);

    el.q = customer.name;
    await el.updateComplete;
    await waitUntil(() => !el.matches(':state(loading)'), 'the search did not load', {
      timeout: 10_000,
    });
    const row = await rowOf(el, deal.id);
    const assigned = (await manager.deals.get(deal.id)).assignee;
    expect(assigned?.id).to.equal(CM1.sub);
    expect(text(row.querySelector('.assignee'))).to.equal(`Reviewer: ${assigned?.name}`);

    // Assigned to me: the filter control asks the server for assignee=me.
    const mine = el.renderRoot.querySelector<HTMLInputElement>("input[name='assignee']")!;
    mine.click();
    await waitUntil(() => el.assignee === 'me');
    await waitUntil(
      () => el.deals.length > 0 && el.deals.every((d) => d.assignee?.id === CM1.sub),
      'not mine',
      {
        timeout: 10_000,
      },
    );
    mine.click();
    await waitUntil(() => el.assignee === undefined);
    await el.updateComplete;
    await waitUntil(
      () => !el.matches(':state(loading)') && el.deals.some((d) => d.id === deal.id),
      'the whole queue is not back',
      { timeout: 10_000 },
    );

    // Reassign to the EMEA reviewer, from the review panel.
    const panel = await openReview(el, deal.id);
    const select = panel.querySelector<HTMLSelectElement>("[data-field='assignee']")!;
    select.value = 'usr_lf_cm_2';
    panel.querySelector<HTMLButtonElement>("[data-action='assign']")!.click();
    await waitUntil(
      async () => (await manager.deals.get(deal.id)).assignee?.id === 'usr_lf_cm_2',
      'not reassigned',
      {
        timeout: 10_000,
      },
    );
    await waitUntil(() =>
      text(el.renderRoot.querySelector(`[data-id='${deal.id}'] .assignee`)).includes('Reviewer:'),
    );
    expect(el.deals.find((d) => d.id === deal.id)?.assignee?.id).to.equal('usr_lf_cm_2');
  });

  it('puts overdue reviews first and marks them', async () => {
    const el = await queue(await clientAs('channel_manager'));
    await waitUntil(() => el.deals.length > 0, 'no deals', { timeout: 10_000 });
    const overdue = el.deals.map((d) => d.overdue === true);
    const firstOnTime = overdue.indexOf(false);
    expect(overdue.slice(firstOnTime === -1 ? overdue.length : firstOnTime)).to.not.include(true);
    const late = el.deals.find((d) => d.overdue);
    if (late) {
      const row = await rowOf(el, late.id);
      expect(row.hasAttribute('data-overdue')).to.be.true;
      expect(row.getAttribute('part')).to.contain('row-overdue');
    }
  });
});
