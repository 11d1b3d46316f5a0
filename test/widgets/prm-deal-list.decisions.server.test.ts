// <prm-deal-list> for partners, against the reference server: a decided deal says why, opens to its
// facts, protection and history, and a decision that arrives live is announced and emitted.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/widgets/define.js';
import type { PrmDealList } from '../../src/widgets/deal-list/prm-deal-list.js';
import {
  BRIGHTPATH,
  clientAs,
  register,
  rowOf,
  text,
  uniqueCustomer,
} from './support/reference-api.js';

async function partnerList(q: string, lang = 'en'): Promise<PrmDealList> {
  const client = await clientAs('partner_user', BRIGHTPATH);
  const el = await fixture<PrmDealList>(
    html`<prm-deal-list
      lang=${lang}
      q=${q}
      .client=${client}
      style="--prm-deal-list-height: 640px"
    ></prm-deal-list>`,
  );
  await waitUntil(() => el.deals.length > 0, 'the list did not load', { timeout: 10_000 });
  return el;
}

describe('<prm-deal-list>: partners read decisions', () => {
  it('announces a rejection that arrives live, with its reason and comment, and emits prm-deal-decided', async () => {
    const partner = await clientAs('partner_user', BRIGHTPATH);
    const manager = await clientAs('channel_manager');
    const customer = uniqueCustomer('Quarry');
    const deal = await register(partner, customer);
    expect(deal.status).to.equal('under_review');

    const el = await partnerList(customer.name);
    const decided = oneEvent(el, 'prm-deal-decided');
    await manager.deals.decide(deal.id, {
      decision: 'reject',
      reasonCode: 'customer_existing',
      comment: 'They renewed with us directly in March.',
    });

    const event = await decided;
    expect(event.detail.id).to.equal(deal.id);
    expect(event.detail.decision?.reasonCode).to.equal('customer_existing');
    const row = await rowOf(el, deal.id);
    await waitUntil(() => text(row.querySelector('[part~=badge-status]')) === 'Rejected');
    expect(text(row.querySelector('[part=decision] .reason'))).to.equal('Existing customer');
    expect(text(row.querySelector('[part=decision] .comment'))).to.equal(
      'They renewed with us directly in March.',
    );
    const status = el.renderRoot.querySelector('[role=status][aria-live=polite]');
    expect(text(status)).to.equal(`${customer.name} is now Rejected: Existing customer`);
    await expect(el).to.be.accessible();
  });

  it('opens a deal in place to its facts, protection end and history', async () => {
    const partner = await clientAs('partner_user', BRIGHTPATH);
    const manager = await clientAs('channel_manager');
    const customer = uniqueCustomer('Ledger');
    const deal = await register(partner, customer);
    const approved = await manager.deals.decide(deal.id, {
      decision: 'approve',
      reasonCode: 'approved_manual',
      comment: 'Go ahead.',
    });
    expect(approved.protectedUntil).to.be.a('string');

    const el = await partnerList(customer.name, 'de');
    const row = await rowOf(el, deal.id);
    expect(row.getAttribute('aria-expanded')).to.equal('false');
    expect(text(row.querySelector('[part=decision] .reason'))).to.equal(
      'Vom Channel-Team genehmigt',
    );
    row.querySelector<HTMLElement>('.customer')!.click();
    await waitUntil(() => !!row.querySelector('[part=details] .history li'), 'no history shown', {
      timeout: 10_000,
    });
    expect(row.getAttribute('aria-expanded')).to.equal('true');
    const facts = text(row.querySelector('[part=details] .facts'));
    expect(facts).to.contain('Robin Buyer');
    expect(facts).to.contain('Geschützt bis');
    expect(facts).to.contain(customer.domain);
    const history = [...row.querySelectorAll('[part=details] .history li')].map(text);
    expect(history.some((h) => h.endsWith('Registriert'))).to.be.true;
    expect(history.some((h) => h.endsWith('Genehmigt'))).to.be.true;
    await expect(el).to.be.accessible();
  });
});
