import {
  SseParser,
  isPartnerApiError,
  isResponseValidationError,
  isTokenError,
  subscribeEvents,
  tokenFromUrl,
  type PrmEvent,
  type TokenError,
} from '../../../src/core/index.js';
import { client, rejection, scenario, until, type Harness } from './harness.js';

export function authScenarios({ describe, it, expect, serverUrl }: Harness): void {
  const s = (name: string) => scenario(serverUrl(), name);

  describe('tokenFromUrl', () => {
    it('caches a token until shortly before it expires, and shares one refresh', async () => {
      const sc = s('token-long');
      const getToken = tokenFromUrl(`${sc.baseUrl}/token`);
      const concurrent = await Promise.all([getToken(), getToken(), getToken()]);
      expect(concurrent).to.deep.equal(['t1', 't1', 't1']);
      expect(await getToken()).to.equal('t1');
      expect(await sc.log()).to.have.length(1);
      expect(await getToken({ forceRefresh: true })).to.equal('t2');
      expect(await sc.log()).to.have.length(2);
    });

    it('refreshes a token that expires within the skew before using it', async () => {
      const sc = s('token-short');
      const getToken = tokenFromUrl(`${sc.baseUrl}/token`);
      expect(await getToken()).to.equal('t1');
      expect(await getToken()).to.equal('t2');
      // A smaller skew leaves the 30 s token good.
      const relaxed = tokenFromUrl(`${sc.baseUrl}/token`, { refreshSkewMs: 5_000 });
      expect(await relaxed()).to.equal('t3');
      expect(await relaxed()).to.equal('t3');
    });

    const reasons = [
      ['token-revoked', 'revoked', 401],
      ['token-forbidden', 'revoked', 403],
      ['token-down', 'unavailable', 503],
      ['token-expired', 'expired', 200],
    ] as const;
    for (const [name, reason, status] of reasons) {
      it(`throws a TokenError '${reason}' for ${name}`, async () => {
        const sc = s(name);
        const error = await rejection(tokenFromUrl(`${sc.baseUrl}/token`)());
        expect(isTokenError(error)).to.equal(true);
        expect((error as TokenError).reason).to.equal(reason);
        expect((error as TokenError).status).to.equal(status);
      });
    }

    it('reports an unreachable token URL as unavailable', async () => {
      // Port 9 (discard) on loopback: nothing listens there on the machines we test on.
      const error = await rejection(tokenFromUrl('http://127.0.0.1:9/token')());
      expect(isTokenError(error) && error.reason).to.equal('unavailable');
    });

    it('lets a client call fail with the TokenError, so a widget can ask to sign in', async () => {
      const sc = s('token-revoked');
      const api = client(sc.baseUrl, { getToken: tokenFromUrl(`${sc.baseUrl}/token`) });
      const error = await rejection(api.me());
      expect(isTokenError(error) && error.reason).to.equal('revoked');
      // Only the token URL was asked; the API call never left.
      expect((await sc.log()).map((r) => r.path)).to.deep.equal(['/token']);
    });
  });
}

