/** @module The content library's client methods (`client.content`). */
import {
  Asset,
  ContentInsights,
  ContentItem,
  ContentPage,
  type ContentInput,
  type ContentInsightsQuery,
  type ContentListQuery,
} from '../schema/index.js';
import { callsOf, path } from './calls.js';
import { openStream, type CallOptions, type EngineOptions } from './request.js';
import { newProblemError } from './response.js';

export interface ContentMethods {
  /** Search as one types: pass the task's `signal` so a stale search is aborted. */
  search(query?: Partial<ContentListQuery>, opts?: CallOptions): Promise<ContentPage>;
  get(id: string, opts?: CallOptions): Promise<ContentItem>;
  create(input: ContentInput, opts?: CallOptions): Promise<Asset>;
  update(id: string, input: ContentInput, opts?: CallOptions): Promise<Asset>;
  archive(id: string, opts?: CallOptions): Promise<Asset>;
  insights(query?: Partial<ContentInsightsQuery>, opts?: CallOptions): Promise<ContentInsights>;
  /** The download URL of a format (fetch it with the bearer token; it is counted). */
  fileUrl(id: string, format: string): string;
  /**
   * Downloads a format as a Blob, reporting `(received, total)` as bytes arrive (`total` is 0
   * when the server does not say). Sent as every call is (token, refresh after a 401, hooks, a
   * host's transport); an error answer is a `PartnerApiError`.
   */
  download(
    id: string,
    format: string,
    opts?: CallOptions & { onProgress?: (received: number, total: number) => void },
  ): Promise<Blob>;
}

export function contentMethods(engine: EngineOptions): ContentMethods {
  const { get, write } = callsOf(engine);
  return {
    search: (query, opts) => get('content.search', '/v1/content', ContentPage, opts, query),
    get: (id, opts) => get('content.get', path`/v1/content/${id}`, ContentItem, opts),
    create: (input, opts) => write('content.create', 'POST', '/v1/content', Asset, input, opts),
    update: (id, input, opts) =>
      write('content.update', 'PUT', path`/v1/content/${id}`, Asset, input, opts),
    archive: (id, opts) =>
      write('content.archive', 'POST', path`/v1/content/${id}/archive`, Asset, undefined, opts),
    insights: (query, opts) =>
      get('content.insights', '/v1/content/insights', ContentInsights, opts, query),
    fileUrl: (id, format) => `${engine.baseUrl}${path`/v1/content/${id}/files/${format}`}`,
    download: async (id, format, opts = {}) => {
      // Through the client's own path (token and its refresh, hooks, a host's transport), read
      // as the bytes arrive.
      const filePath = path`/v1/content/${id}/files/${format}`;
      const res = await openStream(engine, {
        name: 'content.download',
        path: filePath,
        headers: { accept: '*/*' },
        signal: opts.signal,
      });
      if (!res.ok) {
        throw await newProblemError(
          res,
          { method: 'GET', url: engine.baseUrl + filePath },
          engine.timeout,
        );
      }
      const total = Number(res.headers.get('content-length') ?? 0);
      const parts: Uint8Array[] = [];
      let received = 0;
      const reader = res.body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        parts.push(chunk.value);
        received += chunk.value.byteLength;
        opts.onProgress?.(received, total);
      }
      return new Blob(parts as BlobPart[], {
        type: res.headers.get('content-type') ?? 'application/octet-stream',
      });
    },
  };
}
