/**
 * @module The event stream, `GET /v1/events`, on the client's engine: the same token (refreshed
 * once on 401), hooks and transport as every other call. `client.ts` imports this module, never
 * the other way round.
 */
import { toEngine, type PartnerClientOptions } from './client/engine.js';
import { backoffCap, openStream, type EngineOptions } from './client/request.js';
import { newProblemError, toIssues } from './client/response.js';
import { NetworkError, ResponseValidationError, isTokenError } from './errors.js';
import { EVENT_TYPES, PrmEvent } from './schema/index.js';

/**
 * What a subscription needs when it is not given a client: the client's own options (base URL,
 * token, `fetch` or transport, hooks).
 */
export type EventSourceOptions = PartnerClientOptions;

/** Anything with the client's `events.subscribe`, such as a `PartnerClient` (named structurally, so this module need not import the client). */
export interface EventsSubscriber {
  events: { subscribe(options: SubscribeOptions): EventSubscription };
}

export interface SubscribeOptions {
  onEvent(event: PrmEvent): void;
  /**
   * A failure of the stream. With `willRetry` the subscription reconnects by itself (a drop, a
   * 5xx); without it the subscription has ended (a refused token, a 403).
   */
  onError?(error: unknown, info: { willRetry: boolean }): void;
  /** Each time the stream is (re)established. */
  onOpen?(): void;
  /** Resume after this event, e.g. one kept from an earlier page. */
  lastEventId?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Reconnection backoff, unless the server set one with `retry:` (default 1 000 / 30 000). */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface EventSubscription {
  /** The id of the last event received: what the next connection resumes after. */
  readonly lastEventId: string | undefined;
  close(): void;
  /** Settles when the subscription ends: closed, aborted, or failed for good. */
  readonly done: Promise<void>;
}

/** One dispatched message of an event stream, before its data is interpreted. */
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * An incremental `text/event-stream` parser (the WHATWG rules): lines end with CRLF, LF or CR —
 * even when a CR and its LF arrive in different chunks; `:` starts a comment; a blank line
 * dispatches; `data` lines join with `\n`; the last `id` carries over to later events. A leading
 * BOM never reaches it: `TextDecoderStream` strips it.
 *
 * Ours rather than `eventsource-parser` 4.1: both follow the same rules and are tested on split
 * CRLFs, comments and `retry:`, but this one is 523 B min+gzip against its 1 948 B (esbuild,
 * minified, gzip -9), in a bundle that counts every kilobyte.
 */
export class SseParser {
  /** The id of the last dispatched event (what `Last-Event-ID` resumes from). */
  lastEventId: string | undefined;
  /** The reconnection delay the server asked for with `retry:`, if it did. */
  retry: number | undefined;
  #buffer = '';
  #skipLf = false;
  #data: string[] = [];
  #event = '';
  #id: string | undefined;

  constructor(lastEventId?: string) {
    this.lastEventId = this.#id = lastEventId;
  }

