// Draws build/trayTemplate.png (16×16) and trayTemplate@2x.png (32×32): the key glyph in black
// on transparent, as macOS wants a menu-bar template image (it tints it for light and dark bars).
// Run once when the glyph changes; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([length, body, sum]);
};

function draw(size) {
  const s = size / 16;
  const row = size * 4 + 1;
  const pixels = Buffer.alloc(size * row);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [u, v] = [(x + 0.5) / s, (y + 0.5) / s];
      const ring = Math.hypot(u - 5, v - 8);
      const key =
        (ring >= 2 && ring <= 3.6) ||
        (u >= 8.4 && u <= 15 && v >= 7.2 && v <= 8.8) ||
        (u >= 12 && u <= 13.6 && v >= 8.8 && v <= 11.5);
      pixels.set(key ? [0, 0, 0, 255] : [0, 0, 0, 0], y * row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = import.meta.dirname;
writeFileSync(join(dir, 'trayTemplate.png'), draw(16));
writeFileSync(join(dir, 'trayTemplate@2x.png'), draw(32));
