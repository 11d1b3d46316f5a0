// The Salesforce static resource: one classic script (what `loadScript` loads) that defines every
// element with closed shadow roots (Lightning Web Security requires them) and carries no Teams
// code, and every widget still works with closed roots: each, given a client from the bundle's
// own `createPartnerClient`, loads its data from the reference server and shows it. A script cannot
// look inside a closed root, so the test reads the accessibility tree, as assistive technology does.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { WIDGETS } from '../../src/hosts/web/widgets.js';
import { BRIGHTPATH, apiBase } from '../widgets/support/reference-api.js';

interface Bundle {
  createPartnerClient(options: { baseUrl: string; getToken: () => Promise<string> }): unknown;
  getShadowRootMode(): ShadowRootMode;
  version: string;
}
type AxNode = { role: string; name: string };

const URL_ = '/__prm-salesforce/prmWidgets.js';
const axNodes = () => executeServerCommand('prm-ax-nodes') as Promise<AxNode[]>;

async function tokenFor(query: Record<string, string>): Promise<string> {
  const r = await fetch(`/__prm/token?${new URLSearchParams(query)}`);
  return ((await r.json()) as { token: string }).token;
}

/** What each widget shows once it has its data, as accessible names (role, name pattern). */
const EXPECTED: Record<string, { user: Record<string, string>; role: string; name: RegExp }> = {
  'prm-deal-registration': {
    user: { role: 'partner_user', partner: BRIGHTPATH },
    role: 'textbox',
    name: /customer/i,
  },
  'prm-deal-list': { user: { role: 'seller' }, role: 'StaticText', name: /^\d+ deals$/ },
  'prm-tier-progress': {
    user: { role: 'partner_user', partner: BRIGHTPATH },
    role: 'StaticText',
    name: /gold/i,
  },
  'prm-content-finder': {
    user: { role: 'partner_user', partner: BRIGHTPATH },
    role: 'searchbox',
    name: /\S/,
  },
  'prm-mdf-balance': {
    user: { role: 'partner_admin', partner: BRIGHTPATH },
    role: 'StaticText',
    name: /\d/,
  },
};

describe('the Salesforce bundle (static resource)', () => {
  let prm: Bundle;

  before(async () => {
    const source = await (await fetch(URL_)).text();
    // No Teams code, and a classic script (no module syntax at its top level).
    expect(source).not.to.match(/teams-js|microsoftTeams|@microsoft\/teams/);
    expect(source).not.to.match(/^\s*(import|export)\s/m);
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = URL_;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('the bundle did not load'));
      document.head.append(script);
    });
    prm = (window as unknown as { prmWidgets: Bundle }).prmWidgets;
  });

  it('defines every element, with closed shadow roots', () => {
    expect(prm.getShadowRootMode()).to.equal('closed');
    for (const tag of Object.keys(WIDGETS))
      expect(customElements.get(tag), tag).to.be.a('function');
    const el = document.createElement('prm-deal-list');
    document.body.append(el);
    expect(el.shadowRoot).to.equal(null);
    el.remove();
  });

  for (const [tag, expected] of Object.entries(EXPECTED)) {
    it(`${tag} still works with a closed root: it loads its data and shows it`, async function () {
      this.timeout(30_000);
      const base = await apiBase();
      const el = document.createElement(tag) as HTMLElement & { client?: unknown };
      el.setAttribute('lang', 'en');
      if (
        tag !== 'prm-deal-list' &&
        tag !== 'prm-deal-registration' &&
        tag !== 'prm-content-finder'
      )
        el.setAttribute('partner-id', BRIGHTPATH);
      el.client = prm.createPartnerClient({
        baseUrl: base,
        getToken: () => tokenFor(expected.user),
      });
      document.body.append(el);
      let seen: AxNode[] = [];
      await waitUntil(
        async () => {
          seen = await axNodes();
          return seen.some((n) => n.role === expected.role && expected.name.test(n.name));
        },
        `${tag} shows a ${expected.role} named ${expected.name}`,
        { timeout: 15_000, interval: 250 },
      ).catch((error: Error) => {
        throw new Error(`${error.message}; the tree had ${JSON.stringify(seen.slice(0, 40))}`);
      });
      expect(el.shadowRoot, tag).to.equal(null);
      el.remove();
    });
  }
});
