/**
 * npx tsx scripts/make-icons.ts — writes the app's icons (public/icons/*.png): the five level colors
 * as bands on the dark background, the shape of the map's legend. Plain PNGs encoded here with zlib,
 * so the build needs no image tool and the bytes are the same on every machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { LEVELS } from '../src/core/levels.ts';

const BACKGROUND = [0x0b, 0x12, 0x20];

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, 'latin1'), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An RGB PNG of `size` px: a rounded dark tile with five horizontal color bands (red on top). */
function icon(size: number, inset: number): Uint8Array {
  const rows: number[] = [];
  const hex = (c: string): number[] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const colors = LEVELS.map((l) => hex(l.color));
  const lo = Math.round(size * inset);
  const hi = size - lo;
  const band = (hi - lo) / 5;
  for (let y = 0; y < size; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < size; x++) {
      const inside = x >= lo && x < hi && y >= lo && y < hi;
      const k = Math.min(4, Math.floor((y - lo) / band));
      const gap = (y - lo) % band < band * 0.12 && k > 0;
      rows.push(...(inside && !gap ? colors[k] : BACKGROUND));
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);
  const parts = [signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Uint8Array.from(rows), { level: 9 })), chunk('IEND', new Uint8Array(0))];
  return Buffer.concat(parts);
}

mkdirSync('public/icons', { recursive: true });
// "maskable" icons keep their content inside the 80% safe zone, so a launcher's mask never cuts a band.
for (const [name, size, inset] of [['icon-192.png', 192, 0.16], ['icon-512.png', 512, 0.16], ['apple-touch-icon.png', 180, 0.12], ['favicon-32.png', 32, 0.06]] as const) {
  writeFileSync(`public/icons/${name}`, icon(size, inset));
  console.log(`public/icons/${name}`);
}
