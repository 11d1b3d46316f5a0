/** @module Reading request bodies: JSON only, bounded while streaming, never buffered unbounded. */
import { MAX_JSON_DEPTH, nestedDeeperThan } from './input.js';
import { problems } from './problem.js';

export const JSON_LIMIT = 1024 * 1024;

const isJsonType = (contentType: string) => {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
};

/** Reads at most `limit` bytes of the body; one byte more answers 413 and stops reading. */
export async function readBounded(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > limit) throw problems.payloadTooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw problems.payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The JSON body of a request, or `undefined` when there is none. A body in another media type
 * answers 415, more than `limit` bytes 413, text that is not JSON (or nested deeper than
 * {@link MAX_JSON_DEPTH}) 400.
 */
export async function readJson(req: Request, limit = JSON_LIMIT): Promise<unknown> {
  const contentType = req.headers.get('content-type');
  const declared = req.headers.get('content-length');
  const mayHaveBody = req.body !== null && declared !== '0';
  if (!contentType) {
    if (!mayHaveBody) return undefined;
    const bytes = await readBounded(req, limit);
    if (bytes.byteLength === 0) return undefined;
    throw problems.unsupportedMediaType('application/json');
  }
  if (!isJsonType(contentType)) throw problems.unsupportedMediaType('application/json');
  const bytes = await readBounded(req, limit);
  if (bytes.byteLength === 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw problems.malformedJson('The body is not valid UTF-8.');
  }
  // Checked on the text, before anything walks the parsed value recursively (the fingerprint).
  if (nestedDeeperThan(text)) {
    throw problems.malformedJson(`The body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw problems.malformedJson(`The body is not valid JSON: ${(error as Error).message}`);
  }
}
