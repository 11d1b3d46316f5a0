// A scripted HTTP server for the core client's tests, in Node and in Chromium alike. Each request
// names its scenario and a per-test id in its path — `/scenario/<name>/<id>/v1/deals` — so tests
// never share state; `GET /__log/<name>/<id>` answers what that scenario saw. Plain node:http,
// CORS-enabled (the browser tests run on another origin), `Connection: close` on every answer so
// that no client can quietly resend a request on a reused socket.
import { createServer } from 'node:http';

const HOUR = 3_600_000;

export function fixtureDeal(overrides = {}) {
  return {
    id: 'deal_001',
    partnerId: 'prt_acme',
    status: 'under_review',
    stage: 'open',
    customer: { name: 'Globex GmbH', domain: 'globex.de', country: 'DE' },
    contact: { name: 'Hank Scorpio', email: 'hank@globex.de' },
    title: 'Analytics rollout',
    products: ['analytics'],
    amount: { amount: 125000, currency: 'USD' },
    expectedCloseDate: '2026-12-31',
    submittedBy: 'usr_1',
    submittedAt: '2026-11-21T09:30:00Z',
    reviewDueAt: '2026-11-23T09:30:00Z',
    conflicts: { verdict: 'clear', matches: [] },
    ...overrides,
  };
}

const ME = {
  user: { id: 'usr_1', name: 'Pat Partner', email: 'pat@acme.test', role: 'partner_user' },
  partner: {
    id: 'prt_acme',
    name: 'Acme',
    type: 'reseller',
    tier: { id: 'tier_gold', name: 'Gold', rank: 2 },
  },
};

const problem = (status, code, title, extra = {}) => ({
  type: `https://prm.test/problems/${code}`,
  title,
  status,
  code,
  ...extra,
});

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** The happy-path API every scenario falls through to. */
function api(req, url, body, state) {
  const path = url.pathname;
  const m = (re) => re.exec(path);
  if (path === '/v1/health') return [200, { status: 'ok' }];
  if (path === '/v1/me') return [200, ME];
  if (path === '/v1/program')
    return [
      200,
      {
        name: 'Test program',
        products: [{ id: 'analytics', name: 'Analytics' }],
        currencies: ['USD', 'EUR'],
        slaHours: 48,
        protectionDays: 90,
        claimWindowDays: 60,
      },
    ];
  if (path === '/v1/deals' && req.method === 'GET') {
    const deal = fixtureDeal();
    if (state.name === 'malformed') deal.amount = { amount: 125000, currency: 'usd' };
    return [200, { items: [deal], nextCursor: url.searchParams.get('limit') ? 'c2' : null }];
  }
  if (path === '/v1/deals' && req.method === 'POST') {
    state.created += 1;
    const input = JSON.parse(body || '{}');
    return [201, fixtureDeal({ id: `deal_${state.created}`, customer: input.customer })];
  }
  const dealPath = m(/^\/v1\/deals\/(deal_[\w-]+)$/);
  if (dealPath && (req.method === 'GET' || req.method === 'PATCH'))
    return [200, fixtureDeal({ id: dealPath[1] })];
  if (m(/^\/v1\/partners\/[\w-]+\/embed-keys\/[\w-]+$/) && req.method === 'DELETE')
    return [204, null];
  return [404, problem(404, 'not_found', 'Not found')];
}

function sse(req, res, state) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  const event = (id, type, deal) =>
    `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(fixtureDeal({ id: deal }))}\n\n`;
  if (state.streams === 1 && !req.headers['last-event-id']) {
    // A comment, the reconnection delay, an event split across writes with CRLF endings and
    // data on two lines; then the stream drops.
    res.write(': hello\n\nretry: 5\n\n');
    const deal = JSON.stringify(fixtureDeal({ id: 'deal_1' }));
    const half = deal.indexOf(',"title"') + 1; // a line break between members is still JSON
    res.write(`id: 1\r\nevent: deal.created\r\ndata: ${deal.slice(0, half)}`);
    setTimeout(() => {
      res.write(`\r\ndata: ${deal.slice(half)}\r`);
      setTimeout(() => {
        res.write(`\n\r\n${event('2', 'deal.updated', 'deal_2')}`);
        res.end();
      }, 20);
    }, 20);
    return;
  }
  const after = Number(req.headers['last-event-id'] ?? 0);
  res.write(event(String(after + 1), 'deal.updated', `deal_${after + 1}`));
  // Stays open until the client goes away.
  state.keepalive = setInterval(() => res.write(': keepalive\n\n'), 1000);
  res.on('close', () => clearInterval(state.keepalive));
}

function tokenEndpoint(res, state) {
  const n = state.tokens + 1;
  state.tokens = n;
  const at = (ms) => new Date(Date.now() + ms).toISOString();
  switch (state.name) {
    case 'token-revoked':
      return sendJson(res, 401, problem(401, 'unauthenticated', 'Signed out'));
    case 'token-forbidden':
      return sendJson(res, 403, problem(403, 'forbidden', 'Forbidden'));
    case 'token-down':
      res.writeHead(503, { 'content-type': 'text/plain' });
      return res.end('maintenance');
    case 'token-expired':
      return sendJson(res, 200, { token: `t${n}`, expiresAt: at(-1000) });
    case 'token-short':
      // Inside the client's default 60 s refresh skew: every call should fetch anew.
      return sendJson(res, 200, { token: `t${n}`, expiresAt: at(30_000) });
    default:
      // Answered a little late, so that concurrent callers really do overlap.
      setTimeout(() => sendJson(res, 200, { token: `t${n}`, expiresAt: at(HOUR) }), 30);
  }
}

