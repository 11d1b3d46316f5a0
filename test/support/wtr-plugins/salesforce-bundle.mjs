// The Salesforce static resource (`npm run build:salesforce`: closed shadow roots, one classic
// script setting window.prmWidgets), built on first request at `/__prm-salesforce/prmWidgets.js`,
// and a command that reads the page's accessibility tree through the Chrome DevTools Protocol,
// which sees into closed shadow roots where a test's script cannot:
// `executeServerCommand('prm-ax-nodes')` → [{ role, name }].
import { buildSalesforceBundle } from '../../../scripts/build-salesforce.mjs';

let bundle;

export const plugins = [
  {
    name: 'prm-salesforce-bundle',
    async serve(context) {
      if (context.path !== '/__prm-salesforce/prmWidgets.js') return undefined;
      bundle ??= buildSalesforceBundle();
      return { body: await bundle, type: 'js' };
    },
    async executeCommand({ command, session }) {
      if (command !== 'prm-ax-nodes') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return nodes
          .filter((n) => !n.ignored)
          .map((n) => ({ role: n.role?.value ?? '', name: String(n.name?.value ?? '') }));
      } finally {
        await cdp.detach();
      }
    },
  },
];
