/**
 * @module The route registry: each route declares its method, path, action, schemas and
 * responses once. Mounting it on Hono gives every route the same pipeline (authenticate,
 * authorize, read and validate, idempotency for POST, handle); the OpenAPI document is generated
 * from the same declarations, so the two cannot drift apart.
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import type { Action } from '../authz.js';
import { authorize } from '../authz.js';
import type { Principal } from '../identity/principal.js';
import { authenticate } from './auth.js';
import { readBounded, readJson } from './body.js';
import type { AppEnv, Deps } from './context.js';
import { idempotent } from './idempotency.js';
import { NoInput, badBodyText, badQueryText, paramShapes } from './input.js';
import { problemOf, problems } from './problem.js';
import { check } from './validate.js';
import type { FieldError } from '../../core/schema/index.js';
import { isDomainError } from '../domain/errors.js';

type Schema = z.core.$ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseSpec {
  description: string;
  schema?: Schema;
  /** `application/json` unless given (`text/event-stream`, a file type, …). */
  contentType?: string;
}

export interface RouteContext<B, Q> {
  c: Context<AppEnv>;
  deps: Deps;
  /** The authenticated caller (routes with `action: 'public'` must not read it). */
  principal: Principal;
  params: Record<string, string>;
  body: B;
  query: Q;
  /** The bytes and media type of a `rawBody` route. */
  raw: { bytes: Uint8Array; contentType: string } | undefined;
  json(data: unknown, status?: number, headers?: Record<string, string>): Response;
}

export interface RouteSpec<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
> {
  method: Method;
  /** Hono syntax: `/v1/partners/:id`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The row of the authorization table this route consults, or `public` for no token. */
  action: Action | 'public';
  body?: B;
  query?: Q;
  /**
   * A raw body instead of JSON (file uploads): read up to `maxBytes` (413 beyond), its media type
   * one of `contentTypes` (415 otherwise), handed over as `ctx.raw`. Its hash is what an
   * Idempotency-Key compares.
   */
  rawBody?: {
    contentTypes: string[];
    maxBytes: number;
    description: string;
    /** The handler reads `c.req.raw.body` itself, as a stream (large files); `raw.bytes` is empty. */
    streamed?: boolean;
  };
  responses: Record<number, ResponseSpec>;
  handler(ctx: RouteContext<Out<B>, Out<Q>>): Promise<Response> | Response;
}

// Stored without their generics: the registry only hands each route back what it declared.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any>;

export function defineRoute<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
>(spec: RouteSpec<B, Q>): AnyRoute {
  return spec as AnyRoute;
}

const BODY_METHODS = new Set<Method>(['POST', 'PUT', 'PATCH']);

