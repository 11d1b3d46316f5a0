/** @module The Hono app: request ids and logs, CORS, problem details, and every route. */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv, Deps } from './http/context.js';
import { compressJson } from './http/compress.js';
import { isDomainError } from './domain/errors.js';
import { HttpProblem, problemOf, problems } from './http/problem.js';
import type { Counter } from './http/rate-limit.js';
import { counterFor, rateLimit } from './http/rate-limit.js';
import { RouteRegistry } from './http/registry.js';
import { auditRoutes } from './routes/audit.js';
import { contentRoutes } from './routes/content.js';
import { dealRoutes } from './routes/deals.js';
import { docsRoutes } from './routes/docs.js';
import { eventRoutes } from './routes/events.js';
import { fileRoutes } from './routes/files.js';
import { healthRoutes } from './routes/health.js';
import { mdfRoutes } from './routes/mdf.js';
import { meRoutes } from './routes/me.js';
import { opportunityRoutes } from './routes/opportunities.js';
import { partnerRoutes } from './routes/partners.js';
import { programRoutes } from './routes/program.js';
import { reviewRoutes } from './routes/review-routing.js';
import { tierRoutes } from './routes/tiers.js';

/** Every route of the API. A new resource adds one line here; OpenAPI follows by itself. */
export function createRegistry(): RouteRegistry {
  return new RouteRegistry().add(
    ...healthRoutes,
    ...meRoutes,
    ...programRoutes,
    ...partnerRoutes,
    ...opportunityRoutes,
    // Before the deals' own: `/v1/deals/stats` is not a deal id.
    ...reviewRoutes,
    ...dealRoutes,
    ...eventRoutes,
    ...auditRoutes,
    ...tierRoutes,
    ...contentRoutes,
    ...mdfRoutes,
    ...fileRoutes,
  );
}

const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

export function createApp(
  deps: Deps,
  registry = createRegistry(),
  counter: Counter = counterFor(deps.store),
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : `req_${crypto.randomUUID()}`;
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('x-request-id', requestId);
    // Answered without reading the body (a refusal before it): the rest of it is still on the
    // wire, so this connection cannot carry another request. Say so, rather than have the client
    // reuse it and meet a closed socket.
    const length = c.req.header('content-length');
    const sentBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding');
    if (sentBody && !c.req.raw.bodyUsed) c.res.headers.set('connection', 'close');
    const principal = c.get('principal');
    deps.log({
      level: 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId,
      ...(principal ? { sub: principal.sub, role: principal.role } : {}),
    });
  });

  const origins = deps.config.corsOrigins;
  app.use(
    '*',
    cors({
      origin: origins === '*' ? '*' : (origin) => (origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'Last-Event-ID',
        'X-Request-Id',
        // EventSource polyfills send it with the stream request.
        'Cache-Control',
        // A browser resuming or revalidating a content file (GET /v1/content/:id/files/:format).
        'Range',
        'If-Range',
        'If-None-Match',
      ],
      exposeHeaders: [
        'X-Request-Id',
        'Idempotent-Replayed',
        'Retry-After',
        'Location',
        'RateLimit',
        'RateLimit-Policy',
        // What a content file's answer says about it: its version, its name, the part sent.
        'ETag',
        'Content-Disposition',
        'Content-Range',
        'Accept-Ranges',
      ],
      maxAge: 600,
    }),
  );
  // After CORS, so that a browser can read a 429; CORS preflights are not counted.
  app.use('*', rateLimit(deps, deps.config.rateLimit, counter));

  // JSON of 1 KiB or more compressed, GETs revalidated by ETag (http/compress.ts).
  app.use('*', compressJson());

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return error.toResponse();
    if (isDomainError(error)) return problemOf(error).toResponse();
    deps.log({
      level: 'error',
      msg: 'unhandled error',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return problems.internal().toResponse();
  });

  app.notFound((c) => {
    const allow = registry.allowedMethods(c.req.path);
    if (allow.length > 0 && !allow.includes(c.req.method)) {
      return problems.methodNotAllowed(allow).toResponse();
    }
    return problems.notFound(`No route ${c.req.method} ${c.req.path}.`).toResponse();
  });

  registry.mount(app, deps);
  for (const r of docsRoutes(registry, deps)) {
    registry.addExtra('GET', r.path);
    app.get(r.path, r.handler);
  }
  return app;
}
