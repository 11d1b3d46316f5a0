/** @module `GET /v1/health`: no token; answers once the database answers. */
import { Health } from '../../core/schema/index.js';
import { defineRoute } from '../http/registry.js';

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/health',
    tag: 'Platform',
    summary: 'Health check',
    description: 'Needs no token. Answers 200 once the server can query its database.',
    action: 'public',
    responses: { 200: { description: 'The server is up.', schema: Health } },
    handler: async ({ deps, json }) => {
      await deps.store.query('select 1');
      return json({ status: 'ok', version: deps.config.version, database: deps.store.kind });
    },
  }),
];
