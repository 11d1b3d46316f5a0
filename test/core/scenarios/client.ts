import {
  PartnerApiError,
  isAbortError,
  isNetworkError,
  isPartnerApiError,
  isResponseValidationError,
  isTimeoutError,
  type BeforeRequestState,
  type GetTokenOptions,
  type ResponseValidationError,
} from '../../../src/core/index.js';
import { DEAL_INPUT, client, rejection, scenario, until, type Harness } from './harness.js';

export function clientScenarios(harness: Harness): void {
  const { describe, it, expect, serverUrl } = harness;
  const s = (name: string) => scenario(serverUrl(), name);

  describe('core client: success', () => {
    it('parses a response with its schema and sends the bearer token', async () => {
      const sc = s('ok');
      const api = client(sc.baseUrl);
      const me = await api.me();
      expect(me.user.role).to.equal('partner_user');
      expect(me.partner?.tier.id).to.equal('tier_gold');
      const [req] = await sc.log();
      expect(req!.authorization).to.equal('Bearer good');
      expect(req!.path).to.equal('/v1/me');
    });

    it('lists with a query and returns { items, nextCursor }', async () => {
      const sc = s('ok');
      const page = await client(sc.baseUrl).deals.list({ status: 'approved', limit: 10, q: '' });
      expect(page.items).to.have.length(1);
      expect(page.items[0]!.amount).to.deep.equal({ amount: 125000, currency: 'USD' });
      expect(page.nextCursor).to.equal('c2');
      const [req] = await sc.log();
      // An empty filter is not sent.
      expect(req!.search).to.equal('?status=approved&limit=10');
    });

    it('sends the region filter of the deals list', async () => {
      const sc = s('ok');
      await client(sc.baseUrl).deals.list({ region: 'North America', status: 'under_review' });
      const [req] = await sc.log();
      expect(req!.search).to.equal('?region=North+America&status=under_review');
    });

    it('sends no Authorization for health, and none when the provider returns null', async () => {
      const sc = s('ok');
      expect(await client(sc.baseUrl).health()).to.deep.equal({ status: 'ok' });
      await client(sc.baseUrl, { getToken: () => null }).program.get();
      const log = await sc.log();
      expect(log.map((r) => r.authorization)).to.deep.equal([null, null]);
    });

    it('tolerates a base URL that ends in /v1, and a DELETE answering 204', async () => {
      const sc = s('ok');
      const result = await client(`${sc.baseUrl}/v1/`).partners.revokeEmbedKey('prt_acme', 'ek_1');
      expect(result).to.equal(undefined);
      const [req] = await sc.log();
      expect([req!.method, req!.path]).to.deep.equal([
        'DELETE',
        '/v1/partners/prt_acme/embed-keys/ek_1',
      ]);
    });
  });

  describe('core client: 401 and token refresh', () => {
    it('refreshes the token once and retries with the new one', async () => {
      const sc = s('auth-refresh');
      const calls: (GetTokenOptions | undefined)[] = [];
      const getToken = (options?: GetTokenOptions) => {
        calls.push(options);
        return options?.forceRefresh ? 'fresh' : 'stale';
      };
      const deal = await client(sc.baseUrl, { getToken }).deals.get('deal_7');
      expect(deal.id).to.equal('deal_7');
      const log = await sc.log();
      expect(log.map((r) => r.authorization)).to.deep.equal(['Bearer stale', 'Bearer fresh']);
      expect(calls.filter((c) => c?.forceRefresh)).to.have.length(1);
    });

    it('surfaces a second 401 as a PartnerApiError', async () => {
      const sc = s('auth-always-401');
      let refreshes = 0;
      const getToken = (o?: GetTokenOptions) => (o?.forceRefresh ? `t${++refreshes}` : 't0');
      const error = await rejection(client(sc.baseUrl, { getToken }).me());
      expect(isPartnerApiError(error)).to.equal(true);
      const e = error as PartnerApiError;
      expect(e.status).to.equal(401);
      expect(e.code).to.equal('unauthenticated');
      expect(e.requestId).to.equal('req_2');
      expect(refreshes).to.equal(1);
      expect(await sc.log()).to.have.length(2);
    });
  });

  describe('core client: retries and idempotency', () => {
    it('retries a POST after a dropped connection with the same Idempotency-Key', async () => {
      const sc = s('drop-once');
      const seen: BeforeRequestState[] = [];
      const api = client(sc.baseUrl, { hooks: { beforeRequest: (st) => void seen.push(st) } });
      const deal = await api.deals.register(DEAL_INPUT);
      expect(deal.customer.name).to.equal('Globex GmbH');
      const log = await sc.log();
      expect(log).to.have.length(2);
      const key = log[0]!.idempotencyKey;
      expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(log[1]!.idempotencyKey).to.equal(key);
      expect(seen.map((st) => st.attempt)).to.deep.equal([1, 2]);
      expect(seen[0]!.operation).to.equal(seen[1]!.operation);
      expect(seen[0]!.operation.name).to.equal('deals.register');
      expect(seen[0]!.operation.idempotencyKey).to.equal(key);
    });

    it('lets the server replay a POST it had already done, under the caller’s own key', async () => {
      const sc = s('drop-after-commit');
      const statuses: [number, string | null][] = [];
      const api = client(sc.baseUrl, {
        hooks: {
          afterResponse: ({ response }) =>
            void statuses.push([response.status, response.headers.get('idempotent-replayed')]),
        },
      });
      const deal = await api.deals.register(DEAL_INPUT, { idempotencyKey: 'draft-42' });
      // Created once (deal_1), answered from the replay.
      expect(deal.id).to.equal('deal_1');
      expect(statuses).to.deep.equal([[201, 'true']]);
      const log = await sc.log();
      expect(log.map((r) => r.idempotencyKey)).to.deep.equal(['draft-42', 'draft-42']);
    });

    it('makes a new key for each operation', async () => {
      const sc = s('ok');
      const api = client(sc.baseUrl);
      await api.deals.register(DEAL_INPUT);
      await api.deals.register(DEAL_INPUT);
      const [a, b] = (await sc.log()).map((r) => r.idempotencyKey);
      expect(a).to.be.a('string');
      expect(a).to.not.equal(b);
    });

    it('never retries a POST sent without a key, nor a PATCH', async () => {
      const post = s('drop-once');
      const error = await rejection(
        client(post.baseUrl).deals.register(DEAL_INPUT, { idempotencyKey: false }),
      );
      expect(isNetworkError(error)).to.equal(true);
      const postLog = await post.log();
      expect(postLog).to.have.length(1);
      expect(postLog[0]!.idempotencyKey).to.equal(null);

      const patch = s('drop-once');
      const patchError = await rejection(
        client(patch.baseUrl).deals.update('deal_1', { stage: 'won' }),
      );
      expect(isNetworkError(patchError)).to.equal(true);
      expect(await patch.log()).to.have.length(1);
    });

    it('honours Retry-After on 429', async () => {
      const sc = s('fail-once-429');
      const me = await client(sc.baseUrl).me();
      expect(me.user.id).to.equal('usr_1');
      const [first, second] = await sc.log();
      // The backoff is 1–5 ms here: only Retry-After (1 s) explains a longer pause.
      expect(second!.at - first!.at).to.be.at.least(900);
    });

    for (const status of [502, 503, 504]) {
      it(`retries ${status}`, async () => {
        const sc = s(`fail-once-${status}`);
        const program = await client(sc.baseUrl).program.get();
        expect(program.currencies).to.include('EUR');
        expect(await sc.log()).to.have.length(2);
      });
    }

    it('gives up after retry.limit retries with the last answer', async () => {
      const sc = s('always-503');
      const error = await rejection(client(sc.baseUrl, { retry: { limit: 2 } }).me());
      expect(isPartnerApiError(error) && error.status).to.equal(503);
      expect(await sc.log()).to.have.length(3);
    });

    it('carries requests over a transport, with retries and auth still applied', async () => {
      const sc = s('drop-once');
      const carried: string[] = [];
      const api = client(sc.baseUrl, {
        transport: (request) => {
          carried.push(`${request.method} ${new URL(request.url).pathname.split('/v1')[1]}`);
          return fetch(request);
        },
      });
      expect((await api.deals.get('deal_9')).id).to.equal('deal_9');
      expect(carried).to.deep.equal(['GET /deals/deal_9', 'GET /deals/deal_9']);
      expect((await sc.log()).map((r) => r.authorization)).to.deep.equal([
        'Bearer good',
        'Bearer good',
      ]);
    });
  });

  describe('core client: file downloads', () => {
    it("downloads through the client's transport and hooks, refreshing the token once", async () => {
      const sc = s('auth-refresh');
      const carried: string[] = [];
      const hooked: string[] = [];
      const progress: Array<[number, number]> = [];
      const api = client(sc.baseUrl, {
        getToken: (o?: GetTokenOptions) => (o?.forceRefresh ? 'fresh' : 'stale'),
        transport: (request) => {
          carried.push(new URL(request.url).pathname.split('/v1')[1]!);
          return fetch(request);
        },
        hooks: {
          beforeRequest: (state: BeforeRequestState) => {
            hooked.push(`${state.operation.name} ${state.attempt}`);
          },
        },
      });
      const blob = await api.content.download('ast_1', 'csv', {
        onProgress: (received, total) => progress.push([received, total]),
      });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      expect(bytes.length).to.equal(65536);
      expect([bytes[0], bytes[250], bytes[251], bytes[65535]]).to.deep.equal([
        0,
        250,
        0,
        65535 % 251,
      ]);
      expect(blob.type).to.equal('text/csv');
      expect(carried).to.deep.equal(['/content/ast_1/files/csv', '/content/ast_1/files/csv']);
      expect(hooked).to.deep.equal(['content.download 1', 'content.download 2']);
      expect((await sc.log()).map((r) => r.authorization)).to.deep.equal([
        'Bearer stale',
        'Bearer fresh',
      ]);
      expect(progress.at(-1)).to.deep.equal([65536, 65536]);
    });

    it('answers an error with a PartnerApiError', async () => {
      const sc = s('download-missing');
      const error = await rejection(client(sc.baseUrl).content.download('ast_404', 'pdf'));
      expect(isPartnerApiError(error)).to.equal(true);
      expect((error as PartnerApiError).status).to.equal(404);
      expect((error as PartnerApiError).code).to.equal('not_found');
    });
  });

  describe('core client: errors', () => {
    it('surfaces 422 field errors on the PartnerApiError, without retrying', async () => {
      const sc = s('validation');
      const error = await rejection(client(sc.baseUrl).deals.register(DEAL_INPUT));
      expect(isPartnerApiError(error)).to.equal(true);
      const e = error as PartnerApiError;
      expect(e.status).to.equal(422);
      expect(e.code).to.equal('validation_failed');
      expect(e.fieldErrors[0]!.path).to.equal('customer.domain');
      expect(e.requestId).to.equal('req_test_422');
      expect(e.message).to.equal('One field is invalid.');
      expect(await sc.log()).to.have.length(1);
    });

    it('synthesizes problem details from a non-JSON error body', async () => {
      const sc = s('html-error');
      const error = await rejection(client(sc.baseUrl).me());
      expect(isPartnerApiError(error)).to.equal(true);
      const e = error as PartnerApiError;
      expect(e.problem).to.include({ status: 500, code: 'internal', type: 'about:blank' });
      expect(e.fieldErrors).to.deep.equal([]);
      expect(e.requestId).to.equal('req_html');
    });

    it('times out an attempt with a TimeoutError', async () => {
      const sc = s('slow');
      const error = await rejection(client(sc.baseUrl, { timeout: 150 }).me());
      expect(isTimeoutError(error)).to.equal(true);
      expect(isNetworkError(error)).to.equal(false);
      expect((error as Error).message).to.contain('/v1/me');
    });

    it('times out a body that stalls after the headers', async () => {
      const sc = s('stall-body');
      const error = await rejection(client(sc.baseUrl, { timeout: 150 }).me());
      expect(isTimeoutError(error)).to.equal(true);
    });

    it('rejects with the AbortError when the caller aborts mid-request', async () => {
      const sc = s('slow');
      const controller = new AbortController();
      const call = client(sc.baseUrl).me({ signal: controller.signal });
      await until(async () => (await sc.log()).length === 1, 'the request to arrive');
      controller.abort();
      const error = await rejection(call);
      expect(isAbortError(error)).to.equal(true);
      expect(isNetworkError(error)).to.equal(false);
      expect(error).to.equal(controller.signal.reason);
    });

    it('rejects at once, sending nothing, when the signal is already aborted', async () => {
      const sc = s('ok');
      const reason = new Error('gone');
      const error = await rejection(client(sc.baseUrl).me({ signal: AbortSignal.abort(reason) }));
      expect(error).to.equal(reason);
      expect(await sc.log()).to.have.length(0);
    });

    it('names the failing path of a malformed body', async () => {
      const sc = s('malformed');
      const error = await rejection(client(sc.baseUrl).deals.list());
      expect(isResponseValidationError(error)).to.equal(true);
      const e = error as ResponseValidationError;
      expect(e.paths).to.include('items[0].amount.currency');
      expect(e.method).to.equal('GET');
      expect(e.url).to.equal(`${sc.baseUrl}/v1/deals`);
      expect(e.message).to.contain('items[0].amount.currency');
    });

    it('reports a body that is not JSON as a validation error', async () => {
      const sc = s('not-json');
      const error = await rejection(client(sc.baseUrl).me());
      expect(isResponseValidationError(error) && error.issues[0]!.path).to.equal('');
    });
  });

  const foreign = harness.foreignPartnerApiError;
  if (foreign) {
    describe('core client: errors across realms', () => {
      it('isPartnerApiError recognises an error made in another realm', async () => {
        const error = await foreign();
        expect(error instanceof PartnerApiError).to.equal(false);
        expect(isPartnerApiError(error)).to.equal(true);
        expect(isNetworkError(error)).to.equal(false);
        expect((error as PartnerApiError).code).to.equal('forbidden');
      });
    });
  }

  describe('core client: hooks and extend', () => {
    it('extend() keeps the earlier hooks and adds the new ones', async () => {
      const sc = s('ok');
      const order: string[] = [];
      const base = client(sc.baseUrl, {
        hooks: { beforeRequest: ({ operation }) => void order.push(`base ${operation.name}`) },
      });
      const extended = base.extend({
        hooks: {
          beforeRequest: ({ request }) => {
            request.headers.set('x-extra', '1');
            order.push('extended');
          },
          afterResponse: ({ response, attempt }) =>
            void order.push(`${response.status}#${attempt}`),
        },
      });
      await extended.me();
      await base.me();
      expect(order).to.deep.equal(['base me', 'extended', '200#1', 'base me']);
      expect(extended.options.retry).to.deep.equal(base.options.retry);
    });
  });
}
