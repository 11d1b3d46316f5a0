// The embed script on a page whose own bundle (prm-widgets from npm) already defined the
// elements: one warning, and the elements still get the script tag's configuration.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/widgets/define.js';
import type { HostProbe } from './embed-helpers.js';
import { api, captureWarnings, loadScript, tokenUrl } from './embed-helpers.js';

describe('the bundled embed script beside another copy of the widgets', () => {
  it('warns once, and configures the other copy’s elements', async () => {
    const npmProvider = customElements.get('prm-provider');
    const { seed, url } = tokenUrl();
    const capture = captureWarnings();
    try {
      await loadScript('/__prm-embed/prm-widgets.js?beside', {
        apiBase: api('beside'),
        tokenUrl: url,
      });
    } finally {
      capture.stop();
    }
    const ours = capture.warnings.filter((w) => w.includes('[prm-widgets]'));
    expect(ours).to.have.length(1);
    expect(ours[0]).to.contain('defined by another copy');
    expect(customElements.get('prm-provider')).to.equal(npmProvider);

    const probe = await fixture<HostProbe>(html`<host-probe></host-probe>`);
    await waitUntil(() => probe.resolvedClient, 'the probe got a client');
    const me = await probe.resolvedClient!.me();
    expect(me.user.email).to.equal('beside@example.com');
    expect(me.user.name).to.equal(`Bearer ${seed}-1`);
  });
});
