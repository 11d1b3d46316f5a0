// <prm-mdf-balance>'s proof upload against the reference server, sent at 1 MB/s (DevTools' network
// emulation, test/support/wtr-plugins/network-conditions.mjs, as over a real link): the bar shows
// bytes sent of all (a determinate value growing step by step to 100 %, the percentage as its
// value text), not an indeterminate bar; with a host transport that reports no progress it stays indeterminate and still uploads.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { tokenFromUrl } from '../../src/core/auth.js';
import { createPartnerClient } from '../../src/core/client.js';
import type { PartnerClient, PartnerClientOptions } from '../../src/core/client.js';
import type { MdfRequest, Role } from '../../src/core/schema/index.js';
import '../../src/widgets/define.js';
import type { PrmMdfBalance } from '../../src/widgets/mdf-balance/prm-mdf-balance.js';

const BRIGHTPATH = 'prt_brightpath';

async function clientAs(
  role: Role,
  partner?: string,
  options: Partial<PartnerClientOptions> = {},
): Promise<PartnerClient> {
  const base = (await (await fetch('/__prm/api-base')).json()) as { url: string };
  const query = new URLSearchParams({ role, ...(partner ? { partner } : {}) });
  // Storing megabytes takes the reference server a few seconds on a loaded machine.
  return createPartnerClient({
    baseUrl: base.url,
    getToken: tokenFromUrl(`/__prm/token?${query}`),
    timeout: 60_000,
    ...options,
  });
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A valid PDF of about `megabytes` MB: a header, comment lines as padding, a trailer. */
function bigPdf(megabytes: number): File {
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n';
  const tail =
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  const line = `%${'x'.repeat(1022)}\n`;
  const lines = Math.floor((megabytes * 1_000_000) / line.length);
  return new File([head, line.repeat(lines), tail], 'roadshow-invoices.pdf', {
    type: 'application/pdf',
  });
}

/** An approved request of Brightpath's with money left to claim, made through the API. */
async function approvedRequest(partner: PartnerClient, title: string): Promise<MdfRequest> {
  const manager = await clientAs('channel_manager');
  const summary = await partner.mdf.summary();
  const period = summary.periods.find(
    (p) => p.available.amount >= 10_000 && Date.parse(p.expiresAt) > Date.now(),
  )!;
  const request = await partner.mdf.request({
    allocationId: period.allocationId,
    activity: {
      type: 'event',
      title,
      description: 'Upload progress.',
      startDate: inDays(-2),
      endDate: inDays(-1),
    },
    requestedAmount: { amount: 10_000, currency: period.available.currency },
  });
  return manager.mdf.decideRequest(request.id, { decision: 'approve' });
}

interface Seen {
  value: string | null;
  max: string | null;
  text: string | null;
  position: number;
}

/** Opens the claim form of `request`, attaches `file`, and records every state of the bar. */
async function uploadThrough(el: PrmMdfBalance, request: MdfRequest, file: File) {
  const $ = <T extends Element>(s: string) => el.renderRoot.querySelector<T>(s);
  await waitUntil(() => !!$(`[data-id='${request.id}'] [data-action='claim']`), 'no claim', {
    timeout: 15_000,
  });
  $<HTMLButtonElement>(`[data-id='${request.id}'] [data-action='claim']`)!.click();
  await el.updateComplete;
  const seen: Seen[] = [];
  const record = () => {
    const bar = $<HTMLProgressElement>('.upload progress');
    if (bar) {
      seen.push({
        value: bar.getAttribute('value'),
        max: bar.getAttribute('max'),
        text: bar.getAttribute('aria-valuetext'),
        position: bar.position,
      });
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(el.renderRoot, { subtree: true, childList: true, attributes: true });
  const input = $<HTMLInputElement>("input[type='file']")!;
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  record();
  await waitUntil(() => !!$(".upload[data-state='done']"), 'the upload did not finish', {
    timeout: 60_000,
  });
  observer.disconnect();
  return seen;
}

describe('<prm-mdf-balance> proof upload progress with the reference server', () => {
  it('shows bytes sent of all, up to 100 %, as an accessible determinate value', async function () {
    this.timeout(120_000);
    const partner = await clientAs('partner_admin', BRIGHTPATH);
    const request = await approvedRequest(partner, 'Progress roadshow');
    const el = await fixture<PrmMdfBalance>(
      html`<prm-mdf-balance lang="en" .client=${partner}></prm-mdf-balance>`,
    );
    const file = bigPdf(2);
    await executeServerCommand('prm-network', { uploadBytesPerSecond: 1_000_000 });
    const seen = await uploadThrough(el, request, file).finally(() =>
      executeServerCommand('prm-network', { uploadBytesPerSecond: null }),
    );
    // Indeterminate until the first bytes are reported, then determinate: value of max.
    expect(seen[0]!.value).to.equal(null);
    expect(seen[0]!.position).to.equal(-1);
    const determinate = seen.filter((s) => s.value !== null);
    // Several steps on the way, not only the end.
    expect(determinate.length, JSON.stringify(seen)).to.be.greaterThan(2);
    expect(Number(determinate[0]!.value)).to.be.lessThan(file.size);
    for (const s of determinate) {
      expect(s.max).to.equal(String(file.size));
      expect(s.position).to.be.within(0, 1);
    }
    const last = determinate.at(-1)!;
    expect(last.value).to.equal(String(file.size));
    expect(last.position).to.equal(1);
    expect(last.text).to.equal('100%');
    const values = determinate.map((s) => Number(s.value));
    expect(values.every((v, i) => i === 0 || v >= values[i - 1]!)).to.equal(true);
    expect(
      el.renderRoot.querySelector(".upload[data-state='done']")!.textContent!.trim(),
    ).to.contain('roadshow-invoices.pdf attached');
  });

  it('stays indeterminate, and still uploads, through a host transport that reports no progress', async function () {
    this.timeout(120_000);
    const partner = await clientAs('partner_admin', BRIGHTPATH, {
      transport: (request) => fetch(request),
    });
    const request = await approvedRequest(partner, 'Transport roadshow');
    const el = await fixture<PrmMdfBalance>(
      html`<prm-mdf-balance lang="de" .client=${partner}></prm-mdf-balance>`,
    );
    const seen = await uploadThrough(el, request, bigPdf(0.2));
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.every((s) => s.value === null && s.position === -1)).to.equal(true);
  });
});
