/** @module The shared store: PostgreSQL through a `pg` pool. */
import pg from 'pg';
import type { QueryResult, Queryable, Row, Store, Tx } from './types.js';
import { assertOutsideTransaction, insideTransaction, sqlState } from './types.js';

const INT8 = 20;
const DATE = 1082;
// Money amounts are bigint columns but always within 2^53; dates stay `YYYY-MM-DD` strings.
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

const RETRYABLE = new Set(['40001', '40P01']);

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

export async function openPostgres(url: string, { max = 10 } = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max, types: typeParsers });
  // An idle client that loses its connection emits on the pool; without a listener it would crash.
  pool.on('error', (err) =>
    console.error(JSON.stringify({ level: 'error', msg: 'pg pool', err: err.message })),
  );
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const r = await c.query(sql, params as unknown[] | undefined);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
    },
  });
  await pool.query('select 1');
  let closed = false;
  return {
    kind: 'postgres',
    description: describeUrl(url),
    url,
    query: (sql, params) => {
      assertOutsideTransaction();
      return wrap(pool).query(sql, params);
    },
    async withTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      assertOutsideTransaction();
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        const pending: Array<() => void | Promise<void>> = [];
        let result: T;
        try {
          await client.query('begin');
          result = await insideTransaction.run(true, () =>
            fn({ ...wrap(client), afterCommit: (cb) => void pending.push(cb) }),
          );
          await client.query('commit');
        } catch (error) {
          await client.query('rollback').catch(() => {});
          client.release();
          if (attempt < 5 && RETRYABLE.has(sqlState(error) ?? '')) continue;
          throw error;
        }
        client.release();
        for (const cb of pending) await cb();
        return result;
      }
    },
    async withLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn({ ...wrap(client), exec: async (sql) => void (await client.query(sql)) });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
