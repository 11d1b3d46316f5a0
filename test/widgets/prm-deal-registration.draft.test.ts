import { expect, waitUntil } from '@open-wc/testing';
import {
  clearDrafts,
  fill,
  focused,
  input,
  mount,
  q,
  registrationApi,
  type,
} from '../support/deal-registration.js';

describe('<prm-deal-registration> draft', () => {
  afterEach(clearDrafts);

  describe('draft', () => {
    it('is restored after a reload, per user, with a notice', async () => {
      const api = registrationApi();
      const el = await mount(api);
      await fill(el, { notes: 'Met at the fair' });
      el.remove();

      const reloaded = await mount(api);
      expect(input(reloaded, 'notes').value).to.equal('Met at the fair');
      expect(input(reloaded, 'amount').value).to.equal('12,500.50');
      expect(q<HTMLInputElement>(reloaded, 'input[value=analytics]')!.checked).to.equal(true);
      expect(q(reloaded, '[role=status]')!.textContent).to.contain('was restored');

      api.userId = 'usr_someone_else';
      const other = await mount(api);
      expect(input(other, 'notes').value).to.equal('');
      expect(q(other, '.restored')).to.equal(null);
    });

    it('is discarded only after confirmation, with a new key', async () => {
      const api = registrationApi();
      const el = await mount(api);
      await fill(el);
      const key = el.idempotencyKey;
      q<HTMLButtonElement>(el, '.discard')!.click();
      await el.updateComplete;
      await waitUntil(() => focused(el)?.closest('.confirm'));
      await expect(el).to.be.accessible();
      [...el.renderRoot.querySelectorAll<HTMLButtonElement>('.confirm button')]
        .find((b) => b.textContent!.includes('Keep editing'))!
        .click();
      await waitUntil(() => focused(el) === q(el, '.discard'));
      expect(input(el, 'customerName').value).to.equal('Acme Corp');

      q<HTMLButtonElement>(el, '.discard')!.click();
      await el.updateComplete;
      [...el.renderRoot.querySelectorAll<HTMLButtonElement>('.confirm button')]
        .find((b) => b.textContent!.trim() === 'Discard')!
        .click();
      await waitUntil(() => input(el, 'customerName').value === '');
      expect(input(el, 'amount').value).to.equal('');
      expect(el.idempotencyKey).to.not.equal(key);
      expect(Object.keys(localStorage).some((k) => k.includes(api.baseUrl))).to.equal(false);
      expect(q(el, '[role=status]')!.textContent).to.contain('Draft discarded');
    });
  });

  describe('prefill', () => {
    it('fills empty fields from attributes, ignoring unknown products', async () => {
      const api = registrationApi();
      const el = await mount(api, {
        attrs: {
          'customer-name': 'Globex GmbH',
          'customer-domain': 'globex.de',
          products: 'edge, nope ,ml',
        },
      });
      expect(input(el, 'customerName').value).to.equal('Globex GmbH');
      expect(input(el, 'customerDomain').value).to.equal('globex.de');
      const checked = [...el.renderRoot.querySelectorAll<HTMLInputElement>('input:checked')];
      expect(checked.map((c) => c.value)).to.deep.equal(['edge', 'ml']);
      await waitUntil(() => api.checks.length === 1, 'prefill is checked at once');
      expect(api.checks[0]!.input).to.deep.equal({
        customer: { name: 'Globex GmbH', domain: 'globex.de' },
        products: ['edge', 'ml'],
      });
    });

    it('never overwrites a restored draft', async () => {
      const api = registrationApi();
      const el = await mount(api);
      await type(el, 'customerName', 'Drafted Inc');
      el.remove();
      const again = await mount(api, {
        attrs: { 'customer-name': 'Host Inc', 'customer-domain': 'host.example' },
      });
      expect(input(again, 'customerName').value).to.equal('Drafted Inc');
      expect(input(again, 'customerDomain').value).to.equal('host.example');
    });
  });
});
