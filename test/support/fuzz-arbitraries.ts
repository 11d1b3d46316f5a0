/**
 * Arbitraries of the fuzz suite, generated from the same zod schemas the server validates with
 * (through their JSON Schema): valid values first, then mutations of type, shape, size, encoding
 * and nesting. Whether a generated body or query *is* valid is decided by the zod schema itself,
 * never by the generator.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { DEMO_IDS } from '../../src/server/seed/demo.js';

type Json = Record<string, unknown>;

export const jsonSchemaOf = (schema: unknown): Json =>
  z.toJSONSchema(schema as z.core.$ZodType, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;

const future = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Realistic values for fields that must name something that exists, so that valid is common. */
function hint(name: string, refs: Refs): fc.Arbitrary<unknown> | undefined {
  switch (name) {
    case 'products':
      return fc.subarray([...DEMO_IDS.products], { minLength: 1, maxLength: 3 });
    case 'currency':
      return fc.constantFrom('USD', 'USD', 'EUR');
    case 'partnerId':
      return fc.constantFrom(...refs.partners);
    case 'expectedCloseDate':
      return fc.integer({ min: 1, max: 300 }).map(future);
    case 'domain':
    case 'customerDomain':
      return fc.domain();
    case 'email':
      return fc.emailAddress();
    case 'reasonCode':
      return fc.constantFrom('approved_manual', 'other', 'duplicate_own');
    case 'cursor':
      return refs.cursors.length > 0
        ? fc.constantFrom(...refs.cursors.map((c) => c.cursor))
        : undefined;
    default:
      return undefined;
  }
}

export interface Refs {
  partners: string[];
  /** Real cursors and the list (`path|sort`) each was issued for. */
  cursors: Array<{ list: string; cursor: string }>;
}

const printable = (min: number, max: number) =>
  fc.string({ minLength: min, maxLength: Math.min(max, 40), unit: 'grapheme' });

