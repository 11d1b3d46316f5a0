// `npm run size`: gzip sizes against their budgets. Two kinds of check:
//
// - What a browser fetches through the loader, measured on the build (`dist/`, which `npm run
//   size` makes first): each file gzipped on its own, as a server sends it, and summed over every
//   file a page fetches — `dist/prm/manifest.json` says which files each widget needs.
// - Entries bundled by esbuild straight from the TypeScript sources (core, each widget alone, the
//   all-in-one), with Lit, ky and zod/mini included, as before the loader: the budgets set then.
//
// The development warnings are compiled out everywhere, as in `vite build`. A budget is never
// moved to make a check pass.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config file
const { existsSync, readFileSync } = require('node:fs');

const manifestFile = 'dist/prm/manifest.json';
if (!existsSync(manifestFile)) {
  throw new Error(`${manifestFile} is missing: run \`npm run build\` first (npm run size does).`);
}
/** @type {{ loader: string, runtime: string[], widgets: Record<string, { chunks: string[], later: string[], messages: Record<string, string[]> }> }} */
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const dist = (files) => files.map((f) => `dist/${f}`);
// Built files are measured as they are: esbuild, which size-limit runs on every check, only
// copies them (no bundling, no minifying again).
const asTheyAre = (config) => ({
  ...config,
  bundle: false,
  minify: false,
  format: undefined,
  loader: { ...config.loader, '.js': 'copy' },
});
const built = (name, files, limit) => ({
  name,
  path: dist(files),
  gzip: true,
  modifyEsbuildConfig: asTheyAre,
  ...(limit ? { limit } : {}),
});

const production = (config) => ({
  ...config,
  define: { ...config.define, __PRM_DEV__: 'false' },
});

const widgets = Object.entries(manifest.widgets);
const page = [manifest.loader, ...manifest.runtime];

module.exports = [
  // Issue 10's budgets, on the build.
  built('loader (prm-widgets.js)', [manifest.loader], '3 KB'),
  built('runtime (Lit, ky, zod/mini, the client, the base class)', manifest.runtime),
  ...widgets.map(([tag, w]) => built(`${tag}: its chunk, English included`, w.chunks, '8 KB')),
  // Measured, no budget of their own: what a widget imports later for some users only (the forms
  // of the roles that act, a vendor's desk), alone and with the widget's chunk — what such a user's
  // page fetches for the widget.
  ...widgets
    .filter(([, w]) => w.later.length > 0)
    .flatMap(([tag, w]) => [
      built(`${tag}: its later chunks, for the roles that load them`, w.later),
      built(`${tag}: its chunk and later chunks together`, [...w.chunks, ...w.later]),
    ]),
  ...widgets.flatMap(([tag, w]) =>
    Object.entries(w.messages).map(([lang, files]) =>
      built(`${tag}: messages in ${lang}`, files, '2 KB'),
    ),
  ),
  ...widgets
    .filter(([tag]) => tag !== 'prm-provider')
    .map(([tag, w]) =>
      built(`a page with only <${tag}> (loader, runtime, widget)`, [...page, ...w.chunks], '36 KB'),
    ),
  // Every chunk of every widget, the later ones of the roles that act included.
  built('a page with every widget', [
    ...page,
    ...widgets.flatMap(([, w]) => [...w.chunks, ...w.later]),
  ]),
  built('all-in-one, as built (prm-widgets.all.js)', ['prm-widgets.all.js']),
  {
    name: 'core (src/core/index.ts)',
    path: 'src/core/index.ts',
    // Measured, rounded up; 16 KB would need dropping ky or response validation. Of 22.06 kB
    // (gzip, marginal bytes of each part, Nov 2026): zod/mini 8.6 — the schema classes, checks and
    // parse machinery the contract's schemas use — and ky 4.6 are 13.2 kB before a line of ours.
    // Ours is 8.9: the event stream 1.3, requests and responses (retries, idempotency, timeouts,
    // problem details) 2.3, errors 0.6, auth 0.4, Intl formatting 0.6, and the schemas 2.7, every
    // one of them, because `core` exports the whole contract (browser bundles drop the server's
    // request schemas: see src/core/schema/common.ts). The rest is the client's method table.
    limit: '22.1 KB',
    gzip: true,
    modifyEsbuildConfig: production,
  },
  {
    name: 'every widget + define (src/widgets/define.ts)',
    path: 'src/widgets/define.ts',
    limit: '60 KB',
    gzip: true,
    modifyEsbuildConfig: production,
  },
  {
    name: 'all-in-one script (prm-widgets.all.js: src/hosts/web/all.ts, bundled by esbuild)',
    path: 'src/hosts/web/all.ts',
    // The budget of the one self-contained script before the loader (issue 5 asked for 45 KB;
    // measured 53.7 kB then). Marginal gzip bytes (Nov 2026): libraries 20.5 (zod/mini 7.9, ky
    // 4.4, lit-html 3.9, reactive-element 2.6, @lit/context 0.9, @lit/task 0.6), our core client
    // 7.3, the two widgets 14.9, their English and German messages 4.3, shared base and tokens 2.6,
    // the web host 1.0.
    limit: '54.4 KB',
    gzip: true,
    // An ES module, as the tag loads it: it finds its own tag through import.meta.url.
    modifyEsbuildConfig: (config) => ({ ...production(config), format: 'esm' }),
  },
  {
    name: 'provider (src/widgets/provider)',
    path: 'src/widgets/provider/prm-provider.ts',
    import: '{ PrmProvider }',
    gzip: true,
    modifyEsbuildConfig: production,
  },
  // Each widget alone, with its own messages and no other widget's.
  {
    name: 'mdf balance (src/widgets/mdf-balance)',
    path: 'src/widgets/mdf-balance/prm-mdf-balance.ts',
    import: '{ PrmMdfBalance }',
    // Measured, no budget of its own: through the loader the widget's chunk is held to the 8 KB
    // every widget has (above). Alone it was 31.0 kB (Nov 2026) and added 10.7 kB to the
    // all-in-one script: its English and German texts, the forms and the MDF schemas of the client.
    gzip: true,
    modifyEsbuildConfig: production,
  },
  {
    name: 'deal registration (src/widgets/deal-registration)',
    path: 'src/widgets/deal-registration/prm-deal-registration.ts',
    import: '{ PrmDealRegistration }',
    limit: '32.7 KB',
    gzip: true,
    modifyEsbuildConfig: production,
  },
  {
    name: 'deal list (src/widgets/deal-list)',
    path: 'src/widgets/deal-list/prm-deal-list.ts',
    import: '{ PrmDealList }',
    limit: '31.7 KB',
    gzip: true,
    modifyEsbuildConfig: production,
  },
];
