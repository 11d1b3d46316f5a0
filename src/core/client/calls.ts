/**
 * @module The two ways every client method calls the API (`get` with a query, `write` with a
 * body), and the helpers they share; the method tables per resource build on them.
 */
import type * as z from 'zod/mini';
import { send, type CallOptions, type EngineOptions } from './request.js';

/** A path with its ids encoded: ``path`/v1/deals/${id}` ``. */
export const path = (strings: TemplateStringsArray, ...ids: string[]) =>
  strings.reduce((out, s, i) => out + s + (i < ids.length ? encodeURIComponent(ids[i]!) : ''), '');

/** `get` and `write` bound to one client's engine. */
export function callsOf(engine: EngineOptions) {
  const get = <S extends z.ZodMiniType | null>(
    name: string,
    p: string,
    schema: S,
    opts?: CallOptions,
    query?: object,
  ) => send(engine, { name, method: 'GET', path: p, schema, query: compact(query) }, opts);
  const write = <S extends z.ZodMiniType | null>(
    name: string,
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    p: string,
    schema: S,
    json: unknown,
    opts?: CallOptions,
  ) => send(engine, { name, method, path: p, schema, json }, opts);
  return { get, write };
}

/** Drops undefined and empty values so that `?status=` is not sent for an unset filter. */
export function compact(query: object | undefined): Record<string, string> | undefined {
  if (!query) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  }
  return out;
}
