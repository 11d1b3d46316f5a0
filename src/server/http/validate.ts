/** @module Request validation with the shared schemas: every failing field, with a dotted path. */
import type * as z from 'zod/mini';
import { issueCode, type FieldError } from '../../core/schema/index.js';
import { problems } from './problem.js';

type Issue = z.core.$ZodIssue;

const joinPath = (prefix: string, path: readonly PropertyKey[]) =>
  [...(prefix ? [prefix] : []), ...path.map(String)].join('.');

function messageOf(issue: Issue): string {
  // zod/mini ships without a locale, so its default message is "Invalid input"; say more.
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Required.' : `Expected ${issue.expected}.`;
    case 'too_small':
      return `Must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}.`;
    case 'too_big':
      return `Must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}.`;
    case 'invalid_value':
      return `Expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_format':
      return `Expected ${issue.format}.`;
    case 'not_multiple_of':
      return `Must be a multiple of ${String(issue.divisor)}.`;
    default:
      return 'Invalid value.';
  }
}

/** Flattens zod issues into field errors; an unknown key is one error at its own path. */
export function fieldErrors(issues: readonly Issue[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: joinPath(prefix, [...issue.path, key]),
          code: 'unknown_field',
          message: 'Unknown field.',
        });
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch that got furthest rather than "no branch matched".
      const best = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...fieldErrors(best, joinPath(prefix, issue.path)));
    } else {
      out.push({
        path: joinPath(prefix, issue.path),
        code: issueCode(issue),
        message: messageOf(issue),
      });
    }
  }
  return out;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function check<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  prefix = '',
): ParseResult<z.output<S>> {
  const r = (schema as unknown as z.ZodMiniType).safeParse(input);
  return r.success
    ? { ok: true, value: r.data as z.output<S> }
    : { ok: false, errors: fieldErrors(r.error.issues, prefix) };
}

/** Parses or throws 422 with every failing field. */
export function parseOrThrow<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  prefix = '',
): z.output<S> {
  const r = check(schema, input, prefix);
  if (!r.ok) throw problems.validation(r.errors);
  return r.value;
}
