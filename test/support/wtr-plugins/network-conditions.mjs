// A command for browser tests: slow the page's network down (Chrome DevTools' network emulation),
// so an upload takes long enough to report its progress in several steps, as over a real link.
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   await executeServerCommand('prm-network', { uploadBytesPerSecond: 500_000 }); // null: no limit
const sessions = new WeakMap();

export const plugins = [
  {
    name: 'prm-network-conditions',
    async executeCommand({ command, payload, session }) {
      if (command !== 'prm-network') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.enable');
        sessions.set(page, cdp);
      }
      const upload = payload?.uploadBytesPerSecond ?? -1;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: upload,
      });
      return true;
    },
  },
];
