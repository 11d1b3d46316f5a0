// Request budgets per caller: 429 rate_limited with Retry-After over the budget, and the
// RateLimit-Policy / RateLimit headers (IETF httpapi draft) on every response.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Reply, TestServer } from '../support/server.js';
import { databaseLabel, startTestServer } from '../support/server.js';
import { runPrm, baseEnv } from './spawn.js';

const LIMIT = 5;
const WINDOW = 3600;

let s: TestServer;

/** Sends until refused; a window boundary met on the way costs at most one more budget. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function untilRefused(send: () => Promise<Reply<any>>): Promise<Array<Reply<any>>> {
  const replies: Array<Reply<any>> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (let i = 0; i < 2 * LIMIT + 2; i++) {
    const r = await send();
    replies.push(r);
    if (r.status === 429) break;
  }
  return replies;
}

describe(`rate limits (${databaseLabel})`, () => {
  before(async () => {
    s = await startTestServer({ rateLimit: { limit: LIMIT, windowSeconds: WINDOW } });
  });
  after(() => s.close());

  it('answers 429 rate_limited with Retry-After once a caller is over its budget', async () => {
    const token = await s.token('seller', { sub: 'usr_rate_1' });
    const replies = await untilRefused(() => s.request('GET', '/v1/me', { token }));
    const refused = replies.at(-1)!;
    assert.equal(refused.status, 429, replies.map((r) => r.status).join());
    assert.ok(replies.length > LIMIT);
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
    assert.equal(refused.body.code, 'rate_limited');
    assert.equal(refused.body.status, 429);
    const retry = Number(refused.headers.get('retry-after'));
    assert.ok(Number.isInteger(retry) && retry >= 1 && retry <= WINDOW, String(retry));
    assert.match(refused.headers.get('ratelimit')!, /^"default";r=0;t=\d+$/);
    // Refused before the route: a refused POST creates nothing.
    const admin = await s.token('program_admin', { sub: 'usr_rate_admin' });
    const posted = await untilRefused(() =>
      s.request('POST', '/v1/partners', {
        token: admin,
        body: { name: 'Budget Co', type: 'si', region: 'EMEA', domains: [] },
      }),
    );
    assert.equal(posted.at(-1)!.status, 429);
    const { rows } = await s.store.query<{ n: number }>(
      "select count(*)::int as n from partners where name = 'Budget Co'",
    );
    assert.equal(rows[0]!.n, posted.filter((r) => r.status === 201).length);
  });

  it('counts each caller on its own: another subject, and callers without a token', async () => {
    const other = await s.token('seller', { sub: 'usr_rate_2' });
    const r = await s.request('GET', '/v1/me', { token: other });
    assert.equal(r.status, 200, r.text);
    assert.match(r.headers.get('ratelimit')!, new RegExp(`^"default";r=${LIMIT - 1};t=\\d+$`));
    // Without a token (or with a bad one) the client address is the caller.
    const anonymous = await untilRefused(() => s.request('GET', '/v1/health'));
    assert.equal(anonymous.at(-1)!.status, 429);
    const bad = await s.request('GET', '/v1/me', { token: 'not-a-token' });
    assert.equal(bad.status, 429);
  });

  it('puts RateLimit-Policy and RateLimit on every response', async () => {
    const token = await s.token('seller', { sub: 'usr_rate_3' });
    for (const [method, path] of [
      ['GET', '/v1/me'],
      ['GET', '/v1/nowhere'],
      ['DELETE', '/v1/me'],
      ['GET', '/v1/deals/nope'],
    ] as const) {
      const r = await s.request(method, path, { token });
      assert.equal(r.headers.get('ratelimit-policy'), `"default";q=${LIMIT};w=${WINDOW}`, path);
      assert.match(r.headers.get('ratelimit') ?? '', /^"default";r=\d+;t=\d+$/, path);
    }
  });
});

describe('rate limits are configurable from the command line', () => {
  it('documents the options and their defaults in prm serve --help', async () => {
    const r = await runPrm(['serve', '--help'], baseEnv());
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /--rate-limit/);
    assert.match(r.stdout, /--rate-window/);
    assert.match(r.stdout, /PRM_RATE_LIMIT/);
    assert.match(r.stdout, /shared by every process/);
  });

  it('refuses a budget that is not a whole number', async () => {
    const r = await runPrm(
      ['serve', '--rate-limit', 'lots'],
      baseEnv({ PRM_JWT_SECRET: 'x'.repeat(32) }),
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--rate-limit is a whole number/);
  });
});
