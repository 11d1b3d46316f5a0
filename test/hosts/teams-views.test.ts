// The Teams host's own logic, in Chromium: the tabs serve whatever the loader's registry holds
// (a widget added later included), a configured tab's URL round-trips to its widget, the
// configuration page's choices validate, deep links carry the deal, and Teams' themes map to the
// widgets'. The full flows run against real TeamsJS in test/e2e/teams.test.ts.
import { expect } from '@open-wc/testing';
import { WIDGETS } from '../../src/hosts/web/widgets.js';
import {
  choiceErrors,
  choiceOptions,
  choiceView,
  regionsOf,
} from '../../src/hosts/teams/choices.js';
import { connectTeams } from '../../src/hosts/teams/connect.js';
import { dealDeepLink, dealIdFromSubPage } from '../../src/hosts/teams/links.js';
import { markPageTheme, widgetTheme } from '../../src/hosts/teams/theme.js';
import {
  TAB_WIDGETS,
  defineWidget,
  urlForView,
  viewFromUrl,
  widgetLabel,
} from '../../src/hosts/teams/views.js';

describe('the Teams tabs', () => {
  it('offer every widget of the registry, and a widget added later by its tag', async () => {
    expect([...TAB_WIDGETS].sort()).to.deep.equal(
      Object.keys(WIDGETS)
        .filter((t) => t !== 'prm-provider')
        .sort(),
    );
    expect(TAB_WIDGETS.slice(0, 2)).to.deep.equal(['prm-deal-list', 'prm-deal-registration']);
    expect(widgetLabel('prm-lead-inbox')).to.equal('Lead inbox');
    const kinds = choiceOptions([...TAB_WIDGETS, 'prm-lead-inbox']).map((o) => o.kind);
    expect(kinds).to.include.members(['pipeline', 'review-queue', 'tier-progress', 'content']);
    expect(kinds).to.include('prm-lead-inbox');
    expect(kinds).to.include('prm-mdf-balance');
    expect(choiceView({ kind: 'prm-lead-inbox' }).view).to.deep.equal({
      tag: 'prm-lead-inbox',
      attributes: {},
    });
    await defineWidget('prm-tier-progress');
    expect(customElements.get('prm-tier-progress')).to.be.a('function');
  });

  it('a configured tab URL names its widget and attributes, and nothing else', () => {
    const base = 'https://deals.example.com/teams/tab/?stale=1';
    const url = urlForView(base, {
      tag: 'prm-deal-list',
      attributes: { status: 'under_review', assignee: 'me', q: '' },
    });
    expect(url).to.equal(
      'https://deals.example.com/teams/tab/?view=prm-deal-list&status=under_review&assignee=me',
    );
    expect(viewFromUrl(new URL(url))).to.deep.equal({
      tag: 'prm-deal-list',
      attributes: { status: 'under_review', assignee: 'me' },
    });
    const hostile = new URL(
      'https://x.example/?view=prm-deal-list&onclick=alert(1)&Bad_Name=1&partner-id=prt_a',
    );
    expect(viewFromUrl(hostile)?.attributes).to.deep.equal({ 'partner-id': 'prt_a' });
    expect(viewFromUrl(new URL('https://x.example/?view=script'))).to.equal(undefined);
    expect(viewFromUrl(new URL('https://x.example/?view=prm-provider'))).to.equal(undefined);
  });

  it('the configuration choices say what is missing, by field, and save the right view', () => {
    expect(choiceErrors({ kind: 'pipeline' }, true)).to.have.key('partnerId');
    expect(choiceErrors({ kind: 'pipeline' }, false)).to.deep.equal({});
    expect(choiceErrors({ kind: 'content' }, false)).to.have.key('product');
    expect(choiceErrors({ kind: 'nothing' }, false)).to.have.key('kind');
    expect(choiceErrors({ kind: 'review-queue', status: 'bogus' }, true)).to.have.key('status');
    const queue = choiceView({ kind: 'review-queue', status: 'under_review', assignedToMe: true });
    expect(queue.view.attributes).to.include({ status: 'under_review', assignee: 'me' });
    expect(queue.name).to.equal('My reviews');
    const content = choiceView(
      { kind: 'content', product: 'lf-edge' },
      { product: 'Edge Gateway' },
    );
    expect(content).to.deep.equal({
      view: { tag: 'prm-content-finder', attributes: { product: 'lf-edge' } },
      name: 'Edge Gateway content',
    });
  });

  it('the review queue can be narrowed to a region the partners are in, through the tab URL', () => {
    expect(
      regionsOf([
        { region: 'EMEA' },
        { region: 'North America' },
        { region: 'emea ' },
        { region: 'APAC' },
        { region: ' ' },
      ]),
    ).to.deep.equal(['APAC', 'EMEA', 'North America']);
    const queue = choiceView({ kind: 'review-queue', status: 'under_review', region: 'EMEA' });
    expect(queue.view.attributes).to.deep.equal({
      status: 'under_review',
      region: 'EMEA',
      sort: 'reviewDueAt',
    });
    expect(queue.name).to.equal('Review queue (EMEA)');
    const mine = choiceView({ kind: 'review-queue', assignedToMe: true, region: 'APAC' });
    expect(mine.name).to.equal('My reviews (APAC)');
    expect(choiceView({ kind: 'review-queue', region: '' }).view.attributes).not.to.have.key(
      'region',
    );
    const url = urlForView('https://deals.example.com/teams/tab/', queue.view);
    expect(viewFromUrl(new URL(url))?.attributes).to.include({ region: 'EMEA' });
  });

  it('a deep link carries the deal as the sub-page id, and only a deal id comes back out', () => {
    const link = new URL(
      dealDeepLink({ appId: 'app-1', entityId: 'deals', channelId: '19:c@thread' }, 'deal_42'),
    );
    expect(link.pathname).to.equal('/l/entity/app-1/deals');
    expect(JSON.parse(link.searchParams.get('context')!)).to.deep.equal({
      subEntityId: 'deal:deal_42',
      channelId: '19:c@thread',
    });
    const chat = new URL(dealDeepLink({ appId: 'a', entityId: 'e', chatId: '19:x@unq' }, 'd1'));
    expect(JSON.parse(chat.searchParams.get('context')!)).to.deep.equal({
      subEntityId: 'deal:d1',
      chatId: '19:x@unq',
    });
    expect(dealIdFromSubPage('deal:deal_42')).to.equal('deal_42');
    expect(dealIdFromSubPage('deal:../../v1/partners')).to.equal(undefined);
    expect(dealIdFromSubPage('tier:1')).to.equal(undefined);
    expect(dealIdFromSubPage(undefined)).to.equal(undefined);
  });

  it("maps Teams' themes to the widgets' and marks the page", () => {
    expect(widgetTheme('default')).to.equal('light');
    expect(widgetTheme('dark')).to.equal('dark');
    expect(widgetTheme('contrast')).to.equal('high-contrast');
    expect(widgetTheme('something-new')).to.equal('light');
    const root = document.createElement('div');
    markPageTheme('contrast', root);
    expect(root.dataset['teamsTheme']).to.equal('contrast');
    expect(root.style.colorScheme).to.equal('dark');
  });

  it('on a page of its own, does not wait for Teams', async () => {
    const where = await connectTeams({
      window: { self: window, top: window, opener: null } as never,
    });
    expect(where).to.deep.equal({ kind: 'top-level' });
  });
});
