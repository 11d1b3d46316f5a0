/** @module Server-sent events of `GET /v1/events`. */
import * as z from 'zod/mini';
import { Deal } from './deal.js';

export const EVENT_TYPES = [
  'deal.created',
  'deal.updated',
  'mdf.request.updated',
  'mdf.claim.updated',
  'tier.changed',
  'content.updated',
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** An event as a subscriber sees it; deal events carry the deal as that caller may see it. */
export const PrmEvent = z.union([
  z.object({ id: z.string(), event: z.enum(['deal.created', 'deal.updated']), data: Deal }),
  z.object({
    id: z.string(),
    event: z.enum(['mdf.request.updated', 'mdf.claim.updated', 'tier.changed', 'content.updated']),
    data: z.unknown(),
  }),
]);
export type PrmEvent = z.infer<typeof PrmEvent>;
