#!/usr/bin/env node
// `npm start`: the demo on this machine. It builds what the browser needs (`vite build`: the
// embed script and the demo pages), then runs the reference server with the demo program — its
// data in .prm-data/ (a second start reuses it), a generated signing secret kept there too.
// Extra arguments pass through: `npm start -- --port 9000`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The build says nothing unless it fails, so that the first line printed is the demo's URL.
// PRM_SKIP_BUILD=1 reuses the last build (the tests of this script set it).
if (process.env.PRM_SKIP_BUILD !== '1') {
  const build = spawnSync(`${root}node_modules/.bin/vite`, ['build', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    console.error('The build of the widgets and the demo pages failed; the demo needs it.');
    process.exit(build.status ?? 1);
  }
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
