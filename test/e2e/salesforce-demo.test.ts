// /demo/salesforce/: the wrappers compiled by the LWC compiler on a Lightning-like record page,
// against the demo server, under the demo's strict CSP. The widgets come from the Salesforce
// static resource (closed shadow roots), so the test reads what they show from the
// accessibility tree. With SCREENSHOT=<path> it also writes the README's picture.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startDemoServer, watchedPage } from './harness.js';
import type { DemoServer } from './harness.js';

/** The page's accessible names (role + name), closed shadow roots included. */
async function axNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored?: boolean; role?: { value?: string }; name?: { value?: unknown } }[];
    };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => `${n.role?.value ?? ''}: ${String(n.name?.value ?? '')}`);
  } finally {
    await cdp.detach();
  }
}

async function until(page: Page, check: (names: string[]) => boolean, what: string) {
  for (let i = 0; i < 120; i += 1) {
    const names = await axNames(page);
    if (check(names)) return names;
    await page.waitForTimeout(250);
  }
  assert.fail(`${what}; the page showed ${JSON.stringify((await axNames(page)).slice(0, 60))}`);
}

describe('the Salesforce demo page', () => {
  let server: DemoServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the Account wrapper with that customer’s partner deals, then the Opportunity’s registration', async () => {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/demo/salesforce/?view=account`);
    await page.locator('#record-name').filter({ hasNotText: 'Loading' }).waitFor();
    const customer = (await page.locator('#record-name').textContent())!.trim();
    // The deal list shows the account's deals: its count line and that customer's name.
    await until(
      page,
      (names) =>
        names.some((n) => /^StaticText: \d+ deals?$/.test(n)) &&
        names.some((n) => n.includes(customer) && !n.startsWith('heading')),
      `the list shows deals of ${customer}`,
    );
    if (process.env.SCREENSHOT)
      await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });

    // Registering is a partner's act: the form is there for a partner user (an Experience Cloud
    // user), not for the demo seller.
    await page.goto(`${server.url}/demo/salesforce/?view=opportunity&user=usr_brightpath_1`);
    await until(
      page,
      (names) =>
        names.includes(`textbox: Customer name`) ||
        names.some((n) => /^textbox: Customer name/.test(n)),
      'the registration form',
    );
    // `?mode=direct`: the client calls the demo server itself (no Apex stand-in): the event
    // stream is held open, not polled with `Prefer: wait=0`.
    const stream = page.waitForRequest(
      (r) => new URL(r.url()).pathname === '/v1/events' && !r.headers()['prefer'],
    );
    await page.goto(`${server.url}/demo/salesforce/?view=account&mode=direct`);
    await stream;
    await until(
      page,
      (names) => names.some((n) => /^StaticText: \d+ deals?$/.test(n)),
      'the list in the direct mode',
    );
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(await watch.cspViolations(), []);
    await watch.context.close();
  });
});
