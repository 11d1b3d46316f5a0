// The Microsoft Teams host, in Chromium against a real `prm serve --demo`: the real TeamsJS (and
// MSAL) in the tab pages, framed by the Teams host simulator, which answers TeamsJS's postMessage
// protocol and hands out tokens the demo's Entra stand-in signs; the server verifies them as a
// trusted issuer and maps the email to the user. Outside Teams the tab never hangs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { DEMO_IDS } from '../../src/server/seed/demo.js';
import { WIDGETS } from '../../src/hosts/web/widgets.js';
import { launchChromium, startDemoServer, watchedPage } from './harness.js';
import type { DemoServer } from './harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const U = DEMO_IDS.users;

let server: DemoServer;
let browser: Browser;
let names: Record<string, string>;

before(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  const res = await fetch(`${server.url}/demo/api/users`);
  const { users } = (await res.json()) as { users: { id: string; name: string }[] };
  names = Object.fromEntries(users.map((u) => [u.id, u.name]));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The simulator's record of what the tab asked Teams, by function. */
async function calls(page: Page, func: string): Promise<unknown[]> {
  const texts = await page.locator(`#sim-log li[data-func="${func}"] code`).allTextContents();
  return texts.map((t) => JSON.parse(t) as unknown);
}

async function simulator(query: string): Promise<{ page: Page; tab: FrameLocator }> {
  const { page } = await watchedPage(browser);
  await page.goto(`${server.url}/demo/teams/?${query}`);
  return { page, tab: page.frameLocator('#sim-frame') };
}

describe('the Teams tab in the host simulator', () => {
  it('initialises, takes locale and theme from the context, re-themes live, and signs in through nested app auth', async () => {
    const { page, tab } = await simulator(
      `user=${U.brightpathUser}&auth=naa&theme=dark&locale=de-DE`,
    );
    // The server mapped the NAA token's email to the partner user.
    await tab
      .getByText(`Signed in by Teams as ${names[U.brightpathUser]} · partner user`)
      .waitFor({ timeout: 30_000 });
    assert.equal(await tab.locator('html').getAttribute('lang'), 'de-DE');
    const list = tab.locator('prm-deal-list');
    await list.locator('[role=list]').waitFor({ timeout: 30_000 });
    assert.equal(await list.getAttribute('data-prm-theme'), 'dark');
    assert.equal(
      await list.evaluate(
        (el) => (el as HTMLElement & { locale?: string }).lang || document.documentElement.lang,
      ),
      'de-DE',
    );
    const naa = (await calls(page, 'nestedAppAuth.execute')) as { method: string; scope: string }[];
    assert.ok(naa.some((c) => c.method === 'GetInitContext'));
    assert.ok(naa.some((c) => c.method === 'GetToken' && c.scope.endsWith('/access_as_user')));
    assert.deepEqual(await calls(page, 'authentication.getAuthToken'), []);
    // Every widget of the loader's registry has its place in the personal tab.
    const shown = await tab
      .locator('.tab-nav button')
      .evaluateAll((b) => b.map((x) => x.getAttribute('data-view')));
    assert.deepEqual(
      [...shown].sort(),
      Object.keys(WIDGETS)
        .filter((t) => t !== 'prm-provider')
        .sort(),
    );

    // Teams switches to high contrast: the widgets follow without a reload.
    const before = await tab.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    await page.locator('#sim-theme').selectOption('contrast');
    await page.waitForFunction(
      () =>
        (document.querySelector('#sim-frame') as HTMLIFrameElement).contentDocument
          ?.querySelector('prm-deal-list')
          ?.getAttribute('data-prm-theme') === 'high-contrast',
    );
    assert.equal(await tab.locator('html').getAttribute('data-teams-theme'), 'contrast');
    assert.notEqual(
      await tab.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor),
      before,
    );
    assert.equal((await calls(page, 'initialize')).length, 1, 'no reload');
  });

  it('signs in with getAuthToken where NAA is not recommended, mapped to vendor staff', async () => {
    const { page, tab } = await simulator(`user=${U.channelManager}&auth=sso`);
    await tab
      .getByText(`Signed in by Teams as ${names[U.channelManager]} · channel manager`)
      .waitFor({ timeout: 30_000 });
    assert.ok((await calls(page, 'authentication.getAuthToken')).length >= 1);
    assert.deepEqual(await calls(page, 'nestedAppAuth.execute'), []);
    // The API answered this token with vendor data: the review queue's counts.
    await tab.locator('prm-deal-list [part~=stats]').waitFor({ timeout: 30_000 });
  });

  it('the configuration page validates, saves through pages.config, and the tab shows what was chosen', async () => {
    const { page, tab } = await simulator(`user=${U.channelManager}&auth=naa&tab=configure`);
    const kind = tab.locator('#config-kind');
    await kind.waitFor({ timeout: 30_000 });
    // The review queue is valid as it comes.
    await page.locator('#sim-save:not([disabled])').waitFor();
    await kind.selectOption('pipeline');
    await tab.locator('#partnerId-error').waitFor();
    assert.match(await tab.locator('#partnerId-error').innerText(), /Choose the partner/);
    await page.locator('#sim-save[disabled]').waitFor();
    await tab.locator('#config-partner').selectOption(DEMO_IDS.partners.kestrel);
    await page.locator('#sim-save:not([disabled])').click();
    const [saved] = (await calls(page, 'settings.setSettings')) as {
      contentUrl: string;
      entityId: string;
      suggestedDisplayName: string;
    }[];
    assert.ok(saved, 'setConfig reached the host');
    const url = new URL(saved.contentUrl);
    assert.equal(url.pathname, '/demo/teams/tab/');
    assert.equal(url.searchParams.get('view'), 'prm-deal-list');
    assert.equal(url.searchParams.get('partner-id'), DEMO_IDS.partners.kestrel);
    assert.match(saved.suggestedDisplayName, /pipeline/);
    await page.locator('#sim-log li[data-func="settings.save.success"]').waitFor();
    const list = tab.locator('prm-deal-list');
    await list.waitFor({ timeout: 30_000 });
    assert.equal(await list.getAttribute('partner-id'), DEMO_IDS.partners.kestrel);
    assert.equal(await tab.locator('.tab-nav').count(), 0, 'a configured tab shows its one view');
  });

  it('the configuration page narrows the review queue to a region, and the tab lists that region', async () => {
    const { page, tab } = await simulator(`user=${U.channelManager}&auth=naa&tab=configure`);
    const region = tab.locator('#config-region');
    await region.waitFor({ timeout: 30_000 });
    const offered = await region.locator('option').allTextContents();
    assert.ok(offered.map((o) => o.trim()).includes('EMEA'), offered.join());
    await region.selectOption('EMEA');
    await page.locator('#sim-save:not([disabled])').click();
    const [saved] = (await calls(page, 'settings.setSettings')) as {
      contentUrl: string;
      suggestedDisplayName: string;
    }[];
    assert.ok(saved, 'setConfig reached the host');
    const url = new URL(saved.contentUrl);
    assert.equal(url.searchParams.get('region'), 'EMEA');
    assert.equal(url.searchParams.get('status'), 'under_review');
    assert.equal(saved.suggestedDisplayName, 'Review queue (EMEA)');
    const list = tab.locator('prm-deal-list');
    await list.locator('[role=listitem]').first().waitFor({ timeout: 30_000 });
    assert.equal(await list.getAttribute('region'), 'EMEA');
  });

  it('shares a chosen deal into the conversation with a deep link, and the deep link opens the deal', async () => {
    const { page, tab } = await simulator(`user=${U.brightpathUser}&auth=naa`);
    const row = tab.locator('prm-deal-list [role=listitem]').first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    const title = await tab.locator('.tab-share strong').innerText();
    await tab.locator('#share-deal').click();
    await tab.getByText('Shared.').waitFor();
    const [shared] = (await calls(page, 'sharing.shareWebContent')) as {
      content: { type: string; url: string; message: string }[];
    }[];
    const item = shared!.content[0]!;
    assert.equal(item.type, 'URL');
    assert.ok(item.message.includes(title), item.message);
    const link = new URL(item.url);
    assert.equal(link.origin, 'https://teams.microsoft.com');
    assert.match(link.pathname, /^\/l\/entity\/[^/]+\/deals$/);
    const subEntityId = (JSON.parse(link.searchParams.get('context')!) as { subEntityId: string })
      .subEntityId;
    assert.match(subEntityId, /^deal:/);

    await page.locator('.sim-open-link').click();
    const opened = tab.locator('#linked-deal');
    await opened.waitFor({ timeout: 30_000 });
    assert.equal(await opened.locator('h2').innerText(), title);
    assert.equal(
      (await calls(page, 'initialize')).length,
      2,
      'the tab was opened again by the link',
    );
  });
});

