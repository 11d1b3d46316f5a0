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
    limit: '16 KB',
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
    limit: '45 KB',
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
];
