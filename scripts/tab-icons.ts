// Draws the tab-bar icons (81×81 PNG, WeChat's recommended size) from signed-distance shapes, so
// the icons are reproducible from source instead of opaque binaries. Run: npx tsx scripts/tab-icons.ts

import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { isEntry } from './entry';

const SIZE = 81;
const OUT = path.resolve(__dirname, '../client/src/assets/tab');
const COLORS = { normal: [0x5c, 0x66, 0x70], active: [0x0f, 0x7b, 0x6c] } as const;

type Sdf = (x: number, y: number) => number; // < 0 inside, in pixels

const box =
  (cx: number, cy: number, hw: number, hh: number, r = 0): Sdf =>
  (x, y) => {
    const dx = Math.abs(x - cx) - hw + r;
    const dy = Math.abs(y - cy) - hh + r;
    return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
  };
const circle =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;
const ring =
  (s: Sdf, w: number): Sdf =>
  (x, y) =>
    Math.abs(s(x, y)) - w / 2;
const union =
  (...s: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...s.map((f) => f(x, y)));
const minus =
  (a: Sdf, b: Sdf): Sdf =>
  (x, y) =>
    Math.max(a(x, y), -b(x, y));
const segment =
  (ax: number, ay: number, bx: number, by: number, w: number): Sdf =>
  (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
    return Math.hypot(px - vx * t, py - vy * t) - w / 2;
  };

const STROKE = 6;
const ICONS: Record<string, Sdf> = {
  home: union(
    segment(14, 40, 40.5, 16, STROKE),
    segment(40.5, 16, 67, 40, STROKE),
    ring(box(40.5, 50, 19, 16, 3), STROKE),
    box(40.5, 57, 5, 9),
  ),
  sign: union(
    ring(box(36, 40.5, 19, 25, 4), STROKE),
    segment(27, 30, 45, 30, 5),
    segment(27, 42, 40, 42, 5),
    segment(48, 62, 68, 38, 7),
  ),
  booking: union(
    ring(box(40.5, 45, 26, 22, 4), STROKE),
    box(40.5, 31, 26, 5),
    segment(28, 14, 28, 24, STROKE),
    segment(53, 14, 53, 24, STROKE),
    box(31, 52, 4, 4),
    box(44, 52, 4, 4),
  ),
  // Heart: two circles over a diamond (the classic construction), with a cross inside.
  health: union(
    ring(
      union(
        circle(29, 31, 13),
        circle(52, 31, 13),
        (x, y) => (Math.abs(x - 40.5) + Math.abs(y - 44) - 24) / Math.SQRT2,
      ),
      STROKE,
    ),
    segment(32, 40, 49, 40, 5),
    segment(40.5, 31.5, 40.5, 48.5, 5),
  ),
  me: union(
    ring(circle(40.5, 28, 12), STROKE),
    minus(ring(circle(40.5, 72, 26), STROKE), box(40.5, 78, 40, 8)),
  ),
};

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Renders one SDF as an anti-aliased RGBA PNG in the given colour. */
export function png(sdf: Sdf, [r, g, b]: readonly number[]): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const d = sdf(x + 0.5, y + 0.5);
      const alpha = Math.max(0, Math.min(1, 0.5 - d));
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r ?? 0;
      raw[o + 1] = g ?? 0;
      raw[o + 2] = b ?? 0;
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (isEntry(__filename)) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const [name, sdf] of Object.entries(ICONS)) {
    fs.writeFileSync(path.join(OUT, `${name}.png`), png(sdf, COLORS.normal));
    fs.writeFileSync(path.join(OUT, `${name}-active.png`), png(sdf, COLORS.active));
  }
  console.log(`wrote ${Object.keys(ICONS).length * 2} icons to ${path.relative(process.cwd(), OUT)}`);
}