/** `?a=1&a=2` becomes `{ a: ['1', '2'] }`, which a string field then rejects. */
function queryObject(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(url).searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .split('/')
      .map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}/?$`,
  );

export class RouteRegistry {
  readonly routes: AnyRoute[] = [];
  /** Paths served outside the registry (the OpenAPI document, the docs page). */
  private readonly extra: Array<{ method: Method; path: string }> = [];

  add(...routes: AnyRoute[]): this {
    for (const r of routes) {
      if (this.routes.some((x) => x.method === r.method && x.path === r.path)) {
        throw new Error(`route ${r.method} ${r.path} is declared twice`);
      }
      this.routes.push(r);
    }
    return this;
  }

  addExtra(method: Method, path: string): this {
    this.extra.push({ method, path });
    return this;
  }

  /** The methods some route serves on this path: the `Allow` of a 405. */
  allowedMethods(path: string): string[] {
    const methods = new Set<string>();
    for (const r of [...this.routes, ...this.extra]) {
      if (patternOf(r.path).test(path)) methods.add(r.method);
    }
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  }

  mount(app: Hono<AppEnv>, deps: Deps): void {
    for (const route of this.routes) {
      app.on(route.method, route.path, (c) => handle(route, c, deps));
    }
  }
}

/**
 * Every problem status the pipeline (and the handler) can answer on this route: what
 * `/openapi.json` describes. A public route is only rate limited or failing.
 */
export function problemStatusesOf(route: AnyRoute): number[] {
  // A public route too refuses unknown or malformed query parameters.
  if (route.action === 'public') return [422, 429, 500];
  const statuses = [401, 403, 404, 422, 429, 500];
  // Any body is read on these methods, also by routes that take none (to refuse all but `{}`).
  if (BODY_METHODS.has(route.method)) statuses.push(400, 413, 415);
  for (const s of Object.keys(route.responses).map(Number)) if (s >= 400) statuses.push(s);
  return [...new Set(statuses)].sort((a, b) => a - b);
}

/** Routes that take no input still read a body on these methods, to refuse anything but `{}`. */
const takesNoInput = (route: AnyRoute) =>
  BODY_METHODS.has(route.method) && !route.body && !route.rawBody;

async function handle(route: AnyRoute, c: Context<AppEnv>, deps: Deps): Promise<Response> {
  const principal = route.action === 'public' ? undefined : await authenticate(c, deps);
  if (principal && route.action !== 'public') authorize(principal, route.action);

  const params = c.req.param() as Record<string, string>;
  for (const [name, shape] of Object.entries(paramShapes(route.path))) {
    if (!shape.test(params[name] ?? '')) throw problems.notFound('No such resource.');
  }

  const method = route.method;
  const body =
    BODY_METHODS.has(method) && (route.body || takesNoInput(route))
      ? await readJson(c.req.raw, deps.config.jsonLimit)
      : undefined;
  let raw: RouteContext<unknown, unknown>['raw'];
  if (route.rawBody) {
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!route.rawBody.contentTypes.includes(contentType)) {
      throw problems.unsupportedMediaType(route.rawBody.contentTypes.join(', '));
    }
    raw = {
      bytes: route.rawBody.streamed
        ? new Uint8Array(0)
        : await readBounded(c.req.raw, route.rawBody.maxBytes),
      contentType,
    };
  }

  const run = async (): Promise<Response> => {
    const rawQuery = queryObject(c.req.url);
    // Text no database should store is refused before any schema (or SQL) sees it.
    const badText = [...badQueryText(rawQuery), ...badBodyText(body)];
    if (badText.length > 0) throw problems.validation(badText);
    const errors: FieldError[] = [];
    let query: unknown = undefined;
    let parsedBody: unknown = undefined;
    if (route.query) {
      const r = check(route.query, rawQuery);
      if (r.ok) query = r.value;
      else errors.push(...r.errors);
    } else {
      // A route without query parameters still refuses unknown ones.
      for (const name of new Set(new URL(c.req.url).searchParams.keys())) {
        errors.push({ path: name, code: 'unknown_field', message: 'Unknown query parameter.' });
      }
    }
    if (route.body) {
      const r = check(route.body, body);
      if (r.ok) parsedBody = r.value;
      else errors.push(...r.errors);
    } else if (body !== undefined) {
      const r = check(NoInput, body);
      if (!r.ok) errors.push(...r.errors);
    }
    if (errors.length > 0) throw problems.validation(errors);
    return mapDomainErrors(() =>
      route.handler({
        c,
        deps,
        get principal(): Principal {
          if (!principal) throw new Error(`${route.method} ${route.path} is public: no principal`);
          return principal;
        },
        params,
        body: parsedBody,
        query,
        raw,
        json: (data, status = 200, headers = {}) =>
          new Response(JSON.stringify(data), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
          }),
      }),
    );
  };

  const key = c.req.header('idempotency-key');
  if (method === 'POST' && key !== undefined && principal) {
    const fingerprinted = raw
      ? {
          contentType: raw.contentType,
          sha256: createHash('sha256').update(raw.bytes).digest('hex'),
        }
      : body;
    return idempotent(
      deps.store,
      { key, principal, method, path: c.req.path, body: fingerprinted },
      run,
    );
  }
  return run();
}

/** A domain rule's refusal becomes its problem here, inside the idempotent run that stores it. */
async function mapDomainErrors(run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error)) throw problemOf(error);
    throw error;
  }
}
