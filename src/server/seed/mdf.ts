/**
 * @module The demo's market development funds: allocations for this quarter and the last (the
 * last one expired), requests in every status, claims in every status with PDF and CSV proofs,
 * and one approved request whose claim window has closed. Written through the domain functions,
 * so every movement is in the ledger exactly as the API would have written it.
 */
import type { ActivityInput, MdfClaimInput } from '../../core/schema/index.js';
import type { Principal } from '../identity/principal.js';
import { createAllocation } from '../domain/mdf-allocations.js';
import { decideClaim, payClaim, submitClaim } from '../domain/mdf-claims.js';
import { storeFile } from '../domain/mdf-files.js';
import { decideRequest, submitRequest } from '../domain/mdf-requests.js';
import type { Tx } from '../store/index.js';
import { DEMO_IDS } from './demo.js';

const DAY = 86_400_000;
const usd = (dollars: number) => ({ amount: dollars * 100, currency: 'USD' });
const date = (t: number) => new Date(t).toISOString().slice(0, 10);

/** `2026-Q4` of an instant, and the first instant of the quarter after it. */
export function quarterOf(t: Date): { period: string; end: Date } {
  const q = Math.floor(t.getUTCMonth() / 3);
  return {
    period: `${t.getUTCFullYear()}-Q${q + 1}`,
    end: new Date(Date.UTC(t.getUTCFullYear(), q * 3 + 3, 1)),
  };
}

/** A small but complete one-page PDF with one line of text. */
export function tinyPdf(line: string): Uint8Array {
  const text = line.replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const admin = (partner: string, sub: string): Principal & { partnerId: string } => ({
  sub,
  role: 'partner_admin',
  partnerId: partner,
  name: 'Demo partner admin',
  email: 'admin@partner.example',
  via: 'secret',
});
const vendor = (role: Principal['role'], sub: string): Principal => ({
  sub,
  role,
  partnerId: null,
  name: 'Demo staff',
  email: 'staff@lumenfold.example',
  via: 'secret',
});

function activity(
  type: ActivityInput['type'],
  title: string,
  start: number,
  days: number,
): ActivityInput {
  return {
    type,
    title,
    description: `${title}: joint campaign with Lumenfold, invitations to our installed base.`,
    startDate: date(start),
    endDate: date(start + days * DAY),
    expectedLeads: 40,
    expectedPipeline: usd(120_000),
  };
}

export async function seedMdf(tx: Tx, now: Date): Promise<void> {
  const programAdmin = vendor('program_admin', DEMO_IDS.users.programAdmin);
  const manager = vendor('channel_manager', DEMO_IDS.users.channelManager);
  const finance = vendor('integration', DEMO_IDS.users.integration);
  const t = now.getTime();
  const current = quarterOf(now);
  const previous = quarterOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1)));

  for (const [partner, sub, amount] of [
    [DEMO_IDS.partners.brightpath, DEMO_IDS.users.brightpathAdmin, 50_000],
    [DEMO_IDS.partners.kestrel, DEMO_IDS.users.kestrelAdmin, 80_000],
  ] as const) {
    const me = admin(partner, sub);
    const last = await createAllocation(
      tx,
      {
        partnerId: partner,
        period: previous.period,
        amount: usd(amount / 2),
        expiresAt: new Date(t + DAY).toISOString(),
      },
      programAdmin,
    );
    const alloc = await createAllocation(
      tx,
      {
        partnerId: partner,
        period: current.period,
        amount: usd(amount),
        // A week after the quarter: the widget warns while it approaches.
        expiresAt: new Date(current.end.getTime() + 7 * DAY).toISOString(),
      },
      programAdmin,
    );
    const proof = await storeFile(
      tx,
      tinyPdf('Invoice 2026-114: venue and catering'),
      'application/pdf',
      'invoice-venue.pdf',
      me,
    );
    const leads = await storeFile(
      tx,
      new TextEncoder().encode(
        'company,contact,score\nAlder Works,Ana Ruiz,72\nBirch Labs,Tom Okafor,64\n',
      ),
      'text/csv',
      'leads.csv',
      me,
    );
    const request = (a: string, input: ActivityInput, dollars: number) =>
      submitRequest(tx, { allocationId: a, activity: input, requestedAmount: usd(dollars) }, me);
    const claim = (id: string, dollars: number, files: string[]): Promise<{ id: string }> => {
      const body: MdfClaimInput = {
        amount: usd(dollars),
        proofFileIds: files,
        results: { leads: 37, pipeline: usd(95_000), notes: 'Two opportunities registered.' },
      };
      return submitClaim(tx, id, body, me);
    };

    // Last quarter: an approved, fully paid webinar, an approved event whose claim window closed.
    const webinar = await request(
      last.id,
      activity('webinar', 'Security webinar series', t - 40 * DAY, 1),
      8_000,
    );
    await decideRequest(tx, webinar.id, { decision: 'approve' }, manager);
    const paidClaim = await claim(webinar.id, 7_500, [proof.id, leads.id]);
    await decideClaim(tx, paidClaim.id, { decision: 'approve' }, manager);
    await payClaim(
      tx,
      paidClaim.id,
      {
        reference: `PAY-${partner.slice(4, 8).toUpperCase()}-0091`,
        paidAt: new Date(t - 2 * DAY).toISOString(),
      },
      finance,
    );
    const lateEvent = await request(
      last.id,
      activity('event', 'Partner summit booth', t - 100 * DAY, 2),
      6_000,
    );
    await decideRequest(
      tx,
      lateEvent.id,
      { decision: 'approve', approvedAmount: usd(5_000) },
      manager,
    );
    // Its activity ended more than `claimWindowDays` ago: the window is closed.

    // This quarter: one request in every status, claims in every status.
    const event = await request(
      alloc.id,
      activity('event', 'Customer roadshow Berlin', t - 20 * DAY, 2),
      15_000,
    );
    await decideRequest(
      tx,
      event.id,
      { decision: 'approve', approvedAmount: usd(12_000), comment: 'Approved without the dinner.' },
      manager,
    );
    const approvedClaim = await claim(event.id, 4_000, [proof.id]);
    await decideClaim(tx, approvedClaim.id, { decision: 'approve' }, manager);
    const rejectedClaim = await claim(event.id, 3_000, [leads.id]);
    await decideClaim(
      tx,
      rejectedClaim.id,
      { decision: 'reject', comment: 'The invoice is missing.' },
      manager,
    );
    await claim(event.id, 2_500, [proof.id]);

    const digital = await request(
      alloc.id,
      activity('digital', 'Paid search, Q-end push', t + 5 * DAY, 30),
      9_000,
    );
    void digital; // stays submitted
    const content = await request(
      alloc.id,
      activity('content', 'Case study video', t + 10 * DAY, 20),
      7_000,
    );
    await decideRequest(
      tx,
      content.id,
      { decision: 'return', comment: 'Add the distribution plan, please.' },
      manager,
    );
    const training = await request(
      alloc.id,
      activity('training', 'Sales enablement bootcamp', t + 15 * DAY, 3),
      4_000,
    );
    await decideRequest(
      tx,
      training.id,
      { decision: 'reject', comment: 'Covered by the vendor academy.' },
      manager,
    );
  }
  // The previous quarter's allocation has run out: it accepts no more requests.
  await tx.query(`update mdf_allocations set expires_at = $2 where period = $1`, [
    previous.period,
    new Date(t - 3 * DAY),
  ]);
}
