/**
 * @module Waking event subscribers. A wake-up carries no event: the events table is the only
 * source of truth and every subscriber re-reads it from the last id it delivered, so a lost or
 * doubled wake-up costs at most one query, never an event.
 *
 * In one process a commit wakes everyone directly (PGlite, and PostgreSQL too). Across processes
 * sharing PostgreSQL, each process holds one LISTEN connection while it has subscribers; it wakes
 * them on every NOTIFY and after every (re)connect, because whatever was committed while the
 * connection was down was announced to nobody.
 */
import pg from 'pg';
import type { Logger } from '../logger.js';
import type { Store } from './index.js';

export const EVENTS_CHANNEL = 'prm_events';

type Wake = () => void;

const local = new Set<Wake>();

/** Wakes every subscriber of this process (after a commit that wrote events). */
export function wakeLocal(): void {
  for (const wake of [...local]) wake();
}

/** How many subscribers this process has: for tests and health checks. */
export const subscriberCount = (): number => local.size;

interface Listener {
  wakes: Set<Wake>;
  stopped: boolean;
  client: pg.Client | undefined;
}

const listeners = new Map<string, Listener>();
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls `wake` whenever events may have been committed, in this process or (on PostgreSQL) in any
 * other. Returns the unsubscribe function; the LISTEN connection closes with the last subscriber.
 */
export function subscribeWakeups(store: Store, wake: Wake, log: Logger): () => void {
  local.add(wake);
  const url = store.kind === 'postgres' ? store.url : undefined;
  let listener: Listener | undefined;
  if (url) {
    listener = listeners.get(url);
    if (!listener) {
      const fresh: Listener = { wakes: new Set(), stopped: false, client: undefined };
      listener = fresh;
      listeners.set(url, fresh);
      void listen(url, fresh, log);
    }
    listener.wakes.add(wake);
  }
  return () => {
    local.delete(wake);
    if (!listener || !url) return;
    listener.wakes.delete(wake);
    if (listener.wakes.size === 0) {
      listener.stopped = true;
      listeners.delete(url);
      void listener.client?.end().catch(() => {});
    }
  };
}

async function listen(url: string, l: Listener, log: Logger): Promise<void> {
  const wakeAll = () => {
    for (const wake of [...l.wakes]) wake();
  };
  let delay = RECONNECT_MIN_MS;
  while (!l.stopped) {
    const client = new pg.Client({ connectionString: url });
    const gone = new Promise<unknown>((resolve) => {
      client.on('error', resolve);
      client.on('end', () => resolve(undefined));
    });
    try {
      await client.connect();
      client.on('notification', wakeAll);
      await client.query(`listen ${EVENTS_CHANNEL}`);
      if (l.stopped) {
        await client.end().catch(() => {});
        break;
      }
      l.client = client;
      delay = RECONNECT_MIN_MS;
      wakeAll();
      const error = await gone;
      if (!l.stopped) {
        log({
          level: 'warn',
          msg: 'event listener connection lost; reconnecting',
          error: error instanceof Error ? error.message : undefined,
        });
      }
    } catch (error) {
      if (!l.stopped) {
        log({
          level: 'warn',
          msg: 'event listener cannot connect; retrying',
          error: (error as Error).message,
        });
      }
    }
    l.client = undefined;
    await client.end().catch(() => {});
    if (l.stopped) break;
    wakeAll();
    await sleep(delay);
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  }
}
