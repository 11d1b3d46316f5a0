/**
 * @module What tiers are decided on and what they record: certifications from an LMS, the
 * program's exchange rates, the tier history; and the writes elsewhere (a deal's CRM sync, the
 * ladder) that must re-evaluate tiers in their own transaction.
 */
import type {
  Certification,
  CertificationInput,
  CertificationPage,
  DealPatch,
  Deal,
  ExchangeRates,
  ExchangeRatesInput,
  Tier,
  TierHistoryPage,
  TiersInput,
} from '../../core/schema/index.js';
import { audit } from '../audit.js';
import type { AuditInput } from '../audit.js';
import { keyset, page } from './paging.js';
import { instant, newId } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Tx } from '../store/index.js';
import { patchDeal } from './deals-decisions.js';
import { putTiers } from './program.js';
import { evaluateAll, evaluatePartner, lockPartner } from './tiers-apply.js';
import { moveTiers } from './tiers-write.js';
import { dateOf, qualifiedTier } from './tiers-evaluate.js';
import { allMetrics, rateBook, trimRate } from './tiers-metrics.js';
import { InvalidInputError } from './errors.js';

interface CertRow {
  id: string;
  partner_id: string;
  user_id: string;
  user_name: string | null;
  name: string;
  earned_at: string | Date;
  expires_at: string | Date | null;
  created_at: Date;
}

const day = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : dateOf(d));

const toCertification = (r: CertRow, today: string): Certification => ({
  id: r.id,
  partnerId: r.partner_id,
  userId: r.user_id,
  userName: r.user_name,
  name: r.name,
  earnedAt: day(r.earned_at),
  expiresAt: r.expires_at === null ? null : day(r.expires_at),
  active: day(r.earned_at) <= today && (r.expires_at === null || day(r.expires_at) > today),
  createdAt: instant(r.created_at),
});

