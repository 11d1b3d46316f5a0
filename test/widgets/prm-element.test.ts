import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { css, LitElement } from 'lit';
import { ContextProvider } from '@lit/context';
import type { PartnerClient } from '../../src/core/client.js';
import { clientContext, hostContext } from '../../src/widgets/shared/context.js';
import type { HostContext } from '../../src/widgets/shared/context.js';
import { define } from '../../src/widgets/shared/define.js';
import {
  canonicalLocale,
  messagesReady,
  registerMessages,
  t,
} from '../../src/widgets/shared/i18n.js';
import { PrmElement, setShadowRootMode } from '../../src/widgets/shared/prm-element.js';
import { hostStyles, tokens } from '../../src/widgets/shared/tokens.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-test-ping': CustomEvent<{ n: number }>;
  }
  interface HTMLElementTagNameMap {
    'prm-test-widget': TestWidget;
    'prm-test-host': TestHost;
    'prm-test-outer': TestOuter;
  }
}

class TestWidget extends PrmElement {
  static override styles = [
    tokens,
    hostStyles,
    css`
      [part='box'] {
        color: var(--_text);
        background-color: var(--_surface);
      }
    `,
  ];
  protected override render() {
    return html`<p part="box">${this.t('common.items', { count: 2 })}</p>`;
  }
  ping(n: number, cancelable = false) {
    return this.emit('prm-test-ping', { n }, { cancelable });
  }
  needClient() {
    return this.requireClient();
  }
}
customElements.define('prm-test-widget', TestWidget);

/** Provides a host context and a client, as `<prm-provider>` or a host adapter would. */
class TestHost extends PrmElement {
  host = new ContextProvider(this, { context: hostContext });
  clientProvider = new ContextProvider(this, { context: clientContext });
  protected override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('prm-test-host', TestHost);

/** Puts a widget inside its own shadow root, to see events and `lang` cross the boundary. */
class TestOuter extends LitElement {
  protected override render() {
    return html`<prm-test-widget></prm-test-widget>`;
  }
}
customElements.define('prm-test-outer', TestOuter);

const fakeClient = (name: string) => ({ name }) as unknown as PartnerClient;
const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
const box = (el: TestWidget) => el.renderRoot.querySelector('[part=box]')!;

/** Collects console.warn calls while `fn` runs. */
async function warnings(fn: () => unknown): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

// A part of the catalogue for the tests below; the `@ts-expect-error`s there are checked by `tsc`.
const prmTestEn = {
  'prmTest.both': 'In both',
  'prmTest.englishOnly': 'Only in English',
};
declare module '../../src/widgets/shared/i18n.js' {
  interface Messages {
    prmTest: typeof prmTestEn;
  }
}

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

