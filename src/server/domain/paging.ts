/**
 * @module Keyset paging and its cursors, for every list. A cursor names the list (and sort) it
 * belongs to, the last row's sort key and its id, so rows inserted meanwhile never shift a page.
 * Cursors are opaque to clients (base64url JSON) and checked strictly when they come back: a
 * cursor of another list, or one whose values are of the wrong type or out of range, is refused
 * as invalid input before any of it reaches SQL.
 */
import { InvalidInputError } from './errors.js';

export const DEFAULT_LIMIT = 50;

/** What a cursor carries: its list (`l`), the last row's sort key (`k`) and id. */
export interface CursorPosition {
  l: string;
  k: string;
  id: string;
}

/** The ids of every kind: a prefix and the characters {@link newId} and seeds use. */
const ID_SHAPE = /^[a-z]{2,8}_[A-Za-z0-9_-]{1,64}$/;
/** An instant as `Date#toISOString` writes it. */
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const encodeCursor = (p: CursorPosition): string =>
  Buffer.from(JSON.stringify(p)).toString('base64url');

export const invalidCursor = () =>
  InvalidInputError.field(
    'cursor',
    'Not a cursor this server issued for this list and sort.',
    'invalid_cursor',
  );

/**
 * The position in `cursor`, if it is one of `list` whose key passes `keyIsValid`; otherwise
 * throws invalid input at `cursor`.
 */
export function decodeCursor(
  cursor: string,
  list: string,
  keyIsValid: (k: string) => boolean,
): CursorPosition {
  if (/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) {
    try {
      const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
      if (p && typeof p === 'object' && !Array.isArray(p)) {
        const { l, k, id } = p as Record<string, unknown>;
        if (
          l === list &&
          typeof k === 'string' &&
          typeof id === 'string' &&
          ID_SHAPE.test(id) &&
          keyIsValid(k)
        ) {
          return { l, k, id };
        }
      }
    } catch {
      // falls through to the refusal
    }
  }
  throw invalidCursor();
}

/** True for an instant as {@link encodeCursor} writes keyset cursors: exact ISO with ms. */
export const isIsoInstant = (k: string): boolean =>
  ISO_MS.test(k) && !Number.isNaN(Date.parse(k)) && new Date(k).toISOString() === k;

/**
 * True for a `timestamptz` as PostgreSQL prints it (`2026-11-21 09:30:00.123+00`) or
 * `infinity`, with every field in range, so that casting it back cannot fail.
 */
export function isPgTimestamp(k: string): boolean {
  if (k === 'infinity' || k === '-infinity') return true;
  const m =
    /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-](\d{2})(?::(\d{2}))?$/.exec(k);
  if (!m) return false;
  const [y, mo, d, h, mi, s, , oh, om] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return (
    y! >= 1 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo! - 1 &&
    date.getUTCDate() === d &&
    h! < 24 &&
    mi! < 60 &&
    s! < 60 &&
    oh! <= 15 &&
    om! < 60
  );
}

/** True for a PostgreSQL `bigint` in its text form. */
export const isBigint = (k: string): boolean =>
  /^-?\d{1,19}$/.test(k) &&
  BigInt(k) <= 9_223_372_036_854_775_807n &&
  BigInt(k) >= -9_223_372_036_854_775_808n;

export interface KeysetOptions {
  /** The list's name, carried in its cursors: a cursor of another list is refused. */
  list: string;
  /** The timestamp column, e.g. `created_at` or `a.at`. */
  timeColumn: string;
  idColumn: string;
  direction: 'asc' | 'desc';
  cursor: string | undefined;
  /** The number of the next SQL parameter (`$n`). */
  nextParam: number;
}

/**
 * The WHERE fragment (or `true`), its parameters and the ORDER BY of a keyset page on
 * `(time, id)`. Column names come from code, never from the request.
 */
export function keyset(o: KeysetOptions): { where: string; params: unknown[]; orderBy: string } {
  const orderBy = `${o.timeColumn} ${o.direction}, ${o.idColumn} ${o.direction}`;
  if (!o.cursor) return { where: 'true', params: [], orderBy };
  const p = decodeCursor(o.cursor, o.list, isIsoInstant);
  const op = o.direction === 'asc' ? '>' : '<';
  return {
    where: `(${o.timeColumn}, ${o.idColumn}) ${op} ($${o.nextParam}::timestamptz, $${o.nextParam + 1})`,
    params: [p.k, p.id],
    orderBy,
  };
}

/** Cuts the one extra row fetched (limit + 1) into `nextCursor`. */
export function page<R, T>(
  rows: R[],
  limit: number,
  list: string,
  position: (row: R) => { at: Date; id: string },
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  const nextCursor =
    more && last
      ? encodeCursor({ l: list, k: position(last).at.toISOString(), id: position(last).id })
      : null;
  return { items: kept.map(map), nextCursor };
}
