#!/usr/bin/env node
// `npm run build:salesforce`: the static resource the Salesforce wrappers load, from
// src/hosts/salesforce/bundle.ts (every element, closed shadow roots, no Teams code), as one
// minified classic script that sets `window.prmWidgets`, written to
// src/hosts/salesforce/force-app/main/default/staticresources/prmWidgets.js (not committed: a
// build product, made before a deploy).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

if (
  process.argv[1] &&
  fileURLToPath(import.meta.url) === process.argv[1] &&
  process.argv[2] === '--demo'
) {
  await buildSalesforceDemo();
  console.log('dist/demo/salesforce/: app.js, prmWidgets.js');
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await buildSalesforceBundle();
  mkdirSync(dirname(RESOURCE), { recursive: true });
  writeFileSync(RESOURCE, text);
  console.log(`${RESOURCE}: ${(text.length / 1024).toFixed(1)} KiB`);
}

/**
 * The /demo/salesforce/ page's script: the wrappers compiled by the LWC compiler (rollup with
 * @lwc/rollup-plugin), with the demo's stand-ins for the platform modules
 * (src/hosts/salesforce/demo/platform.js), and the static resource beside it. `vite build` calls
 * it after the demo pages.
 */
export async function buildSalesforceDemo(outDir = join(ROOT, 'dist/demo/salesforce')) {
  const { rollup } = await import('rollup');
  const { default: lwc } = await import('@lwc/rollup-plugin');
  const lwcDir = join(ROOT, 'src/hosts/salesforce/force-app/main/default/lwc');
  const demoDir = join(ROOT, 'src/hosts/salesforce/demo');
  const platform = JSON.stringify(join(demoDir, 'platform.js'));
  const VIRTUAL = {
    'lightning/uiRecordApi': `export { getRecord, getFieldValue } from ${platform};`,
    'lightning/platformShowToastEvent': `export { ShowToastEvent } from ${platform};`,
    'lightning/navigation': `export { NavigationMixin } from ${platform};`,
    'lightning/platformResourceLoader': `export { loadScript } from ${platform};`,
    '@salesforce/apex/PrmApiProxy.send': `export { send as default } from ${platform};`,
    '@salesforce/apex/PrmApiToken.settings': `export { settings as default } from ${platform};`,
    '@salesforce/apex/PrmApiToken.mint': `export { mint as default } from ${platform};`,
    '@salesforce/resourceUrl/prmWidgets': `export { PRM_WIDGETS_URL as default } from ${platform};`,
  };
  const platformModules = {
    name: 'salesforce-demo-platform',
    resolveId(id, importer) {
      // A component without a stylesheet (the LWC plugin's own stand-in exports nothing here).
      if (importer && id.startsWith('.') && /\.css(\?|$)/.test(id)) {
        if (!existsSync(join(dirname(importer), id.replace(/\?.*$/, '')))) return '\0sf:empty-css';
      }
      if (VIRTUAL[id] || id.startsWith('@salesforce/schema/')) return `\0sf:${id}`;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0sf:')) return null;
      const name = id.slice(4);
      if (name === 'empty-css') return 'export default undefined;';
      if (VIRTUAL[name]) return VIRTUAL[name];
      const [objectApiName, ...rest] = name.slice('@salesforce/schema/'.length).split('.');
      return `export default ${JSON.stringify({ objectApiName, fieldApiName: rest.join('.') })};`;
    },
    transform(code) {
      return code.includes('process.env.NODE_ENV')
        ? code.replaceAll('process.env.NODE_ENV', '"production"')
        : null;
    },
  };
  const bundle = await rollup({
    input: join(demoDir, 'main.js'),
    plugins: [
      platformModules,
      lwc({
        include: [`${lwcDir}/**`],
        modules: readdirSync(lwcDir).map((name) => ({
          name: `c/${name}`,
          path: join(lwcDir, name, `${name}.js`),
        })),
      }),
    ],
    onwarn: () => {},
  });
  await bundle.write({ file: join(outDir, 'app.js'), format: 'es', inlineDynamicImports: true });
  await bundle.close();
  writeFileSync(join(outDir, 'prmWidgets.js'), await buildSalesforceBundle());
}