  describe('dev warnings', () => {
    it('warns once per cause, with a link to the docs', async () => {
      const seen = await warnings(async () => {
        for (const theme of ['purple', 'purple', 'orange']) {
          const el = await fixture<TestWidget>(
            html`<prm-test-widget theme=${theme}></prm-test-widget>`,
          );
          expect(el.resolvedTheme).to.equal('light');
          el.requestUpdate();
          await el.updateComplete;
        }
      });
      expect(seen.filter((m) => m.includes('"purple"'))).to.have.length(1);
      expect(seen.filter((m) => m.includes('"orange"'))).to.have.length(1);
      expect(seen[0]).to.match(/warnings\.md#invalid-theme/);
    });

    it('warns once when a widget needs a client and has none', async () => {
      const seen = await warnings(async () => {
        const el = await fixture<TestWidget>(html`<prm-test-widget></prm-test-widget>`);
        expect(() => el.needClient()).to.throw(/no Partner API client/);
        expect(() => el.needClient()).to.throw(/no Partner API client/);
      });
      expect(seen.filter((m) => m.includes('#missing-client'))).to.have.length(1);
    });
  });

  describe('client', () => {
    it('takes the nearest provided client, and its own client property wins', async () => {
      const host = await fixture<TestHost>(
        html`<prm-test-host><prm-test-widget></prm-test-widget></prm-test-host>`,
      );
      const el = host.querySelector('prm-test-widget')!;
      const provided = fakeClient('provided');
      host.clientProvider.setValue(provided);
      expect(el.resolvedClient).to.equal(provided);
      expect(el.needClient()).to.equal(provided);
      const own = fakeClient('own');
      el.client = own;
      expect(el.resolvedClient).to.equal(own);
    });
  });

  describe('define', () => {
    it('warns once and keeps the first class when a tag is defined again', async () => {
      class First extends PrmElement {}
      class Second extends PrmElement {}
      class Third extends PrmElement {}
      const seen = await warnings(() => {
        define('prm-test-dup', First);
        define('prm-test-dup', First);
        define('prm-test-dup', Second);
        define('prm-test-dup', Third);
      });
      expect(customElements.get('prm-test-dup')).to.equal(First);
      expect(seen).to.have.length(1);
      expect(seen[0]).to.match(/<prm-test-dup> is already defined.*#duplicate-define/s);
    });
  });

  describe('shadow root mode', () => {
    it('renders into a closed root after setShadowRootMode("closed")', async () => {
      class ClosedWidget extends TestWidget {}
      // Other tests rendered widgets already, so this warns that those stay open.
      await warnings(() => setShadowRootMode('closed'));
      try {
        await warnings(() => define('prm-test-closed', ClosedWidget));
        const el = await fixture<ClosedWidget>(html`<prm-test-closed></prm-test-closed>`);
        expect(el.shadowRoot).to.equal(null);
        expect((el.renderRoot as ShadowRoot).mode).to.equal('closed');
        expect(box(el).textContent).to.equal('2 items');
      } finally {
        await warnings(() => setShadowRootMode('open'));
      }
      const open = await fixture<TestWidget>(html`<prm-test-widget></prm-test-widget>`);
      expect(open.shadowRoot).to.equal(open.renderRoot);
    });
  });

  describe('design tokens', () => {
    it('default when the host sets nothing', async () => {
      const el = await fixture<TestWidget>(html`<prm-test-widget></prm-test-widget>`);
      expect(token(el, '--_accent')).to.equal('#0b5cab');
      expect(getComputedStyle(box(el)).backgroundColor).to.equal('rgb(255, 255, 255)');
    });

    it("take Salesforce's --slds-g-* first, then Fluent's --color*, from an ancestor", async () => {
      const div = await fixture<HTMLDivElement>(
        html`<div
          style="--colorBrandBackground: rgb(4, 5, 6); --colorNeutralBackground1: rgb(7, 8, 9)"
        >
          <prm-test-widget></prm-test-widget>
        </div>`,
      );
      const el = div.querySelector('prm-test-widget')!;
      expect(token(el, '--_accent')).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle(box(el)).backgroundColor).to.equal('rgb(7, 8, 9)');
      div.style.setProperty('--slds-g-color-accent-1', 'rgb(1, 2, 3)');
      expect(token(el, '--_accent')).to.equal('rgb(1, 2, 3)');
      div.style.setProperty('--prm-accent', 'rgb(10, 11, 12)');
      expect(token(el, '--_accent'), '--prm-* wins').to.equal('rgb(10, 11, 12)');
    });

    it('change with theme="dark", and with a dark host context', async () => {
      const el = await fixture<TestWidget>(html`<prm-test-widget theme="dark"></prm-test-widget>`);
      expect(token(el, '--_surface')).to.equal('#1f1f1f');
      expect(getComputedStyle(box(el)).backgroundColor).to.equal('rgb(31, 31, 31)');

      const host = await fixture<TestHost>(
        html`<prm-test-host><prm-test-widget></prm-test-widget></prm-test-host>`,
      );
      const inner = host.querySelector('prm-test-widget')!;
      expect(token(inner, '--_surface')).to.equal('#ffffff');
      host.host.setValue({ locale: undefined, theme: 'dark' } satisfies HostContext);
      await inner.updateComplete;
      expect(inner.getAttribute('data-prm-theme')).to.equal('dark');
      expect(token(inner, '--_surface')).to.equal('#1f1f1f');
    });

    it('follow prefers-color-scheme with theme="auto"', async () => {
      const el = await fixture<TestWidget>(html`<prm-test-widget theme="auto"></prm-test-widget>`);
      try {
        await emulateMedia({ colorScheme: 'light' });
        expect(token(el, '--_surface')).to.equal('#ffffff');
        await emulateMedia({ colorScheme: 'dark' });
        expect(token(el, '--_surface')).to.equal('#1f1f1f');
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('ignore host tokens in high contrast, and use system colours under forced colours', async () => {
      const div = await fixture<HTMLDivElement>(
        html`<div style="--colorNeutralBackground1: rgb(7, 8, 9)">
          <prm-test-widget theme="high-contrast"></prm-test-widget>
        </div>`,
      );
      const el = div.querySelector('prm-test-widget')!;
      expect(token(el, '--_surface')).to.equal('#000000');
      try {
        await emulateMedia({ forcedColors: 'active' });
        expect(token(el, '--_surface')).to.equal('Canvas');
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    });
  });

  describe('i18n', () => {
    it('interpolates, picks plural forms and falls back to English', () => {
      expect(t('en', 'common.items', { count: 1 })).to.equal('1 item');
      expect(t('en', 'common.items', { count: 1234 })).to.equal('1,234 items');
      expect(t('de-DE', 'common.items', { count: 1234 })).to.equal('1.234 Einträge');
      expect(t('de', 'common.items', { count: 1 })).to.equal('1 Eintrag');
      expect(t('ja', 'common.retry')).to.equal('Try again');
      expect(t('not a tag', 'common.retry')).to.equal('Try again');
    });

    it('keeps a placeholder without a value visible', () => {
      expect(t('en', 'common.items', {})).to.equal('{count} items');
    });

    it("registers a widget's messages when its class module alone is imported", async () => {
      // Nothing in this file has imported a widget yet: its keys show as themselves.
      expect(t('de', 'dealList.empty')).to.equal('dealList.empty');
      const { PrmDealList } = await import('../../src/widgets/deal-list/prm-deal-list.js');
      expect(PrmDealList).to.be.a('function');
      expect(t('en', 'dealList.empty')).to.equal('No deals yet.');
      // Its German is imported when German is first asked for; English stands in until then.
      expect(t('de-AT', 'dealList.empty')).to.equal('No deals yet.');
      await messagesReady('de-AT');
      expect(messagesReady('de'), 'nothing left to wait for').to.equal(undefined);
      expect(t('de-AT', 'dealList.empty')).to.equal('Noch keine Deals.');
      expect(t('de', 'dealList.loaded', { count: 1 })).to.equal('1 Deal');
      expect(t('ja', 'dealList.empty'), 'an unknown language falls back').to.equal('No deals yet.');
      expect(t('en', 'common.retry'), 'the common messages stay').to.equal('Try again');
      // Only its own: the other widget's messages come with that widget.
      expect(t('en', 'dealRegistration.heading')).to.equal('dealRegistration.heading');
    });

    it('finds messages registered after the first lookup, and falls back to English per key', () => {
      expect(t('de', 'prmTest.both')).to.equal('prmTest.both');
      registerMessages({
        en: prmTestEn,
        // @ts-expect-error a key missing in German is a compile error
        de: { 'prmTest.both': 'In beiden' },
      });
      expect(t('de', 'prmTest.both')).to.equal('In beiden');
      expect(t('de', 'prmTest.englishOnly')).to.equal('Only in English');
      expect(t('fr', 'prmTest.both')).to.equal('In both');
      // @ts-expect-error a misspelt key is a compile error
      expect(t('en', 'prmTest.bth')).to.equal('prmTest.bth');
    });
  });
});
