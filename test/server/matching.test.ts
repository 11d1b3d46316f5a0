import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeName, registrableDomain } from '../../src/server/domain/customer-names.js';

describe('normalizeName', () => {
  it('ignores case, punctuation, accents and legal suffixes', () => {
    const forms = [
      'Acme Inc.',
      'ACME, Inc',
      'acme',
      'Acme LLC',
      'Acme GmbH',
      'Acme Corp.',
      'Ácmé Ltd',
    ];
    for (const f of forms) assert.equal(normalizeName(f), 'acme', f);
    assert.equal(normalizeName('Müller & Söhne GmbH & Co. KG'), 'muller and sohne');
    assert.equal(normalizeName('Société Générale S.A.'), 'societe generale');
    assert.equal(normalizeName('Straße Werke AG'), 'strasse werke');
    assert.equal(normalizeName('Van Dijk B.V.'), 'van dijk');
  });

  it('keeps a name that is only a legal form, and keeps inner words', () => {
    assert.equal(normalizeName('Co'), 'co');
    assert.equal(normalizeName('The Co Works Ltd'), 'the co works');
  });

  it('keeps non-Latin scripts and emoji-free text comparable', () => {
    assert.equal(normalizeName('شركة المثال'), 'شركة المثال');
    assert.equal(normalizeName('  Rocket 🚀 Labs  '), 'rocket labs');
  });
});

describe('registrableDomain', () => {
  it('treats subdomains, URLs and the bare domain as one customer', () => {
    for (const w of [
      'eu.sales.acme.com',
      'https://www.acme.com/x',
      'acme.com',
      'HTTP://ACME.COM:8080',
    ]) {
      assert.equal(registrableDomain(w), 'acme.com', w);
    }
  });

  it('uses the public-suffix list', () => {
    assert.equal(registrableDomain('shop.acme.co.uk'), 'acme.co.uk');
    assert.equal(registrableDomain('https://portal.example.com.au/login'), 'example.com.au');
    assert.notEqual(registrableDomain('acme.co.uk'), 'co.uk');
  });

  it('answers null for what names no registrable domain', () => {
    for (const w of ['', 'acme', 'co.uk', 'not a domain', null, undefined]) {
      assert.equal(registrableDomain(w), null, String(w));
    }
  });
});
