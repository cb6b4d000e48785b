// Draws build/icon.png (512x512): a calm teal tile with two soft discs side by side, a large one
// and a small one (a child and the person who accompanies it); electron-builder derives the .ico
// and .icns from it.
//   node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const size = 512;
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icon.png');

const teal = [47, 111, 106];
const cream = [246, 239, 227];
const warm = [232, 168, 124];

/** Coverage in [0, 1] from a signed distance (negative inside), for a one-pixel soft edge. */
const cover = (distance) => Math.min(1, Math.max(0, 0.5 - distance));

function roundedSquare(x, y, inset, radius) {
  const half = size / 2 - inset;
  const dx = Math.abs(x - size / 2) - (half - radius);
  const dy = Math.abs(y - size / 2) - (half - radius);
  const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
  return outside + Math.min(Math.max(dx, dy), 0) - radius;
}

const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  const row = y * (size * 4 + 1);
  raw[row] = 0; // PNG filter: none
  for (let x = 0; x < size; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    const tile = cover(roundedSquare(px, py, 24, 96));
    let color = teal;
    color = mix(color, cream, cover(circle(px, py, 214, 268, 120)));
    color = mix(color, warm, cover(circle(px, py, 350, 318, 72)));
    const at = row + 1 + x * 4;
    raw[at] = Math.round(color[0]);
    raw[at + 1] = Math.round(color[1]);
    raw[at + 2] = Math.round(color[2]);
    raw[at + 3] = Math.round(255 * tile);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, png);
console.info(`wrote ${path.relative(process.cwd(), out)} (${png.length} bytes)`);
