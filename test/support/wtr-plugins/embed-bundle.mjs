// The embed script as one self-contained file, the way `vite build` makes it (every dependency
// inside, development warnings compiled out), bundled by esbuild on first request so the browser
// tests need no build: `GET /__prm-embed/prm-widgets.js[?anything]`. Two query strings give two
// copies on one page, as two versions of the script would be.
import { build } from 'esbuild';

let bundle;

export const plugins = [
  {
    name: 'prm-embed-bundle',
    async serve(context) {
      if (context.path !== '/__prm-embed/prm-widgets.js') return undefined;
      bundle ??= build({
        entryPoints: ['src/hosts/web/embed.ts'],
        bundle: true,
        format: 'esm',
        minify: true,
        write: false,
        target: 'es2022',
        tsconfig: 'tsconfig.json',
        define: { __PRM_DEV__: 'false', __PRM_VERSION__: '"0.0.0-test"' },
      }).then((result) => result.outputFiles[0].text);
      return { body: await bundle, type: 'js' };
    },
  },
];
