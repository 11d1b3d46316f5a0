/**
 * A user has only the repository: the README and docs link to files inside it (that exist), and
 * to the web, never to a path outside it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './spawn.js';

const files = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('README and docs links', () => {
  for (const file of files) {
    it(`${file} points only inside the repository`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const problems: string[] = [];
      // Markdown links and images: [text](target) and ![alt](target).
      for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = m[1]!;
        if (/^(?:https?:|mailto:|#)/.test(target)) continue;
        const path = resolve(dirname(join(ROOT, file)), target.split('#')[0]!);
        const inside = !relative(ROOT, path).startsWith('..');
        if (!inside) problems.push(`${target}: outside the repository`);
        else if (!existsSync(path)) problems.push(`${target}: no such file`);
      }
      // Paths in code spans that climb out of the repository, like `../shared/…`.
      for (const m of text.matchAll(/`(\.\.\/[^`]*)`/g)) problems.push(`${m[1]}: outside`);
      assert.deepEqual(problems, []);
    });
  }

  it('the README points at the API summary in the repository', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, /\]\(docs\/api\.md\)/);
    assert.ok(existsSync(join(ROOT, 'docs/api.md')));
  });
});
