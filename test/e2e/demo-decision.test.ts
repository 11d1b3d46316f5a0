// Issue 9's first hour, as a pilot partner and a channel manager meet it: a partner registers a
// deal that conflicts with another partner's, the channel manager (console already open) reads the
// conflict and rejects it with a reason and a comment, and the partner reads both on its intranet —
// no reload anywhere.
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
import type { DemoServer } from './harness.js';

async function register(page: Page, customer: string, domain: string): Promise<string> {
  const form = page.locator('prm-deal-registration');
  await form.getByLabel('Customer name', { exact: true }).fill(customer);
  await form.getByLabel('Customer website', { exact: true }).fill(domain);
  await form.getByLabel('Contact name', { exact: true }).fill('Rosa Quintero');
  await form.getByLabel('Contact email', { exact: true }).fill(`rosa@${domain}`);
  await form.getByLabel('Opportunity title', { exact: true }).fill('Fleet analytics');
  await form.getByLabel('Insight Analytics', { exact: true }).check();
  // Above every tier's auto-approval limit: a person decides.
  await form.getByLabel('Amount', { exact: true }).fill('2500000');
  await form.getByLabel('Expected close date', { exact: true }).fill(daysFromNow(60));
  await form.getByRole('button', { name: 'Register deal' }).click();
  const outcome = form.locator('.outcome');
  await outcome.waitFor();
  return outcome.innerText();
}

const rowOf = (list: Locator, text: string) =>
  list.locator('[role="listitem"]').filter({ hasText: text });

describe('a conflict decided in the console, read on the intranet', () => {
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

  async function visit(path: string): Promise<Page> {
    const watch = await watchedPage(browser);
    watch.page.setDefaultTimeout(30_000);
    assert.equal((await watch.page.goto(server.url + path))?.status(), 200, `GET ${path}`);
    return watch.page;
  }

  it(
    'register with a conflict, reject with a comment, read the comment live',
    { timeout: 240_000 },
    async () => {
      const tag = uniqueSuffix();
      const customer = `Harbor Logistics ${tag}`;
      const domain = `harbor-${tag}.example`;
      const comment = `Kestrel has worked ${customer} since spring; talk to us about co-selling.`;

      // Another partner got there first: its registration waits for review.
      const kestrel = await visit('/demo/intranet/?user=usr_kestrel_1');
      assert.match(await register(kestrel, customer, domain), /Under review/);

      const cm = await visit('/demo/console/?user=usr_lf_cm_1');
      const queue = cm.locator('#queue');
      await queue.locator('[role="listitem"]').first().waitFor();

      // Brightpath registers the same customer: the live check and the outcome speak of the conflict.
      const partner = await visit('/demo/intranet/?user=usr_brightpath_1');
      assert.match(await register(partner, customer, domain), /Under review/);
      const mine = rowOf(partner.locator('prm-deal-list'), customer);
      await mine.waitFor();

      // The channel manager sees both; Brightpath's row names the conflict and the partner.
      const row = rowOf(queue, 'Brightpath').filter({ hasText: customer });
      await row.waitFor();
      await row.getByRole('button', { name: `Review ${customer}` }).click();
      const panel = row.locator('.decide');
      await panel.waitFor();
      assert.match(await panel.innerText(), /Insight Analytics/, 'the panel shows the products');
      assert.match(await panel.innerText(), /rosa@/, 'and the contact');

      // Reject asks for a reason first; with one and a comment it goes through.
      await panel.locator('button[data-action="reject"]').click();
      await panel.locator('.field-error').waitFor();
      await panel.locator('select[data-field="reasonCode"]').selectOption('conflict_other_partner');
      await panel.locator('input[data-field="comment"]').fill(comment);
      await panel.locator('button[data-action="reject"]').click();

      // On the intranet, without a reload: rejected, the reason in words, the reviewer's comment.
      await mine.locator('[data-status="rejected"]').waitFor();
      await mine.filter({ hasText: 'Another partner has this customer' }).waitFor();
      await mine.click();
      await partner.locator('prm-deal-list').getByText(comment).waitFor();
    },
  );
});
