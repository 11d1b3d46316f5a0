/** @module `/v1/program` and `/v1/program/tiers`. */
import { Program, ProgramInput, Tiers, TiersInput } from '../../core/schema/index.js';
import { getProgram, listTiers } from '../domain/program.js';
import { putTiersAndEvaluate } from '../domain/tiers-records.js';
import { putProgramAndEvaluate } from '../domain/tiers-triggers.js';
import { clockOf } from './tiers.js';
import { defineRoute } from '../http/registry.js';

export const programRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/program',
    tag: 'Program',
    summary: 'The program',
    description: 'Products, currencies and the service levels of deal registration.',
    action: 'program.read',
    responses: { 200: { description: 'The program.', schema: Program } },
    handler: async ({ deps, json }) => json(await getProgram(deps.store)),
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/program',
    tag: 'Program',
    summary: 'Set the program',
    description:
      'Replaces the program. Omitted service levels take their defaults: slaHours 48, protectionDays 90, claimWindowDays 60. A new program currency (the first of `currencies`) re-evaluates every partner’s tier, its revenue converted into it.',
    action: 'program.write',
    body: ProgramInput,
    responses: { 200: { description: 'The program as saved.', schema: Program } },
    handler: async ({ deps, principal, body, json }) =>
      json(
        await deps.store.withTransaction((tx) =>
          putProgramAndEvaluate(tx, body, principal, clockOf(deps)),
        ),
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/program/tiers',
    tag: 'Program',
    summary: 'The tier ladder',
    description: 'Every tier, lowest rank first.',
    action: 'tiers.read',
    responses: { 200: { description: 'The tiers.', schema: Tiers } },
    handler: async ({ deps, json }) => json({ tiers: await listTiers(deps.store) }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/program/tiers',
    tag: 'Program',
    summary: 'Set the tier ladder',
    description:
      'Replaces the whole ladder and re-evaluates every partner: those on a removed tier move to the lowest-ranked tier, those the new definitions qualify rise at once, those short of theirs are at risk until the review date.',
    action: 'tiers.write',
    body: TiersInput,
    responses: { 200: { description: 'The tiers as saved.', schema: Tiers } },
    handler: async ({ deps, principal, body, json }) =>
      json({
        tiers: await deps.store.withTransaction((tx) =>
          putTiersAndEvaluate(tx, body, principal, clockOf(deps)),
        ),
      }),
  }),
];