/** Records a certification and re-evaluates its partner's tier. */
export async function createCertification(
  tx: Tx,
  input: CertificationInput,
  actor: Principal,
  now: Date,
): Promise<Certification> {
  if (input.expiresAt && input.expiresAt <= input.earnedAt) {
    throw InvalidInputError.field('expiresAt', 'Must be after earnedAt.', 'before_earned');
  }
  if (!(await lockPartner(tx, input.partnerId))) {
    throw InvalidInputError.field('partnerId', 'No such partner.', 'unknown_partner');
  }
  const { rows } = await tx.query<CertRow>(
    `insert into certifications (id, partner_id, user_id, user_name, name, earned_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [
      newId('certification'),
      input.partnerId,
      input.userId,
      input.userName ?? null,
      input.name,
      input.earnedAt,
      input.expiresAt ?? null,
    ],
  );
  const cert = toCertification(rows[0]!, dateOf(now));
  await audit(tx, {
    actor,
    action: 'certification.created',
    resourceType: 'certification',
    resourceId: cert.id,
    after: cert,
  });
  await evaluatePartner(tx, input.partnerId, now, 'certification');
  return cert;
}

export async function listCertifications(
  db: Queryable,
  o: { partnerId: string | undefined; scope: string | null; limit: number; cursor?: string },
  now: Date,
): Promise<CertificationPage> {
  if (o.scope !== null && o.partnerId !== undefined && o.partnerId !== o.scope) {
    return { items: [], nextCursor: null };
  }
  const partner = o.scope ?? o.partnerId ?? null;
  const k = keyset({
    list: 'certifications',
    timeColumn: 'created_at',
    idColumn: 'id',
    direction: 'asc',
    cursor: o.cursor,
    nextParam: 3,
  });
  const { rows } = await db.query<CertRow>(
    `select * from certifications where ($1::text is null or partner_id = $1) and ${k.where}
      order by ${k.orderBy} limit $2`,
    [partner, o.limit + 1, ...k.params],
  );
  const today = dateOf(now);
  return page(
    rows,
    o.limit,
    'certifications',
    (r) => ({ at: r.created_at, id: r.id }),
    (r) => toCertification(r, today),
  );
}

export async function getExchangeRates(db: Queryable): Promise<ExchangeRates> {
  const book = await rateBook(db);
  const { rows } = await db.query<{ currency: string; rate: string; updated_at: Date }>(
    'select currency, rate::text as rate, updated_at from exchange_rates order by currency',
  );
  return {
    base: book.base,
    rates: rows.map((r) => ({
      currency: r.currency,
      rate: trimRate(r.rate),
      updatedAt: instant(r.updated_at),
    })),
  };
}

/** Replaces the rates (audited) and re-evaluates every partner at the new rates. */
export async function putExchangeRates(
  tx: Tx,
  input: ExchangeRatesInput,
  actor: Principal,
  now: Date,
): Promise<ExchangeRates> {
  const before = await getExchangeRates(tx);
  const i = input.rates.findIndex((r) => r.currency === before.base);
  if (i >= 0) {
    throw InvalidInputError.field(
      `rates.${i}.currency`,
      `${before.base} is the program currency: its rate is 1.`,
      'base_currency',
    );
  }
  await tx.query('select id from partners order by id for no key update');
  const kept = input.rates.map((r) => r.currency);
  await tx.query(`delete from exchange_rates where currency <> all($1::text[])`, [kept]);
  for (const r of input.rates) {
    await tx.query(
      `insert into exchange_rates (currency, rate, updated_at)
       values ($1, $2::numeric, date_trunc('milliseconds', now()))
       on conflict (currency) do update set rate = excluded.rate,
         updated_at = case when exchange_rates.rate = excluded.rate then exchange_rates.updated_at
                           else excluded.updated_at end`,
      [r.currency, r.rate],
    );
  }
  const after = await getExchangeRates(tx);
  await audit(tx, {
    actor,
    action: 'exchange_rates.updated',
    resourceType: 'program',
    resourceId: 'exchange-rates',
    before,
    after,
  });
  await evaluateAll(tx, now, 'exchange_rates');
  return after;
}

interface HistoryRow {
  id: string;
  at: Date;
  from_tier_id: string | null;
  to_tier_id: string;
  reason: 'rise' | 'fall' | 'manual' | 'definition_change';
  metrics: TierHistoryPage['items'][number]['metrics'];
}

/** Newest first. */
export async function tierHistory(
  db: Queryable,
  partnerId: string,
  o: { limit: number; cursor?: string },
): Promise<TierHistoryPage> {
  const k = keyset({
    list: 'tier-history',
    timeColumn: 'at',
    idColumn: 'id',
    direction: 'desc',
    cursor: o.cursor,
    nextParam: 3,
  });
  const { rows } = await db.query<HistoryRow>(
    `select * from tier_history where partner_id = $1 and ${k.where} order by ${k.orderBy} limit $2`,
    [partnerId, o.limit + 1, ...k.params],
  );
  return page(
    rows,
    o.limit,
    'tier-history',
    (r) => ({ at: r.at, id: r.id }),
    (r) => ({
      at: instant(r.at),
      fromTierId: r.from_tier_id,
      toTierId: r.to_tier_id,
      reason: r.reason,
      metrics: r.metrics,
    }),
  );
}

/**
 * The CRM sync of a deal, with its tier consequence. The partner's row is locked first, so a
 * second win committed at the same time waits, then sees this one when it evaluates; and every
 * lock the evaluation needs is held before the deal's event takes the event lock (partner, then
 * deal, then events: the order every writer follows).
 */
export async function patchDealAndEvaluate(
  tx: Tx,
  id: string,
  patch: DealPatch,
  principal: Principal,
  now: Date,
): Promise<Deal> {
  const { rows } = await tx.query<{ partner_id: string }>(
    'select partner_id from deals where id = $1',
    [id],
  );
  if (rows[0]) await lockPartner(tx, rows[0].partner_id);
  const deal = await patchDeal(tx, id, patch, principal);
  if (patch.stage !== undefined || patch.amount !== undefined) {
    await evaluatePartner(tx, deal.partnerId, now, 'deal');
  }
  return deal;
}

/**
 * Replaces the ladder and re-evaluates every partner: partners whose tier was removed land in the
 * history as a `definition_change`, and so do rises the new definitions allow at once.
 */
export async function putTiersAndEvaluate(
  tx: Tx,
  input: TiersInput,
  actor: AuditInput['actor'],
  now: Date,
): Promise<Tier[]> {
  const { rows: before } = await tx.query<{ id: string; tier_id: string }>(
    'select id, tier_id from partners order by id for no key update',
  );
  const tiers = await putTiers(tx, input, actor);
  const ids = new Set(tiers.map((t) => t.id));
  const moved = before.filter((p) => !ids.has(p.tier_id));
  if (moved.length > 0) {
    // Off a removed tier: straight to the highest tier the partner qualifies for (one change).
    const metrics = await allMetrics(tx, now, await rateBook(tx));
    await moveTiers(
      tx,
      moved.map((p) => {
        const m = metrics.get(p.id)!;
        return {
          partnerId: p.id,
          fromTierId: p.tier_id,
          toTierId: qualifiedTier(tiers, m).id,
          reason: 'definition_change' as const,
          metrics: m,
        };
      }),
      now,
      'definition_change',
    );
  }
  await evaluateAll(tx, now, 'definition_change');
  return tiers;
}
