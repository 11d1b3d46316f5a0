/** @module `GET /v1/audit`: the append-only log of every state change. */
import { AuditPage, AuditQuery } from '../../core/schema/index.js';
import type { AuditRow } from '../audit.js';
import { toAuditEntry } from '../audit.js';
import { DEFAULT_LIMIT, keyset, page } from '../domain/paging.js';
import { defineRoute } from '../http/registry.js';

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/audit',
    tag: 'Audit',
    summary: 'Read the audit log',
    description:
      'Newest first. Entries are never updated or deleted. Filter by the resource changed or by who changed it.',
    action: 'audit.read',
    query: AuditQuery,
    responses: { 200: { description: 'A page of audit entries.', schema: AuditPage } },
    handler: async ({ deps, query, json }) => {
      const limit = query.limit ?? DEFAULT_LIMIT;
      const params: unknown[] = [query.resourceId ?? null, query.actorId ?? null];
      const k = keyset({
        list: 'audit',
        timeColumn: 'at',
        idColumn: 'id',
        direction: 'desc',
        cursor: query.cursor,
        nextParam: params.length + 1,
      });
      params.push(...k.params, limit + 1);
      const { rows } = await deps.store.query<AuditRow>(
        `select * from audit_entries
          where ($1::text is null or resource_id = $1) and ($2::text is null or actor_id = $2)
            and ${k.where}
          order by ${k.orderBy} limit $${params.length}`,
        params,
      );
      return json(page(rows, limit, 'audit', (r) => ({ at: r.at, id: r.id }), toAuditEntry));
    },
  }),
];
