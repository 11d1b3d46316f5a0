/**
 * @module How `vite build` makes the Teams pages (`dist/demo/teams/`): the tab page, the
 * configuration page and the host simulator, each an ES module of its own with TeamsJS (and, in
 * its own chunk, MSAL) inside — nothing of which reaches the web loader, the all-in-one file or
 * the other demo pages — and their HTML and CSS copied as they are.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EnvironmentOptions, Plugin } from 'vite';

const dir = fileURLToPath(new URL('.', import.meta.url));
const pagesDir = `${dir}pages/`;

export const TEAMS_ENVIRONMENT = 'teams';

export function teamsEnvironment(): EnvironmentOptions {
  return {
    consumer: 'client',
    build: {
      outDir: 'dist/demo/teams',
      emptyOutDir: false,
      lib: {
        entry: {
          tab: `${dir}tab.ts`,
          'config-page': `${dir}config-page.ts`,
          simulator: `${dir}simulator/simulator.ts`,
        },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
}

/** Copies the pages' HTML and CSS next to their scripts. */
export function teamsPages(): Plugin {
  return {
    name: 'prm-teams-pages',
    applyToEnvironment: (environment) => environment.name === TEAMS_ENVIRONMENT,
    buildStart() {
      for (const name of readdirSync(pagesDir)) this.addWatchFile(`${pagesDir}${name}`);
    },
    generateBundle() {
      for (const name of readdirSync(pagesDir).filter((n) => /\.(html|css)$/.test(n))) {
        this.emitFile({
          type: 'asset',
          fileName: name,
          source: readFileSync(`${pagesDir}${name}`),
        });
      }
    },
  };
}
