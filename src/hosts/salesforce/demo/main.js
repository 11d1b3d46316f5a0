// The /demo/salesforce/ page: the compiled wrappers on a Lightning-like record page, against the
// demo server. The Account is made up around a customer the demo program has deals for; the
// Salesforce platform modules are the demo's own small stand-ins (platform.js).
import { createElement } from 'lwc';
import PrmAccountDeals from 'c/prmAccountDeals';
import PrmOpportunityDeal from 'c/prmOpportunityDeal';
import { demoRecords, demoUser, showToast } from './platform.js';

const params = new URLSearchParams(location.search);
const view = params.get('view') === 'opportunity' ? 'opportunity' : 'account';

async function main() {
  // A customer of the demo program, as the seller sees the deals.
  const { customer } = await demoRecords();
  document.getElementById('record-name').textContent = customer.name;
  document.getElementById('record-website').textContent = customer.domain;
  document.getElementById('record-kind').textContent =
    view === 'opportunity' ? 'Opportunity' : 'Account';
  for (const link of document.querySelectorAll('[data-view]')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
  }
  const el =
    view === 'opportunity'
      ? createElement('c-prm-opportunity-deal', { is: PrmOpportunityDeal })
      : createElement('c-prm-account-deals', { is: PrmAccountDeals });
  el.recordId = view === 'opportunity' ? '006DEMO' : '001DEMO';
  document.getElementById('record-component').append(el);
  document.addEventListener('lightning__showtoast', (e) => showToast(e.detail));
  // The bar says whom the page runs as (`?user=` changes it).
  const { name, role } = await demoUser();
  const hint = document.querySelector('.demo-bar__hint');
  if (hint) {
    hint.textContent = `The Salesforce wrappers, compiled by the LWC compiler, as ${name} (${role})`;
  }
}

main().catch((error) =>
  showToast({ title: 'The demo failed', message: String(error), variant: 'error' }),
);
