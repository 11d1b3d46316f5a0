/**
 * @module How `vite build` makes the demo pages (`dist/demo/`): their scripts as small ES modules
 * (they configure the page; the widgets come from the embed script, as on a partner's site), and
 * their HTML, CSS and icon copied as they are — there is nothing in them to transform, and under
 * the demo's CSP nothing may be inlined.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EnvironmentOptions, Plugin } from 'vite';

const dir = fileURLToPath(new URL('.', import.meta.url));
const STATIC = /\.(html|css|svg)$/;
/** The pages that have a script of their own. */
const SCRIPTS = ['overview', 'intranet', 'console'];

export const DEMO_ENVIRONMENT = 'demo';

export function demoEnvironment(): EnvironmentOptions {
  return {
    consumer: 'client',
    build: {
      outDir: 'dist/demo',
      emptyOutDir: false,
      lib: {
        entry: Object.fromEntries(SCRIPTS.map((name) => [name, `${dir}${name}.ts`])),
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
}

/** Copies the pages' static files next to their scripts. */
export function demoPages(): Plugin {
  return {
    name: 'prm-demo-pages',
    applyToEnvironment: (environment) => environment.name === DEMO_ENVIRONMENT,
    buildStart() {
      for (const name of readdirSync(dir))
        if (STATIC.test(name)) this.addWatchFile(`${dir}${name}`);
    },
    generateBundle() {
      for (const name of readdirSync(dir).filter((n) => STATIC.test(n))) {
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(`${dir}${name}`) });
      }
    },
  };
}
