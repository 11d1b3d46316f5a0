/**
 * @module Small, real files for the demo library: a one-page PDF, a PNG, an SVG logo, a CSV price
 * list, a WebVTT transcript and a plain-text guide, each made from the asset's own words.
 */
import { deflateSync } from 'node:zlib';
import type { ContentFormat } from '../../core/schema/index.js';
import type { LibraryAsset } from './content-library.js';

const latin1 = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
const pdfText = (s: string) => latin1(s).replace(/([\\()])/g, '\\$1');

/** A valid one-page PDF 1.4 with the title and the description in Helvetica. */
export function pdfFile(title: string, lines: string[]): Buffer {
  const body = [
    'BT /F1 20 Tf 56 770 Td',
    `(${pdfText(title)}) Tj`,
    '/F1 11 Tf 0 -30 Td 14 TL',
    ...lines.map((l) => `(${pdfText(l)}) '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A 96×54 PNG: a diagonal two-colour banner seeded by the asset. */
export function pngFile(seed: number): Buffer {
  const w = 96;
  const h = 54;
  const hue = (seed * 47) % 360;
  const a = hsl(hue, 0.55, 0.45);
  const b = hsl((hue + 40) % 360, 0.6, 0.85);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const c = x + y * 1.6 < w * 0.9 ? a : b;
      raw.set(c, y * (w * 3 + 1) + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function hsl(h: number, s: number, l: number): number[] {
  const k = (n: number) => (n + h / 30) % 12;
  const f = (n: number) =>
    l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0), f(8), f(4)].map((v) => Math.round(v * 255));
}

const xml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** The demo files of one asset, by format. */
export function demoFile(a: LibraryAsset, format: ContentFormat, n: number): Buffer {
  switch (format) {
    case 'pdf':
      return pdfFile(a.title, wrap(a.description, 80).concat(['', `Tags: ${a.tags.join(', ')}`]));
    case 'png':
      return pngFile(n);
    case 'svg':
      return Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64" role="img" aria-label="${xml(a.productNames)}"><rect width="64" height="64" rx="12" fill="#1f6feb"/><path d="M18 44 32 16l14 28z" fill="#fff"/><text x="76" y="40" font-family="Helvetica, Arial, sans-serif" font-size="18" fill="#1b1f24">${xml(a.productNames.split(' ').slice(0, 3).join(' '))}</text></svg>\n`,
      );
    case 'csv': {
      const rows = ['sku,edition,list_price_usd,partner_discount'];
      ['Standard', 'Professional', 'Enterprise'].forEach((e, i) =>
        rows.push(
          `${a.products[0]!.toUpperCase()}-${e.slice(0, 3).toUpperCase()},${e},${(i + 1) * 1200 + (n % 7) * 100},${10 + i * 5}%`,
        ),
      );
      return Buffer.from(rows.join('\n') + '\n');
    }
    case 'vtt':
      return Buffer.from(
        `WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n${a.title}\n\n00:00:04.000 --> 00:00:12.000\n${a.description}\n`,
      );
    default:
      return Buffer.from(`${a.title}\n${'='.repeat(a.title.length)}\n\n${a.description}\n`);
  }
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/)) {
    if (line && line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}
