/** Shared pieces of the content tests: assets with invented words, search helpers. */
import type { TestServer } from '../support/server.js';
import { word } from './deals-support.js';

export { word };

/** A lowercase invented word no demo asset holds, nor any word of a natural language ("qz…"). */
export const fresh = (length = 9) => `qz${word(length - 2).toLowerCase()}`;

export function assetBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Untitled ${fresh(7)}`,
    description: `Collateral about ${fresh(8)}.`,
    type: 'datasheet',
    products: ['lf-core'],
    language: 'en',
    ...over,
  };
}

export async function createAsset(
  s: TestServer,
  token: string,
  over: Record<string, unknown> = {},
): Promise<{ id: string; [k: string]: unknown }> {
  const r = await s.request('POST', '/v1/content', { token, body: assetBody(over) });
  if (r.status !== 201) throw new Error(`create asset: ${r.status} ${r.text}`);
  return r.body;
}

export async function search(
  s: TestServer,
  token: string,
  params: Record<string, string>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any; text: string }> {
  const r = await s.request('GET', `/v1/content?${new URLSearchParams(params)}`, { token });
  return { status: r.status, body: r.body, text: r.text };
}

export const ids = (page: { items: Array<{ id: string }> }) => page.items.map((i) => i.id);
