// The demo as a visitor uses it, in Chromium: a partner registers a deal on its intranet, the
// channel manager (whose console is already open) sees it arrive and approves it, and the
// partner's list follows — no reload anywhere, no console error, nothing the CSP had to block.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  daysFromNow,
  launchChromium,
  startDemoServer,
  uniqueSuffix,
  watchedPage,
} from './harness.js';
import type { DemoServer, PageWatch } from './harness.js';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

interface DealFields {
  customer: string;
  domain: string;
  contact?: string;
  title?: string;
  notes?: string;
}

/** Fills the registration form the way a user does: label by label. */
async function fillDeal(form: Locator, d: DealFields): Promise<void> {
  await form.getByLabel('Customer name', { exact: true }).fill(d.customer);
  await form.getByLabel('Customer website', { exact: true }).fill(d.domain);
  await form.getByLabel('Contact name', { exact: true }).fill(d.contact ?? 'Rosa Quintero');
  await form.getByLabel('Contact email', { exact: true }).fill(`rosa@${d.domain}`);
  await form.getByLabel('Opportunity title', { exact: true }).fill(d.title ?? 'Analytics rollout');
  await form.getByLabel('Insight Analytics', { exact: true }).check();
  // Above the Gold tier's auto-approval limit (USD 100,000): it goes to the channel team.
  await form.getByLabel('Amount', { exact: true }).fill('250000');
  await form.getByLabel('Expected close date', { exact: true }).fill(daysFromNow(60));
  if (d.notes) await form.getByLabel('Notes (optional)', { exact: true }).fill(d.notes);
}

async function submitDeal(form: Locator): Promise<Locator> {
  await form.getByRole('button', { name: 'Register deal' }).click();
  const outcome = form.locator('.outcome');
  await outcome.waitFor();
  return outcome;
}

const rowOf = (list: Locator, customer: string) =>
  list.locator('[role="listitem"]').filter({ hasText: customer });

async function assertClean(watch: PageWatch, allow: RegExp[] = []): Promise<void> {
  const errors = watch.consoleErrors.filter((e) => !allow.some((re) => re.test(e)));
  assert.deepEqual(errors, [], `console errors on ${watch.page.url()}`);
  assert.deepEqual(watch.pageErrors, [], `uncaught errors on ${watch.page.url()}`);
  assert.deepEqual(await watch.cspViolations(), [], `CSP violations on ${watch.page.url()}`);
  assert.deepEqual(watch.dialogs, [], `dialogs on ${watch.page.url()}`);
}

// Explicit timeouts: `npm test` gives every test 120 s by default, and the server starts slowly on
// a busy machine (tsx compiles it, PGlite boots and seeds).
const TEST = { timeout: 180_000 };

