/** @module The embedded store: PGlite (PostgreSQL in WebAssembly) on a directory or in memory. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { QueryResult, Queryable, Row, Store, Tx } from './types.js';
import { assertOutsideTransaction, insideTransaction } from './types.js';

// Calendar dates stay `YYYY-MM-DD` strings: a Date would shift them by the local time zone.
const parsers = { [types.DATE]: (v: string) => v };

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt
 * it. A lock file with the owner's pid refuses that; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dirname(dataDir), `${basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `another process (pid ${owner}) is using ${dataDir}; stop it first, or use PostgreSQL (DATABASE_URL) to run several servers`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock ${dataDir}`);
}

export interface PgliteStore extends Store {
  /** A tarball of the whole database, to start another instance from (see `pglite-template.ts`). */
  dump(): Promise<Blob>;
}

export async function openPglite(
  dataDir: string | 'memory',
  { template }: { template?: Blob | undefined } = {},
): Promise<PgliteStore> {
  const releaseLock = dataDir === 'memory' ? () => {} : lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create({
      ...(dataDir === 'memory' ? {} : { dataDir }),
      ...(template ? { loadDataDir: template } : {}),
      extensions: { pg_trgm },
      parsers,
    });
  } catch (error) {
    releaseLock();
    throw error;
  }
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<R = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const r = await q.query<R>(sql, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  });
  const inner = wrap(db);
  const root: Queryable = {
    query: (sql, params) => {
      assertOutsideTransaction();
      return inner.query(sql, params);
    },
  };
  let closed = false;
  return {
    kind: 'pglite',
    description: dataDir === 'memory' ? 'PGlite in memory' : `PGlite at ${dataDir}`,
    query: root.query,
    async withTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      // PGlite is one connection: its transaction holds a lock that every other query waits
      // for, so transactions here are serial and never need a retry.
      const pending: Array<() => void | Promise<void>> = [];
      assertOutsideTransaction();
      const result = await db.transaction(async (t) =>
        insideTransaction.run(true, () =>
          fn({ ...wrap(t), afterCommit: (cb) => void pending.push(cb) }),
        ),
      );
      for (const cb of pending) await cb();
      return result;
    },
    async withLock(_key, fn) {
      // One process owns a PGlite directory, so there is nobody to lock out.
      return fn({ ...root, exec: async (sql) => void (await db.exec(sql)) });
    },
    dump: () => db.dumpDataDir('none'),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        releaseLock();
      }
    },
  };
}
