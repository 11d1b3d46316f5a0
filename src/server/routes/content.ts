/** @module `/v1/content`: the library's search, assets, their files and the insights. */
import {
  Asset,
  CONTENT_FORMATS,
  ContentInput,
  ContentInsights,
  ContentInsightsQuery,
  ContentItem,
  ContentListQuery,
  ContentPage,
} from '../../core/schema/index.js';
import {
  MAX_FILE_BYTES,
  contentDisposition,
  countDownload,
  findFile,
  parseRange,
  putFile,
  streamFile,
} from '../domain/content-files.js';
import { searchContent } from '../domain/content-search.js';
import { findVisibleAsset, itemOf, viewerOf } from '../domain/content-views.js';
import {
  archiveAsset,
  contentInsights,
  createAsset,
  updateAsset,
} from '../domain/content-write.js';
import { problems } from '../http/problem.js';
import { defineRoute } from '../http/registry.js';

const TAG = 'Content';
const ACCESS =
  'A partner role sees only `active`, unexpired assets with `minTierRank` ≤ its tier’s rank, an empty `audiences` or one holding its type, and empty `regions` or one holding its region; anything else answers 404.';
const UPLOAD_TYPES = [...new Set(['application/octet-stream', ...Object.values(CONTENT_FORMATS)])];

export const contentRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/content',
    tag: TAG,
    summary: 'Search the content library',
    description: `Full-text search over title (weighted highest), tags and product names, and description, tolerant of typos (one from 5 letters, two from 9) and of the last word being half typed. \`sort=relevance\` (the default with \`q\`) or \`updated\`. Items of a search with \`q\` carry \`highlights\` as UTF-16 offset ranges; a search with no result carries \`suggestions\`. \`total\` and \`facets\` count only what the caller may see; each facet counts with the other filters applied but not its own, and lists its values most first, then by value. ${ACCESS} Vendor roles list active, unexpired assets too.`,
    action: 'content.read',
    query: ContentListQuery,
    responses: { 200: { description: 'A page of assets.', schema: ContentPage } },
    handler: async ({ deps, principal, query, json }) =>
      json(await searchContent(deps.store, query, principal)),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/content/insights',
    tag: TAG,
    summary: 'What partners search and download',
    description:
      'Searches that found nothing, the most frequent searches and the most downloaded assets since `since` (default: the last 30 days).',
    action: 'content.write',
    query: ContentInsightsQuery,
    responses: { 200: { description: 'The insights.', schema: ContentInsights } },
    handler: async ({ deps, query, json }) => json(await contentInsights(deps.store, query)),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/content',
    tag: TAG,
    summary: 'Add an asset',
    description:
      'Files are added per format with `PUT /v1/content/:id/files/:format`. `reviewDueAt` defaults to 180 days from now.',
    action: 'content.write',
    body: ContentInput,
    responses: { 201: { description: 'The asset.', schema: Asset } },
    handler: async ({ deps, principal, body, json }) => {
      const asset = await deps.store.withTransaction((tx) => createAsset(tx, body, principal));
      return json(asset, 201, { location: `/v1/content/${asset.id}` });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/content/:id',
    tag: TAG,
    summary: 'Get an asset',
    description: ACCESS,
    action: 'content.read',
    responses: { 200: { description: 'The asset.', schema: ContentItem } },
    handler: async ({ deps, principal, params, json }) => {
      const asset = await findVisibleAsset(
        deps.store,
        params.id!,
        await viewerOf(deps.store, principal),
      );
      if (!asset) throw problems.notFound('No such asset.');
      return json(itemOf(asset));
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/content/:id',
    tag: TAG,
    summary: 'Replace an asset',
    description: 'Every field as on creation; files stay. Omitted `reviewDueAt` keeps the date.',
    action: 'content.write',
    body: ContentInput,
    responses: { 200: { description: 'The asset.', schema: Asset } },
    handler: async ({ deps, principal, params, body, json }) =>
      json(await deps.store.withTransaction((tx) => updateAsset(tx, params.id!, body, principal))),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/content/:id/archive',
    tag: TAG,
    summary: 'Archive an asset',
    description:
      'Partners no longer see it; its files stay for vendor roles. Archiving twice is a no-op.',
    action: 'content.write',
    responses: { 200: { description: 'The archived asset.', schema: Asset } },
    handler: async ({ deps, principal, params, json }) =>
      json(await deps.store.withTransaction((tx) => archiveAsset(tx, params.id!, principal))),
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/content/:id/files/:format',
    tag: TAG,
    summary: 'Store a file of an asset',
    description: `The raw bytes (at most 50 MiB), streamed into the database. \`format\` is one of ${Object.keys(CONTENT_FORMATS).join(', ')}; the body is its media type or \`application/octet-stream\`. Replaces the format’s previous file.`,
    action: 'content.write',
    rawBody: {
      contentTypes: UPLOAD_TYPES,
      maxBytes: MAX_FILE_BYTES,
      description: 'The file.',
      streamed: true,
    },
    responses: {
      200: { description: 'The asset with its formats.', schema: Asset },
      413: { description: '`payload_too_large`: more than 50 MiB.' },
    },
    handler: async ({ c, deps, principal, params, json }) => {
      const declared = c.req.header('content-length');
      const asset = await putFile(
        deps.store,
        params.id!,
        params.format!,
        c.req.raw.body,
        declared === undefined ? undefined : Number(declared),
        principal,
      );
      return json(asset);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/content/:id/files/:format',
    tag: TAG,
    summary: 'Download a file of an asset',
    description: `Streams the file with \`ETag\`, \`Content-Disposition: attachment\` and \`Accept-Ranges: bytes\`; a single \`Range\` answers 206, \`If-None-Match\` 304. A download is counted when it starts at the first byte. ${ACCESS}`,
    action: 'content.read',
    responses: {
      200: { description: 'The file.', contentType: 'application/octet-stream' },
      206: { description: 'A range of the file.', contentType: 'application/octet-stream' },
      304: { description: 'Not modified.' },
      416: { description: 'The range lies outside the file.' },
    },
    handler: async ({ c, deps, principal, params }) => {
      const f = await findFile(
        deps.store,
        params.id!,
        params.format!,
        await viewerOf(deps.store, principal),
      );
      const headers: Record<string, string> = {
        etag: f.etag,
        'accept-ranges': 'bytes',
        'content-type': f.contentType,
        'content-disposition': contentDisposition(f.asset.title, f.format),
        'cache-control': 'private, no-cache',
      };
      const inm = c.req.header('if-none-match');
      if (inm && inm.split(',').some((t) => t.trim() === f.etag || t.trim() === '*')) {
        return new Response(null, { status: 304, headers });
      }
      let range: ReturnType<typeof parseRange>;
      const rangeHeader = c.req.header('range');
      const ifRange = c.req.header('if-range');
      if (rangeHeader && (!ifRange || ifRange === f.etag)) {
        range = parseRange(rangeHeader, f.size);
      }
      if (range === 'unsatisfiable') {
        return new Response(null, {
          status: 416,
          headers: { ...headers, 'content-range': `bytes */${f.size}` },
        });
      }
      const start = range?.start ?? 0;
      const end = range?.end ?? f.size - 1;
      const head = c.req.method === 'HEAD';
      if (start === 0 && !head) await countDownload(deps.store, f, principal);
      headers['content-length'] = String(Math.max(end - start + 1, 0));
      if (range) headers['content-range'] = `bytes ${start}-${end}/${f.size}`;
      const body = head || f.size === 0 ? null : streamFile(deps.store, f, start, end);
      return new Response(body, { status: range ? 206 : 200, headers });
    },
  }),
];