/** An arbitrary of (mostly) valid values of one JSON Schema node. */
export function valueOf(node: Json, refs: Refs, name = ''): fc.Arbitrary<unknown> {
  const h = name ? hint(name, refs) : undefined;
  if (h) return h;
  if (Array.isArray(node.enum)) return fc.constantFrom(...(node.enum as unknown[]));
  if ('const' in node) return fc.constant(node.const);
  const union = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  if (union) return fc.oneof(...union.map((n) => valueOf(n, refs, name)));
  switch (node.type) {
    case 'object': {
      const props = (node.properties ?? {}) as Record<string, Json>;
      const required = new Set((node.required ?? []) as string[]);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = valueOf(v, refs, k);
      return fc.record(model, {
        requiredKeys: Object.keys(props).filter((k) => required.has(k)),
      });
    }
    case 'array': {
      const items = (node.items ?? {}) as Json;
      return fc.array(valueOf(items, refs), {
        minLength: (node.minItems as number) ?? 0,
        maxLength: Math.min((node.maxItems as number) ?? 5, 5),
      });
    }
    case 'integer':
      return fc.integer({
        min: Math.max((node.minimum as number) ?? -1e6, -1e15),
        max: Math.min((node.maximum as number) ?? 1e9, 1e15),
      });
    case 'number':
      return fc.double({
        min: (node.minimum as number) ?? -1e6,
        max: (node.maximum as number) ?? 1e9,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'string': {
      if (node.format === 'email') return fc.emailAddress();
      if (node.format === 'date') return fc.integer({ min: 1, max: 300 }).map(future);
      if (node.format === 'date-time') {
        const range = { min: new Date('1970-01-01'), max: new Date('2200-01-01') };
        return fc.date({ ...range, noInvalidDate: true }).map((d) => d.toISOString());
      }
      const min = (node.minLength as number) ?? 0;
      const max = (node.maxLength as number) ?? 200;
      if (typeof node.pattern === 'string') {
        try {
          return fc
            .stringMatching(new RegExp(node.pattern as string))
            .filter((s) => s.length >= min && s.length <= max);
        } catch {
          // a pattern fast-check cannot generate from: plain text below
        }
      }
      return printable(Math.max(min, 1), max);
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Text that no database should store, and text at the edges of encodings. */
export const nastyText = fc.constantFrom(
  'a\u0000b',
  '\u0000',
  'x\ud800',
  '\udc00y',
  '\ud83d',
  '\ufeff',
  '\u202e',
  "'; drop table deals; --",
  '%00',
  '../../etc/passwd',
  '\u00e9\u0301',
  '😀'.repeat(50),
  ' ',
  '',
  'a'.repeat(5000),
);

/** Any JSON value, with odd numbers and nasty strings among them. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyText,
  fc.constantFrom(
    -1,
    0,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    9_223_372_036_854_775_808,
    null,
    true,
    [],
    {},
  ),
);

/** Paths into a value: where a mutation strikes. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

function setAt(
  value: unknown,
  path: (string | number)[],
  next: (old: unknown) => unknown,
): unknown {
  if (path.length === 0) return next(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setAt(copy[head as number], rest, next);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  copy[head as string] = setAt(copy[head as string], rest, next);
  if (copy[head as string] === undefined) delete copy[head as string];
  return copy;
}

type Mutation = (old: unknown, extra: unknown) => unknown;
const MUTATIONS: Record<string, Mutation> = {
  /** Type: any other JSON value in its place. */
  replace: (_old, extra) => extra,
  /** Shape: the field gone. */
  drop: () => undefined,
  /** Shape: an unknown field beside the others. */
  addField: (old, extra) =>
    old && typeof old === 'object' && !Array.isArray(old) ? { ...old, zzUnknown: extra } : extra,
  /** Size: far too long. */
  grow: (old) =>
    typeof old === 'string'
      ? old.repeat(2000).slice(0, 20_000) || 'x'.repeat(20_000)
      : Array(300).fill(old),
  /** Encoding: NUL or an unpaired surrogate inside the text. */
  taint: (old, extra) =>
    typeof old === 'string'
      ? `${old}${String(extra).includes('\u0000') ? '\u0000' : '\ud800'}`
      : old,
  /** Nesting: the value wrapped deep. */
  nest: (old) => {
    let v = old;
    for (let i = 0; i < 70; i++) v = [v];
    return v;
  },
  /** Type: a number as a string, a string as a number. */
  retype: (old) =>
    typeof old === 'number' ? String(old) : typeof old === 'string' ? Number(old) || 0 : [old],
};

/** A valid value, then zero or more mutations at random places. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return valid.chain((v) => {
    const where = paths(v);
    return fc
      .array(
        fc.tuple(fc.constantFrom(...where), fc.constantFrom(...Object.keys(MUTATIONS)), anyJson),
        { minLength: 1, maxLength: 3 },
      )
      .map((ms) => {
        let out = v;
        for (const [path, kind, extra] of ms) {
          try {
            out = setAt(out, path, (old) => MUTATIONS[kind]!(old, extra));
          } catch {
            // the path vanished under an earlier mutation
          }
        }
        return out;
      });
  });
}

/** What a body's bytes may look like besides well-formed JSON of the value. */
export const bodyEncodings = fc.constantFrom(
  'json',
  'json',
  'json',
  'json',
  'truncated',
  'bom',
  'latin1',
  'invalidUtf8',
  'deep',
  'huge',
  'notJson',
  'empty',
);

export function encodeBody(value: unknown, how: string): string | Uint8Array {
  const text = JSON.stringify(value) ?? 'null';
  switch (how) {
    case 'truncated':
      return text.slice(0, Math.max(1, text.length - 2));
    case 'bom':
      return `\ufeff${text}`;
    case 'latin1':
      return Buffer.from(text.replace(/"$/, 'é"'), 'latin1');
    case 'invalidUtf8':
      return Buffer.concat([
        Buffer.from(text.slice(0, -1)),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(text.slice(-1)),
      ]);
    case 'deep':
      return `${'['.repeat(5000)}${text}${']'.repeat(5000)}`;
    case 'huge':
      return JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10), value });
    case 'notJson':
      return 'name=Acme&type=si';
    case 'empty':
      return '';
    default:
      return text;
  }
}

export const contentTypes = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  '',
);
