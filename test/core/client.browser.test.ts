// The core client's scenarios in Chromium, against the same scripted HTTP server as in Node (on
// another origin, so CORS is exercised too), started by test/support/wtr-plugins/core-test-server.mjs.
import { expect } from '@open-wc/testing';
import type { Harness } from './scenarios/harness.js';
import { clientScenarios } from './scenarios/client.js';
import { authScenarios, eventScenarios } from './scenarios/auth-events.js';
import { formatScenarios } from './scenarios/format.js';

let serverUrl = '';
before(async () => {
  const response = await fetch('/__core-test-server');
  serverUrl = ((await response.json()) as { url: string }).url;
});

/** A `PartnerApiError` constructed inside an iframe, from the iframe's own copy of the module. */
async function foreignPartnerApiError(): Promise<unknown> {
  const iframe = document.createElement('iframe');
  const src = new URL('/src/core/errors.ts', location.href).href;
  iframe.srcdoc = `<script type="module">
    import { PartnerApiError } from ${JSON.stringify(src)};
    window.made = new PartnerApiError(
      { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden' },
      { method: 'GET', url: '/v1/me', status: 403 },
    );
    parent.postMessage('prm-realm-ready', '*');
  </script>`;
  const ready = new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== iframe.contentWindow || event.data !== 'prm-realm-ready') return;
      removeEventListener('message', onMessage);
      resolve();
    };
    addEventListener('message', onMessage);
  });
  document.body.append(iframe);
  await ready;
  const made = (iframe.contentWindow as unknown as { made: unknown }).made;
  iframe.remove();
  return made;
}

const harness: Harness = {
  describe,
  it: (name, fn) => it(name, fn),
  expect,
  serverUrl: () => serverUrl,
  foreignPartnerApiError,
};
clientScenarios(harness);
authScenarios(harness);
eventScenarios(harness);
formatScenarios(harness);
