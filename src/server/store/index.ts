/** @module Opens the store the configuration names and brings its schema up to date. */
import { join } from 'node:path';
import { migrate } from './migrate.js';
import { openPostgres } from './postgres.js';
import { openMemoryStore, openPgliteStore } from './pglite-template.js';
import type { Store } from './types.js';

export type { Queryable, Row, Store, Tx } from './types.js';
export { maybeOne, sqlState, UNIQUE_VIOLATION } from './types.js';

export interface StoreOptions {
  /** A PostgreSQL URL; when set it wins over `data`. */
  databaseUrl?: string | undefined;
  /** A directory for the embedded database, or `memory`. */
  data?: string | undefined;
}

/** The embedded database lives in a subdirectory, so the data dir can hold our own files too. */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

export async function openStore(options: StoreOptions): Promise<Store> {
  if (!options.databaseUrl && (!options.data || options.data === 'memory')) {
    return openMemoryStore();
  }
  if (!options.databaseUrl) return openPgliteStore(pgliteDir(options.data!));
  const store = await openPostgres(options.databaseUrl);
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
