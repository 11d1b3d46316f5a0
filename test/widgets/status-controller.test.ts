import { expect, fixture, html } from '@open-wc/testing';
import { state } from 'lit/decorators.js';
import { PrmElement } from '../../src/widgets/shared/prm-element.js';
import { StatusController } from '../../src/widgets/shared/status.js';

class StatusProbe extends PrmElement {
  @state() busy = false;
  status = new StatusController(this, () => ({ busy: this.busy, idle: !this.busy }));
  protected override render() {
    return html`<p>probe</p>
      ${this.status.regions()}`;
  }
}
customElements.define('prm-test-status', StatusProbe);

const region = (el: StatusProbe, role: string) =>
  el.renderRoot.querySelector(`[role=${role}]`)!.textContent!.trim();

describe('StatusController', () => {
  it('keeps custom states in step with the element', async () => {
    const el = await fixture<StatusProbe>(html`<prm-test-status></prm-test-status>`);
    expect(el.matches(':state(idle)')).to.equal(true);
    expect(el.matches(':state(busy)')).to.equal(false);
    el.busy = true;
    await el.updateComplete;
    expect(el.matches(':state(busy)')).to.equal(true);
    expect(el.matches(':state(idle)')).to.equal(false);
  });

  it('announces politely and assertively in two live regions', async () => {
    const el = await fixture<StatusProbe>(html`<prm-test-status></prm-test-status>`);
    el.status.announce('Saved.');
    await el.updateComplete;
    expect(region(el, 'status')).to.equal('Saved.');
    expect(el.renderRoot.querySelector('[role=status]')!.getAttribute('aria-live')).to.equal(
      'polite',
    );
    el.status.alert('Could not save.');
    await el.updateComplete;
    expect(region(el, 'alert')).to.equal('Could not save.');
    expect(el.status.assertive).to.equal('Could not save.');
    el.status.alert('');
    await el.updateComplete;
    expect(region(el, 'alert')).to.equal('');
    expect(region(el, 'status')).to.equal('Saved.');
    await expect(el).to.be.accessible();
  });
});
