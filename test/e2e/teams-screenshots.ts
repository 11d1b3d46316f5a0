// Retakes docs/teams-tab-light.png and docs/teams-tab-dark.png: the personal tab in the Teams host
// simulator, signed in through nested app auth, in Teams' default and dark themes:
//   npx vite build && node --import tsx test/e2e/teams-screenshots.ts
// Not a test (npm test runs only *.test.ts); it lives here for the harness it shares.
import { fileURLToPath } from 'node:url';
import { launchChromium, startDemoServer } from './harness.js';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
const user = process.argv[2] ?? 'usr_brightpath_admin';

const [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
try {
  for (const theme of ['default', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/demo/teams/?user=${user}&auth=naa&theme=${theme}`);
    const tab = page.frameLocator('#sim-frame');
    await tab.locator('.tab-user').waitFor();
    await tab.locator('prm-deal-list [role="listitem"]').nth(4).waitFor();
    await tab.locator('prm-deal-list [role="listitem"]').first().click();
    await tab.locator('#share-deal').waitFor();
    const out = `${docs}teams-tab-${theme === 'default' ? 'light' : 'dark'}.png`;
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
