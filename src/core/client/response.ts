import type * as z from 'zod/mini';
import {
  NetworkError,
  PartnerApiError,
  ResponseValidationError,
  TimeoutError,
  isTimeoutError,
  type RequestInfo,
  type ValidationIssue,
} from '../errors.js';
import { ProblemDetails } from '../schema/index.js';

// Reading and judging what came back: bodies within the timeout, problem details, schema issues.

/** The default timeout, per attempt and per body, in milliseconds. */
export const DEFAULT_TIMEOUT = 10_000;

export type Parsed<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;
/** Rejects with the signal's reason as soon as it aborts, so no await outlives an abort. */
export function raceSignal<T>(value: Promise<T> | T, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return Promise.resolve(value);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(value)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** `['items', 0, 'amount', 'currency']` → `items[0].amount.currency`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

interface ZodIssueLike {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  errors?: ZodIssueLike[][];
}

/**
 * Readable issues from a zod error. A union that failed as a whole says only "Invalid input";
 * the branch that got furthest into the value (its deepest issue, then its fewest issues) says
 * what is actually wrong, so report that.
 */
export function toIssues(
  issues: readonly ZodIssueLike[],
  prefix: readonly PropertyKey[] = [],
): ValidationIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors?.length) {
      const depth = (branch: ZodIssueLike[]) => Math.max(0, ...branch.map((i) => i.path.length));
      const closest = [...issue.errors].sort(
        (a, b) => depth(b) - depth(a) || a.length - b.length,
      )[0]!;
      if (closest.length > 0) return toIssues(closest, path);
    }
    return [{ path: formatPath(path), message: issue.message }];
  });
}

/**
 * The body, within `timeout`: ky's timeout ends when the headers arrive, and a server that then
 * stalls mid-body must not hang the call.
 */
export async function readText(
  response: Response,
  info: RequestInfo,
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError({ ...info, timeout })), timeout);
  });
  try {
    return await raceSignal(Promise.race([response.text(), deadline]), signal);
  } finally {
    clearTimeout(timer);
  }
}

/** A `PartnerApiError` from a non-2xx response, whatever its body. */
export async function newProblemError(
  response: Response,
  info: RequestInfo,
  timeout = DEFAULT_TIMEOUT,
): Promise<PartnerApiError> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const status = response.status;
  let text = '';
  try {
    text = await readText(response, info, timeout, undefined);
  } catch {
    // The body was cut off: the status alone still says what happened.
  }
  let problem: ProblemDetails | undefined;
  try {
    const parsed = ProblemDetails.safeParse(JSON.parse(text));
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not JSON: a proxy's or load balancer's HTML page. Synthesize below.
  }
  problem ??= {
    type: 'about:blank',
    title: response.statusText || `HTTP ${status}`,
    status,
    code: CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'http_error'),
    ...(text ? { detail: text.slice(0, 500) } : {}),
  };
  return new PartnerApiError(problem, { ...info, status, requestId });
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'malformed_json',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

export async function parseBody<S extends z.ZodMiniType | null>(
  response: Response,
  schema: S,
  info: RequestInfo,
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<Parsed<S>> {
  const status = response.status;
  let text: string;
  try {
    text = await readText(response, info, timeout, signal);
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (isTimeoutError(cause)) throw cause;
    throw new NetworkError(info, { cause });
  }
  if (schema === null) return undefined as Parsed<S>;
  const fail = (issues: ValidationIssue[]) =>
    new ResponseValidationError({ ...info, status, issues });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw fail([{ path: '', message: text ? 'The body is not JSON.' : 'The body is empty.' }]);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw fail(toIssues(result.error.issues));
  }
  return result.data as Parsed<S>;
}
