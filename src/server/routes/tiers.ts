/** @module Tier progress and history, certifications and the program's exchange rates. */
import {
  Certification,
  CertificationInput,
  CertificationListQuery,
  CertificationPage,
  ExchangeRates,
  ExchangeRatesInput,
  ListQuery,
  TierHistoryPage,
  TierProgress,
} from '../../core/schema/index.js';
import { ownPartnerOr404, scopeOf } from '../authz.js';
import type { Deps } from '../http/context.js';
import { DEFAULT_LIMIT } from '../domain/paging.js';
import { problems } from '../http/problem.js';
import { defineRoute } from '../http/registry.js';
import { readProgress, readStanding } from '../domain/tiers-apply.js';
import {
  createCertification,
  getExchangeRates,
  listCertifications,
  putExchangeRates,
  tierHistory,
} from '../domain/tiers-records.js';

const TAG = 'Tiers';
export const clockOf = (deps: Deps): Date => deps.clock?.() ?? new Date();

export const tierRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/partners/:id/tier-progress',
    tag: TAG,
    summary: "A partner's tier progress",
    description:
      'The current and next tier, the metrics and requirements, retention (at risk until the review date, the end of the quarter) and the next actions. Evaluated at read time. A partner role reads only its own partner.',
    action: 'tierProgress.read',
    responses: { 200: { description: 'The progress.', schema: TierProgress } },
    handler: async ({ deps, principal, params, json }) => {
      ownPartnerOr404(principal, params.id!);
      const progress = await readProgress(deps.store, params.id!, clockOf(deps));
      if (!progress) throw problems.notFound();
      return json(progress);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/partners/:id/tier-history',
    tag: TAG,
    summary: "A partner's tier history",
    description: 'Every change of tier, newest first, with the metrics it was decided on.',
    action: 'tierProgress.read',
    query: ListQuery,
    responses: { 200: { description: 'A page of changes.', schema: TierHistoryPage } },
    handler: async ({ deps, principal, params, query, json }) => {
      ownPartnerOr404(principal, params.id!);
      if (!(await readStanding(deps.store, params.id!))) throw problems.notFound();
      return json(
        await tierHistory(deps.store, params.id!, {
          limit: query.limit ?? DEFAULT_LIMIT,
          ...(query.cursor ? { cursor: query.cursor } : {}),
        }),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/certifications',
    tag: TAG,
    summary: 'Record a certification',
    description:
      "What an LMS reports: a partner's person earned a certification (with its expiry). The partner's tier is re-evaluated at once.",
    action: 'certifications.write',
    body: CertificationInput,
    responses: { 201: { description: 'The certification.', schema: Certification } },
    handler: async ({ deps, principal, body, json }) => {
      const cert = await deps.store.withTransaction((tx) =>
        createCertification(tx, body, principal, clockOf(deps)),
      );
      return json(cert, 201);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/certifications',
    tag: TAG,
    summary: 'List certifications',
    description: 'Oldest first, with whether each is active today. A partner role sees its own.',
    action: 'certifications.read',
    query: CertificationListQuery,
    responses: { 200: { description: 'A page of certifications.', schema: CertificationPage } },
    handler: async ({ deps, principal, query, json }) =>
      json(
        await listCertifications(
          deps.store,
          {
            partnerId: query.partnerId,
            scope: scopeOf(principal),
            limit: query.limit ?? DEFAULT_LIMIT,
            ...(query.cursor ? { cursor: query.cursor } : {}),
          },
          clockOf(deps),
        ),
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/program/exchange-rates',
    tag: TAG,
    summary: "The program's exchange rates",
    description:
      '`base` is the program currency; each `rate` is a decimal string of base units per one unit of the currency.',
    action: 'tiers.read',
    responses: { 200: { description: 'The rates.', schema: ExchangeRates } },
    handler: async ({ deps, json }) => json(await getExchangeRates(deps.store)),
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/program/exchange-rates',
    tag: TAG,
    summary: 'Set the exchange rates',
    description:
      'Replaces every rate. Tier revenue is re-evaluated for every partner at the new rates; a currency without a rate is reported as unconverted, never counted.',
    action: 'tiers.write',
    body: ExchangeRatesInput,
    responses: { 200: { description: 'The rates as saved.', schema: ExchangeRates } },
    handler: async ({ deps, principal, body, json }) =>
      json(
        await deps.store.withTransaction((tx) =>
          putExchangeRates(tx, body, principal, clockOf(deps)),
        ),
      ),
  }),
];
