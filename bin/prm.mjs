#!/usr/bin/env node
// `prm` from the repository root (`npm start` and the tests use this path): the reference server's
// own command, which lives in its package, `src/server/` (`npx prm` finds it there).
await import('../src/server/bin/prm.mjs');