export function eventScenarios({ describe, it, expect, serverUrl }: Harness): void {
  const s = (name: string) => scenario(serverUrl(), name);

  describe('events (SSE)', () => {
    it('parses events and resumes after a drop with Last-Event-ID', async () => {
      const sc = s('sse');
      const events: PrmEvent[] = [];
      const errors: unknown[] = [];
      let opened = 0;
      const subscription = client(sc.baseUrl).events.subscribe({
        onEvent: (e) => void events.push(e),
        onError: (e) => void errors.push(e),
        onOpen: () => void (opened += 1),
        backoffMs: 1,
      });
      await until(() => events.length >= 3, 'three events');
      subscription.close();
      await subscription.done;
      expect(events.map((e) => [e.id, e.event])).to.deep.equal([
        ['1', 'deal.created'],
        ['2', 'deal.updated'],
        ['3', 'deal.updated'],
      ]);
      const first = events[0]!;
      expect(first.event === 'deal.created' && first.data.customer.domain).to.equal('globex.de');
      expect(subscription.lastEventId).to.equal('3');
      expect(opened).to.equal(2);
      expect(errors).to.deep.equal([]);
      const log = await sc.log();
      expect(log.map((r) => r.lastEventId)).to.deep.equal([null, '2']);
      expect(log.every((r) => r.authorization === 'Bearer good')).to.equal(true);
      expect(log[0]!.accept).to.equal('text/event-stream');
    });

    it('starts from a given lastEventId, and stops when its signal aborts', async () => {
      const sc = s('sse');
      const events: PrmEvent[] = [];
      const controller = new AbortController();
      const sub = subscribeEvents(
        { baseUrl: sc.baseUrl, getToken: () => 'good' },
        { onEvent: (e) => void events.push(e), lastEventId: '41', signal: controller.signal },
      );
      await until(() => events.length > 0, 'an event');
      controller.abort();
      await sub.done;
      expect(events[0]!.id).to.equal('42');
    });

    it('refreshes the token once on 401', async () => {
      const sc = s('sse-auth');
      const events: PrmEvent[] = [];
      const sub = subscribeEvents(
        {
          baseUrl: sc.baseUrl,
          getToken: (o) => (o?.forceRefresh ? 'fresh' : 'stale'),
        },
        { onEvent: (e) => void events.push(e), backoffMs: 1 },
      );
      await until(() => events.length > 0, 'an event');
      sub.close();
      await sub.done;
      const log = await sc.log();
      expect(log.slice(0, 2).map((r) => r.authorization)).to.deep.equal([
        'Bearer stale',
        'Bearer fresh',
      ]);
    });

    it('ends with an error when a refreshed token is refused too', async () => {
      const sc = s('auth-always-401');
      const errors: [unknown, boolean][] = [];
      const sub = subscribeEvents(
        { baseUrl: sc.baseUrl, getToken: () => 'nope' },
        {
          onEvent: () => undefined,
          onError: (e, { willRetry }) => void errors.push([e, willRetry]),
        },
      );
      await sub.done;
      expect(errors).to.have.length(1);
      expect(isPartnerApiError(errors[0]![0]) && errors[0]![0].status).to.equal(401);
      expect(errors[0]![1]).to.equal(false);
      expect(await sc.log()).to.have.length(2);
    });

    it('ends with an error when the answer is not an event stream', async () => {
      const sc = s('not-json');
      const errors: [unknown, boolean][] = [];
      const sub = subscribeEvents(
        { baseUrl: sc.baseUrl },
        {
          onEvent: () => undefined,
          onError: (e, { willRetry }) => void errors.push([e, willRetry]),
        },
      );
      await sub.done;
      expect(errors).to.have.length(1);
      expect(isResponseValidationError(errors[0]![0])).to.equal(true);
      expect(errors[0]![1]).to.equal(false);
      expect(await sc.log()).to.have.length(1);
    });

    it("goes through the client's hooks and transport, with its token refresh", async () => {
      const sc = s('sse-auth');
      const events: PrmEvent[] = [];
      const before: [string, number, string | null][] = [];
      const after: [number, string | null][] = [];
      const carried: string[] = [];
      let extended = 0;
      const api = client(sc.baseUrl, {
        getToken: (o) => (o?.forceRefresh ? 'fresh' : 'stale'),
        transport: (request) => {
          carried.push(request.url);
          return fetch(request);
        },
        hooks: {
          beforeRequest: ({ request, operation, attempt }) =>
            void before.push([operation.name, attempt, request.headers.get('authorization')]),
          afterResponse: ({ response }) =>
            void after.push([response.status, response.headers.get('content-type')]),
        },
      });
      const sub = api
        .extend({ hooks: { beforeRequest: () => void (extended += 1) } })
        .events.subscribe({ onEvent: (e) => void events.push(e), backoffMs: 1 });
      await until(() => events.length > 0, 'an event');
      sub.close();
      await sub.done;
      expect(before.slice(0, 2)).to.deep.equal([
        ['events.subscribe', 1, 'Bearer stale'],
        ['events.subscribe', 2, 'Bearer fresh'],
      ]);
      expect(after[0]![0]).to.equal(401);
      expect(after[1]).to.deep.equal([200, 'text/event-stream']);
      expect(extended).to.equal(before.length);
      expect(carried).to.have.length(before.length);
      expect(carried.every((url) => url === `${sc.baseUrl}/v1/events`)).to.equal(true);
    });

    it('SseParser handles split chunks, CRLF, comments, multi-line data and retry', () => {
      const parser = new SseParser();
      const chunks = ['id: 7\r', '\nevent: x\r\ndata: a\r\n', 'data:b\n: note\nretry: 250\n', '\n'];
      const out = chunks.flatMap((c) => parser.push(c));
      expect(out).to.deep.equal([{ id: '7', event: 'x', data: 'a\nb' }]);
      expect(parser.retry).to.equal(250);
      expect(parser.push('data: c\n\n')).to.deep.equal([{ id: '7', event: 'message', data: 'c' }]);
      // A blank line without data dispatches nothing.
      expect(parser.push('id: 9\n\n')).to.deep.equal([]);
      expect(parser.lastEventId).to.equal('9');
    });
  });
}
