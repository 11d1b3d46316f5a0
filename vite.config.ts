/**
 * `vite build` makes, in `dist/`:
 *
 * - ESM modules for npm users, one per entry (`core`, `define`, `widgets`, one per widget folder),
 *   sharing chunks, with the package's dependencies left as imports so an app has one Lit; and
 *   the same again in `dev/` with the development warnings kept, which the `development` export
 *   condition selects (Vite, webpack, esbuild `--conditions=development`, Node `-C development`);
 * - `prm-widgets.js`, the script-tag loader, and its chunks in `prm/` (the runtime, one per widget,
 *   one per catalogue in another language) with `prm/manifest.json` saying which is which;
 * - `prm-widgets.all.js`, every widget in one self-contained file;
 * - `src/server/dist/index.js`, the entry of the server's own package (`@prm-widgets/server`:
 *   signing embed tokens; no database inside);
 * - `types/`, the TypeScript declarations of every entry (`tsc -p tsconfig.build.json`);
 * - `custom-elements.json`, the Custom Elements Manifest (`cem analyze`), as `package.json` names it;
 * - `demo/teams/`, the Microsoft Teams tab pages and the host simulator (TeamsJS and MSAL only there).
 *
 * Every build but `dev/` defines `__PRM_DEV__` as `false`, which drops the development warnings. Lit's
 * decorators are the legacy ones (tsconfig `experimentalDecorators`): Vite 8 leaves standard
 * decorators in the output, and browsers cannot parse that.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { demoEnvironment, demoPages } from './src/hosts/web/demo/build.js';
import { teamsEnvironment, teamsPages } from './src/hosts/teams/build.js';
// @ts-expect-error: a plain ES module script without types
import { buildSalesforceDemo } from './scripts/build-salesforce.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};
const dependencies = Object.keys(pkg.dependencies ?? {});
const isDependency = (id: string) => dependencies.some((d) => id === d || id.startsWith(`${d}/`));

/** Every folder `src/widgets/<name>/` holding `prm-<name>.ts` is an entry of its own. */
function widgetEntries(): Record<string, string> {
  const dir = `${root}src/widgets/`;
  const entries: Record<string, string> = {};
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const file = `src/widgets/${name.name}/prm-${name.name}.ts`;
    if (name.isDirectory() && existsSync(`${root}${file}`)) entries[name.name] = file;
  }
  return entries;
}

/** The modules of the npm package, by name: `dist/<name>.js` (and `dist/dev/<name>.js`). */
const npmEntries = (): Record<string, string> => ({
  core: 'src/core/index.ts',
  define: 'src/widgets/define.ts',
  widgets: 'src/widgets/index.ts',
  ...widgetEntries(),
});

/** The browser builds must never pull in the server or Node's built-ins. */
function browserOnly(): Plugin {
  return {
    name: 'prm-browser-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (/^node:/.test(source) || (importer && /\/src\/server\//.test(source))) {
        this.error(
          `${importer ?? 'an entry'} imports ${source}, which has no place in a browser build`,
        );
      }
      return null;
    },
    load(id) {
      if (id.includes('/src/server/'))
        this.error(`${id} is server code, not for the browser build`);
      return null;
    },
  };
}

/**
 * In the all-in-one file a widget's later chunks (`import('./x.js')` of a module that is not a
 * catalogue) become static imports: everything is in the one file anyway, and an inlined dynamic
 * import would wrap every module it reaches (Lit, the client) in a lazy initialiser, 1.3 kB gzip
 * for nothing. Same behaviour: the import still resolves on a later microtask.
 */