async function handle(req, res, scenarios) {
  const url = new URL(req.url, 'http://x');
  res.setHeader('connection', 'close');
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('access-control-expose-headers', 'x-request-id, retry-after, idempotent-replayed');
  res.setHeader('vary', 'origin');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
      'access-control-max-age': '600',
    });
    return res.end();
  }
  const log = /^\/__log\/([\w-]+)\/([\w-]+)$/.exec(url.pathname);
  if (log) return sendJson(res, 200, scenarios.get(`${log[1]}/${log[2]}`)?.requests ?? []);
  const match = /^\/scenario\/([\w-]+)\/([\w-]+)(\/.*)$/.exec(url.pathname);
  if (!match) return sendJson(res, 404, problem(404, 'not_found', 'No such scenario'));
  const [, name, id, rest] = match;
  const key = `${name}/${id}`;
  if (!scenarios.has(key))
    scenarios.set(key, {
      name,
      requests: [],
      created: 0,
      tokens: 0,
      streams: 0,
      replays: new Map(),
    });
  const state = scenarios.get(key);
  let body = '';
  for await (const chunk of req) body += chunk;
  const h = req.headers;
  const attempt = state.requests.length + 1;
  state.requests.push({
    method: req.method,
    path: rest,
    search: url.search,
    at: Date.now(),
    authorization: h.authorization ?? null,
    idempotencyKey: h['idempotency-key'] ?? null,
    lastEventId: h['last-event-id'] ?? null,
    accept: h.accept ?? null,
    body,
  });
  const apiUrl = new URL(rest + url.search, 'http://x');
  const drop = () => req.socket.destroy();

  if (rest === '/token') return tokenEndpoint(res, state);
  if (name.startsWith('auth-') || name === 'sse-auth') {
    if (name === 'auth-always-401' || h.authorization !== 'Bearer fresh')
      return sendJson(res, 401, problem(401, 'unauthenticated', 'Token expired'), {
        'x-request-id': `req_${attempt}`,
      });
  }
  if (rest === '/v1/events' && name !== 'not-json') {
    state.streams += 1;
    return sse(req, res, state);
  }
  if (name === 'drop-once' && attempt === 1) return drop();
  if (name === 'drop-always') return drop();
  const failOnce = /^fail-once-(\d{3})$/.exec(name);
  if (failOnce && attempt === 1) {
    const status = Number(failOnce[1]);
    return sendJson(res, status, problem(status, 'internal', 'Try again'), {
      ...(status === 429 ? { 'retry-after': '1' } : {}),
    });
  }
  if (name === 'always-503') return sendJson(res, 503, problem(503, 'internal', 'Down'));
  if (name === 'slow') {
    const timer = setTimeout(() => sendJson(res, 200, ME), 20_000);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  if (name === 'stall-body') {
    // Headers and half a body, then nothing: only a body deadline ends this.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"user":');
    return;
  }
  if (name === 'validation')
    return sendJson(
      res,
      422,
      problem(422, 'validation_failed', 'Invalid deal', {
        detail: 'One field is invalid.',
        errors: [{ path: 'customer.domain', code: 'invalid', message: 'Expected a domain.' }],
      }),
      { 'x-request-id': 'req_test_422' },
    );
  if (name === 'html-error') {
    res.writeHead(500, { 'content-type': 'text/html', 'x-request-id': 'req_html' });
    return res.end('<html><body>Bad gateway</body></html>');
  }
  if (name === 'not-json') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<html>hello</html>');
  }

  // A content file: 64 KiB of known bytes, sent in two writes; any other asset is not found.
  const file = /^\/v1\/content\/([^/]+)\/files\/([^/]+)$/.exec(rest);
  if (file && req.method === 'GET') {
    if (file[1] !== 'ast_1') return sendJson(res, 404, problem(404, 'not_found', 'No such asset'));
    const bytes = Buffer.alloc(65536, 0).map((_, i) => i % 251);
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(bytes.length) });
    res.write(bytes.subarray(0, 32768));
    return setTimeout(() => res.end(bytes.subarray(32768)), 20);
  }

  // Idempotency as API.md describes it: the same key replays the first answer.
  const ikey = h['idempotency-key'];
  if (req.method === 'POST' && ikey && state.replays.has(ikey)) {
    const [status, replay] = state.replays.get(ikey);
    return sendJson(res, status, replay, { 'idempotent-replayed': 'true' });
  }
  const [status, answer] = api(req, apiUrl, body, state);
  if (req.method === 'POST' && ikey) state.replays.set(ikey, [status, answer]);
  // The server did the work but the answer is lost on the way back.
  if (name === 'drop-after-commit' && attempt === 1) return drop();
  if (status === 204) {
    res.writeHead(204);
    return res.end();
  }
  return sendJson(res, status, answer);
}

/** Starts the server on a free loopback port. */
export async function startTestServer({ host = '127.0.0.1', port = 0 } = {}) {
  const scenarios = new Map();
  const sockets = new Set();
  const server = createServer((req, res) => {
    handle(req, res, scenarios).catch((error) => {
      if (!res.headersSent) sendJson(res, 500, problem(500, 'internal', String(error)));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
