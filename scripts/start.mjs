#!/usr/bin/env node
// `npm start`: the demo on this machine. It builds what the browser needs (`vite build`: the
// embed script and the demo pages), then runs the reference server with the demo program — its
// data in .prm-data/ (a second start reuses it), a generated signing secret kept there too.
// Extra arguments pass through: `npm start -- --port 9000`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
console.log('Building the widgets and the demo pages (vite build)…');
const build = spawnSync(`${root}node_modules/.bin/vite`, ['build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('The build failed; the demo needs it. See the errors above.');
  process.exit(build.status ?? 1);
}

process.argv = [
  process.argv[0],
  process.argv[1],
  'serve',
  '--demo',
  '--seed',
  'demo',
  ...process.argv.slice(2),
];
await import('../bin/prm.mjs');
