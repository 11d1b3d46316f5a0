import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { PartnerClient } from '../../src/core/client.js';
import { PrmProvider } from '../../src/widgets/provider/prm-provider.js';
import { PrmElement } from '../../src/widgets/shared/prm-element.js';
import '../../src/widgets/define.js';

declare global {
  interface HTMLElementTagNameMap {
    'prm-test-probe': TestProbe;
    'prm-test-shadowed': TestShadowed;
  }
}

/** The smallest widget: says whether it has a client, in its locale. */
class TestProbe extends PrmElement {
  protected override render() {
    return html`<p>${this.resolvedClient ? 'connected' : this.t('common.missingClient')}</p>`;
  }
}
customElements.define('prm-test-probe', TestProbe);

/** A probe inside a shadow root, to see the context cross it. */
class TestShadowed extends LitElement {
  protected override render() {
    return html`<prm-test-probe></prm-test-probe>`;
  }
}
customElements.define('prm-test-shadowed', TestShadowed);

const api = (label: string) => `/__prm-widgets/api/${label}`;
let seeds = 0;
/** A token URL whose tokens no other test shares: `<seed>-1`, `<seed>-2`, … */
const tokenUrl = () => {
  const seed = `seed${++seeds}${Math.random().toString(36).slice(2, 8)}`;
  return { seed, url: `/__prm-widgets/token?seed=${seed}` };
};

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const original = console.warn;
  console.warn = () => {};
  try {
    return await fn();
  } finally {
    console.warn = original;
  }
}

