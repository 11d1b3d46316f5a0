// <prm-mdf-balance> against the real reference server (`prm serve --data memory --seed demo`,
// started by test/support/wtr-plugins/reference-server.mjs): a partner admin requests funds, the
// channel manager approves them in its own widget, the partner claims with a real PDF, finance
// pays through the API, and both widgets follow every step on the event stream.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { tokenFromUrl } from '../../src/core/auth.js';
import { createPartnerClient } from '../../src/core/client.js';
import type { PartnerClient } from '../../src/core/client.js';
import { formatMoney } from '../../src/core/format.js';
import type { Role } from '../../src/core/schema/index.js';
import '../../src/widgets/define.js';
import type { PrmMdfBalance } from '../../src/widgets/mdf-balance/prm-mdf-balance.js';

const BRIGHTPATH = 'prt_brightpath';

async function apiBase(): Promise<string> {
  const value = (await (await fetch('/__prm/api-base')).json()) as { url: string };
  return value.url;
}

async function clientAs(role: Role, partner?: string): Promise<PartnerClient> {
  const query = new URLSearchParams({ role, ...(partner ? { partner } : {}) });
  return createPartnerClient({
    baseUrl: await apiBase(),
    getToken: tokenFromUrl(`/__prm/token?${query}`),
  });
}

const $ = <T extends Element = HTMLElement>(el: PrmMdfBalance, selector: string) =>
  el.renderRoot.querySelector<T>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const figure = (el: PrmMdfBalance, name: string) =>
  text($(el, `[part='period'] [data-figure='${name}'] dd`));
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function type(el: PrmMdfBalance, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function pdf(): File {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return new File([body], 'venue-invoice.pdf', { type: 'application/pdf' });
}

describe('<prm-mdf-balance> with the reference server', () => {
  it('request, approve in the console, claim with a file, pay out: the balance moves live', async function () {
    // A whole flow on a loaded machine: longer than the default 15 s.
    this.timeout(90_000);
    const partnerClient = await clientAs('partner_admin', BRIGHTPATH);
    const managerClient = await clientAs('channel_manager');
    const wrapper = await fixture<HTMLElement>(
      html`<div style="display: flex; gap: 8px">
        <prm-mdf-balance
          id="partner"
          lang="en"
          style="flex: 1"
          .client=${partnerClient}
        ></prm-mdf-balance>
        <prm-mdf-balance
          id="desk"
          lang="en"
          style="flex: 1"
          partner-id=${BRIGHTPATH}
          .client=${managerClient}
        ></prm-mdf-balance>
      </div>`,
    );
    const partner = wrapper.querySelector<PrmMdfBalance>('#partner')!;
    const desk = wrapper.querySelector<PrmMdfBalance>('#desk')!;
    await waitUntil(
      () => !!$(partner, "[part='period']") && !!$(desk, "[part='period']"),
      'not loaded',
      {
        timeout: 15_000,
      },
    );
    await expect(partner).to.be.accessible();
    const before = await partnerClient.mdf.summary();
    const current = before.periods[0]!;
    expect(figure(partner, 'available')).to.equal(formatMoney(current.available, 'en'));

    // The partner admin asks for 1,000 dollars.
    $<HTMLButtonElement>(partner, "[data-action='request']")!.click();
    await partner.updateComplete;
    await type(partner, "[name='title']", 'Browser-tested roadshow');
    await type(partner, "[name='description']", 'Two cities.');
    await type(partner, "[name='startDate']", inDays(-2));
    await type(partner, "[name='endDate']", inDays(-1));
    await type(partner, "[name='amount']", '1,000');
    $<HTMLButtonElement>(partner, "[data-action='submit']")!.click();
    const pending = formatMoney(
      { amount: current.pending.amount + 100_000, currency: 'USD' },
      'en',
    );
    await waitUntil(() => figure(partner, 'pending') === pending, 'the request did not count', {
      timeout: 10_000,
    });
    const request = (await partnerClient.mdf.listRequests({ status: 'submitted' })).items.find(
      (r) => r.activity.title === 'Browser-tested roadshow',
    )!;

    // The channel manager's widget shows it live, and approves 800 of it.
    await waitUntil(
      () => !!$(desk, `[data-id='${request.id}'] [data-action='review']`),
      'not in the desk',
      {
        timeout: 10_000,
      },
    );
    expect(figure(desk, 'pending')).to.equal(pending);
    $<HTMLButtonElement>(desk, `[data-id='${request.id}'] [data-action='review']`)!.click();
    await desk.updateComplete;
    await type(desk, `[data-id='${request.id}'] [name='amount']`, '800');
    $<HTMLButtonElement>(desk, `[data-id='${request.id}'] [data-action='approve']`)!.click();
    await waitUntil(
      () => text($(partner, `[data-id='${request.id}'] .badge`)) === 'Approved',
      'the partner did not see the approval',
      { timeout: 10_000 },
    );
    expect(text($(partner, `[data-id='${request.id}'] .amounts`))).to.equal(
      'Approved $800.00 of $1,000.00',
    );

    // The partner claims 800 with a real PDF as proof.
    $<HTMLButtonElement>(partner, `[data-id='${request.id}'] [data-action='claim']`)!.click();
    await partner.updateComplete;
    const input = $<HTMLInputElement>(partner, "input[type='file']")!;
    const files = new DataTransfer();
    files.items.add(pdf());
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => !!$(partner, ".upload[data-state='done']"), 'the upload did not finish', {
      timeout: 10_000,
    });
    $<HTMLButtonElement>(partner, "[data-action='submit']")!.click();
    await waitUntil(
      () => text($(desk, `[data-id='${request.id}'] .claim .badge`)) === 'Submitted',
      'the desk did not see the claim',
      { timeout: 10_000 },
    );
    const claim = (await managerClient.mdf.listClaims({ requestId: request.id })).items[0]!;
    expect(claim.proofFiles[0]!.contentType).to.equal('application/pdf');
    expect(claim.proofFiles[0]!.name).to.equal('venue-invoice.pdf');

    // Approved in the desk, paid by finance through the API: both widgets follow.
    await managerClient.mdf.decideClaim(claim.id, { decision: 'approve' });
    const finance = await clientAs('integration');
    await finance.mdf.payout(claim.id, {
      reference: 'PAY-BROWSER-1',
      paidAt: new Date().toISOString(),
    });
    const paid = formatMoney({ amount: current.paid.amount + 80_000, currency: 'USD' }, 'en');
    await waitUntil(() => figure(partner, 'paid') === paid, 'the partner did not see the payout', {
      timeout: 10_000,
    });
    await waitUntil(() => figure(desk, 'paid') === paid, 'the desk did not see the payout', {
      timeout: 10_000,
    });
    expect(text($(partner, `[data-id='${claim.id}'] .badge`))).to.equal('Paid');
    const after = (await partnerClient.mdf.summary()).periods[0]!;
    expect(figure(partner, 'available')).to.equal(formatMoney(after.available, 'en'));
    expect(after.available.amount).to.equal(current.available.amount - 80_000);
  });
});