  push(chunk: string): SseMessage[] {
    const out: SseMessage[] = [];
    let text = chunk;
    if (this.#skipLf && text.startsWith('\n')) text = text.slice(1);
    this.#skipLf = false;
    this.#buffer += text;
    for (;;) {
      const end = this.#buffer.search(/[\r\n]/);
      if (end < 0) break;
      const line = this.#buffer.slice(0, end);
      let next = end + 1;
      if (this.#buffer[end] === '\r') {
        if (end + 1 === this.#buffer.length) this.#skipLf = true;
        else if (this.#buffer[end + 1] === '\n') next += 1;
      }
      this.#buffer = this.#buffer.slice(next);
      const message = this.#line(line);
      if (message) out.push(message);
    }
    return out;
  }

  #line(line: string): SseMessage | undefined {
    if (line === '') {
      this.lastEventId = this.#id;
      const message = {
        id: this.#id,
        event: this.#event || 'message',
        data: this.#data.join('\n'),
      };
      const dispatch = this.#data.length > 0;
      this.#data = [];
      this.#event = '';
      return dispatch ? message : undefined;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return undefined;
  }
}

const KNOWN_TYPES: readonly string[] = EVENT_TYPES;

const isSubscriber = (x: EventsSubscriber | EventSourceOptions): x is EventsSubscriber =>
  typeof (x as EventsSubscriber).events?.subscribe === 'function';

/**
 * Subscribes to `GET /v1/events` with a client (`client.events.subscribe`) or the options one
 * would be made with. See {@link openEvents}.
 */
export function subscribeEvents(
  target: EventsSubscriber | EventSourceOptions,
  options: SubscribeOptions,
): EventSubscription {
  if (isSubscriber(target)) return target.events.subscribe(options);
  return openEvents(toEngine(target), options);
}

/**
 * The subscription on a client's engine. It reads the stream with `fetch` (or the client's
 * transport) rather than `EventSource`, so it can send `Authorization` and run the client's hooks;
 * after a drop it reconnects with backoff (full jitter) and `Last-Event-ID`, and after a 401 the
 * engine refreshes the token once before the subscription gives up.
 */
export function openEvents(engine: EngineOptions, options: SubscribeOptions): EventSubscription {
  const url = `${engine.baseUrl}/v1/events`;
  const backoff = {
    backoffMs: options.backoffMs ?? 1000,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
  };
  const controller = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, controller.signal])
    : controller.signal;
  let lastEventId = options.lastEventId;

  const run = async () => {
    let failures = 0;
    let serverRetry: number | undefined;
    while (!signal.aborted) {
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
        let response: Response;
        try {
          response = await openStream(engine, {
            name: 'events.subscribe',
            path: '/v1/events',
            headers,
            signal,
          });
        } catch (error) {
          if (signal.aborted) break;
          throw error;
        }
        if (!response.ok) {
          const error = await newProblemError(response, { method: 'GET', url });
          const transient = response.status === 429 || response.status >= 500;
          options.onError?.(error, { willRetry: transient });
          if (!transient) return;
          failures += 1;
        } else if (!/^text\/event-stream\b/i.test(response.headers.get('content-type') ?? '')) {
          // A login page or a proxy's answer: reconnecting would only fetch it again.
          void response.body?.cancel().catch(() => undefined);
          const issues = [{ path: '', message: 'The answer is not text/event-stream.' }];
          options.onError?.(
            new ResponseValidationError({ method: 'GET', url, status: response.status, issues }),
            { willRetry: false },
          );
          return;
        } else {
          failures = 0;
          options.onOpen?.();
          serverRetry = (await read(response)) ?? serverRetry;
          if (signal.aborted) break;
        }
      } catch (error) {
        if (signal.aborted) break;
        const fatal = isTokenError(error) && error.reason !== 'unavailable';
        options.onError?.(error, { willRetry: !fatal });
        if (fatal) return;
        failures += 1;
      }
      const wait =
        failures === 0 && serverRetry !== undefined
          ? serverRetry
          : Math.random() * backoffCap(backoff, failures);
      try {
        await sleep(wait, signal);
      } catch {
        break;
      }
    }
  };

  const deliver = (message: SseMessage) => {
    if (!KNOWN_TYPES.includes(message.event)) return; // a newer server's event: not ours to read
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      data = undefined;
    }
    const parsed = PrmEvent.safeParse({ id: message.id, event: message.event, data });
    if (!parsed.success) {
      const issues = toIssues(parsed.error.issues);
      options.onError?.(new ResponseValidationError({ method: 'GET', url, status: 200, issues }), {
        willRetry: true,
      });
      return;
    }
    try {
      options.onEvent(parsed.data);
    } catch (error) {
      // The subscriber's own bug: report it as an event listener's would be, and keep streaming.
      if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
      else console.error(error);
    }
  };

  /** Reads one connection to its end; returns the server's `retry:` delay, if it gave one. */
  const read = async (response: Response): Promise<number | undefined> => {
    const parser = new SseParser(lastEventId);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const message of parser.push(value)) {
          lastEventId = message.id;
          deliver(message);
        }
        lastEventId = parser.lastEventId;
      }
    } catch (cause) {
      if (!signal.aborted) throw new NetworkError({ method: 'GET', url }, { cause });
    } finally {
      reader.releaseLock();
    }
    return parser.retry;
  };

  const done = run()
    .catch((error: unknown) => options.onError?.(error, { willRetry: false }))
    .finally(() => controller.abort());
  return {
    get lastEventId() {
      return lastEventId;
    },
    close: () => controller.abort(),
    done,
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(id);
      reject(signal.reason);
    };
    const id = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
