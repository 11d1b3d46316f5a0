// The embed script configured by its own tag: `data-api-base`, `data-token-url`, `data-locale`
// and `data-theme` reach the widgets that are in no <prm-provider>; a provider still wins inside.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PrmProvider } from '../../src/widgets/provider/prm-provider.js';
import type { HostProbe } from './embed-helpers.js';
import { api, captureWarnings, loadScript, tokenUrl } from './embed-helpers.js';

describe('the embed script, configured by its script tag', () => {
  const { seed, url } = tokenUrl();
  // Connected before the script runs, as a widget in the page's HTML above the tag would be.
  const early = document.createElement('host-probe') as HostProbe;
  const warnings = captureWarnings();

  before(async () => {
    document.body.append(early);
    await loadScript('/src/hosts/web/embed.ts', {
      apiBase: api('from-tag'),
      tokenUrl: url,
      locale: 'de_DE',
      theme: 'dark',
    });
    warnings.stop();
  });
  after(() => early.remove());

  it('defines nothing at once, then each prm-* element as it appears, without a warning', async () => {
    expect(customElements.get('prm-provider')).to.equal(undefined);
    expect(warnings.warnings.filter((w) => w.includes('[prm-widgets]'))).to.deep.equal([]);
    const provider = document.createElement('prm-provider');
    document.body.append(provider);
    try {
      await customElements.whenDefined('prm-provider');
      expect(customElements.get('prm-deal-list'), 'only what the page has').to.equal(undefined);
    } finally {
      provider.remove();
    }
  });

  it('gives a bare widget a client with the tag’s API base and token URL', async () => {
    const probe = await fixture<HostProbe>(html`<host-probe></host-probe>`);
    await waitUntil(() => probe.resolvedClient, 'the probe got a client');
    const me = await probe.resolvedClient!.me();
    expect(me.user.email).to.equal('from-tag@example.com');
    expect(me.user.name).to.equal(`Bearer ${seed}-1`);
    await probe.updateComplete;
    expect(probe.renderRoot.textContent).to.contain('connected');
  });

  it('reaches a widget that connected before the script ran', async () => {
    await waitUntil(() => early.resolvedClient, 'the early probe got a client');
    expect((await early.resolvedClient!.me()).user.email).to.equal('from-tag@example.com');
  });

  it('gives the tag’s locale (canonicalised) and theme', async () => {
    const probe = await fixture<HostProbe>(html`<host-probe></host-probe>`);
    expect(probe.resolvedLocale).to.equal('de-DE');
    expect(probe.resolvedTheme).to.equal('dark');
    expect(probe.getAttribute('data-prm-theme')).to.equal('dark');
    // A widget's own attributes still win.
    const own = await fixture<HostProbe>(html`<host-probe lang="fr" theme="light"></host-probe>`);
    expect(own.resolvedLocale).to.equal('fr');
    expect(own.resolvedTheme).to.equal('light');
  });

  it('lets a <prm-provider> serve the widgets inside it, and pass on the tag’s locale', async () => {
    const inner = tokenUrl();
    const provider = await fixture<PrmProvider>(
      html`<prm-provider api-base=${api('from-provider')} token-url=${inner.url}>
        <host-probe></host-probe>
      </prm-provider>`,
    );
    const probe = provider.querySelector('host-probe')!;
    await waitUntil(() => probe.resolvedClient, 'the probe got the provider’s client');
    const me = await probe.resolvedClient!.me();
    expect(me.user.email).to.equal('from-provider@example.com');
    expect(me.user.name).to.equal(`Bearer ${inner.seed}-1`);
    expect(probe.resolvedLocale).to.equal('de-DE');
  });

  // Last: it replaces the tag's configuration for the rest of this page.
  it('is reconfigured from code with configure(), for the widgets already there too', async () => {
    // The same URL as the tag's: the same module instance, the one that owns the page.
    const { configure } = await import('../../src/hosts/web/embed.js');
    const next = tokenUrl();
    configure({ apiBase: api('from-code'), tokenUrl: next.url, theme: 'high-contrast' });
    await waitUntil(
      async () => (await early.resolvedClient!.me()).user.email === 'from-code@example.com',
      'the early probe got the new client',
    );
    expect(early.resolvedTheme).to.equal('high-contrast');
  });
});
