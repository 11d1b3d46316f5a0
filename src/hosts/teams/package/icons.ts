/**
 * @module The app's icons as Teams asks for them: a full-colour 192 × 192 icon, and a 32 × 32
 * outline icon drawn in white on a transparent background. Both show a rising pipeline: three
 * bars.
 */
import { blank, encodePng, fill } from './png.js';

const BRAND = [0x0b, 0x5c, 0xab, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];

/** Three rising bars, in a `size` square, bars `scale` pixels per unit. */
function bars(size: number, colour: number[], background: number[]) {
  const img = blank(size, size, background);
  const unit = size / 8; // a grid of 8: margins of 1.5, bars of 1 with gaps of 0.75
  const heights = [2, 3.5, 5];
  heights.forEach((h, i) => {
    const x = Math.round(unit * (1.5 + i * 1.75));
    const top = Math.round(unit * (6.5 - h));
    fill(img, x, top, Math.round(unit), Math.round(unit * 6.5) - top, colour);
  });
  // The baseline.
  fill(
    img,
    Math.round(unit),
    Math.round(unit * 6.5),
    Math.round(unit * 6),
    Math.max(1, Math.round(unit / 3)),
    colour,
  );
  return img;
}

export const colourIcon = (): Buffer => encodePng(bars(192, WHITE, BRAND));
export const outlineIcon = (): Buffer => encodePng(bars(32, WHITE, [0, 0, 0, 0]));
