/**
 * @module How MDF rows become the contract's `MdfRequest`, `MdfClaim` and `Allocation`. Requests
 * and claims read the same for every role allowed to see them.
 */
import type {
  Activity,
  Allocation,
  FileInfo,
  MdfClaim,
  MdfDecision,
  MdfRequest,
} from '../../core/schema/index.js';
import { instant } from '../ids.js';

const money = (amount: number | string, currency: string) => ({
  amount: Number(amount),
  currency,
});

export interface AllocationRow {
  id: string;
  partner_id: string;
  period: string;
  currency: string;
  allocated: number | string;
  pending: number | string;
  approved: number | string;
  claimed: number | string;
  paid: number | string;
  expires_at: Date;
  created_at: Date;
}

export const toAllocation = (r: AllocationRow): Allocation => ({
  id: r.id,
  partnerId: r.partner_id,
  period: r.period,
  amount: money(r.allocated, r.currency),
  expiresAt: instant(r.expires_at),
  createdAt: instant(r.created_at),
});

export interface RequestRow {
  id: string;
  partner_id: string;
  partner_name: string;
  allocation_id: string;
  period: string;
  status: MdfRequest['status'];
  activity: Activity;
  currency: string;
  requested_amount: number | string;
  approved_amount: number | string | null;
  claimed_amount: number | string;
  claim_deadline: string;
  decision: MdfDecision | null;
  submitted_by: string;
  submitted_at: Date;
  updated_at: Date;
}

/** Every read of requests selects this: the row, its period, partner name and claim deadline. */
export const REQUEST_SELECT = `select r.*, a.period, p.name as partner_name,
  to_char(r.end_date + (select claim_window_days from program where id = 1), 'YYYY-MM-DD') as claim_deadline
  from mdf_requests r join mdf_allocations a on a.id = r.allocation_id
  join partners p on p.id = r.partner_id`;

export function toRequest(r: RequestRow): MdfRequest {
  return {
    id: r.id,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    allocationId: r.allocation_id,
    period: r.period,
    status: r.status,
    activity: r.activity,
    requestedAmount: money(r.requested_amount, r.currency),
    approvedAmount: r.approved_amount === null ? null : money(r.approved_amount, r.currency),
    claimedAmount: money(r.claimed_amount, r.currency),
    claimDeadline: r.claim_deadline,
    decision: r.decision,
    submittedBy: r.submitted_by,
    submittedAt: instant(r.submitted_at),
    updatedAt: instant(r.updated_at),
  };
}

export interface ClaimRow {
  id: string;
  request_id: string;
  partner_id: string;
  allocation_id: string;
  period: string;
  status: MdfClaim['status'];
  currency: string;
  amount: number | string;
  proof_files: FileInfo[];
  results: MdfClaim['results'];
  decision: MdfClaim['decision'];
  payout: MdfClaim['payout'];
  submitted_by: string;
  submitted_at: Date;
  updated_at: Date;
}

/** Every read of claims selects this: the row, its period and its proof files in order. */
export const CLAIM_SELECT = `select c.*, a.period,
  coalesce((select jsonb_agg(jsonb_build_object('id', f.id, 'name', f.name,
      'contentType', f.content_type, 'sizeBytes', f.size_bytes) order by u.n)
    from unnest(c.proof_file_ids) with ordinality as u(fid, n) join files f on f.id = u.fid),
    '[]'::jsonb) as proof_files
  from mdf_claims c join mdf_allocations a on a.id = c.allocation_id`;

export function toClaim(r: ClaimRow): MdfClaim {
  return {
    id: r.id,
    requestId: r.request_id,
    partnerId: r.partner_id,
    allocationId: r.allocation_id,
    period: r.period,
    status: r.status,
    amount: money(r.amount, r.currency),
    proofFiles: r.proof_files,
    results: r.results,
    decision: r.decision,
    payout: r.payout,
    submittedBy: r.submitted_by,
    submittedAt: instant(r.submitted_at),
    updatedAt: instant(r.updated_at),
  };
}