describe('the demo (prm serve --demo)', () => {
  let server: DemoServer;
  let browser: Browser;

  before(
    async () => {
      [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    },
    { timeout: 240_000 },
  );
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function visit(path: string): Promise<PageWatch & { page: Page }> {
    const watch = await watchedPage(browser);
    watch.page.setDefaultTimeout(30_000);
    const response = await watch.page.goto(server.url + path);
    assert.equal(response?.status(), 200, `GET ${path}`);
    assert.equal(response?.headers()['content-security-policy'], STRICT_CSP, `CSP of ${path}`);
    return watch;
  }

  it(
    'serves every page under the strict CSP, with no error and nothing blocked',
    TEST,
    async () => {
      const home = await visit('/demo/');
      await home.page.getByRole('link', { name: 'Open the intranet' }).waitFor();
      const intranet = await visit('/demo/intranet/?user=usr_brightpath_admin');
      await intranet.page
        .locator('prm-deal-registration')
        .getByLabel('Customer name', { exact: true })
        .waitFor();
      await intranet.page.locator('#me-name').filter({ hasNotText: 'Signing in' }).waitFor();
      await intranet.page.locator('#key-card:not([hidden])').waitFor();
      const consolePage = await visit('/demo/console/?user=usr_lf_seller_1');
      await consolePage.page.locator('#queue [role="listitem"]').first().waitFor();
      for (const watch of [home, intranet, consolePage]) await assertClean(watch);

      // The token route mints with the embed key for partners, with the server secret for staff.
      const partner = await fetch(`${server.url}/demo/api/token?user=usr_brightpath_1`);
      assert.equal(partner.status, 200);
      assert.equal(partner.headers.get('cache-control'), 'no-store');
      const { token } = (await partner.json()) as { token: string };
      const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
      assert.match(header.kid, /^ek_/);
      const nobody = await fetch(`${server.url}/demo/api/token?user=usr_lf_admin`);
      assert.equal(nobody.status, 404, 'program admins are not handed out by the demo');
    },
  );

  it('the demo backend refuses what it should', TEST, async () => {
    const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);
    for (const path of [
      '/demo/static/..%2f..%2fpackage.json',
      '/demo/static/%2e%2e/secret',
      '/demo/nope',
    ]) {
      const reply = await get(path);
      assert.equal(reply.status, 404, path);
      assert.ok(!(await reply.text()).includes('"name": "prm-widgets"'), path);
    }
    const missing = await get('/demo/nope');
    assert.equal(missing.headers.get('content-security-policy'), STRICT_CSP);
    // Writes only from the demo's own script (a custom header no cross-site form can send).
    const forged = await get('/demo/api/embed-key?partner=prt_brightpath', { method: 'POST' });
    assert.equal(forged.status, 403);
    const unknown = await get('/demo/api/embed-key?partner=prt_nobody');
    assert.equal(unknown.status, 404);
    const integration = await get('/demo/api/token?user=usr_lf_integration');
    assert.equal(integration.status, 404, 'no integration tokens from the demo');
  });

  it(
    'a registration reaches the open console live; its approval reaches the partner live',
    TEST,
    async () => {
      const customer = `Northwind Freight ${uniqueSuffix()}`;
      const domain = `${customer.split(' ').pop()}-northwind.example`;

      // The channel manager's console is open before anything is registered.
      const cm = await visit('/demo/console/?user=usr_lf_cm_1');
      const queue = cm.page.locator('#queue');
      await queue.locator('[role="listitem"]').first().waitFor();
      assert.equal(await rowOf(queue, customer).count(), 0);

      const partner = await visit('/demo/intranet/?user=usr_brightpath_1');
      const form = partner.page.locator('prm-deal-registration');
      await fillDeal(form, { customer, domain, title: 'Fleet analytics' });
      const outcome = await submitDeal(form);
      assert.match(await outcome.innerText(), /Under review/);
      assert.match(await outcome.innerText(), new RegExp(customer));

      // Live on the console: the row arrives without a reload.
      const row = rowOf(queue, customer);
      await row.waitFor();
      assert.match(await row.innerText(), /Brightpath Solutions/);
      await row.getByRole('button', { name: `Review ${customer}` }).click();
      await row.locator('button[data-action="approve"]').click();
      await cm.page.locator('#approved [role="listitem"]').filter({ hasText: customer }).waitFor();

      // Live on the intranet: the partner's own list shows the decision.
      const mine = rowOf(partner.page.locator('prm-deal-list'), customer);
      await mine.locator('[data-status="approved"]').waitFor();

      await assertClean(cm);
      await assertClean(partner);
    },
  );

  it(
    'renders hostile text as text in the outcome and in both lists, and runs none of it',
    TEST,
    async () => {
      const payloads = [
        '<img src=x onerror=alert(1)>',
        '"><script>window.__pwned=1</script>',
        'javascript:alert(document.domain)',
        '{{7*7}} ${7*7}',
        '</style><svg onload=alert(2)>',
      ];
      const cm = await visit('/demo/console/?user=usr_lf_cm_1');
      const queue = cm.page.locator('#queue');
      await queue.locator('[role="listitem"]').first().waitFor();
      const partner = await visit('/demo/intranet/?user=usr_brightpath_1');
      const form = partner.page.locator('prm-deal-registration');
      const list = partner.page.locator('prm-deal-list');

      for (const [i, payload] of payloads.entries()) {
        const tag = uniqueSuffix();
        const customer = `${payload} ${tag}`;
        await fillDeal(form, {
          customer,
          domain: `xss-${i}-${tag}.example`,
          contact: payload,
          title: `Deal ${payload}`,
          notes: payload,
        });
        const outcome = await submitDeal(form);
        assert.ok(
          (await outcome.innerText()).includes(customer),
          `outcome shows ${payload} as text`,
        );
        for (const where of [rowOf(list, tag), rowOf(queue, tag)]) {
          await where.waitFor();
          assert.ok(
            (await where.innerText()).includes(customer),
            `a list shows ${payload} as text`,
          );
          assert.ok((await where.innerText()).includes(`Deal ${payload}`));
        }
        await form.getByRole('button', { name: 'Register another deal' }).click();
      }

      for (const watch of [partner, cm]) {
        const injected = await watch.page.evaluate(() => {
          // Every element in the document and in every shadow root below it. (No named inner
          // function: tsx would wrap it in a helper that the page does not have.)
          const all: Element[] = [];
          const roots: Array<Document | ShadowRoot> = [document];
          for (let root = roots.pop(); root; root = roots.pop()) {
            for (const el of root.querySelectorAll('*')) {
              all.push(el);
              if (el.shadowRoot) roots.push(el.shadowRoot);
            }
          }
          return {
            pwned: window.__pwned ?? null,
            imgX: all.filter((el) => el.tagName === 'IMG' && el.getAttribute('src') === 'x').length,
            svgOnload: all.filter((el) => el.hasAttribute('onload') || el.hasAttribute('onerror'))
              .length,
            scripts: all.filter((el) => el.tagName === 'SCRIPT' && !el.hasAttribute('src')).length,
            jsLinks: all.filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? ''))
              .length,
          };
        });
        assert.deepEqual(injected, { pwned: null, imgX: 0, svgOnload: 0, scripts: 0, jsLinks: 0 });
        await assertClean(watch);
      }
    },
  );

  it(
    'a revoked embed key: the token route refuses, the widget asks to sign in, the draft survives',
    TEST,
    async () => {
      const partnerId = 'prt_kestrel';
      const user = 'usr_kestrel_1';
      const watch = await visit(`/demo/intranet/?user=${user}`);
      const form = watch.page.locator('prm-deal-registration');
      const customer = `Revocation Test ${uniqueSuffix()}`;
      await fillDeal(form, { customer, domain: `${customer.split(' ').pop()}-revoke.example` });

      // The partner's admin (or the vendor) revokes the key through the API.
      const { key } = (await (
        await fetch(`${server.url}/demo/api/embed-key?partner=${partnerId}`)
      ).json()) as { key: { id: string } };
      assert.match(key.id, /^ek_/);
      const admin = await server.token('program_admin', 'usr_lf_admin');
      const revoked = await fetch(`${server.url}/v1/partners/${partnerId}/embed-keys/${key.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${admin}` },
      });
      assert.equal(revoked.status, 204);
      const refused = await fetch(`${server.url}/demo/api/token?user=${user}`);
      assert.equal(refused.status, 401, 'the next token request fails');

      // Submitting: the cached token is refused, the refresh is refused — sign in again.
      await form.getByRole('button', { name: 'Register deal' }).click();
      await form.getByText('Your session has ended. Sign in again').first().waitFor();
      assert.equal(await form.getByLabel('Customer name', { exact: true }).inputValue(), customer);
      assert.equal(await form.locator('.outcome').count(), 0);

      // Reloading with the key still revoked: the sign-in state again, not a broken widget.
      await watch.page.reload();
      await form.getByText('Your session has ended. Sign in again').first().waitFor();

      // A new key (the partner's admin issues one), a reload: the draft is all still there.
      const rotated = await fetch(`${server.url}/demo/api/embed-key?partner=${partnerId}`, {
        method: 'POST',
        headers: { 'x-prm-demo': '1' },
      });
      assert.equal(rotated.status, 201);
      await watch.page.reload();
      await form.getByLabel('Customer name', { exact: true }).waitFor();
      assert.equal(await form.getByLabel('Customer name', { exact: true }).inputValue(), customer);
      assert.equal(await form.getByLabel('Amount', { exact: true }).inputValue(), '250000');

      // The refused token requests are the only errors the console saw.
      await assertClean(watch, [
        /Failed to load resource: the server responded with a status of 401/,
      ]);
    },
  );
});
