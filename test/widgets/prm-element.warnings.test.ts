import { expect, fixture, html } from '@open-wc/testing';
import { define } from '../../src/widgets/shared/define.js';
import { setShadowRootMode } from '../../src/widgets/shared/prm-element.js';
import { PrmElement } from '../../src/widgets/shared/prm-element.js';
import { DEV_WARNING_CODES } from '../../src/widgets/shared/dev.js';
import { PrmProvider } from '../../src/widgets/provider/prm-provider.js';
import { TestWidget, box, warnings } from '../support/prm-test-elements.js';

/** The codes `docs/warnings.md` documents, by its `## code` headings. */
async function documentedCodes(): Promise<string[]> {
  const text = await (await fetch('/docs/warnings.md')).text();
  return [...text.matchAll(/^## (\S+)\s*$/gm)].map((m) => m[1]!);
}

/** The codes in the `See …warnings.md#code` links of these warnings. */
const codesOf = (seen: string[]) =>
  seen.flatMap((m) => [...m.matchAll(/warnings\.md#([a-z-]+)/g)].map((x) => x[1]!));

class NeedyWidget extends TestWidget {}
customElements.define('prm-test-needy', NeedyWidget);
customElements.define('prm-provider', PrmProvider);

describe('PrmElement warnings', () => {
  // First in this file: each warning is issued once per cause and page, and the tests below
  // cause some of these again.
  it('documents exactly the codes it has, and emits every documented one', async () => {
    const documented = await documentedCodes();
    expect([...documented].sort()).to.deep.equal([...DEV_WARNING_CODES].sort());
    const causes: Record<string, () => Promise<unknown> | unknown> = {
      'missing-client': async () => {
        const el = await fixture<NeedyWidget>(html`<prm-test-needy></prm-test-needy>`);
        expect(() => el.needClient()).to.throw();
      },
      'invalid-theme': () => fixture(html`<prm-test-widget theme="sepia"></prm-test-widget>`),
      'duplicate-define': () => define('prm-provider', class extends PrmElement {}),
      'late-shadow-root-mode': async () => {
        await fixture(html`<prm-test-widget></prm-test-widget>`);
        setShadowRootMode('closed');
        setShadowRootMode('open');
      },
      'missing-api-base': () =>
        fixture(html`<prm-provider token-url="/__prm-widgets/token"></prm-provider>`),
      'missing-token': () =>
        fixture(html`<prm-provider api-base="https://prm.example"></prm-provider>`),
    };
    for (const code of documented) {
      expect(causes, `a cause of ${code} in this test`).to.have.property(code);
      const seen = await warnings(causes[code]!);
      expect(codesOf(seen), `what ${code}'s cause warned`).to.include(code);
      expect(seen.find((m) => m.includes(`#${code}`))).to.match(/^\[prm-widgets\] /);
    }
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
});
