// Our schema refinements carry codes (not just English messages), the reference server sends them
// as field error codes, and the registration form maps them by code: a reworded message breaks
// nothing. Node: the schemas and the real server over HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DealInput, DealPatch, TiersInput, issueCode } from '../../src/core/schema/index.js';
import { problemFor } from '../../src/widgets/deal-registration/form.js';
import { databaseLabel, startTestServer, type TestServer } from '../support/server.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const deal = (over: Record<string, unknown> = {}) => ({
  customer: { name: 'Codes Test Inc', domain: 'codes-test.example' },
  contact: { name: 'Rosa Ibarra', email: 'rosa@example.com' },
  title: 'Platform rollout',
  products: ['lf-core'],
  amount: { amount: 2_000_000, currency: 'USD' },
  expectedCloseDate: inDays(60),
  ...over,
});
const tier = (id: string, rank: number) => ({ id, name: id, rank, requirements: {}, benefits: [] });

/** The refinement codes of a failed parse, by dotted path. */
function codes(schema: { safeParse(v: unknown): unknown }, value: unknown): Record<string, string> {
  const r = schema.safeParse(value) as {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; code: string; params?: unknown }[] };
  };
  assert.equal(r.success, false);
  return Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), issueCode(i)]));
}

describe('refinement codes in the schemas', () => {
  it('each refinement names its rule', () => {
    assert.deepEqual(codes(DealInput, deal({ expectedCloseDate: inDays(-10) })), {
      expectedCloseDate: 'date_in_past',
    });
    assert.deepEqual(codes(DealInput, deal({ expectedCloseDate: inDays(6 * 366) })), {
      expectedCloseDate: 'date_too_far',
    });
    assert.deepEqual(codes(DealInput, deal({ title: 'Bell\u0007', notes: 'fine\nbut \u0000' })), {
      title: 'control_characters',
      notes: 'control_characters',
    });
    assert.deepEqual(
      codes(DealInput, deal({ customer: { name: 'X Inc', domain: 'not a website' } })),
      { 'customer.domain': 'invalid_website' },
    );
    assert.deepEqual(codes(DealPatch, {}), { '': 'empty_patch' });
    assert.deepEqual(codes(TiersInput, { tiers: [tier('tier_a', 1), tier('tier_a', 2)] }), {
      tiers: 'duplicate_tier_id',
    });
    assert.deepEqual(codes(TiersInput, { tiers: [tier('tier_a', 1), tier('tier_b', 1)] }), {
      tiers: 'duplicate_tier_rank',
    });
  });

  it('the form maps codes, whatever the message says', () => {
    const keyOf = (field: Parameters<typeof problemFor>[0], code: string, message: string) => {
      const problem = problemFor(field, { code, message });
      return 'key' in problem ? problem.key : problem.text;
    };
    // Messages that say the opposite of the code: only the code counts.
    assert.equal(
      keyOf('expectedCloseDate', 'date_in_past', 'Must be within five years.'),
      'dealRegistration.error.datePast',
    );
    assert.equal(
      keyOf('expectedCloseDate', 'date_too_far', 'Must not be in the past.'),
      'dealRegistration.error.dateFar',
    );
    assert.equal(
      keyOf('title', 'control_characters', 'Enthält Steuerzeichen.'),
      'dealRegistration.error.control',
    );
    assert.equal(keyOf('customerDomain', 'invalid_website', '?'), 'dealRegistration.error.website');
    // A code the form does not know shows the server's own words.
    assert.equal(
      keyOf('title', 'custom', 'Contains control characters.'),
      'Contains control characters.',
    );
  });
});

describe(`refinement codes over HTTP (${databaseLabel})`, () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  it('the server sends a refinement’s code as the field error’s code', async () => {
    const token = await s.token('partner_user', { partner: 'prt_brightpath' });
    const r = await s.request('POST', '/v1/deals', {
      token,
      body: deal({ expectedCloseDate: inDays(-10), title: 'Bell\u0007' }),
    });
    assert.equal(r.status, 422);
    const errors = (r.body as { errors: { path: string; code: string }[] }).errors;
    assert.deepEqual(Object.fromEntries(errors.map((e) => [e.path, e.code])), {
      expectedCloseDate: 'date_in_past',
      title: 'control_characters',
    });
  });
});
