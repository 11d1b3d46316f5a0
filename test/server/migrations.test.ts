import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadMigrations } from '../../src/server/store/migrate.js';

describe('migrations', () => {
  it('are numbered once each, in order', () => {
    const versions = loadMigrations().map((m) => m.version);
    assert.deepEqual(
      versions,
      [...new Set(versions)].sort((a, b) => a - b),
    );
  });

  it('refuse two files with one number (branches that picked the same one)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prm-migrations-')) + '/';
    try {
      writeFileSync(dir + '020_review_routing.sql', 'select 1;');
      writeFileSync(dir + '020_tiers.sql', 'select 1;');
      assert.throws(
        () => loadMigrations(dir),
        /020_review_routing and 020_tiers share the number 20/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