function staticLaterChunks(): Plugin {
  return {
    name: 'prm-static-later-chunks',
    applyToEnvironment: (environment) => environment.name === 'all',
    transform(code, id) {
      if (!/\/src\/widgets\/[\w-]+\/[\w.-]+\.ts$/.test(id)) return null;
      let n = 0;
      const imports: string[] = [];
      const out = code.replace(
        /\bimport\((['"])(\.\/[\w-]+\.js)\1\)/g,
        (_all, _q, spec: string) => {
          const name = `__prmLater${n++}`;
          imports.push(`import * as ${name} from '${spec}';`);
          return `Promise.resolve(${name})`;
        },
      );
      return n === 0 ? null : { code: `${imports.join('\n')}\n${out}`, map: null };
    },
  };
}

/** Where the loader's chunks go, beside `prm-widgets.js`. */
const CHUNKS = 'prm';

/**
 * The modules of the loader's shared runtime chunk: whatever is not the loader or a widget, but
 * the client's upload over XMLHttpRequest, which the client imports when a file first goes out.
 */
const isRuntime = (id: string) =>
  !id.endsWith('/src/core/client/xhr.ts') &&
  /rolldown[/:]runtime|\/node_modules\/|\/src\/core\/|\/src\/widgets\/shared\/|\/src\/hosts\/web\/(runtime|document-provider|script-config)\.ts$/.test(
    id,
  );

/**
 * `prm/manifest.json`: which files a page fetches for what — the loader, the runtime, each
 * element's chunks (with their static imports, the runtime's left out), the chunks it imports
 * later for some users only (`later`: forms of the roles that act, a vendor's desk) and each
 * element's catalogues by language. The size budgets (`.size-limit.cjs`), the size table and the tests
 * read it; a host may read it to write `modulepreload` hints.
 */
function loaderManifest(): Plugin {
  return {
    name: 'prm-loader-manifest',
    applyToEnvironment: (environment) => environment.name === 'script',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (file: string, seen = new Set<string>()): Set<string> => {
        if (seen.has(file)) return seen;
        seen.add(file);
        for (const dep of byName.get(file)?.imports ?? []) closure(dep, seen);
        return seen;
      };
      const loader = chunks.find((c) => c.isEntry);
      const runtimeChunk = chunks.find((c) => c.name === 'runtime');
      if (!loader || !runtimeChunk) return this.error('the loader build has no entry or runtime');
      const runtimeFiles = closure(runtimeChunk.fileName);
      const widgets: Record<
        string,
        { chunks: string[]; later: string[]; messages: Record<string, string[]> }
      > = {};
      const source = (c: (typeof chunks)[number]) => c.facadeModuleId?.replace(/\\/g, '/') ?? '';
      const isCatalogue = (file: string) => {
        const chunk = byName.get(file);
        return !!chunk && /\.messages\.\w+\.ts$/.test(source(chunk));
      };
      for (const chunk of chunks) {
        const widget = /\/src\/widgets\/([\w-]+)\/prm-\1\.ts$/.exec(source(chunk));
        if (!widget || !chunk.isDynamicEntry) continue;
        const files = [...closure(chunk.fileName)].filter((f) => !runtimeFiles.has(f));
        // What the widget imports later, for some users only (the forms of the roles that act,
        // a vendor's desk): its dynamic imports other than catalogues, with their own imports.
        const later = new Set<string>();
        for (const file of files) {
          for (const lazy of byName.get(file)?.dynamicImports ?? []) {
            if (isCatalogue(lazy)) continue;
            for (const f of closure(lazy)) {
              if (!runtimeFiles.has(f) && !files.includes(f)) later.add(f);
            }
          }
        }
        widgets[`prm-${widget[1]}`] = { chunks: files, later: [...later], messages: {} };
      }
      for (const chunk of chunks) {
        const catalogue = /\/src\/widgets\/([\w-]+)\/prm-\1\.messages\.(\w+)\.ts$/.exec(
          source(chunk),
        );
        const widget = catalogue && widgets[`prm-${catalogue[1]}`];
        if (!widget || !catalogue[2]) continue;
        widget.messages[catalogue[2]] = [...closure(chunk.fileName)].filter(
          (f) => !runtimeFiles.has(f) && !widget.chunks.includes(f),
        );
      }
      const manifest = { loader: loader.fileName, runtime: [...runtimeFiles], widgets };
      this.emitFile({
        type: 'asset',
        fileName: `${CHUNKS}/manifest.json`,
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
    },
  };
}

/**
 * `.br` and `.gz` beside each script a page loads (the loader, its chunks, the all-in-one file),
 * at the best levels, for a server to send as they are (`prm serve` does).
 */
function precompress(): void {
  const files = [
    'dist/prm-widgets.js',
    'dist/prm-widgets.all.js',
    ...readdirSync(`${root}dist/${CHUNKS}`)
      .filter((f) => f.endsWith('.js'))
      .map((f) => `dist/${CHUNKS}/${f}`),
  ];
  for (const file of files) {
    const source = readFileSync(`${root}${file}`);
    writeFileSync(`${root}${file}.gz`, gzipSync(source, { level: 9 }));
    writeFileSync(
      `${root}${file}.br`,
      brotliCompressSync(source, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: source.length },
      }),
    );
  }
}

/** Type declarations for npm users, beside the modules they describe (`dist/types/`). */
const declarations = () =>
  execFileSync(`${root}node_modules/.bin/tsc`, ['-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });

const analyze = () =>
  execFileSync(`${root}node_modules/.bin/cem`, ['analyze', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });

export default defineConfig({
  define: { __PRM_DEV__: 'false', __PRM_VERSION__: JSON.stringify(pkg.version) },
  plugins: [browserOnly(), demoPages(), teamsPages(), loaderManifest(), staticLaterChunks()],
  build: { target: 'es2022', sourcemap: true },
  environments: {
    client: {
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        minify: false,
        lib: {
          entry: npmEntries(),
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rolldownOptions: { external: isDependency },
      },
    },
    // The loader `prm-widgets.js` for a `<script type="module">` tag, and its chunks in `prm/`:
    // the shared runtime (Lit, the client, the base class), one chunk per widget, one per
    // catalogue in another language. Every dependency inside, minified (this is the end of the
    // line, not a library for a bundler). Chunk names carry a content hash: served immutable.
    script: {
      consumer: 'client',
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        lib: {
          entry: { 'prm-widgets': 'src/hosts/web/embed.ts' },
          formats: ['es'],
          fileName: () => 'prm-widgets.js',
        },
        rolldownOptions: {
          output: {
            minify: true,
            chunkFileNames: `${CHUNKS}/[name]-[hash].js`,
            codeSplitting: { groups: [{ name: 'runtime', test: isRuntime }] },
          },
        },
      },
    },
    // `prm-widgets.all.js`: every element in one file, the German inlined, no further request.
    all: {
      consumer: 'client',
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        lib: {
          entry: { 'prm-widgets.all': 'src/hosts/web/all.ts' },
          formats: ['es'],
          fileName: () => 'prm-widgets.all.js',
        },
        rolldownOptions: { output: { minify: true, codeSplitting: false } },
      },
    },
    // The pages of `prm serve --demo`, into dist/demo/.
    demo: demoEnvironment(),
    // The Teams tab pages and the host simulator, into dist/demo/teams/ (TeamsJS and MSAL stay there).
    teams: teamsEnvironment(),
  },
  builder: {
    async buildApp(builder) {
      // In order: the first empties dist/, the second adds to it, the manifest comes last.
      await builder.build(builder.environments['client']!);
      await builder.build(builder.environments['script']!);
      await builder.build(builder.environments['all']!);
      precompress();
      await builder.build(builder.environments['demo']!);
      await builder.build(builder.environments['teams']!);
      // The Salesforce page of the demo: the wrappers compiled by the LWC compiler.
      await buildSalesforceDemo();
      // The npm modules again with the development warnings, for the `development` condition.
      await esbuild({
        entryPoints: npmEntries(),
        bundle: true,
        splitting: true,
        platform: 'browser',
        target: 'es2022',
        format: 'esm',
        packages: 'external',
        outdir: 'dist/dev',
        chunkNames: 'chunks/[name]-[hash]',
        tsconfig: 'tsconfig.json',
        define: { __PRM_DEV__: 'true', __PRM_VERSION__: JSON.stringify(pkg.version) },
        logLevel: 'warning',
      });
      // The entry of the server's package (`@prm-widgets/server`, `src/server/package.json`) for
      // a partner's Node backend (mintEmbedToken): plain Node ESM, its dependencies (jose) left
      // as imports.
      await esbuild({
        entryPoints: ['src/server/index.ts'],
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        packages: 'external',
        outfile: 'src/server/dist/index.js',
        logLevel: 'warning',
      });
      declarations();
      analyze();
    },
  },
});
