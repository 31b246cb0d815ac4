/**
 * Generators for the fuzz tests: a small seeded PRNG (reproducible: a failure names its seed and
 * call number), hostile values of every kind a worksheet or a JSON line can carry, and pools of
 * valid names taken from the engine, mixed in so that many calls get past the first check and
 * exercise the projections themselves.
 */
import { type CustomTierInput, type Engine, formatCustomSpec } from '../../src/engine';

export type Rand = () => number;

/** mulberry32: tiny, fast, and the same sequence on every machine. */
export function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: Rand, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rand() * items.length)] as T;
}

export function chance(rand: Rand, p: number): boolean {
  return rand() < p;
}

/** Numbers of every sign and size, the IEEE corner cases and a few that look like valid inputs. */
export const EDGE_NUMBERS: readonly number[] = [
  0, -0, 1, -1, 0.5, -0.5, 2, 3, 4, 8, 16, 17, 100, 1024, 1e3, 1e6, 1e9, 1e12, 1e15, 1e21, 1e100, 1e300, 1e308, -1e308, 1.7976931348623157e308, 5e-324,
  -5e-324, 1e-300, 1e-12, 1e-7, 2.2250738585072014e-308, Number.EPSILON, 1 + Number.EPSILON, 1 - Number.EPSILON / 2, Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 0.1 + 0.2, 0.125, 2.5, 1.0000001, 0.9999999, 65536, 65537, 2 ** 31, 2 ** 32, -(2 ** 31),
];
/** Excel never hands these over, but a host or a bug might. */
export const NON_FINITE: readonly number[] = [NaN, Infinity, -Infinity];

export function randomNumber(rand: Rand): number {
  switch (Math.floor(rand() * 6)) {
    case 0:
      return pick(rand, EDGE_NUMBERS);
    case 1:
      return (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20);
    case 2:
      return Math.floor(rand() * 40) - 10;
    case 3:
      return rand();
    case 4:
      return -rand() * 10 ** Math.floor(rand() * 10);
    default:
      return rand() * 10 ** Math.floor(rand() * 12);
  }
}

/** Excel's error values, as text (what a host passes when a cell shows one). */
export const EXCEL_ERRORS = ['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#BUSY!'];

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\u200b',
  '\ufeff',
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  'inf',
  '1e308',
  '1e309',
  '-1e309',
  '5e-324',
  '-0',
  '0x10',
  '0b101',
  '1_000',
  ' 12 ',
  '1,5',
  '١٢',
  '١',
  'true',
  'FALSE',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '=1+1',
  '=SIZER.TIERS()',
  '=cmd|" /C calc"!A0',
  '+SUM(A1:A3)',
  '-2+3',
  '@A1',
  '{"tier":"mid"}',
  '[1,2]',
  "'; DROP TABLE tiers; --",
  '<script>alert(1)</script>',
  '${process.exit(1)}',
  '%s%s%s%n',
  '../../etc/passwd',
  'C:\\Windows\\system32',
  'NPU Mid\u0301',
  'ＮＰＵ Ｍｉｄ',
  'NPU\u00a0Mid',
  'npu-mid',
  'MID',
  'mid ',
  'Mid;',
  '💥🚀',
  '\ud800',
  '\udfff',
  'עברית',
  'مرحبا',
  '漢字テスト',
  'Ω≈ç√∫',
  'e\u0301\u0301\u0301',
  'custom:',
  'custom: ',
  'CUSTOM: bw=100; cap=16; int8=10',
  'custom: bw=; cap=; int8=',
  'custom: name=a=b; bw=10; cap=1; int8=1',
  'custom: bw=10; bw=20; cap=1; int8=1',
  'custom: bw=-1; cap=1; int8=1',
  'custom: bw=NaN; cap=1; int8=1',
  'custom: bw=1e309; cap=1; int8=1',
  'custom: zz=1',
  'custom: ;;;;',
  'custom: bw=100',
  'custom: cap=4; bus=0; rate=0; int8=1',
  'custom: bw=100; cap=16; int8=0; bf16=0; fp8=0',
  'custom: bw=100; cap=16; int8=1; set=fp64',
  'custom: bw=100; cap=16; int8=1; class=nope',
  'custom: bw=100; cap=16; int8=1; ce=0; be=2',
  ...EXCEL_ERRORS,
];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.,;:=@#!?/\\\'"()[]{}<>+*%$&|^~`';

