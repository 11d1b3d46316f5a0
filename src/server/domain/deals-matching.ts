/**
 * @module The conflict check: which live deals and open direct opportunities are about the same
 * customer, read through indexes only, and the verdict rules 2–4 of registration draw from them.
 */
import type { ConflictMatch, ConflictReport } from '../../core/schema/index.js';
import { hostnameOf } from '../../core/schema/index.js';
import type { Queryable, Tx } from '../store/index.js';
import {
  POSSIBLE_MATCH_SIMILARITY,
  SAME_CUSTOMER_SIMILARITY,
  normalizeName,
  registrableDomain,
} from './customer-names.js';

/** The comparable forms of a customer. */
export interface CustomerKey {
  /** `normalizeName` of the name; may be empty for a name of punctuation only. */
  name: string;
  /** The registrable domain (or the host when it has none); null when none was given. */
  domain: string | null;
}

export function customerKey(name: string, website: string | null | undefined): CustomerKey {
  return { name: normalizeName(name), domain: domainKey(website) };
}

/** `https://eu.sales.acme.com/x` → `acme.com`; a host under a bare public suffix keeps its host. */
export function domainKey(website: string | null | undefined): string | null {
  if (!website) return null;
  return registrableDomain(website) ?? hostnameOf(website);
}

/** A candidate found by the index lookups, before it is judged against the registering partner. */
export interface Candidate {
  source: 'deal' | 'opportunity';
  id: string;
  partnerId: string | null;
  status: 'under_review' | 'approved' | null;
  customerName: string;
  domainMatch: boolean;
  similarity: number;
}

/** At most this many candidates per source: a check reports the strongest, not every weak one. */
const CANDIDATE_LIMIT = 50;

/**
 * Makes the `%` operator mean "similarity ≥ 0.6" for the rest of the transaction. The operator,
 * unlike a `similarity(…) >= 0.6` comparison, is what the trigram index can answer.
 */
export async function setSimilarityThreshold(tx: Queryable): Promise<void> {
  await tx.query(`select set_config('pg_trgm.similarity_threshold', $1, true)`, [
    String(POSSIBLE_MATCH_SIMILARITY),
  ]);
}

/*
 * Live deals about this customer. Every arm of the WHERE is answered by an index: the domain
 * equality by `deals_live_domain`, the `%` by the trigram index `deals_live_name`; the first
 * clause repeats the two indexes' predicate word for word, which is what lets the planner use
 * partial indexes, and the protection window and the product overlap are checked on the few rows
 * they return. No step reads the rest of the table, whatever its size.
 */
const LIVE = `(d.status = 'under_review' or (d.status = 'approved' and d.stage = 'open'))
  and (d.status = 'under_review' or d.protected_until > now())`;

/** The WHERE and parameters shared by both lookups; only the clauses the input allows. */
function lookup(col: { domain: string; name: string }, key: CustomerKey) {
  const params: unknown[] = [key.name];
  const arms: string[] = [];
  let domainMatch = 'false';
  if (key.domain !== null) {
    params.push(key.domain);
    domainMatch = `${col.domain} = $${params.length}`;
    arms.push(domainMatch);
  }
  if (key.name.length > 0) arms.push(`${col.name} % $1`);
  return { params, arms: arms.join(' or '), domainMatch };
}

export interface CandidateQuery {
  source: Candidate['source'];
  sql: string;
  params: unknown[];
}

function dealQuery(key: CustomerKey, products: string[] | null): CandidateQuery {
  const l = lookup({ domain: 'd.customer_reg_domain', name: 'd.customer_name_norm' }, key);
  let byProducts = '';
  if (products) {
    l.params.push(products);
    byProducts = `and d.products && $${l.params.length}::text[]`;
  }
  return {
    source: 'deal',
    sql: `select d.id, d.partner_id, d.status, d.customer_name, ${l.domainMatch} as domain_match,
                 similarity(d.customer_name_norm, $1) as similarity
            from deals d
           where ${LIVE} and (${l.arms}) ${byProducts}
           order by domain_match desc, similarity desc, d.id
           limit ${CANDIDATE_LIMIT}`,
    params: l.params,
  };
}

/*
 * Open direct opportunities. An opportunity that lists no products is the vendor's claim on the
 * whole customer, so it overlaps every product.
 */
function opportunityQuery(key: CustomerKey, products: string[] | null): CandidateQuery {
  const l = lookup({ domain: 'o.customer_domain', name: 'o.customer_name_norm' }, key);
  let byProducts = '';
  if (products) {
    l.params.push(products);
    byProducts = `and (jsonb_array_length(o.products) = 0 or o.products ?| $${l.params.length}::text[])`;
  }
  return {
    source: 'opportunity',
    sql: `select o.id, o.customer_name, ${l.domainMatch} as domain_match,
                 similarity(o.customer_name_norm, $1) as similarity
            from opportunities o
           where o.stage = 'open' and (${l.arms}) ${byProducts}
           order by domain_match desc, similarity desc, o.id
           limit ${CANDIDATE_LIMIT}`,
    params: l.params,
  };
}

