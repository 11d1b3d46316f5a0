import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/widgets/define.js';
import type { PrmTierProgress } from '../../src/widgets/tier-progress/prm-tier-progress.js';
import {
  HISTORY,
  LADDER,
  atRisk,
  climbing,
  fakeTierClient,
  noRequirements,
  offline,
  top,
} from '../../bench/tier-progress.fixture.js';
import type { FakeTierClient, FakeTierClientOptions } from '../../bench/tier-progress.fixture.js';

const $ = <T extends Element = HTMLElement>(el: PrmTierProgress, selector: string) =>
  el.renderRoot.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: PrmTierProgress, selector: string) => [
  ...el.renderRoot.querySelectorAll<T>(selector),
];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

async function mount(
  options: FakeTierClientOptions = {},
  attrs: { lang?: string; partner?: string } = {},
  ready: (el: PrmTierProgress) => boolean = (el) => !!$(el, '[part~=badge]'),
): Promise<{ el: PrmTierProgress; fake: FakeTierClient }> {
  const fake = fakeTierClient(options);
  const el = await fixture<PrmTierProgress>(
    html`<prm-tier-progress
      lang=${attrs.lang ?? 'en'}
      partner-id=${attrs.partner ?? ''}
      .client=${fake.client}
    ></prm-tier-progress>`,
  );
  await waitUntil(() => ready(el), 'the widget did not render');
  await el.updateComplete;
  return { el, fake };
}

