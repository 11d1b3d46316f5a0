import {
  currencyFractionDigits,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatRelative,
} from '../../../src/core/index.js';
import type { Harness } from './harness.js';

// ICU separates with no-break spaces (U+00A0, and U+202F before AM/PM in newer versions);
// compare with plain ones so that the tests do not depend on the ICU version.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

export function formatScenarios({
  describe,
  it,
  expect,
}: Pick<Harness, 'describe' | 'it' | 'expect'>) {
  describe('format', () => {
    it('formats money from minor units with the currency’s own fraction digits', () => {
      const usd = { amount: 125000, currency: 'USD' };
      expect(plain(formatMoney(usd, 'en'))).to.equal('$1,250.00');
      expect(plain(formatMoney(usd, 'de'))).to.equal('1.250,00 $');
      expect(plain(formatMoney({ amount: 125000, currency: 'EUR' }, 'de'))).to.equal('1.250,00 €');
      expect(plain(formatMoney({ amount: 125000, currency: 'JPY' }, 'en'))).to.equal('¥125,000');
      expect(plain(formatMoney({ amount: 1234567, currency: 'BHD' }, 'de'))).to.equal(
        '1.234,567 BHD',
      );
      expect(plain(formatMoney({ amount: -5, currency: 'USD' }, 'en'))).to.equal('-$0.05');
      expect(plain(formatMoney(usd, 'en', { currencyDisplay: 'code' }))).to.equal('USD 1,250.00');
      expect(['JPY', 'USD', 'KWD'].map(currencyFractionDigits)).to.deep.equal([0, 2, 3]);
    });

    it('formats money exactly, without float rounding', () => {
      expect(
        plain(formatMoney({ amount: Number.MAX_SAFE_INTEGER, currency: 'USD' }, 'en')),
      ).to.equal('$90,071,992,547,409.91');
      expect(plain(formatMoney({ amount: 10, currency: 'USD' }, 'en'))).to.equal('$0.10');
    });

    it('formats a calendar date as that day in every time zone', () => {
      expect(formatDate('2026-11-21', 'en')).to.equal('Nov 21, 2026');
      expect(formatDate('2026-11-21', 'de')).to.equal('21.11.2026');
      expect(formatDate('2026-01-01', 'de')).to.equal('01.01.2026');
    });

    it('formats an instant in a given zone', () => {
      const at = '2026-11-21T09:30:00Z';
      expect(plain(formatDateTime(at, 'en', { timeZone: 'UTC' }))).to.equal(
        'Nov 21, 2026, 9:30 AM',
      );
      expect(formatDateTime(at, 'de', { timeZone: 'Europe/Berlin' })).to.equal('21.11.2026, 10:30');
    });

    it('formats relative times in the unit that fits', () => {
      const now = Date.parse('2026-11-21T12:00:00Z');
      const rel = (t: string, l: string) => formatRelative(t, l, now);
      expect(rel('2026-11-21T11:59:30Z', 'en')).to.equal('30 seconds ago');
      expect(rel('2026-11-21T12:00:00Z', 'en')).to.equal('now');
      expect(rel('2026-11-21T11:15:00Z', 'en')).to.equal('45 minutes ago');
      expect(rel('2026-11-21T15:00:00Z', 'en')).to.equal('in 3 hours');
      expect(rel('2026-11-20T10:00:00Z', 'en')).to.equal('yesterday');
      expect(rel('2026-11-07T12:00:00Z', 'en')).to.equal('2 weeks ago');
      expect(rel('2027-02-21T12:00:00Z', 'en')).to.equal('in 3 months');
      expect(rel('2024-11-21T12:00:00Z', 'en')).to.equal('2 years ago');
      expect(rel('2026-11-21T15:00:00Z', 'de')).to.equal('in 3 Stunden');
      expect(rel('2026-11-22T13:00:00Z', 'de')).to.equal('morgen');
      expect(rel('2026-11-07T12:00:00Z', 'de')).to.equal('vor 2 Wochen');
    });

    it('formats ratios as percentages', () => {
      expect(formatPercent(0.425, 'en')).to.equal('43%');
      expect(plain(formatPercent(0.425, 'de'))).to.equal('43 %');
      expect(plain(formatPercent(0.4256, 'de', { maximumFractionDigits: 1 }))).to.equal('42,6 %');
    });
  });
}