export function randomString(rand: Rand): string {
  switch (Math.floor(rand() * 6)) {
    case 0:
    case 1:
      return pick(rand, HOSTILE_STRINGS);
    case 2: {
      const n = Math.floor(rand() * 24);
      let s = '';
      for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
      return s;
    }
    case 3: {
      // Arbitrary code points, including astral ones, lone surrogates and controls.
      const n = 1 + Math.floor(rand() * 12);
      let s = '';
      for (let i = 0; i < n; i++) s += String.fromCodePoint(Math.floor(rand() * (chance(rand, 0.7) ? 0x3000 : 0x110000)));
      return s;
    }
    case 4:
      return String(randomNumber(rand));
    default:
      return chance(rand, 0.5) ? 'x'.repeat(1 + Math.floor(rand() * 5000)) : pick(rand, HOSTILE_STRINGS).repeat(1 + Math.floor(rand() * 50));
  }
}

export type Scalar = string | number | boolean | null | undefined;

export function randomScalar(rand: Rand, allowNonFinite = true): Scalar {
  switch (Math.floor(rand() * 8)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return chance(rand, 0.5);
    case 3:
    case 4:
      return randomString(rand);
    case 5:
      return allowNonFinite && chance(rand, 0.2) ? pick(rand, NON_FINITE) : randomNumber(rand);
    default:
      return randomNumber(rand);
  }
}

/** 2-D arrays as a range arrives: 1x1 (a single value), empty, ragged, wide. */
export function randomRange(rand: Rand, inner: () => Scalar): Scalar[][] {
  switch (Math.floor(rand() * 5)) {
    case 0:
      return [[inner()]];
    case 1:
      return [];
    case 2:
      return [[]];
    case 3:
      return [[inner(), inner()], [inner()]];
    default: {
      const rows = 1 + Math.floor(rand() * 3);
      const cols = 1 + Math.floor(rand() * 3);
      return Array.from({ length: rows }, () => Array.from({ length: cols }, inner));
    }
  }
}

/** Valid names, spelled the ways people type them, taken from the engine's own resolvers. */
export interface Pools {
  readonly tiers: readonly string[];
  readonly customTierTexts: readonly string[];
  readonly memory: readonly string[];
  readonly precisionSets: readonly string[];
  readonly pipelines: readonly string[];
  readonly resolutions: readonly string[];
  readonly quants: readonly string[];
  readonly quantSchemes: readonly string[];
  readonly workloads: readonly string[];
  readonly models: readonly string[];
  readonly shapeModels: readonly string[];
  readonly bundleModels: readonly string[];
  readonly vlaModels: readonly string[];
  readonly siliconClasses: readonly string[];
  readonly tracks: readonly string[];
  readonly dtypes: readonly string[];
  readonly fields: readonly string[];
}

function spellings(entries: readonly { key: string; label: string; names: readonly string[] }[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    out.push(e.key, e.label, ...e.names, e.label.toUpperCase(), ` ${e.key.toLowerCase()} `);
  }
  return out;
}