describe('<prm-provider>', () => {
  it('is accessible', async () => {
    const el = await fixture<PrmProvider>(
      html`<prm-provider api-base=${api('a')} token-url=${tokenUrl().url} lang="en">
        <prm-test-probe></prm-test-probe>
      </prm-provider>`,
    );
    await expect(el).to.be.accessible();
    expect(customElements.get('prm-provider')).to.equal(PrmProvider);
    expect(getComputedStyle(el).display).to.equal('contents');
  });

  it('gives one client instance to every widget inside, across shadow roots', async () => {
    const el = await fixture<PrmProvider>(
      html`<prm-provider api-base=${api('a')} token-url=${tokenUrl().url}>
        <prm-test-probe></prm-test-probe>
        <div><prm-test-shadowed></prm-test-shadowed></div>
      </prm-provider>`,
    );
    const first = el.querySelector('prm-test-probe')!;
    const shadowed = el.querySelector('prm-test-shadowed')!;
    await shadowed.updateComplete;
    const second = shadowed.renderRoot.querySelector<TestProbe>('prm-test-probe')!;
    await second.updateComplete;

    expect(el.providedClient).to.be.an('object');
    expect(first.resolvedClient).to.equal(el.providedClient);
    expect(second.resolvedClient).to.equal(el.providedClient);
    expect(first.renderRoot.textContent).to.contain('connected');
  });

  it('fetches token-url and sends that token, reusing it until it nears expiry', async () => {
    const { seed, url } = tokenUrl();
    const el = await fixture<PrmProvider>(
      html`<prm-provider api-base=${api('a')} token-url=${url}>
        <prm-test-probe></prm-test-probe>
      </prm-provider>`,
    );
    const client = el.querySelector('prm-test-probe')!.resolvedClient!;
    const me = await client.me();
    expect(me.user.name).to.equal(`Bearer ${seed}-1`);
    expect(me.user.email).to.equal('a@example.com');
    expect((await client.me()).user.name, 'the cached token').to.equal(`Bearer ${seed}-1`);
  });

  it('rebuilds the client when api-base changes, and the widgets follow', async () => {
    const { seed, url } = tokenUrl();
    const el = await fixture<PrmProvider>(
      html`<prm-provider api-base=${api('a')} token-url=${url}>
        <prm-test-probe></prm-test-probe>
      </prm-provider>`,
    );
    const probe = el.querySelector('prm-test-probe')!;
    const before = probe.resolvedClient!;
    el.setAttribute('api-base', api('b'));
    await el.updateComplete;
    await probe.updateComplete;

    const after = probe.resolvedClient!;
    expect(after).to.not.equal(before);
    expect(after).to.equal(el.providedClient);
    expect(String(after.options.baseUrl)).to.equal(api('b'));
    const me = await after.me();
    expect(me.user.email).to.equal('b@example.com');
    expect(me.user.name).to.equal(`Bearer ${seed}-1`);

    // Anything else leaves the client alone.
    el.locale = 'de';
    await el.updateComplete;
    expect(probe.resolvedClient).to.equal(after);
  });

  it('prefers a getToken property to token-url, and rebuilds when it changes', async () => {
    const el = await fixture<PrmProvider>(
      html`<prm-provider api-base=${api('a')} token-url=${tokenUrl().url}>
        <prm-test-probe></prm-test-probe>
      </prm-provider>`,
    );
    const probe = el.querySelector('prm-test-probe')!;
    const before = probe.resolvedClient;
    el.getToken = () => 'from-property';
    await el.updateComplete;
    expect(probe.resolvedClient).to.not.equal(before);
    expect((await probe.resolvedClient!.me()).user.name).to.equal('Bearer from-property');
  });

  it('provides its client property as it is', async () => {
    const fake = { fake: true } as unknown as PartnerClient;
    const el = await fixture<PrmProvider>(
      html`<prm-provider .client=${fake}><prm-test-probe></prm-test-probe></prm-provider>`,
    );
    expect(el.querySelector('prm-test-probe')!.resolvedClient).to.equal(fake);
  });

  it('gives its locale and theme to the widgets inside, and updates them', async () => {
    const div = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <prm-provider api-base=${api('a')} locale="de-DE" theme="dark" .getToken=${() => 't'}>
          <prm-test-probe theme="light"></prm-test-probe>
          <prm-test-probe></prm-test-probe>
        </prm-provider>
      </div>`,
    );
    const el = div.querySelector('prm-provider')!;
    const [own, inherited] = [...div.querySelectorAll('prm-test-probe')] as [TestProbe, TestProbe];
    await inherited.updateComplete;
    expect(inherited.resolvedLocale).to.equal('de-DE');
    expect(inherited.getAttribute('data-prm-theme')).to.equal('dark');
    expect(own.getAttribute('data-prm-theme'), 'its own theme wins').to.equal('light');

    el.locale = 'en-GB';
    el.theme = 'high-contrast';
    await el.updateComplete;
    await inherited.updateComplete;
    expect(inherited.resolvedLocale).to.equal('en-GB');
    expect(inherited.getAttribute('data-prm-theme')).to.equal('high-contrast');

    el.locale = undefined;
    await el.updateComplete;
    await inherited.updateComplete;
    expect(inherited.resolvedLocale, 'back to the [lang] ancestor').to.equal('en');
  });

  it('nests: the inner provider serves its subtree and inherits what it does not set', async () => {
    const outer = await fixture<PrmProvider>(
      html`<prm-provider api-base=${api('a')} locale="de" .getToken=${() => 't'}>
        <prm-test-probe id="out"></prm-test-probe>
        <prm-provider api-base=${api('b')} .getToken=${() => 't'}>
          <prm-test-probe id="in"></prm-test-probe>
        </prm-provider>
      </prm-provider>`,
    );
    const inner = outer.querySelector<PrmProvider>('prm-provider')!;
    const out = outer.querySelector<TestProbe>('#out')!;
    const inside = outer.querySelector<TestProbe>('#in')!;
    await inner.updateComplete;
    await inside.updateComplete;
    expect(out.resolvedClient).to.equal(outer.providedClient);
    expect(inside.resolvedClient).to.equal(inner.providedClient);
    expect(inside.resolvedClient).to.not.equal(out.resolvedClient);
    expect(inside.resolvedLocale).to.equal('de');
  });

  it('serves widgets that connected before the provider was defined', async () => {
    class LateProvider extends PrmProvider {}
    const div = await fixture<HTMLDivElement>(
      html`<div>
        <prm-test-late-provider api-base=${api('a')} .getToken=${() => 't'}>
          <prm-test-probe></prm-test-probe>
        </prm-test-late-provider>
      </div>`,
    );
    const probe = div.querySelector('prm-test-probe')!;
    expect(probe.resolvedClient).to.equal(undefined);
    customElements.define('prm-test-late-provider', LateProvider);
    const provider = div.querySelector('prm-test-late-provider') as LateProvider;
    await provider.updateComplete;
    await probe.updateComplete;
    expect(probe.resolvedClient).to.equal(provider.providedClient);
    expect(probe.renderRoot.textContent).to.contain('connected');
  });

  it('warns once when it has no way to get a token', async () => {
    const seen: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => seen.push(message);
    try {
      await fixture(html`<prm-provider api-base=${api('a')}></prm-provider>`);
      await fixture(html`<prm-provider api-base=${api('b')}></prm-provider>`);
    } finally {
      console.warn = original;
    }
    expect(seen.filter((m) => m.includes('#missing-token'))).to.have.length(1);
  });

  it('defaults api-base to the page origin', async () => {
    const el = await quietly(() => fixture<PrmProvider>(html`<prm-provider></prm-provider>`));
    expect(String(el.providedClient!.options.baseUrl)).to.equal(location.origin);
  });
});