describe('<prm-tier-progress>', () => {
  it('shows the tier, the next tier with its benefits, and a meter per requirement', async () => {
    const { el, fake } = await mount();
    expect(fake.calls.progress).to.deep.equal(['prt_demo'], 'a partner role reads its own');
    expect(text($(el, '[part~=badge]'))).to.equal('Silver');
    expect(text($(el, '[part=next]'))).to.equal('Next: Gold');
    expect($$(el, '[part=benefits] li').map(text)).to.deep.equal(LADDER[2]!.benefits);
    const meters = $$(el, "[part=requirement] [role='meter']");
    expect(meters).to.have.length(3);
    expect(meters[0]!.getAttribute('aria-valuenow')).to.equal('80');
    expect(meters[0]!.getAttribute('aria-valuetext')).to.equal('$400,000.00 of $500,000.00, 80%');
    expect(meters[1]!.getAttribute('aria-valuetext')).to.equal('8 of 10, 80%');
    // Filled through the CSSOM (no style attribute: a strict style-src would block it).
    expect((meters[0]!.firstElementChild as HTMLElement).style.inlineSize).to.equal('80%');
    expect(meters[0]!.firstElementChild!.hasAttribute('style')).to.be.true;
    expect(text($(el, "[part=requirement][data-key='certifications']"))).to.contain('Met');
    expect(text($(el, '[part=overall]'))).to.contain('87% of the way to Gold');
    expect(text($(el, '[part=unconverted]'))).to.contain('¥1,250,000');
    await expect(el).to.be.accessible();
  });

  it('phrases next steps from the structured fields, in German too', async () => {
    const { el } = await mount({}, { lang: 'de' });
    const steps = $$(el, '[part=actions] li').map(text);
    expect(steps[0]).to.match(
      /^Gewinnen Sie bis 31\.12\.2026 weitere 100\.000,00\s\$ Umsatz, um Gold zu erreichen\.$/,
    );
    expect(steps[1]).to.equal('Gewinnen Sie bis 31.12.2026 2 weitere Deals, um Gold zu erreichen.');
    expect(steps[2]).to.contain('JPY');
    expect(text($(el, '[part=next]'))).to.equal('Nächste Stufe: Gold');
    const meter = $(el, "[part=requirement] [role='meter']")!;
    expect(meter.getAttribute('aria-valuetext')).to.match(
      /^400\.000,00\s\$ von 500\.000,00\s\$, 80\s%$/,
    );
  });

  it('warns when the tier is at risk, with the review date and what is missing', async () => {
    const { el } = await mount({ progress: atRisk });
    const warning = text($(el, '[part=at-risk]'));
    expect(warning).to.contain('Silver is at risk');
    expect(warning).to.contain('Dec 31, 2026');
    expect(warning).to.contain('Won revenue, last 12 months, Won deals, last 12 months');
    expect(el.matches(':state(at-risk)')).to.be.true;
    const steps = $$(el, '[part=actions] li').map(text);
    expect(steps[0]).to.equal(
      'Close $60,000.00 more in won revenue by Dec 31, 2026 to keep Silver.',
    );
    expect(steps[1]).to.equal('Win 2 more deals by Dec 31, 2026 to keep Silver.');
    expect(steps[2]).to.equal(
      'Close $460,000.00 more in won revenue by Dec 31, 2026 to reach Gold.',
    );
    await expect(el).to.be.accessible();
  });

  it('says when the top tier is reached, and when a tier has no requirements', async () => {
    const { el } = await mount({ progress: top });
    expect(text($(el, '[part=top]'))).to.equal('You are at the top tier.');
    expect(!!$(el, '[part=next]')).to.be.false;
    expect($$(el, "[role='meter']")).to.have.length(3);
    const open = await mount({ progress: noRequirements });
    expect(text($(open.el, '[part=no-requirements]'))).to.equal('Silver has no requirements.');
    expect($$(open.el, "[role='meter']")).to.have.length(0);
  });

  it('holds a skeleton while loading, then fails with a retry that works', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { el } = await mount(
      {
        beforeProgress: async (call) => {
          if (call === 0) {
            await gate;
            throw offline();
          }
        },
      },
      {},
      (e) => !!$(e, '.skeleton'),
    );
    expect(el.matches(':state(loading)')).to.be.true;
    const height = el.getBoundingClientRect().height;
    expect(height).to.be.greaterThan(300, 'the skeleton holds the final size');
    release();
    await waitUntil(() => !!$(el, '[part=error]'));
    expect(el.matches(':state(error)')).to.be.true;
    expect(text($(el, '[part=error]'))).to.contain('Your tier progress could not be loaded.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=error] button')!.click();
    await waitUntil(() => !!$(el, '[part~=badge]'));
    expect(el.matches(':state(error)')).to.be.false;
  });

  it('shows the history on demand', async () => {
    const { el, fake } = await mount();
    expect(fake.calls.history).to.equal(0);
    const button = $<HTMLButtonElement>(el, 'button[aria-controls=history]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await waitUntil(() => $$(el, '[part=history] li').length === HISTORY.length);
    expect(text($(el, '[part=history] li'))).to.contain('Registered → Silver');
    expect(text($(el, '[part=history] li'))).to.contain('Rose');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('follows the event stream and marks a rise', async () => {
    const { el, fake } = await mount();
    // Another partner's change is not ours.
    fake.push({ id: 'evt_1', event: 'tier.changed', data: { partnerId: 'prt_other' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.calls.progress).to.have.length(1);
    fake.answer = { ...top(), partnerId: 'prt_demo' };
    setTimeout(() =>
      fake.push({
        id: 'evt_2',
        event: 'tier.changed',
        data: {
          partnerId: 'prt_demo',
          fromTierId: 'tier_silver',
          toTierId: 'tier_gold',
          reason: 'rise',
        },
      }),
    );
    const rise = await oneEvent(el, 'prm-tier-rise');
    expect(rise.detail).to.deep.equal({
      partnerId: 'prt_demo',
      fromTierId: 'tier_silver',
      toTierId: 'tier_gold',
    });
    await waitUntil(() => text($(el, '[part~=badge]')) === 'Gold', 'the badge did not move');
    expect(text($(el, '[part=celebration]'))).to.equal('Congratulations, you reached Gold!');
    expect(text($(el, "[role='status'][aria-live]"))).to.equal(
      'Congratulations, you reached Gold!',
    );
    expect(!!$(el, 'section.celebrate')).to.be.true;
  });

  it('a vendor role names the partner; without one it asks for it', async () => {
    const { fake } = await mount({ role: 'channel_manager' }, { partner: 'prt_kestrel' });
    expect(fake.calls.progress).to.deep.equal(['prt_kestrel']);
    const none = await mount({ role: 'channel_manager' }, {}, (e) => !!$(e, 'p.muted'));
    expect(text($(none.el, 'p.muted'))).to.equal('Choose a partner to see its tier progress.');
    expect(none.fake.calls.progress).to.have.length(0);
    void climbing;
  });
});
