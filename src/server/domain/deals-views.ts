/**
 * @module How a deal row becomes the `Deal` of the contract, and how that deal is cut down for the
 * caller: vendor roles see everything, partner roles never see who else holds the customer.
 *
 * The cut is made in one layer only: domain functions return the vendor view, and the routes (and
 * the event stream) pass what they answer through `dealFor`, `reportFor` or `auditEntryFor`.
 */
import type { AuditEntry, ConflictReport, Deal, Decision } from '../../core/schema/index.js';
import { isPartnerRole } from '../../core/schema/index.js';
import type { Principal } from '../identity/principal.js';
import { instant } from '../ids.js';

export interface DealRow {
  id: string;
  partner_id: string;
  /** The status as stored; `expired` only once the sweep (deals-expiry.ts) has been by. */
  status: Deal['status'];
  /** The status as it reads now, whether or not expiry is stored yet (see {@link EFFECTIVE_STATUS}). */
  effective_status: Deal['status'];
  partner_name: string;
  stage: Deal['stage'];
  customer_name: string;
  customer_name_norm: string;
  customer_domain: string;
  customer_reg_domain: string;
  customer_country: string | null;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  title: string;
  products: string[];
  amount: number | string;
  currency: string;
  expected_close_date: string;
  notes: string | null;
  submitted_by: string;
  submitted_at: Date;
  review_due_at: Date | null;
  decision: Decision | null;
  protected_until: Date | null;
  external_id: string | null;
  conflicts: ConflictReport;
  updated_at: Date;
  /** Review routing (migration 020): who reviews it. */
  assignee_id: string | null;
  assignee_name: string | null;
  /** Under review past `review_due_at`, at the statement's time. */
  overdue: boolean;
  partner_tier_id: string | null;
  partner_tier_name: string | null;
  partner_tier_rank: number | null;
}

/**
 * The status a deal reads as at the statement's time: an approved, open deal whose protection has
 * run out is `expired`, whether the sweep has stored that yet or not. Used in every read, and
 * mirrored by the status filter of lists.
 */
export const EFFECTIVE_STATUS = `case when d.status = 'approved' and d.stage = 'open'
  and d.protected_until <= now() then 'expired' else d.status end`;

/** Whether a deal reads as overdue: under review past its due time, at the statement's time. */
export const OVERDUE = `(d.status = 'under_review' and d.review_due_at <= now())`;

/**
 * Every read of deals selects this: the row, its effective status, whether it is overdue, and the
 * partner's name and current tier.
 */
export const DEAL_SELECT = `select d.*, ${EFFECTIVE_STATUS} as effective_status,
  p.name as partner_name, ${OVERDUE} as overdue, t.id as partner_tier_id,
  t.name as partner_tier_name, t.rank as partner_tier_rank
  from deals d join partners p on p.id = d.partner_id left join tiers t on t.id = p.tier_id`;

/** The deal as vendor roles see it. Stored in audit entries and events; cut down per caller. */
export function toDeal(r: DealRow): Deal {
  return {
    id: r.id,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    status: r.effective_status,
    stage: r.stage,
    customer: { name: r.customer_name, domain: r.customer_domain, country: r.customer_country },
    contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
    title: r.title,
    products: r.products,
    amount: { amount: Number(r.amount), currency: r.currency },
    expectedCloseDate: r.expected_close_date,
    notes: r.notes,
    submittedBy: r.submitted_by,
    submittedAt: instant(r.submitted_at),
    reviewDueAt: r.review_due_at ? instant(r.review_due_at) : null,
    decision: r.decision,
    protectedUntil: r.protected_until ? instant(r.protected_until) : null,
    externalId: r.external_id,
    conflicts: r.conflicts,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? r.assignee_id } : null,
    overdue: r.overdue === true,
    partnerTier:
      r.partner_tier_id && r.partner_tier_name !== null && r.partner_tier_rank !== null
        ? { id: r.partner_tier_id, name: r.partner_tier_name, rank: Number(r.partner_tier_rank) }
        : null,
  };
}

/**
 * A conflict report as a partner may see it: a match on another partner's deal or on a direct
 * opportunity keeps only `kind`, `similarity` and `matchedOn`. The partner's own deals stay named.
 */
export function redactReport(report: ConflictReport): ConflictReport {
  return {
    verdict: report.verdict,
    matches: report.matches.map((m) =>
      m.kind === 'own_duplicate'
        ? m
        : { kind: m.kind, similarity: m.similarity, matchedOn: m.matchedOn },
    ),
  };
}

const isPartnerCaller = (p: Pick<Principal, 'role'>) => isPartnerRole(p.role);

/** The deal as this caller may see it. */
export function dealFor(deal: Deal, principal: Pick<Principal, 'role'>): Deal {
  if (!isPartnerCaller(principal)) return deal;
  const { partnerName: _partnerName, assignee: _assignee, partnerTier: _tier, ...rest } = deal;
  return { ...rest, conflicts: redactReport(deal.conflicts) };
}

export const reportFor = (report: ConflictReport, principal: Pick<Principal, 'role'>) =>
  isPartnerCaller(principal) ? redactReport(report) : report;

/**
 * Audit entries of deals hold vendor views in `before`/`after`; a partner reading the history gets
 * them cut down like the deal itself. Anything that is not a deal passes through unchanged.
 */
export function auditValueFor(value: unknown, principal: Pick<Principal, 'role'>): unknown {
  if (!isPartnerCaller(principal) || !value || typeof value !== 'object') return value;
  const v = value as Partial<Deal>;
  const out: Record<string, unknown> = { ...v };
  delete out.partnerName;
  delete out.assignee;
  delete out.partnerTier;
  if (v.conflicts && Array.isArray(v.conflicts.matches)) out.conflicts = redactReport(v.conflicts);
  return out;
}

/** An audit entry of a deal, its `before` and `after` cut down like the deal. */
export function auditEntryFor(entry: AuditEntry, principal: Pick<Principal, 'role'>): AuditEntry {
  return {
    ...entry,
    ...(entry.before === undefined ? {} : { before: auditValueFor(entry.before, principal) }),
    ...(entry.after === undefined ? {} : { after: auditValueFor(entry.after, principal) }),
  };
}
