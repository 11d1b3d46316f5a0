/**
 * @module Built files served by the server (the demo's pages, the Teams tab pages), each under a
 * strict Content-Security-Policy: content types, caching, precompressed siblings, and the small
 * HTML page a missing file or build gets.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every page the server serves works under it (no inline script or style). */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export const SECURITY_HEADERS = {
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** Precompressed siblings a file may have, in order of preference. */
const ENCODINGS: ReadonlyArray<readonly [string, string]> = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/** Where `vite build` writes: the repository's `dist/`. */
export const defaultDist = () => fileURLToPath(new URL('../../../dist/', import.meta.url));

/**
 * The loader's chunks carry a content hash in their names: cached for a year, never revalidated.
 * The loader (and the all-in-one file) keep their names across versions: cached five minutes, so
 * a new version reaches pages soon. The pages themselves are always revalidated.
 */
function cacheControl(relative: string): string {
  if (/^prm\/[\w.-]+-[\w-]{8}\.js(?:\.map)?$/.test(relative)) {
    return 'public, max-age=31536000, immutable';
  }
  if (/^(?:prm-widgets(?:\.all)?\.js|prm\/manifest\.json)$/.test(relative))
    return 'public, max-age=300';
  return 'no-cache';
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A small HTML page: a title, a sentence, and a link onward. */
export function htmlPage(
  status: number,
  title: string,
  text: string,
  link: { href: string; text: string } | null = { href: '/demo/', text: 'The demo' },
): Response {
  const onward = link
    ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>`
    : '';
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${onward}</html>`;
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': TYPES['.html']!, 'cache-control': 'no-store' },
  });
}

export interface StaticFileOptions {
  acceptEncoding?: string | undefined;
  /** Headers over the defaults (a page's own CSP). */
  headers?: Record<string, string>;
  /** Rewrites a text file before it is sent (never a precompressed one). */
  transform?: (text: string) => string;
}

/**
 * The file `relative` below `dir`, or undefined when there is none (or the path leaves `dir`).
 * `relative` also decides the caching (see {@link cacheControl}).
 */
export async function staticFile(
  dir: string,
  relative: string,
  options: StaticFileOptions = {},
): Promise<Response | undefined> {
  const root = resolve(dir);
  const path = resolve(root, relative);
  if (!path.startsWith(root + sep)) return undefined;
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return undefined;
  }
  const acceptEncoding = options.acceptEncoding ?? '';
  // The build writes .br and .gz beside the widget scripts; served when the browser takes them.
  const encoding = options.transform
    ? undefined
    : ENCODINGS.find(([name, ext]) => acceptEncoding.includes(name) && existsSync(path + ext));
  if (encoding) body = await readFile(path + encoding[1]);
  const payload = options.transform
    ? new TextEncoder().encode(options.transform(body.toString('utf8')))
    : new Uint8Array(body);
  return new Response(payload, {
    headers: {
      ...SECURITY_HEADERS,
      ...options.headers,
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': cacheControl(relative),
      ...(encoding ? { 'content-encoding': encoding[0] } : {}),
      ...(!options.transform && ENCODINGS.some(([, ext]) => existsSync(path + ext))
        ? { vary: 'accept-encoding' }
        : {}),
    },
  });
}
