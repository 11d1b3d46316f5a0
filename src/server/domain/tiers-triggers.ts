/**
 * @module Writes outside tiers that change what tiers are decided on, with their re-evaluation in
 * the same transaction: a won deal withdrawn, rejected or approved again (only won deals that are
 * neither rejected nor withdrawn count), and the program currency changed (every amount is
 * converted into it). The CRM sync (`patchDealAndEvaluate`), certifications, rates and the ladder
 * are in `tiers-records.ts`. As there, the partner's row is locked before the deal's event takes
 * the event lock (partner, then deal, then events: the order every writer follows).
 */
import type { Deal, DecisionInput, Program, ProgramInput } from '../../core/schema/index.js';
import type { AuditInput } from '../audit.js';
import type { Principal } from '../identity/principal.js';
import type { Tx } from '../store/index.js';
import { decideDeal, withdrawDeal } from './deals-decisions.js';
import { getProgram, putProgram } from './program.js';
import { evaluateAll, evaluatePartner, lockPartner } from './tiers-apply.js';

async function lockDealPartner(tx: Tx, dealId: string): Promise<void> {
  const { rows } = await tx.query<{ partner_id: string }>(
    'select partner_id from deals where id = $1',
    [dealId],
  );
  if (rows[0]) await lockPartner(tx, rows[0].partner_id);
}

/** A status change of a won deal moves its revenue in or out of the partner's tier metrics. */
async function afterStatusChange(tx: Tx, deal: Deal, now: Date): Promise<Deal> {
  if (deal.stage === 'won') await evaluatePartner(tx, deal.partnerId, now, 'deal');
  return deal;
}

/** The partner takes back a deal; a won one no longer counts toward its tier. */
export async function withdrawDealAndEvaluate(
  tx: Tx,
  id: string,
  principal: Principal,
  now: Date,
): Promise<Deal> {
  await lockDealPartner(tx, id);
  return afterStatusChange(tx, await withdrawDeal(tx, id, principal), now);
}

/** A reviewer's decision; rejecting a won deal takes it out of tier revenue, approving puts it back. */
export async function decideDealAndEvaluate(
  tx: Tx,
  id: string,
  input: DecisionInput,
  principal: Principal,
  now: Date,
): Promise<Deal> {
  await lockDealPartner(tx, id);
  return afterStatusChange(tx, await decideDeal(tx, id, input, principal), now);
}

/**
 * Replaces the program; when its currency (the first of `currencies`) changes, every partner's
 * revenue is converted into the new one, so every partner is re-evaluated.
 */
export async function putProgramAndEvaluate(
  tx: Tx,
  input: ProgramInput,
  actor: AuditInput['actor'],
  now: Date,
): Promise<Program> {
  const before = await getProgram(tx);
  const changesBase = before.currencies[0] !== input.currencies[0];
  // Partners first, as every re-evaluation locks them: the program row after.
  if (changesBase) await tx.query('select id from partners order by id for no key update');
  const after = await putProgram(tx, input, actor);
  if (changesBase) await evaluateAll(tx, now, 'program_currency');
  return after;
}
