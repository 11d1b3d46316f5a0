#!/usr/bin/env node
// `npm run size:table`: the README's table of what a page fetches through the loader, generated
// from the build (`dist/`, run `npm run build` first) and the budgets in `.size-limit.cjs` — never
// typed by hand. Each file gzipped on its own (level 9, as size-limit measures), summed over the
// files a page fetches. `--check` changes nothing and exits 1 when the README's table is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const START = '<!-- size-table:start (npm run size:table writes this) -->';
const END = '<!-- size-table:end -->';

process.chdir(root);
const checks = createRequire(import.meta.url)(`${root}.size-limit.cjs`);
const manifest = JSON.parse(readFileSync(`${root}dist/prm/manifest.json`, 'utf8'));

const gzip = (file) => gzipSync(readFileSync(`${root}${file}`), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const sum = (files) => files.reduce((total, f) => total + gzip(`dist/${f}`), 0);
const budgetOf = (name) => checks.find((c) => c.name === name)?.limit ?? '';

const widgets = Object.entries(manifest.widgets);
/** Who loads a widget's later chunks (the manifest's `later`). */
const LATER = {
  'prm-mdf-balance': 'the forms and decisions: partner admins, channel managers, program admins',
};
const page = [manifest.loader, ...manifest.runtime];
const tags = (list) => list.map((t) => `\`<${t}>\``).join(' + ');
const rows = [
  ['the loader, `prm-widgets.js`', [manifest.loader], 'loader (prm-widgets.js)'],
  [
    'the runtime (Lit, ky, zod/mini, the client, the base class)',
    manifest.runtime,
    'runtime (Lit, ky, zod/mini, the client, the base class)',
  ],
  ...widgets.map(([tag, w]) => [
    `\`<${tag}>\`, its English included`,
    w.chunks,
    `${tag}: its chunk, English included`,
  ]),
  ...widgets
    .filter(([, w]) => w.later.length > 0)
    .flatMap(([tag, w]) => [
      [
        `\`<${tag}>\`, what it loads later for some users (${LATER[tag] ?? 'some roles'})`,
        w.later,
        `${tag}: its later chunks, for the roles that load them`,
      ],
      [
        `\`<${tag}>\` for those users: its chunk and the later ones`,
        [...w.chunks, ...w.later],
        `${tag}: its chunk and later chunks together`,
      ],
    ]),
  ...widgets.flatMap(([tag, w]) =>
    Object.entries(w.messages).map(([lang, files]) => [
      `\`<${tag}>\` messages in ${lang}`,
      files,
      `${tag}: messages in ${lang}`,
    ]),
  ),
];
const pageWidgets = widgets.filter(([tag]) => tag !== 'prm-provider');
for (const [tag, w] of pageWidgets) {
  rows.push([
    `**a page with ${tags([tag])}** (loader, runtime, widget)`,
    [...page, ...w.chunks],
    `a page with only <${tag}> (loader, runtime, widget)`,
  ]);
}
if (pageWidgets.length > 1) {
  const two = pageWidgets.slice(0, 2);
  rows.push([
    `**a page with ${tags(two.map(([t]) => t))}**`,
    [...page, ...two.flatMap(([, w]) => w.chunks)],
    '',
  ]);
}
rows.push([
  '**a page with every widget**, for a role that loads every later chunk too',
  [...page, ...widgets.flatMap(([, w]) => [...w.chunks, ...w.later])],
  'a page with every widget',
]);
rows.push([
  'every widget in one file, `prm-widgets.all.js`',
  ['prm-widgets.all.js'],
  'all-in-one, as built (prm-widgets.all.js)',
]);

const table = [
  '| what a page fetches | gzip | budget |',
  '|---|---|---|',
  ...rows.map(([what, files, check]) => `| ${what} | ${kB(sum(files))} | ${budgetOf(check)} |`),
].join('\n');

const readme = readFileSync(`${root}README.md`, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md has no ${START} … ${END} markers.`);
  process.exit(1);
}
const next = `${readme.slice(0, start + START.length)}\n\n${table}\n\n${readme.slice(end)}`;
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('The size table in README.md is stale: run `npm run size:table`.');
    process.exit(1);
  }
  console.log('The size table in README.md matches the build.');
} else {
  writeFileSync(`${root}README.md`, next);
  console.log(table);
}
