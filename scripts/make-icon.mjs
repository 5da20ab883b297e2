// Draws build/icon.png (512×512): a rounded blue square with a white key ring and bit.
// Run once when the icon changes; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 512;
const pixels = Buffer.alloc(size * (size * 4 + 1));
const inRoundedSquare = (x, y) => {
  const r = 96;
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
for (let y = 0; y < size; y++) {
  pixels[y * (size * 4 + 1)] = 0;
  for (let x = 0; x < size; x++) {
    const ring = Math.hypot(x - 190, y - 256);
    const key =
      (ring >= 60 && ring <= 100) ||
      (x >= 280 && x <= 420 && y >= 236 && y <= 276) ||
      (x >= 370 && x <= 400 && y >= 276 && y <= 330);
    const inside = inRoundedSquare(x, y);
    const [r, g, b, a] = !inside ? [0, 0, 0, 0] : key ? [255, 255, 255, 255] : [31, 95, 209, 255];
    pixels.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
  }
}
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
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels)),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../build/icon.png', import.meta.url), png);
