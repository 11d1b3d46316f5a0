/** @module Numbered SQL migrations, applied once, under an advisory lock. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from './types.js';

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Shared by every process on one database: "prm" in ASCII. */
export const MIGRATION_LOCK = 0x70726d;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .map((f) => ({
      version: Number(f.split('_')[0]),
      name: f.replace(/\.sql$/, ''),
      sql: readFileSync(dir + f, 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  // Two files with one number would each be half applied on some databases: refuse to start.
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(
        `migrations ${migrations[i - 1]!.name} and ${migrations[i]!.name} share the number ${migrations[i]!.version}`,
      );
    }
  }
  return migrations;
}

/**
 * Applies what is missing, each migration in its own transaction. Two processes starting together
 * serialise on the lock; the second then finds everything applied. Returns the names applied.
 */
export async function migrate(store: Store, migrations = loadMigrations()): Promise<string[]> {
  return store.withLock(MIGRATION_LOCK, async (db) => {
    await db.exec(`create table if not exists schema_migrations (
      version int primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const done = new Set(
      (await db.query<{ version: number }>('select version from schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await db.exec('begin');
      try {
        await db.exec(m.sql);
        await db.query('insert into schema_migrations (version, name) values ($1, $2)', [
          m.version,
          m.name,
        ]);
        await db.exec('commit');
      } catch (error) {
        await db.exec('rollback');
        throw new Error(`migration ${m.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(m.name);
    }
    return applied;
  });
}
