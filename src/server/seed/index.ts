/** @module Applies a seed to an empty database, once, even when several processes start together. */
import { audit } from '../audit.js';
import type { Store, Tx } from '../store/index.js';
import {
  demoCertifications,
  demoOpportunities,
  demoPartners,
  demoProgram,
  demoTiers,
  demoUsers,
} from './demo.js';
import { seedDeals } from './deals.js';
import { seedReviewRouting } from './review-routing.js';
import { upsertTier } from '../domain/program.js';

const SEED_LOCK = 0x70726d + 1;
const SYSTEM_ACTOR = { id: 'system', role: 'program_admin', partnerId: null } as const;

/** Seeds when the database holds no partners and no seed yet; answers whether it did. */
export async function applySeed(store: Store, seed: 'demo', now = new Date()): Promise<boolean> {
  return store.withLock(SEED_LOCK, async (db) => {
    const { rows } = await db.query<{ empty: boolean }>(
      `select not exists (select 1 from partners) and not exists (select 1 from meta where key = 'seed') as empty`,
    );
    if (!rows[0]!.empty) return false;
    await store.withTransaction(async (tx) => {
      await seedDemo(tx, now);
      await tx.query(`insert into meta (key, value) values ('seed', $1::jsonb)`, [
        JSON.stringify({ name: seed, at: now.toISOString() }),
      ]);
      await audit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'seed.applied',
        resourceType: 'program',
        resourceId: 'program',
        after: { seed },
      });
    });
    return true;
  });
}

async function seedDemo(tx: Tx, now: Date): Promise<void> {
  const program = demoProgram();
  await tx.query(
    `update program set name = $1, products = $2::jsonb, currencies = $3::jsonb, sla_hours = $4,
            protection_days = $5, claim_window_days = $6 where id = 1`,
    [
      program.name,
      JSON.stringify(program.products),
      JSON.stringify(program.currencies),
      program.slaHours,
      program.protectionDays,
      program.claimWindowDays,
    ],
  );
  for (const t of demoTiers()) await upsertTier(tx, t);
  for (const p of demoPartners(now)) {
    await tx.query(
      `insert into partners (id, name, type, region, domains, tier_id, created_at)
       values ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
      [p.id, p.name, p.type, p.region, JSON.stringify(p.domains), p.tierId, p.createdAt],
    );
  }
  for (const u of demoUsers()) {
    await tx.query(
      'insert into users (id, name, email, role, partner_id) values ($1, $2, $3, $4, $5)',
      [u.id, u.name, u.email, u.role, u.partnerId],
    );
  }
  for (const o of demoOpportunities(now)) {
    await tx.query(
      `insert into opportunities (id, external_id, customer_name, customer_domain, products, stage, owner_email, created_at, updated_at)
       values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $8)`,
      [
        o.id,
        o.externalId,
        o.customer.name,
        o.customer.domain,
        JSON.stringify(o.products),
        o.stage,
        o.ownerEmail,
        o.createdAt,
      ],
    );
  }
  for (const c of demoCertifications(now)) {
    await tx.query(
      `insert into certifications (id, partner_id, user_id, user_name, name, earned_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [c.id, c.partnerId, c.userId, c.userName, c.name, c.earnedAt, c.expiresAt],
    );
  }
  await seedDeals(tx, now);
  await seedReviewRouting(tx);
}
