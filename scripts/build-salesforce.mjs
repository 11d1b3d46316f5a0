#!/usr/bin/env node
// `npm run build:salesforce`: the static resource the Salesforce wrappers load, from
// src/hosts/salesforce/bundle.ts (every element, closed shadow roots, no Teams code), as one
// minified classic script that sets `window.prmWidgets`, written to
// src/hosts/salesforce/force-app/main/default/staticresources/prmWidgets.js (not committed: a
// build product, made before a deploy).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RESOURCE = join(
  ROOT,
  'src/hosts/salesforce/force-app/main/default/staticresources/prmWidgets.js',
);

/** The bundle's text; `shadowRootMode` 'open' only for tests that must look inside. */
export async function buildSalesforceBundle({ shadowRootMode } = {}) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const result = await build({
    entryPoints: [join(ROOT, 'src/hosts/salesforce/bundle.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'prmWidgets',
    minify: true,
    write: false,
    target: 'es2022',
    legalComments: 'none',
    tsconfig: join(ROOT, 'tsconfig.json'),
    define: {
      __PRM_DEV__: 'false',
      __PRM_VERSION__: JSON.stringify(pkg.version),
      __PRM_SHADOW_ROOT_MODE__: shadowRootMode ? JSON.stringify(shadowRootMode) : 'undefined',
    },
  });
  // `var prmWidgets = …` at the top level of a classic script is a property of `window`.
  return result.outputFiles[0].text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await buildSalesforceBundle();
  mkdirSync(dirname(RESOURCE), { recursive: true });
  writeFileSync(RESOURCE, text);
  console.log(`${RESOURCE}: ${(text.length / 1024).toFixed(1)} KiB`);
}
