import type { FieldError, ProblemDetails } from './schema/index.js';

/**
 * Every error of ours carries this brand. `instanceof` fails between realms (a Teams tab is an
 * iframe, a Salesforce page runs each namespace in its own sandbox), but `Symbol.for` keys are
 * shared by every realm of an agent, so the guards check the brand instead.
 */
export const ERROR_KIND: unique symbol = Symbol.for('prm.error.kind') as never;

type ErrorKind =
  'PartnerApiError' | 'NetworkError' | 'TimeoutError' | 'ResponseValidationError' | 'TokenError';

const brand = (error: Error, kind: ErrorKind): void => {
  // Non-enumerable so that logging or structured-cloning an error does not show it.
  Object.defineProperty(error, ERROR_KIND, { value: kind, enumerable: false });
};

// The fields a cloned error of each kind must still have for its name to be trusted: a
// DOMException is also named `TimeoutError`, for instance.
const SHAPE: Record<ErrorKind, string[]> = {
  PartnerApiError: ['status', 'problem'],
  NetworkError: ['method', 'url'],
  TimeoutError: ['method', 'url', 'timeout'],
  ResponseValidationError: ['method', 'url', 'issues'],
  TokenError: ['reason'],
};

const hasKind = (value: unknown, kind: ErrorKind): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { [ERROR_KIND]?: unknown })[ERROR_KIND] === kind) return true;
  // An error that crossed a structured clone (postMessage) keeps its name and own fields but
  // not the brand.
  return (value as Error).name === kind && SHAPE[kind].every((key) => key in value);
};

/** Where a failed call was going: enough to find it in logs without the response. */
export interface RequestInfo {
  method: string;
  url: string;
}

/**
 * What the errors of a request have in common: where it was going, and the brand their guards
 * check. Catch the specific kinds (`isPartnerApiError`, `isNetworkError`, …); this is their shape.
 */
export abstract class RequestError extends Error {
  readonly method: string;
  readonly url: string;

  constructor(kind: ErrorKind, message: string, info: RequestInfo, options?: { cause?: unknown }) {
    super(message, options);
    brand(this, kind);
    this.method = info.method;
    this.url = info.url;
  }
}

/** The server answered with a status that is not 2xx. */
export class PartnerApiError extends RequestError {
  override readonly name = 'PartnerApiError';
  readonly status: number;
  /** The RFC 9457 problem details; synthesized when the body was not one. */
  readonly problem: ProblemDetails;
  readonly code: ProblemDetails['code'];
  readonly fieldErrors: FieldError[];
  /** The server's `X-Request-Id`, for support requests. */
  readonly requestId: string | undefined;

  constructor(
    problem: ProblemDetails,
    info: RequestInfo & { status: number; requestId?: string | undefined },
  ) {
    super('PartnerApiError', problem.detail ?? problem.title ?? `HTTP ${info.status}`, info);
    this.status = info.status;
    this.problem = problem;
    this.code = problem.code;
    this.fieldErrors = problem.errors ?? [];
    this.requestId = info.requestId;
  }
}

/** The request never got an HTTP answer: DNS, refused or dropped connection, CORS, offline. */
export class NetworkError extends RequestError {
  override readonly name = 'NetworkError';

  constructor(info: RequestInfo, options?: { cause?: unknown }) {
    const message = `${info.method} ${info.url} failed: the server could not be reached`;
    super('NetworkError', message, info, options);
  }
}

/** One attempt took longer than the client's `timeout`. */
export class TimeoutError extends RequestError {
  override readonly name = 'TimeoutError';
  readonly timeout: number;

  constructor(info: RequestInfo & { timeout: number }) {
    super('TimeoutError', `${info.method} ${info.url} timed out after ${info.timeout} ms`, info);
    this.timeout = info.timeout;
  }
}

export interface ValidationIssue {
  /** A readable path into the body, e.g. `items[0].amount.currency`; empty for the root. */
  path: string;
  message: string;
}

/** The server answered 2xx with a body that does not match the contract's schema. */
export class ResponseValidationError extends RequestError {
  override readonly name = 'ResponseValidationError';
  readonly status: number;
  readonly issues: ValidationIssue[];

  constructor(info: RequestInfo & { status: number; issues: ValidationIssue[] }) {
    const where = info.issues
      .slice(0, 5)
      .map((i) => `${i.path || '(body)'}: ${i.message}`)
      .join('; ');
    const more = info.issues.length > 5 ? ` and ${info.issues.length - 5} more` : '';
    const message = `${info.method} ${info.url} returned an unexpected body (${where}${more})`;
    super('ResponseValidationError', message, info);
    this.status = info.status;
    this.issues = info.issues;
  }

  /** The failing paths, e.g. `['items[0].amount.currency']`. */
  get paths(): string[] {
    return this.issues.map((i) => i.path);
  }
}

/**
 * - `revoked`: the token source refused (401/403) — the user must sign in again;
 * - `expired`: it handed out a token that had already expired — the session behind it lapsed;
 * - `unavailable`: it could not be reached or answered something unusable — try again later.
 */
export type TokenErrorReason = 'revoked' | 'expired' | 'unavailable';

/** A token provider could not produce a token. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  readonly reason: TokenErrorReason;
  readonly status: number | undefined;

  constructor(
    reason: TokenErrorReason,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options);
    brand(this, 'TokenError');
    this.reason = reason;
    this.status = options?.status;
  }
}

export const isPartnerApiError = (e: unknown): e is PartnerApiError =>
  hasKind(e, 'PartnerApiError');
export const isNetworkError = (e: unknown): e is NetworkError => hasKind(e, 'NetworkError');
export const isTimeoutError = (e: unknown): e is TimeoutError => hasKind(e, 'TimeoutError');
export const isResponseValidationError = (e: unknown): e is ResponseValidationError =>
  hasKind(e, 'ResponseValidationError');
export const isTokenError = (e: unknown): e is TokenError => hasKind(e, 'TokenError');

/**
 * An aborted call rejects with its signal's reason, unwrapped, so that `AbortSignal`-aware code
 * (`@lit/task`, `fetch` callers) sees the abort it expects. This recognises the default reason.
 */
export const isAbortError = (e: unknown): e is DOMException =>
  typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
