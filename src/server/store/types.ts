/** @module The one query interface the server uses, whichever database is underneath. */
import { AsyncLocalStorage } from 'node:async_hooks';

export type Row = Record<string, unknown>;

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** Anything that runs parameterised SQL: the store itself or a transaction. */
export interface Queryable {
  query<R = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

/** A transaction in progress. Work queued with `afterCommit` runs once the commit succeeded. */
export interface Tx extends Queryable {
  afterCommit(fn: () => void | Promise<void>): void;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for humans: `PGlite at .prm-data/pglite`, `PostgreSQL at host/db`. */
  readonly description: string;
  /** PostgreSQL only: the URL, for what needs a connection of its own (the events' LISTEN). */
  readonly url?: string;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. On
   * PostgreSQL a serialization failure or deadlock retries the whole function, so `fn` must not
   * have effects outside the transaction (use `tx.afterCommit`).
   */
  withTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` on one connection holding a session advisory lock (migrations, seeding). */
  withLock<T>(
    key: number,
    fn: (db: Queryable & { exec(sql: string): Promise<void> }) => Promise<T>,
  ): Promise<T>;
  close(): Promise<void>;
}

/** The first row, or undefined. */
export async function maybeOne<R = Row>(
  db: Queryable,
  sql: string,
  params?: readonly unknown[],
): Promise<R | undefined> {
  return (await db.query<R>(sql, params)).rows[0];
}

/** PostgreSQL's SQLSTATE of a database error, whichever driver raised it. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export const UNIQUE_VIOLATION = '23505';

/**
 * Marks the async context of a transaction callback, so that a query sent to the store itself
 * from inside one fails loudly: on PGlite it would wait forever for the transaction it is part
 * of, on PostgreSQL it would read and write outside it.
 */
export const insideTransaction = new AsyncLocalStorage<true>();

export function assertOutsideTransaction(): void {
  if (insideTransaction.getStore()) {
    throw new Error('query on the store inside withTransaction: use the tx it gave you');
  }
}
