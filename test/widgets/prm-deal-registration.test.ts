import { expect, waitUntil } from '@open-wc/testing';
import { NetworkError, TokenError } from '../../src/core/errors.js';
import type { Program } from '../../src/core/schema/program.js';
import {
  PROGRAM,
  clearDrafts,
  deferred,
  errorOf,
  input,
  meFor,
  mount,
  q,
  registrationApi,
  submit,
  text,
  type,
} from '../support/deal-registration.js';

describe('<prm-deal-registration>', () => {
  afterEach(clearDrafts);

  it('is accessible, labelled and registered', async () => {
    const el = await mount(registrationApi());
    await expect(el).to.be.accessible();
    expect(customElements.get('prm-deal-registration')).to.equal(el.constructor);
    for (const field of ['customerName', 'customerDomain', 'contactEmail', 'amount', 'notes']) {
      const label = q(el, `label[for=${field}]`);
      expect(label, field).to.exist;
    }
    expect(q(el, 'form')!.getAttribute('part')).to.equal('form');
    expect(el.renderRoot.querySelectorAll('[part~=field]').length).to.be.greaterThan(8);
    const currencies = [...el.renderRoot.querySelectorAll('#currency option')].map(
      (o) => (o as HTMLOptionElement).value,
    );
    expect(currencies).to.deep.equal(['USD', 'EUR', 'JPY']);
  });

  describe('states', () => {
    it('says it is not connected without a client', async () => {
      const el = await mount(undefined, { ready: false });
      expect(text(el)).to.contain('Not connected');
      expect(q(el, 'form')).to.equal(null);
    });

    it('shows a skeleton while the program loads, then the form', async () => {
      const api = registrationApi();
      const program = deferred<Program>();
      api.loadProgram = () => program.promise;
      const el = await mount(api, { ready: false });
      await el.updateComplete;
      expect(q(el, '.skeleton')?.getAttribute('aria-busy')).to.equal('true');
      expect(el.matches(':state(loading)')).to.equal(true);
      await expect(el).to.be.accessible();
      program.resolve(PROGRAM);
      await waitUntil(() => q(el, 'form'));
      expect(el.matches(':state(loading)')).to.equal(false);
      expect(el.renderRoot.querySelectorAll('input[name=products]').length).to.equal(3);
    });

    it('shows a load error with a retry that loads again', async () => {
      const api = registrationApi();
      api.loadProgram = async () => {
        throw new NetworkError({ method: 'GET', url: 'x' });
      };
      const el = await mount(api, { ready: false });
      await waitUntil(() => q(el, '.load-error'));
      expect(text(el)).to.contain('could not be loaded');
      await expect(el).to.be.accessible();
      api.loadProgram = async () => PROGRAM;
      q<HTMLButtonElement>(el, '.load-error button')!.click();
      await waitUntil(() => q(el, 'form'));
      expect(api.programCalls).to.equal(2);
    });

    it('asks to sign in again when the token is revoked, and keeps the draft', async () => {
      const api = registrationApi();
      const first = await mount(api);
      await type(first, 'customerName', 'Kept Customer');
      first.remove();
      api.loadMe = async () => {
        throw new TokenError('revoked', 'refused', { status: 401 });
      };
      const el = await mount(api, { ready: false });
      await waitUntil(() => q(el, '.load-error'));
      expect(text(el)).to.contain('Sign in again');
      api.loadMe = async () => meFor(api.userId);
      q<HTMLButtonElement>(el, '.load-error button')!.click();
      await waitUntil(() => q(el, 'form'));
      expect(input(el, 'customerName').value).to.equal('Kept Customer');
    });
  });

  it('speaks German throughout when lang="de"', async () => {
    const el = await mount(registrationApi(), { lang: 'de' });
    expect(q(el, 'h2')!.textContent).to.equal('Deal registrieren');
    expect(q(el, '#amount-hint')!.textContent).to.equal('Zum Beispiel 12.500,00');
    expect(q(el, '#currency option')!.textContent!.trim()).to.equal('USD – US-Dollar');
    await submit(el);
    expect(errorOf(el, 'customerName')).to.equal('Pflichtfeld.');
    el.lang = 'en';
    await el.updateComplete;
    expect(errorOf(el, 'customerName')).to.equal('Required.');
  });
});
