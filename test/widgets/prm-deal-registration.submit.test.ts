import { expect, waitUntil } from '@open-wc/testing';
import { NetworkError, TokenError } from '../../src/core/errors.js';
import type { Deal, DealInput } from '../../src/core/schema/deal.js';
import {
  DAY,
  VALID_INPUT,
  apiError,
  clearDrafts,
  dealFrom,
  fill,
  focused,
  input,
  instantIn,
  mount,
  q,
  registrationApi,
  submit,
} from '../support/deal-registration.js';

describe('<prm-deal-registration> submitting', () => {
  afterEach(clearDrafts);

  describe('submitting', () => {
    it('keeps one idempotency key across a failed submit, its retry and a reload', async () => {
      const api = registrationApi();
      api.answerRegister = async () => {
        throw new NetworkError({ method: 'POST', url: 'x' });
      };
      const el = await mount(api);
      await fill(el);
      await submit(el);
      await waitUntil(() => q(el, '.failure'));
      expect(q(el, '.failure')!.textContent).to.contain('could not be reached');
      expect(q(el, '[role=alert]')!.textContent).to.contain('could not be reached');
      expect(input(el, 'title').value).to.equal('Analytics rollout');
      await submit(el);
      await waitUntil(() => api.registers.length === 2);
      el.remove();

      api.answerRegister = async (i) => dealFrom(i);
      const reloaded = await mount(api);
      expect(q(reloaded, '.restored')!.textContent).to.contain('was restored');
      expect(input(reloaded, 'title').value).to.equal('Analytics rollout');
      await submit(reloaded);
      await waitUntil(() => q(reloaded, '.outcome'));
      const keys = api.registers.map((r) => r.key);
      expect(keys).to.have.length(3);
      expect(keys[0]).to.be.a('string').with.length.greaterThan(10);
      expect(new Set(keys).size).to.equal(1);
    });

    it('emits a cancelable prm-deal-submit with the input, then prm-deal-registered', async () => {
      const api = registrationApi();
      const el = await mount(api);
      await fill(el);
      const seen: DealInput[] = [];
      const stop = (e: CustomEvent<DealInput>) => {
        seen.push(e.detail);
        e.preventDefault();
      };
      el.addEventListener('prm-deal-submit', stop);
      await submit(el);
      expect(seen).to.have.length(1);
      expect(seen[0]).to.deep.equal({
        ...VALID_INPUT,
        amount: { amount: 1_250_050, currency: 'USD' },
      });
      expect(api.registers).to.have.length(0);

      el.removeEventListener('prm-deal-submit', stop);
      const registered = new Promise<CustomEvent<Deal>>((resolve) =>
        document.addEventListener('prm-deal-registered', resolve, { once: true }),
      );
      await submit(el);
      const event = await registered;
      expect(event.detail.id).to.equal('deal_new1');
      expect(event.composed).to.equal(true);
    });

    it('reports a duplicate and opens the existing registration as a prm-deal-select', async () => {
      const api = registrationApi();
      api.answerRegister = async () => {
        throw apiError(409, { code: 'duplicate_registration', existingDealId: 'deal_old7' });
      };
      const el = await mount(api);
      await fill(el);
      const key = el.idempotencyKey;
      await submit(el);
      await waitUntil(() => q(el, '.failure'));
      expect(q(el, '.failure')!.textContent).to.contain('nothing new was created');
      expect(el.idempotencyKey).to.not.equal(key);
      const selected = new Promise<CustomEvent<Deal>>((resolve) =>
        el.addEventListener('prm-deal-select', resolve, { once: true }),
      );
      q<HTMLButtonElement>(el, '.failure button')!.click();
      expect((await selected).detail.id).to.equal('deal_old7');
    });

    it('asks to sign in again when the session ends mid-draft, keeping draft and key', async () => {
      const api = registrationApi();
      api.answerRegister = async () => {
        throw new TokenError('expired', 'expired');
      };
      const el = await mount(api);
      await fill(el);
      const key = el.idempotencyKey;
      await submit(el);
      await waitUntil(() => q(el, '.failure'));
      expect(q(el, '.failure')!.textContent).to.contain('Sign in again');
      expect(el.idempotencyKey).to.equal(key);
      expect(input(el, 'customerName').value).to.equal('Acme Corp');
      const stored = Object.keys(localStorage).filter((k) => k.includes(api.baseUrl));
      expect(stored).to.deep.equal([`prm:deal-draft:${api.baseUrl}:usr_pat`]);
    });
  });

  describe('outcome', () => {
    const outcomes: [string, Partial<Deal>, 'en' | 'de', RegExp[]][] = [
      [
        'approved',
        {
          status: 'approved',
          protectedUntil: '2031-02-19T10:00:00Z',
          decision: {
            by: 'system',
            decision: 'approve',
            reasonCode: 'approved_auto',
            at: instantIn(0),
          },
        },
        'en',
        [/Approved/, /protected until Feb 19, 2031 \(in \d+ years\)/, /approved automatically/],
      ],
      [
        'approved, in German',
        { status: 'approved', protectedUntil: '2031-02-19T10:00:00Z' },
        'de',
        [/Genehmigt/, /geschützt bis 19\.02\.2031 \(in \d+ Jahren\)/, /12\.500,50 \$/],
      ],
      [
        'under review',
        { status: 'under_review', reviewDueAt: instantIn(2 * DAY + 60_000) },
        'en',
        [/Under review/, /decision is due by .+ \(in 2 days\)/],
      ],
      [
        'under review, in German',
        { status: 'under_review', reviewDueAt: instantIn(2 * DAY + 60_000) },
        'de',
        [/In Prüfung/, /Entscheidung fällt bis .+ \(übermorgen\)/],
      ],
      [
        'rejected',
        {
          status: 'rejected',
          reviewDueAt: null,
          decision: {
            by: 'system',
            decision: 'reject',
            reasonCode: 'conflict_other_partner',
            at: instantIn(0),
          },
        },
        'en',
        [/Rejected/, /was rejected/, /Another partner already has an approved registration/],
      ],
      [
        'rejected, in German',
        {
          status: 'rejected',
          reviewDueAt: null,
          decision: {
            by: 'usr_cm',
            decision: 'reject',
            reasonCode: 'insufficient_information',
            comment: 'Bitte Budget angeben',
            at: instantIn(0),
          },
        },
        'de',
        [/Abgelehnt/, /nicht genug Angaben/, /Kommentar der Prüfung: Bitte Budget angeben/],
      ],
    ];
    for (const [what, patch, lang, expected] of outcomes) {
      it(`shows ${what} at once, focused and announced`, async () => {
        const api = registrationApi();
        api.answerRegister = async (i) => dealFrom(i, patch);
        const el = await mount(api, { lang });
        await fill(el, lang === 'de' ? { amount: '12.500,50' } : {});
        await submit(el);
        await waitUntil(() => q(el, '.outcome'));
        const shown = q(el, '.outcome')!.textContent!.replace(/\s+/g, ' ');
        for (const pattern of expected) expect(shown).to.match(pattern);
        expect(focused(el)).to.equal(q(el, '.outcome'));
        expect(q(el, '[role=status]')!.textContent).to.match(expected[0]!);
        expect(el.matches(':state(registered)')).to.equal(true);
        await expect(el).to.be.accessible();
      });
    }

    it('clears the draft and offers to register another deal with a new key', async () => {
      const api = registrationApi();
      const el = await mount(api, { attrs: { 'customer-name': 'Host Customer' } });
      await fill(el, { customerName: 'Typed Customer' });
      const key = el.idempotencyKey;
      await submit(el);
      await waitUntil(() => q(el, '.outcome'));
      expect(Object.keys(localStorage).some((k) => k.includes(api.baseUrl))).to.equal(false);
      q<HTMLButtonElement>(el, '.outcome button')!.click();
      await waitUntil(() => q(el, 'form'));
      expect(input(el, 'customerName').value).to.equal('Host Customer');
      expect(input(el, 'title').value).to.equal('');
      expect(el.idempotencyKey).to.be.a('string').and.not.equal(key);
    });
  });
});
