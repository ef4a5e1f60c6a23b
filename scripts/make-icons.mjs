// Writes the app's install icons (public/icon-192.png, public/icon-512.png): the favicon's
// three rising bars, white on the brand blue, drawn pixel by pixel (no image tools needed).
// The background fills the square and the bars sit inside the middle 80%, so one image serves
// as both an ordinary and a maskable icon. Run by hand when the design changes; the PNGs are
// committed. `node scripts/make-icons.mjs`
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const BLUE = [0x1d, 0x70, 0xb8];
const WHITE = [0xff, 0xff, 0xff];
// On a 32-unit grid, as in favicon.svg: [x, y, width, height].
const BARS = [[8, 17, 4, 6], [14, 13, 4, 10], [20, 9, 4, 14]];

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k += 1) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function icon(size) {
  const unit = size / 32;
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const [gx, gy] = [(x + 0.5) / unit, (y + 0.5) / unit];
      const bar = BARS.some(([bx, by, w, h]) => gx >= bx && gx < bx + w && gy >= by && gy < by + h);
      Buffer.from(bar ? WHITE : BLUE).copy(row, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(new URL(`../public/icon-${size}.png`, import.meta.url), icon(size));
