// The core client against the scripted HTTP server, in Node. The same scenarios run in Chromium
// from client.browser.test.ts.
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { startTestServer, type TestServer } from '../support/test-http-server.mjs';
import type * as errors from '../../src/core/errors.js';
import type { Harness } from './scenarios/harness.js';
import { clientScenarios } from './scenarios/client.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const harness: Harness = {
  describe,
  it,
  expect,
  serverUrl: () => server.url,
  // A second instance of the module stands in for another realm: its classes are distinct, as
  // an iframe's are (the browser suite uses a real iframe).
  async foreignPartnerApiError() {
    const url = new URL('../../src/core/errors.ts?realm=client-test', import.meta.url).href;
    const other = (await import(url)) as typeof errors;
    return new other.PartnerApiError(
      { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden' },
      { method: 'GET', url: '/v1/me', status: 403 },
    );
  },
};
clientScenarios(harness);
