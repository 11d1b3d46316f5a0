/**
 * @module A minimal PNG encoder (8-bit RGBA, no interlace) for the app package's icons: drawn
 * from rectangles at build time, so the repository holds no binary that could drift from the
 * manifest's claims.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA image: `width × height × 4` bytes, row by row. */
export interface Rgba {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export function blank(width: number, height: number, rgba = [0, 0, 0, 0]): Rgba {
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < pixels.length; i += 4) pixels.set(rgba, i);
  return { width, height, pixels };
}

/** Fills the rectangle `[x, x + w) × [y, y + h)` with one colour. */
export function fill(img: Rgba, x: number, y: number, w: number, h: number, rgba: number[]): void {
  for (let row = Math.max(0, y); row < Math.min(img.height, y + h); row++) {
    for (let col = Math.max(0, x); col < Math.min(img.width, x + w); col++) {
      img.pixels.set(rgba, (row * img.width + col) * 4);
    }
  }
}

export function encodePng(img: Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(img.width, 0);
  header.writeUInt32BE(img.height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const stride = img.width * 4;
  const raw = Buffer.alloc((stride + 1) * img.height);
  for (let y = 0; y < img.height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(img.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Width, height and colour type of a PNG, read from its header (for the tests and a sanity check). */
export function pngInfo(png: Uint8Array): { width: number; height: number; colourType: number } {
  const buf = Buffer.from(png);
  if (
    buf.subarray(1, 4).toString('ascii') !== 'PNG' ||
    buf.subarray(12, 16).toString() !== 'IHDR'
  ) {
    throw new Error('not a PNG');
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colourType: buf[25]! };
}
