// The self-contained script prm-widgets.all.js (production build: no development warnings), twice on a page:
// two full copies of the widgets, each with its own Lit. The first serves the page; the second
// defines nothing, configures nothing and says so once.
import { expect, waitUntil } from '@open-wc/testing';
import type { PrmProvider } from '../../src/widgets/provider/prm-provider.js';
import { api, captureWarnings, loadScript, tokenUrl } from './embed-helpers.js';

const BUNDLE = '/__prm-embed/prm-widgets.all.js';

describe('the bundled embed script, loaded twice', () => {
  const first = tokenUrl();
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => void errors.push(e.message);

  before(() => window.addEventListener('error', onError));
  after(() => window.removeEventListener('error', onError));

  it('the first copy defines the elements silently', async () => {
    expect(customElements.get('prm-provider')).to.equal(undefined);
    const capture = captureWarnings();
    try {
      await loadScript(`${BUNDLE}?v=1`, { apiBase: api('bundle-one'), tokenUrl: first.url });
    } finally {
      capture.stop();
    }
    expect(customElements.get('prm-provider')).to.be.a('function');
    expect(customElements.get('prm-deal-list')).to.be.a('function');
    expect(customElements.get('prm-deal-registration')).to.be.a('function');
    expect(capture.warnings.filter((w) => w.includes('[prm-widgets]'))).to.deep.equal([]);
  });

  it('the second copy warns once and throws nothing', async () => {
    const defined = customElements.get('prm-provider');
    const capture = captureWarnings();
    try {
      await loadScript(`${BUNDLE}?v=2`, { apiBase: api('bundle-two'), tokenUrl: tokenUrl().url });
    } finally {
      capture.stop();
    }
    expect(errors).to.deep.equal([]);
    const ours = capture.warnings.filter((w) => w.includes('[prm-widgets]'));
    expect(ours).to.have.length(1);
    expect(ours[0]).to.contain('loaded more than once');
    expect(customElements.get('prm-provider')).to.equal(defined);
  });

  it('the elements keep the first copy’s configuration', async () => {
    // A provider is itself a widget: with no token-url of its own, it asks the page for a client.
    const probe = document.createElement('prm-provider') as PrmProvider;
    document.body.append(probe);
    try {
      await waitUntil(() => probe.resolvedClient, 'the element got a client');
      const me = await probe.resolvedClient!.me();
      expect(me.user.email).to.equal('bundle-one@example.com');
      expect(me.user.name).to.equal(`Bearer ${first.seed}-1`);
    } finally {
      probe.remove();
    }
  });
});
