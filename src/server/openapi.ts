/**
 * @module OpenAPI 3.1 generated from the route registry and the shared zod schemas: the same
 * declarations that validate requests describe them, so the document cannot drift.
 */
import * as z from 'zod/mini';
import * as schemas from '../core/schema/index.js';
import { ERROR_CODES, ProblemDetails } from '../core/schema/index.js';
import { PERMISSIONS } from './authz.js';
import type { AnyRoute, RouteRegistry } from './http/registry.js';
import { problemStatusesOf } from './http/registry.js';
import {
  RATE_LIMIT_HEADERS,
  TAG_DESCRIPTIONS,
  addLimits,
  rateLimitHeaderRefs,
} from './openapi-limits.js';

type Json = Record<string, unknown>;
type Schema = z.core.$ZodType;

/** A schema exported from `src/core/schema` is a component named after its export. */
const EXPORT_NAMES = new Map<unknown, string>(
  Object.entries(schemas)
    .filter(([, v]) => typeof v === 'object' && v !== null && '_zod' in v)
    .map(([k, v]) => [v, k]),
);

function toJson(schema: Schema, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  delete out.$schema;
  return out;
}

const ERROR_STATUSES: Record<number, string> = {
  400: 'Malformed JSON (`malformed_json`).',
  401: 'No valid bearer token (`unauthenticated`).',
  403: 'The role may not do this (`forbidden`).',
  404: 'No such resource, or it belongs to another partner (`not_found`).',
  413: 'The body is over 1 MiB (`payload_too_large`).',
  415: 'The body is not JSON (`unsupported_media_type`).',
  422: 'Invalid or unknown fields, text holding NUL or an unpaired surrogate, or a cursor this server did not issue for this list (`validation_failed`); a reused Idempotency-Key (`idempotency_key_reused`).',
  429: 'Over the caller’s request budget (`rate_limited`); see `Retry-After` and `RateLimit`.',
  500: 'Something failed on the server (`internal`); quote the X-Request-Id.',
};

const operationId = (r: AnyRoute) =>
  r.method.toLowerCase() +
  r.path
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith(':') ? `By${s[1]!.toUpperCase()}${s.slice(2)}` : s))
    .map((s) => s.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()))
    .join('');

export function buildOpenApi(registry: RouteRegistry, info: { version: string }): Json {
  const components: Record<string, Json> = {
    ProblemDetails: toJson(ProblemDetails, 'output'),
  };
  const ref = (schema: Schema, io: 'input' | 'output'): Json => {
    const json = toJson(schema, io);
    const base = EXPORT_NAMES.get(schema);
    if (!base) return json;
    let name = base;
    if (components[name] && JSON.stringify(components[name]) !== JSON.stringify(json)) {
      name = `${base}${io === 'input' ? 'Input' : 'Output'}`;
    }
    components[name] = json;
    return { $ref: `#/components/schemas/${name}` };
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const r of registry.routes) {
    const path = r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: Json[] = [];
    for (const m of r.path.matchAll(/:([A-Za-z0-9_]+)/g)) {
      // Ids are a prefix and at most 64 characters; anything longer is simply not found (404).
      parameters.push({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string', maxLength: 128 },
      });
    }
    if (r.query) {
      const q = toJson(r.query, 'input') as {
        properties?: Record<string, Json>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({
          name,
          in: 'query',
          required: q.required?.includes(name) ?? false,
          schema,
          ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        });
      }
    }
    if (r.method === 'POST') {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Retry safely: the same key with the same body within 24 h replays the first response (with `Idempotent-Replayed: true`).',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      });
    }
    const responses: Json = {};
    const problemBody = {
      content: {
        'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
      },
    };
    for (const [status, spec] of Object.entries(r.responses)) {
      const isProblem = Number(status) >= 400;
      responses[status] = {
        description: spec.description,
        ...(isProblem && !spec.schema
          ? problemBody
          : spec.schema
            ? {
                content: {
                  [spec.contentType ?? 'application/json']: { schema: ref(spec.schema, 'output') },
                },
              }
            : spec.contentType
              ? { content: { [spec.contentType]: {} } }
              : {}),
      };
    }
    const errorStatuses = problemStatusesOf(r).filter((s) => s in ERROR_STATUSES);
    for (const s of errorStatuses) {
      responses[s] ??= { description: ERROR_STATUSES[s], ...problemBody };
    }
    for (const [status, response] of Object.entries(responses)) {
      // Every response carries the rate-limit headers; a 429 also says when to retry.
      if (/^[2-5]/.test(status)) {
        (response as Json).headers = rateLimitHeaderRefs(status === '429');
      }
    }
    const roles = r.action === 'public' ? [] : [...PERMISSIONS[r.action]];
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      operationId: operationId(r),
      tags: [r.tag],
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      'x-action': r.action,
      ...(r.action === 'public' ? { security: [] } : { 'x-roles': roles }),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: ref(r.body, 'input') } },
            },
          }
        : r.rawBody
          ? {
              requestBody: {
                required: true,
                description: r.rawBody.description,
                content: Object.fromEntries(
                  r.rawBody.contentTypes.map((t) => [
                    t,
                    { schema: { type: 'string', format: 'binary' } },
                  ]),
                ),
              },
            }
          : {}),
      responses,
    };
  }

  addLimits(paths);
  addLimits(components);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Partner API',
      version: info.version,
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'The Partner API of prm-widgets: deal registration, tiers, content and MDF for partner programs. Errors are RFC 9457 problem details with a stable `code`.',
    },
    servers: [
      {
        url: '/',
        description:
          'This server, wherever it runs: local (`prm serve`), staging or production. Partners’ sites and the vendor’s own apps call it.',
        'x-internal': false,
      },
    ],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(registry.routes.map((r) => r.tag))].map((name) => ({
      name,
      ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}),
    })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'HS256 tokens of the server secret, HS256 tokens of a partner embed key (`kid` = key id, at most 15 minutes), or RS256/ES256 tokens of a trusted issuer. Verified following RFC8725 (JWT best current practices): each issuer has an explicit algorithm allow-list (never `none`), and `iss`, `aud` and `exp` are checked.',
        },
      },
      headers: RATE_LIMIT_HEADERS,
      schemas: components,
    },
    'x-error-codes': ERROR_CODES,
  };
}
