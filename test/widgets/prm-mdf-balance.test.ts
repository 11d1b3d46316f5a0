import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MdfRequest } from '../../src/core/schema/index.js';
import '../../src/widgets/define.js';
import type { PrmMdfBalance } from '../../src/widgets/mdf-balance/prm-mdf-balance.js';
import { fakeMdfClient, inDays, makeClaim, makeRequest } from '../../stories/support/fake-mdf.js';
import type { FakeMdf, FakeMdfOptions } from '../../stories/support/fake-mdf.js';

const $ = <T extends Element = HTMLElement>(el: PrmMdfBalance, selector: string) =>
  el.renderRoot.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: PrmMdfBalance, selector: string) => [
  ...el.renderRoot.querySelectorAll<T>(selector),
];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const figure = (el: PrmMdfBalance, name: string) => text($(el, `[data-figure='${name}'] dd`));

async function mount(
  options: FakeMdfOptions & { partnerId?: string } = {},
  lang = 'en',
  ready = (el: PrmMdfBalance) => !!$(el, "[part='period']"),
): Promise<{ el: PrmMdfBalance; fake: FakeMdf }> {
  const fake = fakeMdfClient(options);
  const el = await fixture<PrmMdfBalance>(
    html`<prm-mdf-balance
      lang=${lang}
      .partnerId=${options.partnerId}
      .client=${fake.client}
    ></prm-mdf-balance>`,
  );
  await waitUntil(() => ready(el), 'the balance did not render', { timeout: 5000 });
  await el.updateComplete;
  return { el, fake };
}

