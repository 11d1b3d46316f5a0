/**
 * A real `PartnerClient` over an in-memory MDF program, for the stories and widget tests of
 * `<prm-mdf-balance>`: the summary is computed from the requests and claims the way the server's
 * ledger does, refusals answer the server's problems, and `push()` sends an event on the stream.
 */
import { createPartnerClient, staticToken } from '../../src/core/index.js';
import type {
  Me,
  MdfClaim,
  MdfRequest,
  MdfSummary,
  PartnerClient,
  Role,
} from '../../src/core/index.js';

export interface FakeAllocation {
  id: string;
  period: string;
  allocated: number;
  expiresAt: string;
}

export interface FakeMdfOptions {
  role?: Role;
  allocations?: FakeAllocation[];
  requests?: MdfRequest[];
  claims?: MdfClaim[];
  /** Awaited before each summary is answered (to hold the skeleton). */
  beforeSummary?: () => Promise<void>;
  /** The first n summaries answer 503. */
  failSummaries?: number;
}

const DAY = 86_400_000;
const PARTNER = 'prt_acme';
const iso = (t: number) => new Date(t).toISOString().replace(/\.\d+Z$/, 'Z');
export const inDays = (n: number) => iso(Date.now() + n * DAY).slice(0, 10);
const usd = (amount: number) => ({ amount, currency: 'USD' });

export function fakeMe(role: Role): Me {
  const partner = role.startsWith('partner');
  return {
    user: { id: `usr_${role}`, name: 'Dana Demo', email: 'dana@acme.example', role },
    partner: partner
      ? {
          id: PARTNER,
          name: 'Acme Partner GmbH',
          type: 'reseller',
          tier: { id: 'tier_gold', name: 'Gold', rank: 2 },
        }
      : null,
  };
}

export function makeRequest(over: Partial<MdfRequest> & { id: string }): MdfRequest {
  return {
    partnerId: PARTNER,
    allocationId: 'mdfa_q4',
    period: '2026-Q4',
    status: 'submitted',
    activity: {
      type: 'event',
      title: 'Customer roadshow',
      description: 'Three cities.',
      startDate: inDays(-10),
      endDate: inDays(-8),
    },
    requestedAmount: usd(1_000_000),
    approvedAmount: null,
    claimedAmount: usd(0),
    claimDeadline: inDays(52),
    decision: null,
    submittedBy: 'usr_partner_admin',
    submittedAt: iso(Date.now() - 5 * DAY),
    updatedAt: iso(Date.now() - 5 * DAY),
    ...over,
  };
}

export function makeClaim(over: Partial<MdfClaim> & { id: string; requestId: string }): MdfClaim {
  return {
    partnerId: PARTNER,
    allocationId: 'mdfa_q4',
    period: '2026-Q4',
    status: 'submitted',
    amount: usd(200_000),
    proofFiles: [
      { id: 'file_1', name: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: 1000 },
    ],
    results: { leads: 12 },
    decision: null,
    payout: null,
    submittedBy: 'usr_partner_admin',
    submittedAt: iso(Date.now() - DAY),
    updatedAt: iso(Date.now() - DAY),
    ...over,
  };
}

export const demoAllocations = (): FakeAllocation[] => [
  { id: 'mdfa_q4', period: '2026-Q4', allocated: 5_000_000, expiresAt: iso(Date.now() + 20 * DAY) },
];

export interface FakeMdf {
  client: PartnerClient;
  requests: MdfRequest[];
  claims: MdfClaim[];
  allocations: FakeAllocation[];
  calls: Record<string, number>;
  summary(): MdfSummary;
  /** Sends `mdf.request.updated` (or claim) with this resource to every open stream. */
  push(event: 'mdf.request.updated' | 'mdf.claim.updated', data: unknown): void;
}

