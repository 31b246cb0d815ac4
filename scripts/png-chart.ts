/**
 * A predicted-vs-measured scatter written straight to PNG (no image tool needed): log-log axes from 1
 * to 1000, grid, tick numbers in a 5x7 digit font, the exact line, +/-15% lines and three point series.
 * Used by scripts/accuracy.ts for docs/accuracy.png.
 */
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
export interface Series {
  readonly points: readonly (readonly [number, number])[];
  readonly color: Rgb;
  readonly shape: 'ring' | 'dot' | 'triangle';
}

const DIGITS: Record<string, readonly string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
};

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(new Uint8Array(out.subarray(4, 8 + data.length))), 8 + data.length);
  return out;
}

export function scatterPng(series: readonly Series[], size = 720): Buffer {
  const pad = 70;
  const pixels = new Uint8Array(size * size * 3).fill(255);
  const set = (x: number, y: number, [r, g, b]: Rgb): void => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= size || yi >= size) return;
    const i = (yi * size + xi) * 3;
    pixels[i] = r;
    pixels[i + 1] = g;
    pixels[i + 2] = b;
  };
  const pos = (v: number): number => pad + (Math.log10(Math.min(Math.max(v, 1), 1000)) / 3) * (size - 2 * pad);
  const px = (v: number): number => pos(v);
  const py = (v: number): number => size - pos(v);
  const line = (x0: number, y0: number, x1: number, y1: number, color: Rgb, dash = 0): void => {
    const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0));
    for (let s = 0; s <= steps; s++) {
      if (dash > 0 && Math.floor(s / dash) % 2 === 1) continue;
      set(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, color);
    }
  };
  const text = (label: string, x: number, y: number, scale = 2): void => {
    [...label].forEach((ch, n) => {
      (DIGITS[ch] ?? []).forEach((row, r) => {
        [...row].forEach((bit, c) => {
          if (bit !== '1') return;
          for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) set(x + (n * 6 + c) * scale + dx, y + r * scale + dy, [60, 60, 60]);
        });
      });
    });
  };
  for (const t of [1, 3, 10, 30, 100, 300, 1000]) {
    line(px(t), py(1), px(t), py(1000), [225, 225, 225]);
    line(px(1), py(t), px(1000), py(t), [225, 225, 225]);
    const label = String(t);
    text(label, px(t) - label.length * 6, py(1) + 10);
    text(label, px(1) - 12 - label.length * 12, py(t) - 7);
  }
  line(px(1), py(1), px(1000), py(1000), [40, 40, 40]);
  line(px(1), py(1.15), px(1000 / 1.15), py(1000), [150, 150, 150], 5);
  line(px(1.15), py(1), px(1000), py(1000 / 1.15), [150, 150, 150], 5);
  for (const s of series) {
    for (const [m, p] of s.points) {
      const cx = px(m);
      const cy = py(p);
      for (let dy = -6; dy <= 6; dy++) {
        for (let dx = -6; dx <= 6; dx++) {
          const d = Math.hypot(dx, dy);
          const inside =
            s.shape === 'ring' ? d >= 3.6 && d <= 5.2 : s.shape === 'dot' ? d <= 4.2 : dy >= -5 && dy <= 4 && Math.abs(dx) <= (dy + 5) * 0.55;
          if (inside) set(cx + dx, cy + dy, s.color);
        }
      }
    }
  }
  const raw = new Uint8Array(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    raw.set(pixels.subarray(y * size * 3, (y + 1) * size * 3), y * (size * 3 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', new Uint8Array(header)),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array()),
  ]);
}
