// Starts the core client's scripted HTTP server (test/support/test-http-server.mjs) beside the
// dev server, and tells the page where it is: `GET /__core-test-server` → `{ "url": … }`.
import { startTestServer } from '../test-http-server.mjs';

export function plugins() {
  let server;
  return [
    {
      name: 'core-test-server',
      async serverStart() {
        server = await startTestServer();
      },
      async serverStop() {
        await server?.close();
      },
      serve(context) {
        if (context.path === '/__core-test-server') {
          return { body: JSON.stringify({ url: server.url }), type: 'json' };
        }
        return undefined;
      },
    },
  ];
}
