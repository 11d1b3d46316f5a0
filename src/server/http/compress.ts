/**
 * @module Compression and revalidation of JSON responses (API.md, Conventions): a JSON body of
 * 1 KiB or more is sent `br` or `gzip` when the client accepts it; a GET answered 200 carries a
 * weak `ETag`, and `If-None-Match` with it answers 304 without the body. Anything that is not
 * JSON — the event stream above all, which must flow unbuffered, and static files, which are
 * served elsewhere — passes through untouched.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

/** Smaller bodies go out as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/** The coding to use for this `Accept-Encoding`: `br` first, then `gzip`, else none. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

const etagOf = (body: Uint8Array) =>
  `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

function appendVary(headers: Headers, value: string): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', value);
  else if (
    !vary
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(value.toLowerCase())
  ) {
    headers.set('vary', `${vary}, ${value}`);
  }
}

/**
 * Hono copies the old response's headers over a new one set on `c.res`; ours were built from
 * them already (with `Vary` extended), so the old response is dropped first.
 */
function replace(c: Context, res: Response): void {
  c.res = undefined;
  c.res = res;
}

export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (!res.body || !JSON_TYPE.test(type) || res.headers.has('content-encoding')) return;
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304) return;

    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    appendVary(headers, 'Accept-Encoding');
    if (c.req.method === 'GET' && res.status === 200) {
      const etag = etagOf(body);
      headers.set('etag', etag);
      // Revalidate each time: what a caller may read changes with its token and with time.
      if (!headers.has('cache-control')) headers.set('cache-control', 'private, no-cache');
      if (matches(c.req.header('if-none-match'), etag)) {
        headers.delete('content-type');
        headers.delete('content-length');
        replace(c, new Response(null, { status: 304, headers }));
        return;
      }
    }
    const coding =
      body.byteLength >= COMPRESS_THRESHOLD
        ? chooseEncoding(c.req.header('accept-encoding'))
        : null;
    let out: Uint8Array = body;
    if (coding === 'br') {
      out = await brotli(body, {
        params: {
          // Quality 5 of 11: most of the saving at a small fraction of the time of the best.
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      });
    } else if (coding === 'gzip') {
      out = await gz(body, { level: 6 });
    }
    if (coding) headers.set('content-encoding', coding);
    headers.set('content-length', String(out.byteLength));
    replace(
      c,
      new Response(new Uint8Array(out), {
        status: res.status,
        statusText: res.statusText,
        headers,
      }),
    );
  };
}
