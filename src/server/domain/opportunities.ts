/** @module The vendor's direct opportunities, upserted from its CRM by `externalId`. */
import type { Opportunity, OpportunityInput, Page } from '../../core/schema/index.js';
import type { AuditInput } from '../audit.js';
import { audit } from '../audit.js';
import { keyset, page } from './paging.js';
import { instant, newId } from '../ids.js';
import type { Queryable, Tx } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import { domainKey } from './deals-matching.js';

export interface OpportunityRow {
  id: string;
  external_id: string;
  customer_name: string;
  customer_domain: string;
  products: string[];
  stage: Opportunity['stage'];
  owner_email: string | null;
  created_at: Date;
  updated_at: Date;
}

export const toOpportunity = (r: OpportunityRow): Opportunity => ({
  id: r.id,
  externalId: r.external_id,
  customer: { name: r.customer_name, domain: r.customer_domain },
  products: r.products,
  stage: r.stage,
  ownerEmail: r.owner_email,
  createdAt: instant(r.created_at),
  updatedAt: instant(r.updated_at),
});

export async function upsertOpportunity(
  tx: Tx,
  input: OpportunityInput,
  actor: AuditInput['actor'],
): Promise<{ opportunity: Opportunity; created: boolean }> {
  const before = await maybeOne<OpportunityRow>(
    tx,
    'select * from opportunities where external_id = $1 for update',
    [input.externalId],
  );
  const { rows } = await tx.query<OpportunityRow & { inserted: boolean }>(
    `insert into opportunities (id, external_id, customer_name, customer_domain, products, stage, owner_email)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7)
     on conflict (external_id) do update set customer_name = excluded.customer_name,
       customer_domain = excluded.customer_domain, products = excluded.products,
       stage = excluded.stage, owner_email = excluded.owner_email,
       updated_at = date_trunc('milliseconds', now())
     returning *, (xmax = 0) as inserted`,
    [
      newId('opportunity'),
      input.externalId,
      input.customer.name,
      domainKey(input.customer.domain),
      JSON.stringify([...new Set(input.products)]),
      input.stage,
      input.ownerEmail ?? null,
    ],
  );
  const row = rows[0]!;
  const opportunity = toOpportunity(row);
  const created = row.inserted;
  await audit(tx, {
    actor,
    action: created ? 'opportunity.created' : 'opportunity.updated',
    resourceType: 'opportunity',
    resourceId: opportunity.id,
    ...(before ? { before: toOpportunity(before) } : {}),
    after: opportunity,
  });
  return { opportunity, created };
}

export interface OpportunityListOptions {
  stage?: string | undefined;
  customerDomain?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listOpportunities(
  db: Queryable,
  o: OpportunityListOptions,
): Promise<Page<Opportunity>> {
  const domain = o.customerDomain ? (domainKey(o.customerDomain) ?? '') : null;
  const params: unknown[] = [o.stage ?? null, domain];
  const k = keyset({
    list: 'opportunities',
    timeColumn: 'created_at',
    idColumn: 'id',
    direction: 'desc',
    cursor: o.cursor,
    nextParam: params.length + 1,
  });
  params.push(...k.params, o.limit + 1);
  const { rows } = await db.query<OpportunityRow>(
    `select * from opportunities
      where ($1::text is null or stage = $1) and ($2::text is null or customer_domain = $2)
        and ${k.where}
      order by ${k.orderBy} limit $${params.length}`,
    params,
  );
  return page(
    rows,
    o.limit,
    'opportunities',
    (r) => ({ at: r.created_at, id: r.id }),
    toOpportunity,
  );
}
