/**
 * Shared helpers of the benchmark programs (compiled by scripts/bench.mjs with tsc into a temporary
 * folder and run with plain node: no ts-jest, no source maps, production-like JIT behaviour).
 */

/** A small seeded PRNG (mulberry32): the same argument sets on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly p90: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  return { median: quantile(samples, 0.5), min: Math.min(...samples), p90: quantile(samples, 0.9), runs: samples.length };
}

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Reads `--name value` from argv, with a default. */
export function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}
