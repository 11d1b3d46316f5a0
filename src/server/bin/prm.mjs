#!/usr/bin/env node
// The `prm` command of the reference server: runs the server's TypeScript sources through tsx, in
// this process, so signals reach the server directly (graceful shutdown) and there is no second
// Node to start.
import { register } from 'tsx/esm/api';

register();
await import('../cli.ts');
