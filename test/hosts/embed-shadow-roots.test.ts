// Elements inside another component's shadow root, which the loader's document-level observer
// cannot see: the component calls `discover(shadowRoot)`, which also keeps watching that root.
// (`data-prm-preload` is in embed-preload.test.ts: a definition cannot be undone on one page.)
import { expect, waitUntil } from '@open-wc/testing';
import { loadScript } from './embed-helpers.js';

/** A host page's own component, rendering a deal list in its shadow root. */
class ShadowHost extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML =
      '<section><prm-deal-list></prm-deal-list></section>';
  }
}
customElements.define('shadow-host-discover', ShadowHost);

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('the loader and elements in shadow roots, with discover()', () => {
  it('does not see a widget in a shadow root by itself', async () => {
    await loadScript('/src/hosts/web/embed.ts');
    const host = document.createElement('shadow-host-discover');
    document.body.append(host);
    await settle();
    expect(customElements.get('prm-deal-list')).to.equal(undefined);
  });

  it('defines it when the component calls discover(shadowRoot), and it renders', async () => {
    const { discover } = await import('../../src/hosts/web/embed.js');
    const host = document.querySelector('shadow-host-discover')!;
    await discover(host.shadowRoot!);
    const list = host.shadowRoot!.querySelector('prm-deal-list')!;
    expect(list).to.be.instanceOf(customElements.get('prm-deal-list')!);
    await waitUntil(() => list.shadowRoot?.childElementCount, 'the list rendered');
  });

  it('keeps watching that shadow root for widgets added later', async () => {
    const host = document.querySelector('shadow-host-discover')!;
    expect(customElements.get('prm-deal-registration')).to.equal(undefined);
    host.shadowRoot!.append(document.createElement('prm-deal-registration'));
    await waitUntil(
      () => customElements.get('prm-deal-registration'),
      'the registration form was defined',
      { timeout: 10_000 },
    );
  });
});
