// The Salesforce wrappers are generated from the Custom Elements Manifest and must never fall
// behind it: the manifest is analysed afresh from the widgets' source (into a temporary folder),
// the generator run in memory, and every file compared with what is committed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain ES module script without types
import * as gen from '../../scripts/salesforce-wrappers.mjs';

const generator = gen as {
  LWC_DIR: string;
  NOT_WRAPPED: string[];
  bundleName(tag: string): string;
  elementsOf(manifest: unknown): { tagName: string; attributes?: { fieldName?: string }[] }[];
  generate(manifest: unknown): Promise<Map<string, string>>;
  generatedOnDisk(): string[];
};

test('every element has a wrapper, and every wrapper is what the generator makes today', async () => {
  // The analyzer joins --outdir to the working directory: a folder below .test-results/.
  mkdirSync('.test-results', { recursive: true });
  const out = mkdtempSync(join('.test-results', 'cem-'));
  try {
    execFileSync(
      process.execPath,
      ['node_modules/.bin/cem', 'analyze', '--outdir', relative('.', out)],
      {
        stdio: 'pipe',
      },
    );
    const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
    const elements = generator.elementsOf(manifest);
    const widgets = elements.filter((e) => !generator.NOT_WRAPPED.includes(e.tagName));
    // The widgets this host is built around are among them (so an empty manifest cannot pass).
    const tags = widgets.map((e) => e.tagName);
    assert.ok(
      tags.includes('prm-deal-list') && tags.includes('prm-deal-registration'),
      tags.join(),
    );

    const files = await generator.generate(manifest);
    const onDisk = generator.generatedOnDisk().sort();
    assert.deepEqual(
      onDisk,
      tags.map((t) => generator.bundleName(t)).sort(),
      'one generated wrapper per element: run `npm run salesforce:wrappers`',
    );
    for (const [path, text] of files) {
      let committed = '';
      try {
        committed = readFileSync(join(generator.LWC_DIR, path), 'utf8');
      } catch {
        // missing: reported below as stale
      }
      assert.equal(committed, text, `${path} is stale: run \`npm run salesforce:wrappers\``);
    }
    // Each attribute of each element is an @api property of its wrapper.
    for (const el of widgets) {
      const name = generator.bundleName(el.tagName);
      const js = files.get(`${name}/${name}.js`)!;
      for (const a of el.attributes ?? []) {
        if (a.fieldName)
          assert.match(js, new RegExp(`@api ${a.fieldName};`), `${name}.${a.fieldName}`);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