async function type(el: PrmMdfBalance, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const click = async (el: PrmMdfBalance, selector: string) => {
  $<HTMLButtonElement>(el, selector)!.click();
  await el.updateComplete;
};

const errorOf = (el: PrmMdfBalance, field: string) =>
  text($(el, `[data-field='${field}'] .field-error`));

const approved = (over: Partial<MdfRequest> = {}) =>
  makeRequest({
    id: 'mdfr_ok',
    status: 'approved',
    requestedAmount: { amount: 1_000_000, currency: 'USD' },
    approvedAmount: { amount: 800_000, currency: 'USD' },
    claimedAmount: { amount: 200_000, currency: 'USD' },
    activity: {
      type: 'webinar',
      title: 'Security webinar',
      description: 'x',
      startDate: inDays(-5),
      endDate: inDays(-4),
    },
    ...over,
  });

describe('<prm-mdf-balance>', () => {
  it('shows each figure formatted, a meter with an accessible text, and is accessible', async () => {
    const { el } = await mount({
      requests: [
        approved(),
        makeRequest({ id: 'mdfr_p', requestedAmount: { amount: 300_000, currency: 'USD' } }),
      ],
      claims: [
        makeClaim({
          id: 'mdfc_1',
          requestId: 'mdfr_ok',
          amount: { amount: 200_000, currency: 'USD' },
          status: 'paid',
        }),
      ],
    });
    expect(figure(el, 'allocated')).to.equal('$50,000.00');
    expect(figure(el, 'pending')).to.equal('$3,000.00');
    expect(figure(el, 'approved')).to.equal('$6,000.00');
    expect(figure(el, 'claimed')).to.equal('$0.00');
    expect(figure(el, 'paid')).to.equal('$2,000.00');
    expect(figure(el, 'available')).to.equal('$39,000.00');
    const meter = $(el, "[part='meter']")!;
    expect(meter.getAttribute('role')).to.equal('img');
    expect(meter.getAttribute('aria-label')).to.equal(
      '2026-Q4: $39,000.00 available of $50,000.00; $3,000.00 pending, $6,000.00 approved, $0.00 claimed, $2,000.00 paid.',
    );
    // Segments are proportional to the allocation.
    const paid = $(el, '.segment.paid')!;
    expect(paid.style.inlineSize).to.equal('4%');
    expect(text($(el, "[part~='expiry']"))).to.match(/^Expires in 20 days/);
    expect(text($(el, "[data-id='mdfr_ok'] .badge"))).to.equal('Approved');
    await expect(el).to.be.accessible();
  });

  it('speaks German: figures, labels and warnings', async () => {
    const { el } = await mount({}, 'de');
    expect(figure(el, 'allocated')).to.equal('50.000,00 $');
    expect(text($(el, "[data-figure='available'] dt"))).to.equal('Verfügbar');
    expect(text($(el, "[part~='expiry']"))).to.match(/^Verfällt in 20 Tagen/);
    expect(text($(el, "[data-action='request']"))).to.equal('Mittel beantragen');
  });

  it('holds the final size with a skeleton while loading', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const requests = [approved(), makeRequest({ id: 'mdfr_2' })];
    const { el } = await mount(
      { beforeSummary: () => gate, requests },
      'en',
      (e) => !!$(e, '.skeleton'),
    );
    expect($(el, '.skeleton')!.getAttribute('aria-busy')).to.equal('true');
    const skeleton = el.getBoundingClientRect().height;
    release();
    await waitUntil(() => !!$(el, "[part='period']"));
    await el.updateComplete;
    const loaded = el.getBoundingClientRect().height;
    expect(skeleton).to.be.greaterThan(loaded * 0.75);
    expect(skeleton).to.be.lessThan(loaded * 1.25);
  });

  it('shows the empty state when nothing is allocated', async () => {
    const { el } = await mount({ allocations: [] }, 'en', (e) => !!$(e, "[part='empty']"));
    expect(text($(el, "[part='empty']"))).to.equal('No funds allocated yet.');
  });

  it('shows an error with a retry that loads again', async () => {
    const { el, fake } = await mount({ failSummaries: 1 }, 'en', (e) => !!$(e, "[part='error']"));
    expect(text($(el, "[part='error'] p"))).to.contain('The funds could not be loaded.');
    expect(text($(el, "[part='error'] p"))).to.contain('The funds are being recounted.');
    await click(el, "[data-action='retry']");
    await waitUntil(() => !!$(el, "[part='period']"), 'retry did not load');
    expect(fake.calls['GET /v1/mdf/summary']).to.equal(2);
  });

  it('requests funds: checks the amount live, keeps typing on error, then submits', async () => {
    const { el, fake } = await mount();
    await click(el, "[data-action='request']");
    expect($(el, "[part='form']")).to.exist;
    expect(text($(el, "[data-field='amount'] .hint"))).to.equal('$50,000.00 available');
    await type(el, "[name='amount']", '60,000');
    expect(errorOf(el, 'amount')).to.equal('More than the $50,000.00 available.');
    await type(el, "[name='amount']", '12,500.50');
    expect(errorOf(el, 'amount')).to.equal(undefined);
    await click(el, "[data-action='submit']");
    expect(errorOf(el, 'title')).to.equal('Required.');
    expect(errorOf(el, 'startDate')).to.equal('Required.');
    expect($<HTMLInputElement>(el, "[name='amount']")!.value).to.equal('12,500.50');
    expect(fake.calls['POST /v1/mdf/requests']).to.equal(undefined);

    await type(el, "[name='title']", 'Partner summit');
    await type(el, "[name='description']", 'Booth and talk.');
    await type(el, "[name='startDate']", inDays(10));
    await type(el, "[name='endDate']", inDays(9));
    await click(el, "[data-action='submit']");
    expect(errorOf(el, 'endDate')).to.equal('Must not be before the start.');
    await type(el, "[name='endDate']", inDays(11));
    const sent = oneEvent(el, 'prm-mdf-request');
    await click(el, "[data-action='submit']");
    const { detail } = await sent;
    expect(detail.requestedAmount).to.deep.equal({ amount: 1_250_050, currency: 'USD' });
    expect(detail.activity.title).to.equal('Partner summit');
    await waitUntil(() => figure(el, 'pending') === '$12,500.50', 'the figures did not move');
    expect($(el, "[part='form']")).to.equal(null);
    expect(figure(el, 'available')).to.equal('$37,499.50');
  });

  it('shows the server’s insufficient_funds beside the amount and keeps the form', async () => {
    const { el, fake } = await mount();
    await click(el, "[data-action='request']");
    // Another request took most of the funds since the figures were loaded.
    fake.requests.push(
      makeRequest({ id: 'mdfr_race', requestedAmount: { amount: 4_900_000, currency: 'USD' } }),
    );
    await type(el, "[name='title']", 'Webinar');
    await type(el, "[name='description']", 'Security.');
    await type(el, "[name='startDate']", inDays(3));
    await type(el, "[name='endDate']", inDays(3));
    await type(el, "[name='amount']", '2,000');
    await click(el, "[data-action='submit']");
    await waitUntil(() => !!errorOf(el, 'amount'), 'no problem beside the amount');
    expect(errorOf(el, 'amount')).to.equal('Only 100000 of this allocation is available.');
    expect($<HTMLInputElement>(el, "[name='title']")!.value).to.equal('Webinar');
    expect(text($(el, '.form-error'))).to.equal('Please correct the marked fields.');
  });

  it('claims with a proof upload, refusing a bad file beside the field', async () => {
    const { el, fake } = await mount({ requests: [approved()] });
    await click(el, "[data-id='mdfr_ok'] [data-action='claim']");
    expect($<HTMLInputElement>(el, "[name='amount']")!.value).to.equal('6,000.00');
    await click(el, "[data-action='submit']");
    expect(errorOf(el, 'files')).to.equal('Attach at least one proof.');
    const files = $<HTMLInputElement>(el, "input[type='file']")!;
    const dt = new DataTransfer();
    dt.items.add(new File(['%PDF-1.4 …%%EOF'], 'invoice.pdf', { type: 'application/pdf' }));
    dt.items.add(new File(['GIF89a'], 'photo.gif', { type: 'image/gif' }));
    files.files = dt.files;
    files.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await waitUntil(() => $$(el, ".upload[data-state='uploading']").length === 0, 'uploads hung');
    expect(text($(el, ".upload[data-state='done']"))).to.contain('invoice.pdf attached');
    expect(text($(el, ".upload[data-state='failed']"))).to.contain(
      'photo.gif: The content is none of PDF',
    );
    await type(el, "[name='amount']", '7,000');
    expect(errorOf(el, 'amount')).to.equal('More than the $6,000.00 left to claim.');
    await type(el, "[name='amount']", '5,000');
    await type(el, "[name='leads']", '14');
    const sent = oneEvent(el, 'prm-mdf-claim');
    await click(el, "[data-action='submit']");
    const { detail } = await sent;
    expect(detail.amount.amount).to.equal(500_000);
    expect(detail.proofFiles).to.have.length(1);
    expect(detail.results.leads).to.equal(14);
    await waitUntil(() => figure(el, 'claimed') === '$5,000.00');
    expect(fake.claims).to.have.length(1);
  });

  it('lets a channel manager approve for less, and decide claims, in place', async () => {
    const { el } = await mount({
      role: 'channel_manager',
      partnerId: 'prt_acme',
      requests: [makeRequest({ id: 'mdfr_s' }), approved()],
      claims: [makeClaim({ id: 'mdfc_s', requestId: 'mdfr_ok' })],
    });
    expect($(el, "[data-action='request']")).to.equal(null);
    await click(el, "[data-id='mdfr_s'] [data-action='review']");
    await type(el, "[data-id='mdfr_s'] [name='amount']", '7,500');
    await type(el, "[data-id='mdfr_s'] [name='comment']", 'Without catering.');
    const decided = oneEvent(el, 'prm-mdf-decide');
    await click(el, "[data-id='mdfr_s'] [data-action='approve']");
    const { detail } = await decided;
    expect((detail as MdfRequest).approvedAmount).to.deep.equal({
      amount: 750_000,
      currency: 'USD',
    });
    await waitUntil(() => text($(el, "[data-id='mdfr_s'] .badge")) === 'Approved');
    expect(text($(el, "[data-id='mdfr_s'] .comment"))).to.equal('“Without catering.”');

    await click(el, "[data-id='mdfc_s'] [data-action='review-claim']");
    await click(el, "[data-id='mdfc_s'] [data-action='reject']");
    await waitUntil(() => text($(el, "[data-id='mdfc_s'] .badge")) === 'Rejected');
  });

  it('asks a vendor role to choose a partner', async () => {
    const { el } = await mount({ role: 'channel_manager' }, 'en', (e) => !!$(e, "[part='empty']"));
    expect(text($(el, "[part='empty']"))).to.equal('Choose a partner to see its funds.');
  });

  it('lets a partner user read but not act', async () => {
    const { el } = await mount({
      role: 'partner_user',
      requests: [approved(), makeRequest({ id: 'mdfr_r', status: 'returned' })],
    });
    expect($(el, "[data-action='request']")).to.equal(null);
    expect($(el, "[data-action='claim']")).to.equal(null);
    expect($(el, "[data-action='edit']")).to.equal(null);
    expect($$(el, '.request')).to.have.length(2);
  });

  it('resubmits a returned request with its values filled in', async () => {
    const { el } = await mount({
      requests: [
        makeRequest({
          id: 'mdfr_r',
          status: 'returned',
          decision: {
            by: 'usr_cm',
            decision: 'return',
            comment: 'Add the agenda.',
            at: new Date().toISOString(),
          },
        }),
      ],
    });
    expect(text($(el, "[data-id='mdfr_r'] .comment"))).to.equal('“Add the agenda.”');
    await click(el, "[data-id='mdfr_r'] [data-action='edit']");
    expect($<HTMLInputElement>(el, "[name='title']")!.value).to.equal('Customer roadshow');
    expect($<HTMLInputElement>(el, "[name='amount']")!.value).to.equal('10,000.00');
    await type(el, "[name='title']", 'Roadshow with agenda');
    await click(el, "[data-action='submit']");
    await waitUntil(() => text($(el, "[data-id='mdfr_r'] .badge")) === 'Submitted');
    expect(text($(el, "[data-id='mdfr_r'] .title"))).to.equal('Roadshow with agenda');
  });

  it('follows mdf.* events live', async () => {
    const { el, fake } = await mount({ requests: [makeRequest({ id: 'mdfr_live' })] });
    expect(figure(el, 'pending')).to.equal('$10,000.00');
    await waitUntil(() => (fake.calls['GET /v1/events'] ?? 0) > 0, 'no subscription');
    fake.requests[0] = {
      ...fake.requests[0]!,
      status: 'approved',
      approvedAmount: { amount: 1_000_000, currency: 'USD' },
    };
    fake.push('mdf.request.updated', { ...fake.requests[0], partnerId: 'prt_acme' });
    await waitUntil(
      () => figure(el, 'approved') === '$10,000.00',
      'the event did not move the figures',
    );
    expect(figure(el, 'pending')).to.equal('$0.00');
    expect(text($(el, "[data-id='mdfr_live'] .badge"))).to.equal('Approved');
  });

  it('warns when an allocation expired and offers no request', async () => {
    const { el } = await mount({
      allocations: [
        {
          id: 'mdfa_q4',
          period: '2026-Q4',
          allocated: 100_000,
          expiresAt: new Date(Date.now() - 86_400_000).toISOString(),
        },
      ],
    });
    expect(text($(el, "[part~='expiry']"))).to.match(/^Expired on/);
    expect($(el, "[data-action='request']")).to.equal(null);
  });
});
