// Every demo page as people meet it, in Chromium: axe finds nothing in the light, dark and
// high-contrast themes with the demo's branding, and a phone (390 × 844) never scrolls sideways.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startDemoServer } from './harness.js';
import type { DemoServer } from './harness.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const PAGES = [
  { path: '/demo/', ready: 'main' },
  { path: '/demo/intranet/', ready: 'prm-deal-list' },
  { path: '/demo/console/', ready: 'prm-deal-list' },
] as const;
const THEMES = ['light', 'dark', 'high-contrast'] as const;

/** Waits until the widgets on the page have their data (or there are none). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('prm-deal-list')].every(
        (el) => el.shadowRoot?.querySelector("[role='list'], [part=empty], [part=error]") ?? false,
      ) &&
      [...document.querySelectorAll('prm-deal-registration')].every(
        (el) => el.shadowRoot?.querySelector('form') ?? false,
      ) &&
      [...document.querySelectorAll('prm-content-finder')].every(
        (el) =>
          el.shadowRoot?.querySelector(".results[aria-busy='false'] :is(ul, [part=empty])") ??
          false,
      ),
    undefined,
    { timeout: 30_000 },
  );
}

interface AxeResult {
  violations: {
    id: string;
    impact: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

describe('demo pages: themes and phones', { concurrency: false }, () => {
  let server: DemoServer;
  let browser: Browser;
  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { path } of PAGES) {
    for (const theme of THEMES) {
      it(`axe finds no violation on ${path} in the ${theme} theme`, async () => {
        // axe is injected into the page; the demo's CSP would rightly refuse it as a script.
        const context = await browser.newContext({
          viewport: { width: 1280, height: 900 },
          bypassCSP: true,
        });
        try {
          const page = await context.newPage();
          await page.goto(`${server.url}${path}?theme=${theme}`);
          await settled(page);
          assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), theme);
          await page.evaluate(AXE);
          const result = (await page.evaluate(() =>
            (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
          )) as AxeResult;
          const found = result.violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .slice(0, 4)
                .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`)
                .join(' | ')}`,
          );
          assert.deepEqual(found, []);
        } finally {
          await context.close();
        }
      });
    }

    it(`${path} does not scroll sideways at 390 × 844`, async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
      });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}${path}`);
        await settled(page);
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        assert.ok(
          widths.scroll <= widths.client,
          `${path} is ${widths.scroll}px wide in a ${widths.client}px window`,
        );
      } finally {
        await context.close();
      }
    });
  }
});