const problem = (status: number, code: string, detail: string, extra: object = {}) =>
  new Response(
    JSON.stringify({ type: `/docs#error-${code}`, title: code, status, code, detail, ...extra }),
    {
      status,
      headers: { 'content-type': 'application/problem+json' },
    },
  );
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function fakeMdfClient(options: FakeMdfOptions = {}): FakeMdf {
  const role = options.role ?? 'partner_admin';
  const allocations = options.allocations ?? demoAllocations();
  const requests = [...(options.requests ?? [])];
  const claims = [...(options.claims ?? [])];
  const calls: Record<string, number> = {};
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  let failSummaries = options.failSummaries ?? 0;
  let seq = 0;
  let n = 0;

  const summary = (): MdfSummary => ({
    partnerId: PARTNER,
    currency: 'USD',
    periods: allocations.map((a) => {
      const rs = requests.filter((r) => r.allocationId === a.id);
      const cs = claims.filter((c) => c.allocationId === a.id);
      const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
      const pending = sum(
        rs.filter((r) => r.status === 'submitted').map((r) => r.requestedAmount.amount),
      );
      const approved = sum(
        rs
          .filter((r) => r.status === 'approved')
          .map((r) => r.approvedAmount!.amount - r.claimedAmount.amount),
      );
      const claimed = sum(
        cs
          .filter((c) => c.status === 'submitted' || c.status === 'approved')
          .map((c) => c.amount.amount),
      );
      const paid = sum(cs.filter((c) => c.status === 'paid').map((c) => c.amount.amount));
      return {
        period: a.period,
        allocationId: a.id,
        allocated: usd(a.allocated),
        pending: usd(pending),
        approved: usd(approved),
        claimed: usd(claimed),
        paid: usd(paid),
        available: usd(a.allocated - pending - approved - claimed - paid),
        expiresAt: a.expiresAt,
      };
    }),
  });

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const route = `${request.method} ${url.pathname.replace(/\/(mdf[rc]_|file_)[^/]+/, '/:id')}`;
    calls[route] = (calls[route] ?? 0) + 1;
    const id = url.pathname.match(/\/((?:mdf[rc]|file)_[^/]+)/)?.[1];
    const body =
      request.method === 'GET'
        ? undefined
        : request.headers.get('content-type')?.includes('json')
          ? await request.json()
          : await request.blob();
    const now = iso(Date.now());
    switch (route) {
      case 'GET /v1/me':
        return json(fakeMe(role));
      case 'GET /v1/events':
        return new Response(
          new ReadableStream<Uint8Array>({ start: (c) => void streams.push(c) }),
          { headers: { 'content-type': 'text/event-stream' } },
        );
      case 'GET /v1/mdf/summary':
        await options.beforeSummary?.();
        if (failSummaries > 0) {
          failSummaries -= 1;
          return problem(503, 'internal', 'The funds are being recounted.');
        }
        return json(summary());
      case 'GET /v1/mdf/requests':
        return json({ items: requests, nextCursor: null });
      case 'GET /v1/mdf/claims':
        return json({ items: claims, nextCursor: null });
      case 'POST /v1/mdf/requests':
      case 'PUT /v1/mdf/requests/:id': {
        const b = body as {
          allocationId?: string;
          activity: MdfRequest['activity'];
          requestedAmount: { amount: number; currency: string };
        };
        const existing = requests.find((r) => r.id === id);
        const allocationId = b.allocationId ?? existing!.allocationId;
        const available = summary().periods.find((p) => p.allocationId === allocationId)!.available
          .amount;
        if (b.requestedAmount.amount > available) {
          return problem(
            409,
            'insufficient_funds',
            `Only ${available} of this allocation is available.`,
            { available: usd(available) },
          );
        }
        const r = makeRequest({
          ...(existing ?? {}),
          id: existing?.id ?? `mdfr_new${++n}`,
          allocationId,
          activity: b.activity,
          requestedAmount: b.requestedAmount,
          status: 'submitted',
          submittedAt: now,
          updatedAt: now,
        });
        if (existing) requests.splice(requests.indexOf(existing), 1, r);
        else requests.unshift(r);
        return json(r, existing ? 200 : 201);
      }
      case 'POST /v1/mdf/requests/:id/decision': {
        const b = body as {
          decision: 'approve' | 'reject' | 'return';
          approvedAmount?: { amount: number; currency: string };
          comment?: string;
        };
        const i = requests.findIndex((r) => r.id === id);
        const r = requests[i]!;
        if (r.status !== 'submitted')
          return problem(
            409,
            'invalid_transition',
            `A request that is ${r.status} cannot be decided.`,
          );
        const status = ({ approve: 'approved', reject: 'rejected', return: 'returned' } as const)[
          b.decision
        ];
        const saved: MdfRequest = {
          ...r,
          status,
          approvedAmount: b.decision === 'approve' ? (b.approvedAmount ?? r.requestedAmount) : null,
          decision: {
            by: `usr_${role}`,
            decision: b.decision,
            ...(b.comment ? { comment: b.comment } : {}),
            at: now,
          },
          updatedAt: now,
        };
        requests[i] = saved;
        return json(saved);
      }
      case 'POST /v1/files': {
        const blob = body as Blob;
        const name = url.searchParams.get('name') ?? 'proof';
        if (blob.size === 0)
          return problem(422, 'validation_failed', 'The file is empty.', {
            errors: [{ path: 'body', code: 'empty', message: 'The file is empty (0 bytes).' }],
          });
        if (!name.endsWith('.pdf'))
          return problem(
            415,
            'unsupported_media_type',
            'The content is none of PDF, PNG, JPEG, CSV or XLSX.',
          );
        return json(
          { id: `file_${++n}`, name, contentType: 'application/pdf', sizeBytes: blob.size },
          201,
        );
      }
      case 'POST /v1/mdf/requests/:id/claims': {
        const b = body as {
          amount: { amount: number; currency: string };
          proofFileIds: string[];
          results: MdfClaim['results'];
        };
        const i = requests.findIndex((r) => r.id === id);
        const r = requests[i]!;
        const left = r.approvedAmount!.amount - r.claimedAmount.amount;
        if (b.amount.amount > left)
          return problem(409, 'insufficient_funds', `Only ${left} is left to claim.`);
        requests[i] = { ...r, claimedAmount: usd(r.claimedAmount.amount + b.amount.amount) };
        const c = makeClaim({
          id: `mdfc_new${++n}`,
          requestId: r.id,
          allocationId: r.allocationId,
          amount: b.amount,
          results: b.results,
          proofFiles: b.proofFileIds.map((f) => ({
            id: f,
            name: 'proof.pdf',
            contentType: 'application/pdf',
            sizeBytes: 1,
          })),
          submittedAt: now,
          updatedAt: now,
        });
        claims.unshift(c);
        return json(c, 201);
      }
      case 'POST /v1/mdf/claims/:id/decision': {
        const b = body as { decision: 'approve' | 'reject'; comment?: string };
        const i = claims.findIndex((c) => c.id === id);
        const c = claims[i]!;
        const saved: MdfClaim = {
          ...c,
          status: b.decision === 'approve' ? 'approved' : 'rejected',
          decision: { by: `usr_${role}`, decision: b.decision, at: now },
          updatedAt: now,
        };
        if (b.decision === 'reject') {
          const r = requests.findIndex((x) => x.id === c.requestId);
          requests[r] = {
            ...requests[r]!,
            claimedAmount: usd(requests[r]!.claimedAmount.amount - c.amount.amount),
          };
        }
        claims[i] = saved;
        return json(saved);
      }
      default:
        return problem(404, 'not_found', `No route ${route}.`);
    }
  };

  const client = createPartnerClient({
    baseUrl: 'https://prm.example',
    getToken: staticToken('fake'),
    fetch,
    retry: { limit: 0 },
  });
  return {
    client,
    requests,
    claims,
    allocations,
    calls,
    summary,
    push(event, data) {
      const text = `id: evt_${++seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const c of streams) c.enqueue(new TextEncoder().encode(text));
    },
  };
}
