/** @module `/v1/partners` and their embed keys. */
import {
  EmbedKeyCreated,
  Partner,
  PartnerInput,
  PartnerListQuery,
  PartnerPage,
} from '../../core/schema/index.js';
import { ownPartnerOr404, scopeOf } from '../authz.js';
import {
  createEmbedKey,
  createPartner,
  getPartner,
  listPartners,
  revokeEmbedKey,
} from '../domain/partners.js';
import { DEFAULT_LIMIT } from '../domain/paging.js';
import { problems } from '../http/problem.js';
import { defineRoute } from '../http/registry.js';

export const partnerRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/partners',
    tag: 'Partners',
    summary: 'Create a partner',
    description: 'A new partner starts at the lowest-ranked tier.',
    action: 'partners.create',
    body: PartnerInput,
    responses: { 201: { description: 'The partner.', schema: Partner } },
    handler: async ({ deps, principal, body, json }) => {
      const partner = await deps.store.withTransaction((tx) => createPartner(tx, body, principal));
      return json(partner, 201, { location: `/v1/partners/${partner.id}` });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/partners',
    tag: 'Partners',
    summary: 'List partners',
    description: 'Oldest first. A partner role sees only its own partner.',
    action: 'partners.read',
    query: PartnerListQuery,
    responses: { 200: { description: 'A page of partners.', schema: PartnerPage } },
    handler: async ({ deps, principal, query, json }) =>
      json(
        await listPartners(deps.store, {
          scope: scopeOf(principal),
          type: query.type,
          q: query.q,
          limit: query.limit ?? DEFAULT_LIMIT,
          cursor: query.cursor,
        }),
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/partners/:id',
    tag: 'Partners',
    summary: 'Get a partner',
    description: 'A partner role gets 404 for any partner but its own.',
    action: 'partners.read',
    responses: { 200: { description: 'The partner.', schema: Partner } },
    handler: async ({ deps, principal, params, json }) => {
      ownPartnerOr404(principal, params.id!);
      const partner = await getPartner(deps.store, params.id!);
      if (!partner) throw problems.notFound('No such partner.');
      return json(partner);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/partners/:id/embed-keys',
    tag: 'Partners',
    summary: 'Issue an embed key',
    description:
      "The program admin, or that partner's partner_admin. The partner's backend signs short-lived (at most 15 minutes) HS256 tokens with the secret, the key id in the `kid` header. The secret is shown only in this response.",
    action: 'embedKeys.manage',
    responses: { 201: { description: 'The key and its secret.', schema: EmbedKeyCreated } },
    handler: async ({ deps, principal, params, json }) => {
      ownPartnerOr404(principal, params.id!);
      const created = await deps.store.withTransaction(async (tx) => {
        if (!(await getPartner(tx, params.id!))) throw problems.notFound('No such partner.');
        return createEmbedKey(tx, params.id!, principal);
      });
      return json(created, 201, {
        location: `/v1/partners/${params.id}/embed-keys/${created.id}`,
        'cache-control': 'no-store',
      });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/partners/:id/embed-keys/:keyId',
    tag: 'Partners',
    summary: 'Revoke an embed key',
    description: 'Tokens signed with the key are refused from this moment on.',
    action: 'embedKeys.manage',
    responses: { 204: { description: 'Revoked.' } },
    handler: async ({ deps, principal, params }) => {
      ownPartnerOr404(principal, params.id!);
      const revoked = await deps.store.withTransaction((tx) =>
        revokeEmbedKey(tx, params.id!, params.keyId!, principal),
      );
      if (!revoked) throw problems.notFound('No such active embed key.');
      return new Response(null, { status: 204 });
    },
  }),
];
