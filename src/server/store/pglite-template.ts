/**
 * @module New embedded databases start from a cached template. A fresh PGlite runs initdb and
 * loads pg_trgm, which takes seconds (tens on a busy machine); loading a tarball of an already
 * migrated database takes a fraction of that. The cache lives in a private directory under the OS
 * temp dir, keyed by the PGlite version and the migrations, so a new migration makes a new
 * template. In-memory databases use it every time; a data directory uses it only when it holds no
 * database yet (its first start), and is its own from then on.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Migration } from './migrate.js';
import { loadMigrations, migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import type { Store } from './types.js';

function templateFile(migrations: Migration[]): string {
  // The package does not export its package.json; find it next to its entry point.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pgliteVersion = (
    JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const hash = createHash('sha256').update(pgliteVersion);
  for (const m of migrations) hash.update(`\n-- ${m.name}\n${m.sql}`);
  return join(cacheDir(), `pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

/**
 * A directory only this user can write: a template planted by someone else (with, say, an embed
 * key whose secret they know) must never be loaded.
 */
function cacheDir(): string {
  const uid = process.getuid?.() ?? 0;
  const dir = join(tmpdir(), `prm-cache-${uid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if (st.uid !== uid || (st.mode & 0o077) !== 0) {
    throw new Error(`${dir} must belong to uid ${uid} with mode 0700`);
  }
  return dir;
}

/** An in-memory PGlite with every migration applied. */
export function openMemoryStore(): Promise<Store> {
  return openFromTemplate('memory');
}

/**
 * A PGlite on `dataDir` with every migration applied: a directory that holds no database yet is
 * filled from the template, one that does is opened and migrated as it is.
 */
export function openPgliteStore(dataDir: string): Promise<Store> {
  return openFromTemplate(dataDir, existsSync(join(dataDir, 'PG_VERSION')));
}

async function openFromTemplate(dataDir: string, existing = false): Promise<Store> {
  const migrations = loadMigrations();
  const file = templateFile(migrations);
  let template: Blob | undefined;
  if (!existing) {
    try {
      if (existsSync(file)) template = new Blob([readFileSync(file)]);
    } catch {
      template = undefined;
    }
  }
  const store = await openPglite(dataDir, { template });
  try {
    await migrate(store, migrations);
    if (!template && !existing) {
      const dump = Buffer.from(await (await store.dump()).arrayBuffer());
      // Written aside and renamed, so a concurrent reader never sees half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, dump);
      renameSync(tmp, file);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
