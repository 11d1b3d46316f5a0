import { expect, waitUntil } from '@open-wc/testing';
import type { ConflictReport } from '../../src/core/schema/deal.js';
import {
  CLEAR,
  choose,
  clearDrafts,
  deferred,
  mount,
  q,
  registrationApi,
  text,
  type,
} from '../support/deal-registration.js';

describe('<prm-deal-registration> live check', () => {
  afterEach(clearDrafts);

  describe('live check', () => {
    it('waits for a pause in typing, and aborts a check that went stale', async () => {
      const api = registrationApi();
      const answers: ReturnType<typeof deferred<ConflictReport>>[] = [];
      api.answerCheck = () => {
        const d = deferred<ConflictReport>();
        answers.push(d);
        return d.promise;
      };
      const el = await mount(api);
      await type(el, 'customerName', 'Ac');
      await type(el, 'customerName', 'Acm');
      await type(el, 'customerName', 'Acme');
      await waitUntil(() => api.checks.length === 1, 'one check after the pause');
      expect(api.checks[0]!.input).to.deep.equal({ customer: { name: 'Acme' } });

      await type(el, 'customerDomain', 'acme.com');
      await waitUntil(() => api.checks.length === 2);
      expect(api.checks[0]!.signal!.aborted).to.equal(true);
      expect(api.checks[1]!.input.customer.domain).to.equal('acme.com');
      await choose(el, 'edge');
      await waitUntil(() => api.checks.length === 3);
      expect(api.checks[1]!.signal!.aborted).to.equal(true);
      expect(api.checks[2]!.input.products).to.deep.equal(['edge']);

      answers[2]!.resolve(CLEAR);
      await waitUntil(() => text(el).includes('No existing registrations'));
      // A stale answer arriving late changes nothing.
      const blocked: ConflictReport = {
        verdict: 'blocked',
        matches: [{ kind: 'other_partner', similarity: 1, matchedOn: ['domain'] }],
      };
      answers[0]!.resolve(blocked);
      await answers[0]!.promise;
      await el.updateComplete;
      expect(q(el, '.check.notice')).to.equal(null);
      expect(text(el)).to.contain('No existing registrations');
      expect(api.checks.length).to.equal(3);
    });

    it('never checks on too little: an unfinished website is left out', async () => {
      const api = registrationApi();
      const el = await mount(api);
      await type(el, 'customerName', 'A');
      await type(el, 'customerName', 'Ab');
      await type(el, 'customerDomain', 'ab.');
      await waitUntil(() => api.checks.length === 1);
      expect(api.checks[0]!.input).to.deep.equal({ customer: { name: 'Ab' } });
    });

    const warnings: [string, ConflictReport, RegExp, string][] = [
      [
        'a conflict with an approved registration',
        {
          verdict: 'blocked',
          matches: [{ kind: 'other_partner', similarity: 1, matchedOn: ['domain', 'name'] }],
        },
        /Another partner already has an approved registration for this customer\. If you submit, it will be rejected\./,
        'Conflict',
      ],
      [
        'a possible duplicate',
        {
          verdict: 'review',
          matches: [{ kind: 'other_partner', similarity: 0.7, matchedOn: ['name'] }],
        },
        /looks similar to one that is already registered; your registration will be reviewed/,
        'Possible duplicate',
      ],
      [
        'a vendor direct opportunity',
        {
          verdict: 'review',
          matches: [{ kind: 'direct_opportunity', similarity: 1, matchedOn: ['domain'] }],
        },
        /vendor is already working with directly; your registration will be reviewed/,
        'Vendor customer',
      ],
      [
        'an own registration',
        {
          verdict: 'blocked',
          matches: [
            {
              kind: 'own_duplicate',
              similarity: 1,
              matchedOn: ['domain'],
              dealId: 'deal_mine',
              customerName: 'Acme Corp',
            },
          ],
        },
        /You already registered this customer: Acme Corp\./,
        'Already registered',
      ],
    ];
    for (const [what, report, message, badge] of warnings) {
      it(`warns about ${what} before submitting, in plain words`, async () => {
        const api = registrationApi();
        api.answerCheck = async () => report;
        const el = await mount(api);
        await type(el, 'customerName', 'Acme Corp');
        await waitUntil(() => q(el, '.check.notice'), 'the warning');
        expect(q(el, '.check.notice')!.textContent).to.match(message);
        expect(q(el, '.check [part=badge]')!.textContent!.trim()).to.equal(badge);
        expect(q(el, '[role=status]')!.textContent).to.match(message);
        await expect(el).to.be.accessible();
      });
    }
  });
});
