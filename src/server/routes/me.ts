/** @module `GET /v1/me`: the caller, and its partner with the partner's tier. */
import { Me } from '../../core/schema/index.js';
import { defineRoute } from '../http/registry.js';
import { maybeOne } from '../store/index.js';

export const meRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/me',
    tag: 'Platform',
    summary: 'The caller',
    description: 'The user the token names and, for partner roles, its partner and tier.',
    action: 'me.read',
    responses: { 200: { description: 'The caller.', schema: Me } },
    handler: async ({ deps, principal, json }) => {
      const user = await maybeOne<{ name: string; email: string }>(
        deps.store,
        'select name, email from users where id = $1',
        [principal.sub],
      );
      const partner = principal.partnerId
        ? await maybeOne<{
            id: string;
            name: string;
            type: string;
            tier_id: string;
            tier_name: string;
            tier_rank: number;
          }>(
            deps.store,
            `select p.id, p.name, p.type, t.id as tier_id, t.name as tier_name, t.rank as tier_rank
               from partners p join tiers t on t.id = p.tier_id where p.id = $1`,
            [principal.partnerId],
          )
        : undefined;
      const body: Me = {
        user: {
          id: principal.sub,
          // The token's own name and email win: a trusted issuer knows them best.
          name: principal.name !== principal.sub ? principal.name : (user?.name ?? principal.name),
          email: principal.email || user?.email || '',
          role: principal.role,
        },
        partner: partner
          ? {
              id: partner.id,
              name: partner.name,
              type: partner.type,
              tier: { id: partner.tier_id, name: partner.tier_name, rank: partner.tier_rank },
            }
          : null,
      };
      return json(body);
    },
  }),
];
