import { expect } from '@open-wc/testing';
import { messagesReady, registerMessages, t } from '../../src/widgets/shared/i18n.js';
import '../support/prm-test-elements.js';

// A part of the catalogue for the tests below; the `@ts-expect-error`s there are checked by `tsc`.
const prmTestEn = {
  'prmTest.both': 'In both',
  'prmTest.englishOnly': 'Only in English',
};
declare module '../../src/widgets/shared/i18n.js' {
  interface Messages {
    prmTest: typeof prmTestEn;
  }
}

describe('PrmElement', () => {
  describe('i18n', () => {
    it('interpolates, picks plural forms and falls back to English', () => {
      expect(t('en', 'common.items', { count: 1 })).to.equal('1 item');
      expect(t('en', 'common.items', { count: 1234 })).to.equal('1,234 items');
      expect(t('de-DE', 'common.items', { count: 1234 })).to.equal('1.234 Einträge');
      expect(t('de', 'common.items', { count: 1 })).to.equal('1 Eintrag');
      expect(t('ja', 'common.retry')).to.equal('Try again');
      expect(t('not a tag', 'common.retry')).to.equal('Try again');
    });

    it('keeps a placeholder without a value visible', () => {
      expect(t('en', 'common.items', {})).to.equal('{count} items');
    });

    it("registers a widget's messages when its class module alone is imported", async () => {
      // Nothing in this file has imported a widget yet: its keys show as themselves.
      expect(t('de', 'dealList.empty')).to.equal('dealList.empty');
      const { PrmDealList } = await import('../../src/widgets/deal-list/prm-deal-list.js');
      expect(PrmDealList).to.be.a('function');
      expect(t('en', 'dealList.empty')).to.equal('No deals yet.');
      // Its German is imported when German is first asked for; English stands in until then.
      expect(t('de-AT', 'dealList.empty')).to.equal('No deals yet.');
      await messagesReady('de-AT');
      expect(messagesReady('de'), 'nothing left to wait for').to.equal(undefined);
      expect(t('de-AT', 'dealList.empty')).to.equal('Noch keine Deals.');
      expect(t('de', 'dealList.loaded', { count: 1 })).to.equal('1 Deal');
      expect(t('ja', 'dealList.empty'), 'an unknown language falls back').to.equal('No deals yet.');
      expect(t('en', 'common.retry'), 'the common messages stay').to.equal('Try again');
      // Only its own: the other widget's messages come with that widget.
      expect(t('en', 'dealRegistration.heading')).to.equal('dealRegistration.heading');
    });

    it('finds messages registered after the first lookup, and falls back to English per key', () => {
      expect(t('de', 'prmTest.both')).to.equal('prmTest.both');
      registerMessages({
        en: prmTestEn,
        // @ts-expect-error a key missing in German is a compile error
        de: { 'prmTest.both': 'In beiden' },
      });
      expect(t('de', 'prmTest.both')).to.equal('In beiden');
      expect(t('de', 'prmTest.englishOnly')).to.equal('Only in English');
      expect(t('fr', 'prmTest.both')).to.equal('In both');
      // @ts-expect-error a misspelt key is a compile error
      expect(t('en', 'prmTest.bth')).to.equal('prmTest.bth');
    });
  });
});
