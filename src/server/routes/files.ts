/** @module `/v1/files`: proof files, uploaded raw and typed by their content. */
import { FileInfo, FileUploadQuery, MAX_FILE_BYTES } from '../../core/schema/index.js';
import { dispositionName, readFile, storeFile, UPLOAD_CONTENT_TYPES } from '../domain/mdf-files.js';
import { problems } from '../http/problem.js';
import { defineRoute } from '../http/registry.js';
import { isPartnerPrincipal } from '../identity/principal.js';

const TAG = 'Files';

/** `attachment` with an ASCII fallback name and the exact one in RFC 5987 form. */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const fileRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/files',
    tag: TAG,
    summary: 'Upload a proof file',
    description:
      'The raw file as the body. Its type is decided by its content (PDF, PNG, JPEG, XLSX by their signatures and endings; CSV as UTF-8 text declared `text/csv`), not by the declared `Content-Type`, which must either agree or be `application/octet-stream`. At most 10 MiB. The name comes from `?name=` or a `Content-Disposition` header. An empty, truncated, mistyped or oversized file is refused and nothing is stored.',
    action: 'files.upload',
    query: FileUploadQuery,
    rawBody: {
      contentTypes: UPLOAD_CONTENT_TYPES,
      maxBytes: MAX_FILE_BYTES,
      description: 'The file: PDF, PNG, JPEG, CSV or XLSX, at most 10 MiB.',
    },
    responses: {
      201: { description: 'The stored file.', schema: FileInfo },
      413: { description: '`payload_too_large`: more than 10 MiB.' },
      415: {
        description:
          '`unsupported_media_type`: not one of the accepted types, or not the declared one.',
      },
      422: {
        description: '`validation_failed` at `body`: empty (`empty`) or incomplete (`truncated`).',
      },
    },
    handler: async ({ c, deps, principal, query, raw, json }) => {
      if (!isPartnerPrincipal(principal)) throw problems.forbidden('Only partners upload proofs.');
      const name = query.name ?? dispositionName(c.req.header('content-disposition'));
      const info = await deps.store.withTransaction((tx) =>
        storeFile(tx, raw!.bytes, raw!.contentType, name, principal),
      );
      return json(info, 201, { location: `/v1/files/${info.id}` });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/files/:id',
    tag: TAG,
    summary: 'Download a proof file',
    description:
      'With its stored `Content-Type` and `Content-Disposition: attachment`. The uploading partner’s roles and vendor roles only; anyone else gets 404.',
    action: 'mdf.read',
    responses: {
      200: { description: 'The file.', contentType: 'application/octet-stream' },
    },
    handler: async ({ deps, principal, params }) => {
      const f = await readFile(deps.store, params.id!, principal);
      return new Response(new Uint8Array(f.data), {
        status: 200,
        headers: {
          'content-type': f.contentType,
          'content-length': String(f.sizeBytes),
          'content-disposition': contentDisposition(f.name),
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
          etag: `"${f.sha256}"`,
        },
      });
    },
  }),
];
