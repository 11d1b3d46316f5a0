import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { canonicalLocale } from '../../src/widgets/shared/i18n.js';
import { box, namedClient } from '../support/prm-test-elements.js';
import type { TestHost, TestOuter, TestWidget } from '../support/prm-test-elements.js';

// The base class: lang, emit and the client. Its warnings, design tokens and messages have files
// of their own (prm-element.*.test.ts).
describe('PrmElement', () => {
  it('is accessible', async () => {
    const el = await fixture<TestWidget>(html`<prm-test-widget lang="en"></prm-test-widget>`);
    await expect(el).to.be.accessible();
  });

  describe('lang', () => {
    it('falls back to navigator.language when nothing sets one', async () => {
      const saved = document.documentElement.getAttribute('lang');
      document.documentElement.removeAttribute('lang');
      try {
        const el = await fixture<TestWidget>(html`<prm-test-widget></prm-test-widget>`);
        expect(el.resolvedLocale).to.equal(canonicalLocale(navigator.language));
      } finally {
        if (saved !== null) document.documentElement.setAttribute('lang', saved);
      }
    });

    it('follows the nearest [lang] ancestor, and re-renders when it changes', async () => {
      const div = await fixture<HTMLDivElement>(
        html`<div lang="de">
          <section><prm-test-widget></prm-test-widget></section>
        </div>`,
      );
      const el = div.querySelector('prm-test-widget')!;
      await el.updateComplete;
      expect(el.resolvedLocale).to.equal('de');
      expect(box(el).textContent).to.equal('2 Einträge');

      div.lang = 'en-GB';
      await waitUntil(() => box(el).textContent === '2 items', 'did not re-render in English');
      expect(el.resolvedLocale).to.equal('en-GB');
    });

    it('crosses shadow roots to find the ancestor', async () => {
      const div = await fixture<HTMLDivElement>(
        html`<div lang="de"><prm-test-outer></prm-test-outer></div>`,
      );
      const outer = div.querySelector('prm-test-outer')!;
      await outer.updateComplete;
      const el = outer.renderRoot.querySelector<TestWidget>('prm-test-widget')!;
      await el.updateComplete;
      expect(el.resolvedLocale).to.equal('de');
    });

    it('prefers its own lang, reflects it, and repairs a malformed tag', async () => {
      const div = await fixture<HTMLDivElement>(
        html`<div lang="de"><prm-test-widget lang="en_US"></prm-test-widget></div>`,
      );
      const el = div.querySelector('prm-test-widget')!;
      await el.updateComplete;
      expect(el.resolvedLocale).to.equal('en-US');
      el.lang = 'de-AT';
      await el.updateComplete;
      expect(el.getAttribute('lang')).to.equal('de-AT');
      expect(box(el).textContent).to.equal('2 Einträge');
    });

    it("puts the host context's locale before the [lang] ancestor", async () => {
      const div = await fixture<HTMLDivElement>(
        html`<div lang="en">
          <prm-test-host><prm-test-widget></prm-test-widget></prm-test-host>
        </div>`,
      );
      const host = div.querySelector<TestHost>('prm-test-host')!;
      const el = div.querySelector('prm-test-widget')!;
      host.host.setValue({ locale: 'de-CH', theme: 'light' });
      await el.updateComplete;
      expect(el.resolvedLocale).to.equal('de-CH');
      expect(box(el).textContent).to.equal('2 Einträge');
      host.host.setValue({ locale: undefined, theme: 'light' });
      await el.updateComplete;
      expect(el.resolvedLocale).to.equal('en');
    });
  });

  describe('emit', () => {
    it('bubbles out of shadow roots with its detail', async () => {
      const outer = await fixture<TestOuter>(html`<prm-test-outer></prm-test-outer>`);
      const el = outer.renderRoot.querySelector<TestWidget>('prm-test-widget')!;
      const received: CustomEvent<{ n: number }>[] = [];
      const listener = (e: CustomEvent<{ n: number }>) => received.push(e);
      document.addEventListener('prm-test-ping', listener);
      try {
        const event = el.ping(7);
        expect(received).to.have.length(1);
        expect(received[0]).to.equal(event);
        expect(event.detail).to.deep.equal({ n: 7 });
        expect(event.bubbles && event.composed).to.equal(true);
        expect(event.target, 'retargeted to the outer host').to.equal(outer);
        expect(event.cancelable).to.equal(false);
      } finally {
        document.removeEventListener('prm-test-ping', listener);
      }
    });

    it('is cancelable when the event says so, and returns the event', async () => {
      const el = await fixture<TestWidget>(html`<prm-test-widget></prm-test-widget>`);
      el.addEventListener('prm-test-ping', (e) => e.preventDefault(), { once: true });
      expect(el.ping(1, true).defaultPrevented).to.equal(true);
    });

    it('dispatches an event instance as it is', async () => {
      const el = await fixture<TestWidget>(html`<prm-test-widget></prm-test-widget>`);
      const event = new Event('prm-test-plain', { bubbles: false });
      let seen: Event | undefined;
      el.addEventListener('prm-test-plain', (e) => (seen = e));
      expect(el.emit(event)).to.equal(event);
      expect(seen).to.equal(event);
    });
  });

  describe('client', () => {
    it('takes the nearest provided client, and its own client property wins', async () => {
      const host = await fixture<TestHost>(
        html`<prm-test-host><prm-test-widget></prm-test-widget></prm-test-host>`,
      );
      const el = host.querySelector('prm-test-widget')!;
      const provided = namedClient('provided');
      host.clientProvider.setValue(provided);
      expect(el.resolvedClient).to.equal(provided);
      expect(el.needClient()).to.equal(provided);
      const own = namedClient('own');
      el.client = own;
      expect(el.resolvedClient).to.equal(own);
    });
  });
});
