// Retakes docs/intranet-demo.png from a fresh demo server, as a visitor sees the intranet:
//   npx vite build && node --import tsx test/e2e/screenshot.ts [out.png] [user id]
// Not a test (npm test runs only *.test.ts); it lives here for the harness it shares.
import { fileURLToPath } from 'node:url';
import { launchChromium, startDemoServer } from './harness.js';

const out =
  process.argv[2] ?? fileURLToPath(new URL('../../docs/intranet-demo.png', import.meta.url));
const user = process.argv[3] ?? 'usr_brightpath_admin';

const [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
try {
  // Tall enough for the whole page: the deal list renders its rows only once on screen.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1640 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/demo/intranet/?user=${encodeURIComponent(user)}`);
  await page
    .locator('prm-deal-registration')
    .getByLabel('Customer name', { exact: true })
    .waitFor();
  await page.locator('prm-deal-list [role="listitem"]').nth(4).waitFor();
  await page.locator('#me-name').filter({ hasNotText: 'Signing in' }).waitFor();
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