/** A custom tier in the SIZER.CUSTOMTIER text form, from huge to tiny. */
export function customTierInput(rand: Rand, classes: readonly string[]): CustomTierInput {
  const magnitude = (): number => {
    switch (Math.floor(rand() * 5)) {
      case 0:
        return pick(rand, [1e308, 1.7976931348623157e308, 1e300, 1e200, 1e21]);
      case 1:
        return pick(rand, [5e-324, 1e-300, 1e-12, 1e-6, 2.2250738585072014e-308]);
      case 2:
        return pick(rand, [0, 0, 1]);
      default:
        return Math.round(rand() * 10 ** Math.floor(rand() * 5) * 1000) / 1000;
    }
  };
  const efficiency = (): number | null => (chance(rand, 0.6) ? null : pick(rand, [5e-324, 1e-9, 0.5, 1, Math.round(rand() * 1000) / 1000 || 0.001]));
  const bus = chance(rand, 0.3) ? 0 : magnitude();
  const rate = chance(rand, 0.3) ? 0 : magnitude();
  return {
    name: chance(rand, 0.5) ? 'Fuzz NPU' : pick(rand, ['x', 'Tiny', 'Huge one', 'ünïcødé', '漢字']),
    siliconClass: pick(rand, classes),
    peakTopsInt8: magnitude(),
    peakTopsBf16: magnitude(),
    peakTopsFp8: magnitude(),
    peakTopsFp4: magnitude(),
    memBandwidthGbs: chance(rand, 0.5) ? (bus * rate) / 8 : magnitude(),
    memCapacityGb: magnitude(),
    memBusWidthBits: bus,
    memType: pick(rand, ['LPDDR5X', 'HBM3', 'custom', 'DDR']),
    memDataRateGtps: rate,
    precisionSet: chance(rand, 0.7) ? null : pick(rand, ['int8', 'int8_fp8', 'int8_fp8_fp4'] as const),
    computeEfficiency: efficiency(),
    bandwidthEfficiency: efficiency(),
    tdpWatts: chance(rand, 0.5) ? 0 : magnitude(),
  };
}

export function makePools(engine: Engine, rand: Rand): Pools {
  const n = engine.names;
  const catalog = engine.catalog;
  const classes = Object.keys(catalog.siliconClassById);
  const customTierTexts: string[] = [];
  while (customTierTexts.length < 60) {
    const input = customTierInput(rand, classes);
    try {
      customTierTexts.push(formatCustomSpec(input));
    } catch {
      // a name with ; or = cannot be written as text: skip it
    }
  }
  // Hand-written ones too: bandwidth from bus x rate, bandwidth only, efficiencies given.
  customTierTexts.push(
    'custom: name=Text NPU; class=lp5x_128; int8=100; bf16=50; fp8=100; fp4=0; bw=102.4; cap=16; bus=96; mem=LPDDR5X; rate=8.533; tdp=12',
    'custom: bw=100; cap=16; int8=10',
    'custom: bus=128; rate=8.4; cap=32; bf16=40',
    'custom: bw=1e308; cap=1e308; int8=1e308; bf16=1e308; fp8=1e308',
    'custom: bw=5e-324; cap=5e-324; int8=5e-324',
    'custom: bw=1e-300; cap=1e-300; fp8=1e-300; ce=5e-324; be=5e-324',
    'custom: bw=100; cap=16; int8=10; set=int8_fp8_fp4',
  );
  return {
    tiers: spellings(n.tiers.entries),
    customTierTexts,
    memory: spellings(n.memoryUpgrades.entries),
    precisionSets: spellings(n.precisionSets.entries),
    pipelines: spellings(n.pipelines.entries),
    resolutions: [...spellings(n.resolutions.entries), '2160p', '1920x1080', '4k'],
    quants: spellings(n.quants.entries),
    quantSchemes: [...Object.keys(catalog.files['capability.json'].quantSchemeToCapabilityKey), 'q4_k_m', 'fp64'],
    workloads: spellings(n.workloads.entries),
    models: spellings(n.models.entries),
    shapeModels: spellings(n.shapeModels.entries),
    bundleModels: catalog.files['llm-bundle.json'].models.flatMap((m) => [m.key, m.displayName, ...m.aliases]),
    vlaModels: spellings(engine.names.vlaModels.entries),
    siliconClasses: classes,
    tracks: catalog.files['pipelines.json'].tracks.flatMap((t) => [t.id, t.label]),
    dtypes: [...Object.keys(catalog.files['capability.json'].dtypeToCapabilityKey), 'int4', 'fp64', 'INT8', 'BF16'],
    fields: [
      'decode_tok_s', 'ttft_1k_sec', 'source', 'regime', 'fps_per_stream', 'total_fps', 'per_stream_ms', 'total_s', 'verdict', 'action_hz',
      'aggregate_action_hz', 'effective_bandwidth_gbs', 'perf_scale_factor', 'headroom_gb', 'required_dtype', 'reason', 'bw_floor_ms', 'yolo_ms',
      'DECODE_TOK_S', ' source ', 'nope',
    ],
  };
}
