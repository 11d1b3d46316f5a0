/** Shared pieces of the deal and event tests: customers that match nothing else, bodies, streams. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SseParser, type SseMessage } from '../../src/core/events.js';
import type { TestServer } from '../support/server.js';

/** Demo partners by tier: their auto-approval limits are 100 000, 250 000, 25 000, 5 000 USD. */
export const GOLD = 'prt_brightpath';
export const PLATINUM = 'prt_kestrel';
export const SILVER = 'prt_harborview';
export const REGISTERED = 'prt_tidewater';

const CONSONANTS = 'bcdfghjklmnpqrstvwxz';
const VOWELS = 'aeiouy';

/** A pronounceable invented word that shares few trigrams with any other. */
export function word(length = 9): string {
  const bytes = randomBytes(length);
  let w = '';
  for (let i = 0; i < length; i++) {
    const set = i % 2 === 0 ? CONSONANTS : VOWELS;
    w += set[bytes[i]! % set.length];
  }
  return w[0]!.toUpperCase() + w.slice(1);
}

/** A customer no other test uses: its own name and domain. */
export function customer(): { name: string; domain: string; stem: string } {
  const stem = `${word()} ${word(7)}`;
  return { name: `${stem} Inc`, domain: `${stem.replace(' ', '-').toLowerCase()}.example`, stem };
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function dealBody(
  c: { name: string; domain: string },
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    customer: { name: c.name, domain: c.domain, country: 'DE' },
    contact: { name: 'Rosa Ibarra', email: 'rosa@example.com' },
    title: 'Platform rollout',
    products: ['lf-core'],
    amount: { amount: 2_000_000, currency: 'USD' },
    expectedCloseDate: inDays(60),
    ...over,
  };
}

export const usd = (dollars: number) => ({ amount: dollars * 100, currency: 'USD' });

/** A token per partner (partner_user unless told), with a stable user id. */
export async function partnerToken(
  s: TestServer,
  partner: string,
  role: 'partner_user' | 'partner_admin' = 'partner_user',
): Promise<string> {
  return s.token(role, { partner, sub: `usr_${partner.slice(4)}_${role}` });
}

export async function dealCount(s: TestServer): Promise<number> {
  const { rows } = await s.store.query<{ n: number | string }>('select count(*) as n from deals');
  return Number(rows[0]!.n);
}

/** Fails when any of `secrets` appears anywhere in what a partner received. */
export function assertNoLeak(received: unknown, secrets: string[], what = 'response'): void {
  const text = typeof received === 'string' ? received : JSON.stringify(received);
  for (const s of secrets) {
    assert.ok(!text.includes(s), `${what} leaks ${s}: ${text.slice(0, 400)}`);
  }
}

export interface Stream {
  status: number;
  contentType: string | null;
  /** The next dispatched event (comments and `retry:` are skipped). */
  next(): Promise<SseMessage>;
  /** Everything received so far, raw. */
  raw(): string;
  close(): void;
  /** Settles when the server ends the stream. */
  ended: Promise<void>;
}

/** Opens `GET /v1/events` and parses it with the client's own SSE parser. */
export async function openStream(
  baseUrl: string,
  token: string,
  lastEventId?: string,
): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/v1/events`, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
    signal: controller.signal,
  });
  const parser = new SseParser();
  const queue: SseMessage[] = [];
  const waiters: Array<(m: SseMessage) => void> = [];
  let raw = '';
  let failEnded: (e: unknown) => void = () => {};
  const ended = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        const text = decoder.decode(chunk, { stream: true });
        raw += text;
        for (const m of parser.push(text)) {
          const w = waiters.shift();
          if (w) w(m);
          else queue.push(m);
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) failEnded(error);
    }
  })();
  ended.catch(() => {});
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    next: () => {
      const m = queue.shift();
      return m ? Promise.resolve(m) : new Promise((r) => waiters.push(r));
    },
    raw: () => raw,
    close: () => controller.abort(),
    ended: new Promise<void>((resolve, reject) => {
      failEnded = reject;
      void ended.then(resolve);
    }),
  };
}
