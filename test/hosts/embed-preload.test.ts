// `data-prm-preload` on the loader's tag: the named elements are defined at once, wherever they
// will be — here inside another component's shadow root, which the loader cannot see.
import { expect, waitUntil } from '@open-wc/testing';
import { captureWarnings, loadScript } from './embed-helpers.js';

class ShadowHost extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<prm-deal-list></prm-deal-list>';
  }
}
customElements.define('shadow-host-preload', ShadowHost);

describe('the loader with data-prm-preload', () => {
  it('defines the listed elements, so one in a shadow root works', async () => {
    const capture = captureWarnings();
    try {
      // `ready` (awaited by loadScript) includes the preloads.
      await loadScript('/src/hosts/web/embed.ts', { prmPreload: 'deal-list prm-nothing' });
    } finally {
      capture.stop();
    }
    expect(customElements.get('prm-deal-list')).to.be.a('function');
    expect(customElements.get('prm-deal-registration'), 'only what it names').to.equal(undefined);
    expect(capture.warnings.filter((w) => w.includes('<prm-nothing>'))).to.have.length(1);
    const host = document.createElement('shadow-host-preload');
    document.body.append(host);
    const list = host.shadowRoot!.querySelector('prm-deal-list')!;
    expect(list).to.be.instanceOf(customElements.get('prm-deal-list')!);
    await waitUntil(() => list.shadowRoot?.childElementCount, 'the list rendered');
  });
});