describe('the Teams pages for everyone', () => {
  it('axe finds nothing in the simulator, nor in the tab in each Teams theme', async () => {
    // axe is injected as a script: the pages' CSP would refuse it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/demo/teams/?user=${U.brightpathAdmin}`);
    const tab = page.frameLocator('#sim-frame');
    await tab.locator('prm-deal-list [role=listitem]').first().waitFor({ timeout: 30_000 });
    const violations = async (frame: Frame) => {
      await frame.evaluate(AXE);
      return frame.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }
        ).axe;
        return (await axe.run()).violations.map((v) => v.id);
      });
    };
    assert.deepEqual(await violations(page.mainFrame()), [], 'the simulator');
    for (const theme of ['default', 'dark', 'contrast']) {
      await page.locator('#sim-theme').selectOption(theme);
      await tab.locator(`html[data-teams-theme="${theme}"]`).waitFor();
      assert.deepEqual(await violations(page.frames()[1]!), [], `the tab, ${theme}`);
    }
    await context.close();
  });
});

describe('the tab outside Teams', () => {
  it('a page of its own shows the web sign-in at once; a frame that is not Teams says so within 5 s', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(`${server.url}/demo/teams/tab/`);
    await page.locator('#web-sign-in').waitFor({ timeout: 2000 });
    assert.equal(await page.locator('#web-sign-in a').getAttribute('href'), '/demo/intranet/');

    await page.goto(`${server.url}/demo/`);
    const started = Date.now();
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.id = 'foreign';
      document.body.append(frame);
    }, '/demo/teams/tab/');
    const frame = page.frameLocator('#foreign');
    await frame.locator('#not-teams').waitFor({ timeout: 5000 });
    assert.ok(Date.now() - started < 5500);
    assert.match(await frame.locator('#not-teams').innerText(), /Open this tab in Microsoft Teams/);
  });

  it('TeamsJS and MSAL stay in the Teams pages: never in the loader, its chunks, the all-in-one file or the other demo pages', () => {
    const files = [
      'dist/prm-widgets.js',
      'dist/prm-widgets.all.js',
      ...readdirSync(`${root}dist/prm`)
        .filter((f) => f.endsWith('.js'))
        .map((f) => `dist/prm/${f}`),
      ...readdirSync(`${root}dist/demo`)
        .filter((f) => f.endsWith('.js'))
        .map((f) => `dist/demo/${f}`),
    ];
    for (const file of files) {
      const text = readFileSync(`${root}${file}`, 'utf8');
      assert.ok(!text.includes('nestedAppAuth'), `${file} holds TeamsJS`);
      assert.ok(!text.includes('NestedAppAuthRequest'), `${file} holds MSAL`);
    }
    const teams = readdirSync(`${root}dist/demo/teams/chunks`).map((f) =>
      readFileSync(`${root}dist/demo/teams/chunks/${f}`, 'utf8'),
    );
    assert.ok(
      teams.some((t) => t.includes('nestedAppAuth')),
      'the Teams pages do hold TeamsJS',
    );
  });
});
