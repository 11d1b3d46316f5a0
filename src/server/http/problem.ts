/** @module Problem details (RFC 9457): the one shape of every error the server answers. */
import type { ErrorCode, FieldError, ProblemDetails } from '../../core/schema/index.js';
import type { DomainError } from '../domain/errors.js';

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Validation failed',
  malformed_json: 'Malformed JSON',
  unauthenticated: 'Unauthenticated',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  duplicate_registration: 'Duplicate registration',
  invalid_transition: 'Invalid transition',
  insufficient_funds: 'Insufficient funds',
  claim_window_closed: 'Claim window closed',
  idempotency_key_reused: 'Idempotency key reused',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  internal: 'Internal server error',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Where a code is explained: the error table of the server's own `/docs` page. */
export const problemType = (code: ErrorCode) => `/docs#error-${code}`;

/**
 * An error that answers as problem details. Throw it anywhere below a route; `extra` adds
 * extension members (`existingDealId`, …) and `headers` response headers (`Allow`, `Retry-After`).
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: ErrorCode,
    detail: string,
    options: {
      errors?: FieldError[];
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  /** Extension members never replace the standard ones: `status` is always the HTTP status. */
  toJSON(instance?: string): ProblemDetails {
    // Extensions first: they may not override the standard members (`status` stays numeric).
    return {
      ...this.extra,
      type: problemType(this.code),
      title: TITLES[this.code],
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      code: this.code,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }

  toResponse(headers: Record<string, string> = {}): Response {
    return new Response(JSON.stringify(this.toJSON()), {
      status: this.status,
      headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...this.headers, ...headers },
    });
  }
}

export const isHttpProblem = (e: unknown): e is HttpProblem => e instanceof HttpProblem;

export const problems = {
  validation: (errors: FieldError[], detail = 'The request has invalid fields.') =>
    new HttpProblem(422, 'validation_failed', detail, { errors }),
  /** One failing field, e.g. a reference to something that does not exist. */
  invalidField: (path: string, message: string, code = 'invalid') =>
    new HttpProblem(422, 'validation_failed', message, { errors: [{ path, code, message }] }),
  malformedJson: (detail: string) => new HttpProblem(400, 'malformed_json', detail),
  unauthenticated: (detail = 'A bearer token is required.') =>
    new HttpProblem(401, 'unauthenticated', detail, {
      headers: { 'www-authenticate': 'Bearer' },
    }),
  forbidden: (detail = 'Your role may not do this.') => new HttpProblem(403, 'forbidden', detail),
  notFound: (detail = 'No such resource.') => new HttpProblem(404, 'not_found', detail),
  methodNotAllowed: (allow: string[]) =>
    new HttpProblem(405, 'method_not_allowed', `Allowed methods: ${allow.join(', ')}.`, {
      headers: { allow: allow.join(', ') },
    }),
  conflict: (code: ErrorCode, detail: string, extra?: Record<string, unknown>) =>
    new HttpProblem(409, code, detail, extra ? { extra } : {}),
  idempotencyKeyReused: () =>
    new HttpProblem(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request.',
    ),
  /** The rest of the body is never read, so the connection cannot carry another request. */
  payloadTooLarge: (limit: number) =>
    new HttpProblem(413, 'payload_too_large', `The body exceeds ${limit} bytes.`, {
      headers: { connection: 'close' },
    }),
  unsupportedMediaType: (expected: string) =>
    new HttpProblem(415, 'unsupported_media_type', `Send the body as ${expected}.`),
  rateLimited: (retryAfterSeconds: number, detail = 'Too many requests; try again later.') =>
    new HttpProblem(429, 'rate_limited', detail, {
      headers: { 'retry-after': String(retryAfterSeconds) },
    }),
  internal: () =>
    new HttpProblem(500, 'internal', 'Something went wrong on our side. Quote the request id.'),
};

/** The problem a domain rule's refusal answers as: the one mapping from domain to HTTP. */
export function problemOf(error: DomainError): HttpProblem {
  switch (error.kind) {
    case 'not_found':
      return problems.notFound(error.message);
    case 'invalid_input':
      return problems.validation(error.errors, error.message);
    case 'conflict':
      return problems.conflict(error.code, error.message, error.extra);
    case 'too_large':
      return problems.payloadTooLarge(error.limit);
    case 'unsupported_type':
      return new HttpProblem(415, 'unsupported_media_type', error.message);
  }
}
