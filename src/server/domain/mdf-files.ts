/**
 * @module Proof files (`POST /v1/files`, `GET /v1/files/:id`). What a file is comes from its bytes,
 * never from the header that declares it: a PDF must start with `%PDF-` and end with `%%EOF`, a PNG
 * must carry its signature and end with `IEND`, a JPEG must open with SOI and close with EOI, an
 * XLSX must be a complete ZIP (end-of-central-directory record present) holding a workbook, and a
 * CSV must be UTF-8 text. A file that fails is refused before anything is written.
 */
import { createHash } from 'node:crypto';
import type { FileContentType, FileInfo } from '../../core/schema/index.js';
import { FILE_TYPES } from '../../core/schema/index.js';
import { ownPartnerOr404 } from '../authz.js';
import { newId } from '../ids.js';
import type { Principal } from '../identity/principal.js';
import type { Queryable, Tx } from '../store/index.js';
import { maybeOne } from '../store/index.js';
import { InvalidInputError, NotFoundError, UnsupportedTypeError } from './errors.js';

const XLSX: FileContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The media types an upload may declare; `application/octet-stream` leaves it to the content. */
export const UPLOAD_CONTENT_TYPES = [...Object.keys(FILE_TYPES), 'application/octet-stream'];

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.subarray(Math.max(0, from), Math.max(0, to))).toString('latin1');
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IEND = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
const ZIP_SIG = [0x50, 0x4b, 0x03, 0x04];

const truncated = (what: string) =>
  new InvalidInputError(
    [{ path: 'body', code: 'truncated', message: `The ${what} is incomplete.` }],
    `The ${what} is truncated or damaged.`,
  );

/** What the bytes say they are (binary signatures only), or undefined. */
function binaryKind(bytes: Uint8Array): FileContentType | undefined {
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, PNG_SIG)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ZIP_SIG)) return XLSX;
  return undefined;
}

function isText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Control characters other than tab and line breaks mean a binary file.
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

/** The end of the file is there: what a truncated upload lacks. */
function complete(kind: FileContentType, bytes: Uint8Array): boolean {
  const n = bytes.length;
  switch (kind) {
    case 'application/pdf':
      return ascii(bytes, n - 1024, n).includes('%%EOF');
    case 'image/png':
      return n >= 8 + 12 && PNG_IEND.every((b, i) => bytes[n - 8 + i] === b);
    case 'image/jpeg':
      return n >= 4 && bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9;
    case XLSX: {
      // The end-of-central-directory record sits in the last 22 + 65 535 bytes.
      const tail = ascii(bytes, n - 65_557, n);
      return tail.includes('PK\x05\x06');
    }
    default:
      return true;
  }
}

const LABEL: Record<FileContentType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'text/csv': 'CSV file',
  [XLSX]: 'Excel workbook',
};

/**
 * The type of an upload, decided by its content; throws the problem that explains a refusal.
 * `declared` is the request's media type: when it names one of the types, the content must be it.
 */
export function sniffFile(bytes: Uint8Array, declared: string): FileContentType {
  if (bytes.length === 0) {
    throw new InvalidInputError(
      [{ path: 'body', code: 'empty', message: 'The file is empty (0 bytes).' }],
      'The file is empty.',
    );
  }
  const named = declared in FILE_TYPES ? (declared as FileContentType) : undefined;
  let kind = binaryKind(bytes);
  if (!kind && named === 'text/csv' && isText(bytes)) kind = 'text/csv';
  if (!kind) {
    throw new UnsupportedTypeError(
      named
        ? `The content is not a ${LABEL[named]}: proofs must be PDF, PNG, JPEG, CSV or XLSX.`
        : 'The content is none of PDF, PNG, JPEG, CSV or XLSX.',
    );
  }
  if (named && named !== kind) {
    throw new UnsupportedTypeError(
      `The content is a ${LABEL[kind]}, not the ${LABEL[named]} the Content-Type declares.`,
    );
  }
  if (!complete(kind, bytes)) throw truncated(LABEL[kind]);
  if (kind === XLSX) {
    const all = ascii(bytes, 0, bytes.length);
    if (!all.includes('[Content_Types].xml') || !all.includes('xl/')) {
      throw new UnsupportedTypeError('The content is a ZIP archive but not an Excel workbook.');
    }
  }
  return kind;
}

/** A file name safe to store and to send back: no paths, no control characters. */
export function cleanName(name: string | undefined, kind: FileContentType): string {
  const ext = FILE_TYPES[kind];
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F"]/g, '')
    .trim();
  if (!base) return `proof.${ext}`;
  return base.slice(0, 255);
}

/** The file name of a `Content-Disposition` header, if it names one. */
export function dispositionName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      return undefined;
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim();
}

export async function storeFile(
  tx: Tx,
  bytes: Uint8Array,
  declared: string,
  name: string | undefined,
  principal: Principal & { partnerId: string },
): Promise<FileInfo> {
  const kind = sniffFile(bytes, declared);
  const id = newId('file');
  const info: FileInfo = {
    id,
    name: cleanName(name, kind),
    contentType: kind,
    sizeBytes: bytes.length,
  };
  await tx.query(
    `insert into files (id, partner_id, name, content_type, size_bytes, sha256, data, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      principal.partnerId,
      info.name,
      kind,
      bytes.length,
      createHash('sha256').update(bytes).digest('hex'),
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      principal.sub,
    ],
  );
  return info;
}

export interface StoredFile extends FileInfo {
  data: Uint8Array;
  sha256: string;
}

/** The file for this caller: the uploading partner's roles and vendor roles; otherwise 404. */
export async function readFile(
  db: Queryable,
  id: string,
  principal: Principal,
): Promise<StoredFile> {
  const row = await maybeOne<{
    id: string;
    partner_id: string;
    name: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    data: Uint8Array;
  }>(db, 'select * from files where id = $1', [id]);
  if (!row) throw new NotFoundError('No such file.');
  ownPartnerOr404(principal, row.partner_id);
  return {
    id: row.id,
    name: row.name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    data: row.data,
  };
}
