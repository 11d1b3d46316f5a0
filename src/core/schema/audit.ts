/** @module The audit log: one entry per state change, never updated or deleted. */
import * as z from 'zod/mini';
import { Cursor, Instant, Limit, PartnerId, UserId } from './common.js';
import { Role } from './identity.js';

export const AuditEntry = z.object({
  id: z.string(),
  at: Instant,
  actor: z.object({ id: UserId, role: Role, partnerId: z.optional(z.nullable(PartnerId)) }),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    resourceId: z.optional(z.string().check(z.maxLength(128))),
    actorId: z.optional(z.string().check(z.maxLength(128))),
    limit: z.optional(Limit),
    cursor: z.optional(Cursor),
  }))();
export type AuditQuery = z.infer<typeof AuditQuery>;
