// Draws build/tray.ico: the app icon (a rounded blue square with a white key, as
// scripts/make-icon.mjs draws it at 512 px) at 16, 24, 32 and 48 px, each drawn at its own size
// (4×4 samples per pixel) rather than scaled down from 512, so Windows picks a crisp one for the
// notification area at 100–300 % scaling. Entries are 32-bit BMPs (alpha plus an AND mask), which
// every Windows icon loader reads. Run once when the icon changes; the .ico is committed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = [16, 24, 32, 48];
const BLUE = [31, 95, 209];

/** The icon's shape in make-icon.mjs's 512-px space: 0 outside, 1 blue, 2 white. */
function shapeAt(x, y) {
  const r = 96;
  const cx = Math.min(Math.max(x, r), 512 - r);
  const cy = Math.min(Math.max(y, r), 512 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const ring = Math.hypot(x - 190, y - 256);
  const key =
    (ring >= 60 && ring <= 100) ||
    (x >= 280 && x <= 420 && y >= 236 && y <= 276) ||
    (x >= 370 && x <= 400 && y >= 276 && y <= 330);
  return key ? 2 : 1;
}

/** RGBA rows, top to bottom, anti-aliased by 4×4 supersampling. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, covered] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const kind = shapeAt(
            ((px + (sx + 0.5) / n) * 512) / size,
            ((py + (sy + 0.5) / n) * 512) / size,
          );
          if (kind === 0) continue;
          const [cr, cg, cb] = kind === 2 ? [255, 255, 255] : BLUE;
          r += cr;
          g += cg;
          b += cb;
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0)
        pixels.set(
          [r / covered, g / covered, b / covered, (255 * covered) / (n * n)].map(Math.round),
          at,
        );
    }
  }
  return pixels;
}

/** One ICO image: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask (1 = clear). */
function bmpEntry(size) {
  const rgba = draw(size);
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour and mask, stacked
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const colour = Buffer.alloc(size * size * 4);
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4);
      colour.set([b, g, r, a], (row * size + x) * 4);
      if (a === 0) mask[row * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  header.writeUInt32LE(colour.length + mask.length, 20);
  return Buffer.concat([header, colour, mask]);
}

const images = SIZES.map(bmpEntry);
const dir = Buffer.alloc(6 + 16 * images.length);
dir.writeUInt16LE(0, 0);
dir.writeUInt16LE(1, 2); // 1 = icon
dir.writeUInt16LE(images.length, 4);
let offset = dir.length;
images.forEach((image, i) => {
  const at = 6 + 16 * i;
  dir.writeUInt8(SIZES[i], at);
  dir.writeUInt8(SIZES[i], at + 1);
  dir.writeUInt16LE(1, at + 4);
  dir.writeUInt16LE(32, at + 6);
  dir.writeUInt32LE(image.length, at + 8);
  dir.writeUInt32LE(offset, at + 12);
  offset += image.length;
});
writeFileSync(join(import.meta.dirname, 'tray.ico'), Buffer.concat([dir, ...images]));
