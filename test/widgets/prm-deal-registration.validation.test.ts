import { expect, waitUntil } from '@open-wc/testing';
import {
  apiError,
  blur,
  clearDrafts,
  errorOf,
  fill,
  focused,
  inDays,
  input,
  mount,
  q,
  registrationApi,
  submit,
  type,
} from '../support/deal-registration.js';

describe('<prm-deal-registration> validation', () => {
  afterEach(clearDrafts);

  describe('validation on the client', () => {
    it('marks every missing field, focuses the first, and sends nothing', async () => {
      const api = registrationApi();
      const el = await mount(api);
      await submit(el);
      await el.updateComplete;
      for (const field of ['customerName', 'customerDomain', 'contactName', 'title', 'amount']) {
        expect(errorOf(el, field), field).to.equal('Required.');
        expect(input(el, field).getAttribute('aria-invalid')).to.equal('true');
        expect(input(el, field).getAttribute('aria-describedby')).to.contain(`${field}-error`);
      }
      expect(errorOf(el, 'products')).to.equal('Choose at least one product.');
      expect(focused(el)).to.equal(input(el, 'customerName'));
      expect(q(el, '[role=alert]')!.textContent).to.contain('Please correct');
      expect(api.registers).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    const cases: [string, string, string, RegExp][] = [
      ['customerName', 'x'.repeat(201), 'too long', /At most 200 characters/],
      ['customerDomain', '<script>alert(1)</script>', 'a script tag', /website or domain/],
      ['customerDomain', 'not a domain', 'words', /website or domain/],
      ['contactEmail', 'ada😀@acme', 'an emoji address', /email address/],
      ['contactEmail', '42', 'a number', /email address/],
      ['title', 'line\u0007bell', 'a control character', /cannot be sent/],
      ['expectedCloseDate', '2001-01-01', 'a past date', /must not be in the past/],
      ['expectedCloseDate', inDays(6 * 366), 'a date too far ahead', /within five years/],
      ['amount', '-5', 'a negative amount', /greater than zero/],
      ['amount', '0', 'zero', /greater than zero/],
      ['amount', '999,999,999,999,999', 'an absurd amount', /unrealistically large/],
      ['amount', 'abc', 'letters', /Enter an amount like 12,500\.00/],
      ['amount', '1,5', 'a misplaced separator', /Enter an amount like/],
      ['amount', '12.345', 'too many decimals', /At most 2 decimal places/],
    ];
    for (const [field, value, what, message] of cases) {
      it(`rejects ${what} in ${field}, keeping what was typed`, async () => {
        const api = registrationApi();
        const el = await mount(api);
        await fill(el, { [field]: value });
        await submit(el);
        expect(errorOf(el, field)).to.match(message);
        expect(input(el, field).value).to.equal(value.slice(0, 4000));
        expect(focused(el)).to.equal(input(el, field));
        expect(api.registers).to.have.length(0);
      });
    }

    it('validates a field on blur, and clears its error once fixed', async () => {
      const el = await mount(registrationApi());
      await blur(el, 'contactEmail');
      expect(errorOf(el, 'contactEmail'), 'untouched').to.equal(undefined);
      await type(el, 'contactEmail', 'ada@');
      await blur(el, 'contactEmail');
      expect(errorOf(el, 'contactEmail')).to.match(/email address/);
      await type(el, 'contactEmail', 'ada@acme.com');
      expect(errorOf(el, 'contactEmail')).to.equal(undefined);
      expect(input(el, 'contactEmail').hasAttribute('aria-invalid')).to.equal(false);
    });

    it('sends emoji, right-to-left text and markup verbatim, and renders them as text', async () => {
      const api = registrationApi();
      const el = await mount(api);
      const name = 'שלום בע״מ 😀 <b>bold</b>';
      await fill(el, { customerName: `  ${name}  `, notes: '<img src=x onerror=alert(1)>' });
      await submit(el);
      await waitUntil(() => q(el, '.outcome'));
      expect(api.registers[0]!.input.customer.name).to.equal(name);
      expect(api.registers[0]!.input.notes).to.equal('<img src=x onerror=alert(1)>');
      expect(q(el, '.outcome dd')!.textContent).to.contain(name);
      expect(el.renderRoot.querySelector('b, img, script')).to.equal(null);
    });

    it('reads amounts in the user locale and sends integer minor units', async () => {
      const api = registrationApi();
      const en = await mount(api);
      await fill(en, { amount: '12,500.5' });
      await submit(en);
      await waitUntil(() => api.registers.length === 1);
      expect(api.registers[0]!.input.amount).to.deep.equal({ amount: 1_250_050, currency: 'USD' });

      const de = await mount(api, { lang: 'de' });
      await fill(de, { amount: '12.500,50' });
      await submit(de);
      await waitUntil(() => api.registers.length === 2);
      expect(api.registers[1]!.input.amount.amount).to.equal(1_250_050);

      const yen = await mount(api);
      await fill(yen, { amount: '1500' });
      q<HTMLSelectElement>(yen, '#currency')!.value = 'JPY';
      q(yen, '#currency')!.dispatchEvent(new Event('change'));
      await submit(yen);
      await waitUntil(() => api.registers.length === 3);
      expect(api.registers[2]!.input.amount).to.deep.equal({ amount: 1500, currency: 'JPY' });
    });
  });

  describe('server field errors', () => {
    it('puts each on its field, focuses the first, keeps the typing, and renews the key', async () => {
      const api = registrationApi();
      api.answerRegister = async () => {
        throw apiError(422, {
          code: 'validation_failed',
          errors: [
            { path: 'customer.domain', code: 'custom', message: 'Expected a website.' },
            { path: 'products.0', code: 'invalid_format', message: 'Unknown product.' },
            { path: 'amount.amount', code: 'too_big', message: 'Unrealistically large.' },
            { path: 'customer.country', code: 'custom', message: 'Unknown country.' },
          ],
        });
      };
      const el = await mount(api);
      await fill(el);
      const key = el.idempotencyKey;
      await submit(el);
      await waitUntil(() => errorOf(el, 'customerDomain'));
      expect(errorOf(el, 'customerDomain')).to.match(/website or domain/);
      expect(errorOf(el, 'products')).to.equal('Unknown product.');
      expect(errorOf(el, 'amount')).to.match(/unrealistically large/);
      expect(q(el, '.failure')!.textContent).to.contain('customer.country: Unknown country.');
      expect(focused(el)).to.equal(input(el, 'customerDomain'));
      expect(input(el, 'customerName').value).to.equal('Acme Corp');
      expect(el.idempotencyKey).to.be.a('string').and.not.equal(key);
    });
  });
});
