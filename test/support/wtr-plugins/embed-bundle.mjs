// The script-tag files the way `vite build` makes them (every dependency inside, development
// warnings compiled out), bundled by esbuild on first request so the browser tests need no build:
// `GET /__prm-embed/prm-widgets.js[?anything]` (the loader, its chunks inlined: esbuild without
// splitting) and `/__prm-embed/prm-widgets.all.js` (every element in one file). Two query strings
// give two copies on one page, as two versions of the script would be.
import { build } from 'esbuild';

const ENTRIES = {
  '/__prm-embed/prm-widgets.js': 'src/hosts/web/embed.ts',
  '/__prm-embed/prm-widgets.all.js': 'src/hosts/web/all.ts',
};
const bundles = new Map();

export const plugins = [
  {
    name: 'prm-embed-bundle',
    async serve(context) {
      const entry = ENTRIES[context.path];
      if (!entry) return undefined;
      if (!bundles.has(entry)) {
        const bundle = build({
          entryPoints: [entry],
          bundle: true,
          format: 'esm',
          minify: true,
          write: false,
          target: 'es2022',
          tsconfig: 'tsconfig.json',
          define: { __PRM_DEV__: 'false', __PRM_VERSION__: '"0.0.0-test"' },
        }).then((result) => result.outputFiles[0].text);
        bundles.set(entry, bundle);
      }
      return { body: await bundles.get(entry), type: 'js' };
    },
  },
];