/** The two lookups of a check; exported so that tests and the benchmark can EXPLAIN them. */
export function candidateQueries(
  key: CustomerKey,
  products: readonly string[] | null,
): CandidateQuery[] {
  if (key.domain === null && key.name.length === 0) return [];
  const wanted = products && products.length > 0 ? [...products] : null;
  return [dealQuery(key, wanted), opportunityQuery(key, wanted)];
}

interface CandidateRow {
  id: string;
  partner_id?: string;
  status?: 'under_review' | 'approved';
  customer_name: string;
  domain_match: boolean;
  similarity: number;
}

/**
 * Live deals and open opportunities about this customer and (when given) these products. Call
 * {@link setSimilarityThreshold} first in the same transaction.
 */
export async function findCandidates(
  tx: Queryable,
  key: CustomerKey,
  products: readonly string[] | null,
): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const q of candidateQueries(key, products)) {
    const { rows } = await tx.query<CandidateRow>(q.sql, q.params);
    out.push(...rows.map((r) => toCandidate(q.source, r)));
  }
  return out;
}

const toCandidate = (source: Candidate['source'], r: CandidateRow): Candidate => ({
  source,
  id: r.id,
  partnerId: r.partner_id ?? null,
  status: r.status ?? null,
  customerName: r.customer_name,
  domainMatch: r.domain_match,
  similarity: Math.round(Number(r.similarity) * 1000) / 1000,
});

/** Equal registrable domains or near-identical names: one customer, not a possible one. */
export const isSameCustomer = (c: Candidate) =>
  c.domainMatch || c.similarity >= SAME_CUSTOMER_SIMILARITY;

export interface Judgement {
  /** The full report (vendor view). */
  report: ConflictReport;
  /** Rule 2: the registering partner's own live deal for this customer and these products. */
  duplicateOf: string | null;
}

const KIND_ORDER: Record<ConflictMatch['kind'], number> = {
  own_duplicate: 0,
  other_partner: 1,
  direct_opportunity: 2,
};

/**
 * Rules 2–4 for a partner: its own same-customer deal is a duplicate; another partner's approved
 * deal for the customer blocks; another partner's deal under review, a direct opportunity or any
 * possible match (0.6–0.9, other domain) sends the deal to review; nothing at all is clear.
 */
export function judge(candidates: readonly Candidate[], partnerId: string): Judgement {
  let duplicateOf: string | null = null;
  let blocked = false;
  const matches: ConflictMatch[] = [];
  for (const c of candidates) {
    const same = isSameCustomer(c);
    const matchedOn: ConflictMatch['matchedOn'] = [];
    if (c.domainMatch) matchedOn.push('domain');
    if (c.similarity >= POSSIBLE_MATCH_SIMILARITY) matchedOn.push('name');
    const base = { similarity: c.similarity, matchedOn, customerName: c.customerName };
    if (c.source === 'opportunity') {
      matches.push({ kind: 'direct_opportunity', ...base, opportunityId: c.id });
    } else if (c.partnerId === partnerId) {
      if (same) duplicateOf ??= c.id;
      matches.push({ kind: 'own_duplicate', ...base, dealId: c.id });
    } else {
      if (same && c.status === 'approved') blocked = true;
      matches.push({ kind: 'other_partner', ...base, dealId: c.id });
    }
  }
  matches.sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      Number(b.matchedOn.includes('domain')) - Number(a.matchedOn.includes('domain')) ||
      b.similarity - a.similarity,
  );
  const verdict = blocked || duplicateOf ? 'blocked' : matches.length > 0 ? 'review' : 'clear';
  return { report: { verdict, matches }, duplicateOf };
}

/**
 * Serialises registrations that could be about one customer, across every process sharing the
 * database, until the transaction ends.
 *
 * Equal domains share a lock on the domain. Names are compared by similarity, not equality, so a
 * lock on the exact name would let "Globex" and "Globex Systems" slip past each other. Instead the
 * transaction locks every trigram of its normalised name (pg_trgm's own `show_trgm`): two names
 * with similarity ≥ 0.6 share trigrams, hence share at least one lock, hence the later transaction
 * waits for the earlier one to commit and then — read committed, each statement a new snapshot —
 * sees its deal in the conflict check that follows. Locks are taken in ascending key order in one
 * statement, so two registrations can never deadlock on them. The cost is that registrations for
 * names sharing a trigram queue for a few milliseconds each; distinct customers mostly do not.
 */
export async function lockCustomer(tx: Tx, key: CustomerKey): Promise<void> {
  await tx.query(
    `select pg_advisory_xact_lock(k) from (
       select hashtextextended('prm.deal.trgm:' || t, 0) as k from unnest(show_trgm($1)) t
       union
       select hashtextextended('prm.deal.domain:' || $2::text, 0) where $2::text is not null
       order by 1
     ) keys`,
    [key.name, key.domain],
  );
}
