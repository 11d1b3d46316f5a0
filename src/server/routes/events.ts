/** @module `GET /v1/events`: the Server-Sent Events stream of changes the caller may see. */
import { subscribeWakeups } from '../store/event-hub.js';
import { eventId, latestEventSeq, parseEventId, readEvents } from '../domain/events.js';
import { problems } from '../http/problem.js';
import { defineRoute } from '../http/registry.js';

/** Often enough for proxies that drop connections idle for 30–60 s. */
export const HEARTBEAT_MS = 15_000;
/** What a browser's EventSource waits before reconnecting. */
const RETRY_MS = 3_000;

export const eventRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/events',
    tag: 'Events',
    summary: 'Subscribe to events',
    description:
      'A `text/event-stream` of `deal.created`, `deal.updated`, … Each event has an `id`, an `event` type and `data`: the resource as the caller may see it. A partner role receives only events about its own partner. Send `Last-Event-ID` to resume after an event; without it the stream starts with the next change. Comment lines are sent every 15 seconds so that proxies keep the connection open. For a caller that cannot hold a stream open (a Salesforce org calling through Apex), `Prefer: wait=0` answers the events there are now and ends the stream, with a last `id:` line to send as `Last-Event-ID` in the next poll.',
    action: 'events.read',
    responses: {
      200: { description: 'The event stream.', contentType: 'text/event-stream' },
    },
    handler: async ({ c, deps, principal }) => {
      const header = c.req.header('last-event-id')?.trim();
      let after: bigint;
      if (header) {
        const seq = parseEventId(header);
        if (seq === undefined) {
          throw problems.invalidField(
            'Last-Event-ID',
            'Not an event id of this server (evt_<n>).',
            'invalid_event_id',
          );
        }
        after = seq;
      } else {
        after = await latestEventSeq(deps.store);
      }
      // `Prefer: wait=0` (RFC 7240): one poll instead of a stream.
      const poll = /(^|[,;\s])wait=0\b/.test(c.req.header('prefer') ?? '');

      const ended = new AbortController();
      const end = () => ended.abort();
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const send = (text: string) => {
            if (!ended.signal.aborted) controller.enqueue(encoder.encode(text));
          };
          // The client going away and the server shutting down both end the stream.
          c.req.raw.signal.addEventListener('abort', end, { once: true });
          deps.shutdown.addEventListener('abort', end, { once: true });
          if (deps.shutdown.aborted) end();

          let dirty = true;
          let resume: (() => void) | undefined;
          const wake = () => {
            dirty = true;
            resume?.();
          };
          ended.signal.addEventListener('abort', wake, { once: true });
          // Subscribed before the first read, so nothing committed in between is missed.
          const unsubscribe = subscribeWakeups(deps.store, wake, deps.log);
          const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);

          const pump = async () => {
            send(`retry: ${RETRY_MS}\n: connected\n\n`);
            while (!ended.signal.aborted) {
              if (!dirty) await new Promise<void>((r) => (resume = r));
              resume = undefined;
              if (ended.signal.aborted) break;
              dirty = false;
              for (;;) {
                const batch = await readEvents(deps.store, principal, after);
                for (const e of batch.events) {
                  send(`id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
                }
                after = batch.last;
                if (!batch.more || ended.signal.aborted) break;
              }
              if (poll) {
                send(`: end of poll\nid: ${eventId(after)}\n\n`);
                break;
              }
            }
          };
          pump()
            .catch((error: unknown) => {
              if (!ended.signal.aborted) {
                deps.log({
                  level: 'error',
                  msg: 'event stream failed',
                  requestId: c.get('requestId'),
                  error: error instanceof Error ? error.message : String(error),
                });
              }
            })
            .finally(() => {
              clearInterval(heartbeat);
              unsubscribe();
              c.req.raw.signal.removeEventListener('abort', end);
              deps.shutdown.removeEventListener('abort', end);
              ended.abort();
              try {
                controller.close();
              } catch {
                // already closed by a cancelled reader
              }
            });
        },
        cancel: end,
      });
      return new Response(stream, {
        status: 200,
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          'x-accel-buffering': 'no',
          // A stream's connection is never reused; closing it with the stream lets a shutting-down
          // server finish at once instead of waiting for an idle keep-alive socket to time out.
          connection: 'close',
        },
      });
    },
  }),
];
