// tokenFromUrl and the SSE subscription against the scripted HTTP server, in Node; the same
// scenarios run in Chromium from client.browser.test.ts.
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { startTestServer, type TestServer } from '../support/test-http-server.mjs';
import { authScenarios, eventScenarios } from './scenarios/auth-events.js';
import type { Harness } from './scenarios/harness.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const harness: Harness = { describe, it, expect, serverUrl: () => server.url };
authScenarios(harness);
eventScenarios(harness);
