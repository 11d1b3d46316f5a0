import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { HostContext } from '../../src/widgets/shared/context.js';
import { box, token } from '../support/prm-test-elements.js';
import type { TestHost, TestWidget } from '../support/prm-test-elements.js';

describe('PrmElement', () => {
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
});
