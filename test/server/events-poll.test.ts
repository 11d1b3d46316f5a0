// `GET /v1/events` with `Prefer: wait=0`: one poll for a caller that cannot hold a stream open
// (the Salesforce bridge, through Apex). It answers the events there are and ends, with a last
// `id:` to resume from; the next poll with that Last-Event-ID gets only what came after.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestServer } from '../support/server.js';
import { databaseLabel, startTestServer } from '../support/server.js';
import { GOLD, customer, dealBody, partnerToken } from './deals-support.js';

describe(`events as polls (${databaseLabel})`, { timeout: 60_000 }, () => {
  let s: TestServer;
  let gold: string;
  before(async () => {
    s = await startTestServer();
    gold = await partnerToken(s, GOLD);
  });
  after(() => s.close());

  const poll = (lastEventId?: string) =>
    s.request('GET', '/v1/events', {
      token: gold,
      headers: {
        accept: 'text/event-stream',
        prefer: 'wait=0',
        ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
      },
    });
  const lastId = (text: string) => [...text.matchAll(/^id: (\S+)$/gm)].at(-1)?.[1];

  it('answers at once with a cursor, then the events after it, then nothing new', async () => {
    const first = await poll();
    assert.equal(first.status, 200);
    assert.match(first.headers.get('content-type') ?? '', /text\/event-stream/);
    assert.doesNotMatch(first.text, /^event:/m);
    const cursor = lastId(first.text);
    assert.match(cursor ?? '', /^evt_\d+$/);

    const created = await s.request('POST', '/v1/deals', {
      token: gold,
      body: dealBody(customer()),
    });
    assert.equal(created.status, 201, created.text);
    const second = await poll(cursor);
    assert.match(second.text, /^event: deal\.created$/m);
    assert.ok(second.text.includes(created.body.id));
    const next = lastId(second.text);
    assert.notEqual(next, cursor);

    const third = await poll(next);
    assert.doesNotMatch(third.text, /^event:/m);
    assert.equal(lastId(third.text), next);
  });
});
