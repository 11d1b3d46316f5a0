/**
 * @module What a failed registration means for the form: which notice to show, which fields the
 * server rejected, and whether the draft's idempotency key may be kept for a retry.
 */
import {
  isAbortError,
  isNetworkError,
  isPartnerApiError,
  isTimeoutError,
  isTokenError,
} from '../../core/errors.js';
import type { FieldError } from '../../core/schema/common.js';
import { serverProblems } from './form.js';
import type { FieldProblems } from './form.js';

export type Failure =
  | { kind: 'network' | 'server' | 'signIn' | 'keyReused' }
  | { kind: 'duplicate'; existingDealId: string | undefined }
  | { kind: 'fields'; unplaced: FieldError[] };

export interface SubmitFailure {
  /** The notice above the buttons; none when every problem sits on a field. */
  failure: Failure | undefined;
  /** The server's field errors, on their fields. */
  problems: FieldProblems;
  /**
   * A 4xx was answered, stored under the key, and created nothing: the corrected draft is a new
   * request and needs a new key (the old one would answer 422 `idempotency_key_reused`). After a
   * network failure, a timeout or a 5xx the outcome is unknown or the key was released, so the
   * same key retries safely.
   */
  renewKey: boolean;
}

/** The session behind the token is gone: a revoked or expired token, or a 401 after a refresh. */
export const needsSignIn = (e: unknown): boolean =>
  (isTokenError(e) && e.reason !== 'unavailable') || (isPartnerApiError(e) && e.status === 401);

/** What to do after `deals.register` threw; `undefined` for an abort (the element went away). */
export function classify(error: unknown): SubmitFailure | undefined {
  if (isAbortError(error)) return undefined;
  if (needsSignIn(error)) return { failure: { kind: 'signIn' }, problems: {}, renewKey: false };
  if (!isPartnerApiError(error)) {
    const kind = isNetworkError(error) || isTimeoutError(error) ? 'network' : 'server';
    return { failure: { kind }, problems: {}, renewKey: false };
  }
  const renewKey = error.status < 500;
  if (error.code === 'validation_failed' && error.fieldErrors.length) {
    const { problems, unplaced } = serverProblems(error.fieldErrors);
    const failure: Failure | undefined = unplaced.length ? { kind: 'fields', unplaced } : undefined;
    return { failure, problems, renewKey };
  }
  if (error.code === 'duplicate_registration') {
    const id = error.problem['existingDealId'];
    const existingDealId = typeof id === 'string' ? id : undefined;
    return { failure: { kind: 'duplicate', existingDealId }, problems: {}, renewKey };
  }
  const kind = error.code === 'idempotency_key_reused' ? 'keyReused' : 'server';
  return { failure: { kind }, problems: {}, renewKey };
}
