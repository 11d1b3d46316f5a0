/** @module The program (products, currencies, service levels) and its tier ladder. */
import type { Program, ProgramInput, Tier, TiersInput } from '../../core/schema/index.js';
import { PROGRAM_DEFAULTS } from '../../core/schema/index.js';
import type { AuditInput } from '../audit.js';
import { audit } from '../audit.js';
import type { Queryable, Tx } from '../store/index.js';

interface ProgramRow {
  name: string;
  products: Program['products'];
  currencies: string[];
  sla_hours: number;
  protection_days: number;
  claim_window_days: number;
}

const toProgram = (r: ProgramRow): Program => ({
  name: r.name,
  products: r.products,
  currencies: r.currencies,
  slaHours: r.sla_hours,
  protectionDays: r.protection_days,
  claimWindowDays: r.claim_window_days,
});

export async function getProgram(db: Queryable): Promise<Program> {
  const { rows } = await db.query<ProgramRow>('select * from program where id = 1');
  return toProgram(rows[0]!);
}

export async function putProgram(
  tx: Tx,
  input: ProgramInput,
  actor: AuditInput['actor'],
): Promise<Program> {
  const before = await getProgram(tx);
  const { rows } = await tx.query<ProgramRow>(
    `update program set name = $1, products = $2::jsonb, currencies = $3::jsonb, sla_hours = $4,
            protection_days = $5, claim_window_days = $6,
            updated_at = date_trunc('milliseconds', now())
      where id = 1 returning *`,
    [
      input.name,
      JSON.stringify(input.products),
      JSON.stringify(input.currencies),
      input.slaHours ?? PROGRAM_DEFAULTS.slaHours,
      input.protectionDays ?? PROGRAM_DEFAULTS.protectionDays,
      input.claimWindowDays ?? PROGRAM_DEFAULTS.claimWindowDays,
    ],
  );
  const after = toProgram(rows[0]!);
  await audit(tx, {
    actor,
    action: 'program.updated',
    resourceType: 'program',
    resourceId: 'program',
    before,
    after,
  });
  return after;
}

interface TierRow {
  id: string;
  name: string;
  rank: number;
  requirements: Tier['requirements'];
  benefits: string[];
  auto_approve_limit: Tier['autoApproveLimit'];
}

export const toTier = (r: TierRow): Tier => ({
  id: r.id,
  name: r.name,
  rank: r.rank,
  requirements: r.requirements,
  benefits: r.benefits,
  autoApproveLimit: r.auto_approve_limit ?? null,
});

export async function listTiers(db: Queryable): Promise<Tier[]> {
  const { rows } = await db.query<TierRow>('select * from tiers order by rank, id');
  return rows.map(toTier);
}

/** Inserts a tier, or replaces the one with its id (the ladder's PUT, and the demo seed). */
export async function upsertTier(tx: Tx, t: TiersInput['tiers'][number]): Promise<void> {
  await tx.query(
    `insert into tiers (id, name, rank, requirements, benefits, auto_approve_limit)
     values ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb)
     on conflict (id) do update set name = excluded.name, rank = excluded.rank,
       requirements = excluded.requirements, benefits = excluded.benefits,
       auto_approve_limit = excluded.auto_approve_limit`,
    [
      t.id,
      t.name,
      t.rank,
      JSON.stringify(t.requirements),
      JSON.stringify(t.benefits),
      t.autoApproveLimit ? JSON.stringify(t.autoApproveLimit) : null,
    ],
  );
}

/** The tier a new partner starts at. */
export async function lowestTierId(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ id: string }>('select id from tiers order by rank, id limit 1');
  return rows[0]!.id;
}

/**
 * Replaces the ladder. Partners on a tier that is gone move to the new lowest tier (each move
 * audited); tier evaluation may raise them again later.
 */
export async function putTiers(
  tx: Tx,
  input: TiersInput,
  actor: AuditInput['actor'],
): Promise<Tier[]> {
  const before = await listTiers(tx);
  for (const t of input.tiers) await upsertTier(tx, t);
  const keep = input.tiers.map((t) => t.id);
  const lowest = [...input.tiers].sort((a, b) => a.rank - b.rank)[0]!.id;
  const moved = await tx.query<{ id: string; tier_id: string }>(
    `update partners p set tier_id = $1
       from (select id, tier_id from partners
              where tier_id not in (select jsonb_array_elements_text($2::jsonb))) old
      where p.id = old.id returning p.id, old.tier_id`,
    [lowest, JSON.stringify(keep)],
  );
  for (const m of moved.rows) {
    await audit(tx, {
      actor,
      action: 'partner.tier_changed',
      resourceType: 'partner',
      resourceId: m.id,
      before: { tierId: m.tier_id },
      after: { tierId: lowest, reason: 'tier_removed' },
    });
  }
  await tx.query(
    'delete from tiers where id not in (select jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(keep)],
  );
  const after = await listTiers(tx);
  await audit(tx, {
    actor,
    action: 'tiers.updated',
    resourceType: 'tiers',
    resourceId: 'tiers',
    before,
    after,
  });
  return after;
}
