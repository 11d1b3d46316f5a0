/**
 * @module Keyset paging on `(created_at, id)`: a cursor names the last row seen, so rows inserted
 * meanwhile never shift a page. Cursors are opaque to clients (base64url JSON).
 */
import { problems } from './problem.js';

export const DEFAULT_LIMIT = 50;

interface Position {
  t: string;
  id: string;
}

export const encodeCursor = (at: Date, id: string): string =>
  Buffer.from(JSON.stringify({ t: at.toISOString(), id } satisfies Position)).toString('base64url');

export function decodeCursor(cursor: string): Position {
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Position;
    if (typeof p.t === 'string' && typeof p.id === 'string' && !Number.isNaN(Date.parse(p.t))) {
      return p;
    }
  } catch {
    // falls through to the 422 below
  }
  throw problems.invalidField('cursor', 'Not a cursor this server issued.', 'invalid_cursor');
}

export interface KeysetOptions {
  /** The timestamp column, e.g. `created_at` or `a.at`. */
  timeColumn: string;
  idColumn: string;
  direction: 'asc' | 'desc';
  cursor: string | undefined;
  /** The number of the next SQL parameter (`$n`). */
  nextParam: number;
}

/**
 * The WHERE fragment (or `true`), its parameters and the ORDER BY of a keyset page. Column names
 * come from code, never from the request.
 */
export function keyset(o: KeysetOptions): { where: string; params: unknown[]; orderBy: string } {
  const orderBy = `${o.timeColumn} ${o.direction}, ${o.idColumn} ${o.direction}`;
  if (!o.cursor) return { where: 'true', params: [], orderBy };
  const p = decodeCursor(o.cursor);
  const op = o.direction === 'asc' ? '>' : '<';
  return {
    where: `(${o.timeColumn}, ${o.idColumn}) ${op} ($${o.nextParam}::timestamptz, $${o.nextParam + 1})`,
    params: [p.t, p.id],
    orderBy,
  };
}

/** Cuts the one extra row fetched (limit + 1) into `nextCursor`. */
export function page<R, T>(
  rows: R[],
  limit: number,
  position: (row: R) => { at: Date; id: string },
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  const nextCursor = more && last ? encodeCursor(position(last).at, position(last).id) : null;
  return { items: kept.map(map), nextCursor };
}
