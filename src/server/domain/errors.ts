/**
 * @module What a domain rule can refuse, without knowing HTTP: a small set of typed errors. The
 * route pipeline (`http/registry.ts`) maps each to its problem details, so a rule never chooses a
 * status code and a new rule cannot invent a new kind of failure silently.
 */
import type { FieldError } from '../../core/schema/index.js';

/** The conflicts a rule may report: the contract's 409 codes. */
export type ConflictCode =
  'duplicate_registration' | 'invalid_transition' | 'insufficient_funds' | 'claim_window_closed';

export type DomainError =
  NotFoundError | InvalidInputError | ConflictError | TooLargeError | UnsupportedTypeError;

abstract class DomainErrorBase extends Error {
  abstract readonly kind:
    'not_found' | 'invalid_input' | 'conflict' | 'too_large' | 'unsupported_type';
}

/** The thing does not exist, or the caller may not know that it does. */
export class NotFoundError extends DomainErrorBase {
  readonly kind = 'not_found';
  constructor(detail = 'No such resource.') {
    super(detail);
    this.name = 'NotFoundError';
  }
}

/** Input the schema let through but a rule refuses, with every failing field. */
export class InvalidInputError extends DomainErrorBase {
  readonly kind = 'invalid_input';
  constructor(
    readonly errors: FieldError[],
    detail = 'The request has invalid fields.',
  ) {
    super(detail);
    this.name = 'InvalidInputError';
  }

  /** One failing field, e.g. a reference to something that does not exist. */
  static field(path: string, message: string, code = 'invalid'): InvalidInputError {
    return new InvalidInputError([{ path, code, message }], message);
  }
}

/** The request is valid but the resource's state forbids it. `extra` adds extension members. */
export class ConflictError extends DomainErrorBase {
  readonly kind = 'conflict';
  constructor(
    readonly code: ConflictCode,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ConflictError';
  }
}

/** An uploaded file over its size limit (in bytes). */
export class TooLargeError extends DomainErrorBase {
  readonly kind = 'too_large';
  constructor(readonly limit: number) {
    super(`The body exceeds ${limit} bytes.`);
    this.name = 'TooLargeError';
  }
}

/** An uploaded file whose content is not of a type the rule accepts. */
export class UnsupportedTypeError extends DomainErrorBase {
  readonly kind = 'unsupported_type';
  constructor(detail: string) {
    super(detail);
    this.name = 'UnsupportedTypeError';
  }
}

export const isDomainError = (e: unknown): e is DomainError =>
  e instanceof NotFoundError ||
  e instanceof InvalidInputError ||
  e instanceof ConflictError ||
  e instanceof TooLargeError ||
  e instanceof UnsupportedTypeError;
