// `npm run size`: the minified, gzipped size of each entry, bundled by esbuild straight from the
// TypeScript sources (no build first), with everything it imports — Lit, ky, zod/mini — included,
// as a page would load it. The development warnings are compiled out, as in `vite build`.
const production = (config) => ({
  ...config,
  define: { ...config.define, __PRM_DEV__: 'false' },
});

module.exports = [
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
    name: 'all-in-one script (prm-widgets.js: every widget + define)',
    path: 'src/widgets/define.ts',
    limit: '60 KB',
    gzip: true,
    modifyEsbuildConfig: production,
  },
  {
    name: 'embed script (prm-widgets.js: src/hosts/web/embed.ts, deal registration + deal list)',
    path: 'src/hosts/web/embed.ts',
    // Issue 5 asks for 45 KB; measured 53.7 kB, so this guards the measured figure and the gap
    // stays open. Marginal gzip bytes (Nov 2026): libraries 20.5 (zod/mini 7.9, ky 4.4, lit-html
    // 3.9, reactive-element 2.6, @lit/context 0.9, @lit/task 0.6), our core client 7.3, the two
    // widgets 14.9, their English and German messages 4.3, shared base and tokens 2.6, the web
    // host 1.0. Without the deal list at all it would still be over 45; reaching it means giving
    // up one of: ky, response validation, one self-contained file, or a language. Each widget
    // registering its own messages (so a page with one widget loads only its text) costs this
    // bundle 0.7 kB: apart, the two widgets' catalogues compress less well than in one (54.34 kB).
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
    // Measured 31.0 kB alone (Nov 2026); it adds 10.7 kB to the all-in-one script, over the 8 kB
    // issue 14 allows: its English and German texts, the forms and the MDF schemas of the client.
    limit: '31.1 KB',
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
