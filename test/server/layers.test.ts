// Issue 8: the domain knows nothing of HTTP, and each shared piece lives in one place.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../src/server/', import.meta.url));
const filesOf = (dir: string) =>
  readdirSync(join(SERVER, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(SERVER, dir, f), 'utf8') }));
const importsOf = (text: string) => [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);

describe('layers of the server', () => {
  it('keeps domain code free of HTTP: no import of http/ (problems, cursors, …)', () => {
    const offenders = filesOf('domain').flatMap((f) =>
      importsOf(f.text)
        .filter((i) => /(^|\/)http\//.test(i) || i === 'hono' || i.startsWith('hono/'))
        .map((i) => `${f.name} imports ${i}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('keeps the PostgreSQL event hub beside the store, not in the domain', () => {
    const hubs = [...filesOf('domain'), ...filesOf('store')].filter(
      (f) => /LISTEN|\blisten\b/.test(f.text) && /from 'pg'/.test(f.text),
    );
    assert.deepEqual(
      hubs.map((f) => f.name),
      ['store/event-hub.ts'],
    );
  });

  it('reads the database clock and encodes cursors in one place each', () => {
    const all = [
      ...filesOf('domain'),
      ...filesOf('routes'),
      ...filesOf('http'),
      ...filesOf('store'),
    ];
    const clocks = all.filter((f) =>
      /select date_trunc\('milliseconds', now\(\)\) as now/.test(f.text),
    );
    assert.deepEqual(
      clocks.map((f) => f.name),
      ['store/clock.ts'],
    );
    const encoders = all.filter((f) => /Buffer\.from\(JSON\.stringify/.test(f.text));
    assert.deepEqual(
      encoders.map((f) => f.name),
      ['domain/paging.ts'],
    );
  });
});
