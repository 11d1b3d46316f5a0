import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import {
  Deal,
  DealCheckInput,
  DealInput,
  DealListQuery,
  DealPatch,
  ERROR_CODES,
  Me,
  ProblemDetails,
  REASON_CODES,
  TiersInput,
  hostnameOf,
} from '../../src/core/schema/index.js';

const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const validDeal = {
  customer: { name: 'Acme GmbH', domain: 'https://www.acme.co.uk/about' },
  contact: { name: 'Dana Ortiz', email: 'dana@acme.co.uk' },
  title: 'Analytics rollout',
  products: ['analytics'],
  amount: { amount: 125_000_00, currency: 'EUR' },
  expectedCloseDate: future,
};

const paths = (r: { success: boolean; error?: z.core.$ZodError }) => [
  ...new Set((r.error?.issues ?? []).map((i) => i.path.join('.'))),
];

describe('schemas', () => {
  it('accepts a valid registration and trims text', () => {
    const r = DealInput.safeParse({ ...validDeal, title: '  Analytics rollout  ' });
    assert.ok(r.success);
    assert.equal(r.data.title, 'Analytics rollout');
  });

  it('names every failing field of a bad registration', () => {
    const r = DealInput.safeParse({
      customer: { name: '   ', domain: 'not a domain' },
      contact: { name: 'x', email: 'nope' },
      title: 't'.repeat(201),
      products: [],
      amount: { amount: -5, currency: 'usd' },
      expectedCloseDate: '2001-01-01',
    });
    assert.equal(r.success, false);
    assert.deepEqual(paths(r).sort(), [
      'amount.amount',
      'amount.currency',
      'contact.email',
      'customer.domain',
      'customer.name',
      'expectedCloseDate',
      'products',
      'title',
    ]);
  });

  it('rejects floats, absurd amounts and unknown fields', () => {
    assert.deepEqual(
      paths(DealInput.safeParse({ ...validDeal, amount: { amount: 1.5, currency: 'USD' } })),
      ['amount.amount'],
    );
    assert.deepEqual(
      paths(DealInput.safeParse({ ...validDeal, amount: { amount: 1e16, currency: 'USD' } })),
      ['amount.amount'],
    );
    const r = DealInput.safeParse({ ...validDeal, surprise: true });
    assert.equal(r.success, false);
    assert.equal(r.error?.issues[0]?.code, 'unrecognized_keys');
  });

  it('keeps script tags, emoji and right-to-left text as plain text', () => {
    for (const name of ['<script>alert(1)</script>', 'Café 🚀 Ltd', 'شركة المثال']) {
      const r = DealInput.safeParse({ ...validDeal, customer: { ...validDeal.customer, name } });
      assert.ok(r.success, name);
      assert.equal(r.data.customer.name, name);
    }
    const ctl = DealInput.safeParse({ ...validDeal, title: 'a\u0000b' });
    assert.deepEqual(paths(ctl), ['title']);
  });

  it('finds the host of a website however it is typed', () => {
    assert.equal(hostnameOf('https://www.acme.com/x'), 'www.acme.com');
    assert.equal(hostnameOf('eu.sales.ACME.com'), 'eu.sales.acme.com');
    assert.equal(hostnameOf('acme'), null);
    assert.equal(hostnameOf('acme .com'), null);
  });

  it('lets the live check run on a customer name alone', () => {
    assert.ok(DealCheckInput.safeParse({ customer: { name: 'Acme' } }).success);
    assert.equal(DealCheckInput.safeParse({ customer: { name: '' } }).success, false);
  });

  it('coerces list query strings and bounds the limit', () => {
    assert.deepEqual(DealListQuery.parse({ limit: '20', sort: '-amount' }), {
      limit: 20,
      sort: '-amount',
    });
    assert.deepEqual(paths(DealListQuery.safeParse({ limit: '500' })), ['limit']);
    assert.deepEqual(paths(DealListQuery.safeParse({ status: 'pending' })), ['status']);
  });

  it('requires at least one field in a PATCH and unique tier ids', () => {
    assert.equal(DealPatch.safeParse({}).success, false);
    assert.ok(DealPatch.safeParse({ stage: 'won' }).success);
    const tier = { name: 'Gold', requirements: {}, benefits: [] };
    const dup = TiersInput.safeParse({
      tiers: [
        { ...tier, id: 'tier_gold', rank: 1 },
        { ...tier, id: 'tier_gold', rank: 2 },
      ],
    });
    assert.equal(dup.success, false);
  });

  it('parses a deal as the server sends it and rejects a malformed one', () => {
    const deal = {
      id: 'deal_abc',
      partnerId: 'prt_1',
      status: 'under_review',
      stage: 'open',
      customer: { name: 'Acme', domain: 'acme.com', country: null },
      contact: { name: 'D', email: 'd@acme.com' },
      title: 'T',
      products: ['analytics'],
      amount: { amount: 100, currency: 'USD' },
      expectedCloseDate: future,
      submittedBy: 'usr_1',
      submittedAt: '2026-11-21T09:30:00Z',
      reviewDueAt: '2026-11-23T09:30:00Z',
      conflicts: { verdict: 'clear', matches: [] },
    };
    assert.ok(Deal.safeParse(deal).success);
    assert.deepEqual(paths(Deal.safeParse({ ...deal, status: 'pending' })), ['status']);
  });

  it('keeps the contract codes exact', () => {
    // Exactly API.md's lists: a code added, dropped or misspelt on either side fails here.
    assert.deepEqual(
      new Set(REASON_CODES),
      new Set([
        'approved_auto',
        'approved_manual',
        'conflict_other_partner',
        'conflict_direct_opportunity',
        'duplicate_own',
        'ineligible_tier',
        'insufficient_information',
        'customer_existing',
        'other',
      ]),
    );
    assert.equal(REASON_CODES.length, 9);
    assert.deepEqual(
      new Set(ERROR_CODES),
      new Set([
        'validation_failed',
        'malformed_json',
        'unauthenticated',
        'forbidden',
        'not_found',
        // Not in API.md's list: the answer to a method a path does not serve.
        'method_not_allowed',
        'duplicate_registration',
        'invalid_transition',
        'insufficient_funds',
        'claim_window_closed',
        'idempotency_key_reused',
        'payload_too_large',
        'unsupported_media_type',
        'rate_limited',
        'internal',
      ]),
    );
    assert.equal(ERROR_CODES.length, 15);
    assert.ok(
      ProblemDetails.safeParse({
        type: 'about:blank',
        title: 'x',
        status: 409,
        code: 'duplicate_registration',
        existingDealId: 'deal_1',
      }).success,
    );
    assert.ok(
      Me.safeParse({
        user: { id: 'usr_1', name: 'A', email: 'a@b.co', role: 'seller' },
        partner: null,
      }).success,
    );
  });

  it('converts to JSON Schema for OpenAPI', () => {
    const js = z.toJSONSchema(DealInput, { io: 'input', unrepresentable: 'any' }) as {
      required?: string[];
    };
    assert.ok(js.required?.includes('customer'));
  });
});
