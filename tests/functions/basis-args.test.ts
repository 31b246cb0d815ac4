/**
 * The basis and calibration arguments of every worksheet function whose number reads LLM decode
 * (docs/decisions/0033-functions-on-a-basis.md): last in the argument list, so an existing formula
 * keeps its meaning; left out, blank or "reference" gives the reference number; an unknown basis is
 * #VALUE! naming the valid ones; and on the calibrated basis each number is checked against the
 * calibrated decode asked from the engine's basis API directly (engine.decodeOnBasis), with the
 * duty cycle, power, energy and plan arithmetic written out here from data/llm.json and the TDP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogModelShape, createEngine, type Hardware, type LlmProjection, referenceModelShape, shapeModelShape } from '../../src/engine';
import { SAME_ON_EITHER_BASIS } from '../../src/functions/defs/common';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { runFunction } from '../../src/functions/registry/invoke';
import type { CellInput, CellScalar, FunctionContext, FunctionResult } from '../../src/functions/registry/types';
import { calibrateTable } from '../../src/report/calibration-table';
import { CALIBRATION_TABLE } from './cases';
import { testEngine } from '../helpers/engine';
import { workloadDecodeMultiplier } from '../helpers/workloads';

const engine = testEngine();
const fn = (name: string) => SIZER_FUNCTIONS.find((f) => f.name === name)!;

function call(name: string, args: readonly CellInput[], ctx: FunctionContext = { engine }): FunctionResult {
  const outcome = runFunction(ctx, fn(name), args);
  if (!outcome.ok) throw new Error(`SIZER.${name}: ${outcome.error.message}`);
  return outcome.value;
}
function failure(name: string, args: readonly CellInput[]): { kind: string; message: string } {
  const outcome = runFunction({ engine }, fn(name), args);
  if (outcome.ok) throw new Error(`SIZER.${name} answered ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

/** The arguments before basis padded with blanks up to it, then basis and calibration. */
function withBasis(name: string, base: readonly CellInput[], basis: CellInput, calibration: CellInput = null): CellInput[] {
  const names = fn(name).args.map((a) => a.name);
  const at = names.indexOf('basis');
  expect(at).toBeGreaterThanOrEqual(base.length);
  return [...base, ...Array<CellInput>(at - base.length).fill(null), basis, calibration];
}

const llmFile = JSON.parse(readFileSync(join(__dirname, '../../data/llm.json'), 'utf8')) as { shortAnswerTokens: number };
const SHORT = llmFile.shortAnswerTokens;

/** NPU Low-LP5X: its decode of the production MoE is projected (cross-class), so the calibrated basis replaces it. */
const TIER = 'low-lp5x';
const MODEL = 'skippy_finetune';
const QUANT = 'Q4_K_M';
const QPM = 2;
const hw: Hardware = engine.hardware({ tier: TIER });

/** The calibrated decode of a catalog model (null: the anchor-model path's perf reference) on a tier, from the engine's basis API. */
function calibratedDecode(model: string | null, on: Hardware = hw, e = engine): number {
  const p: LlmProjection = model ? e.llmModel(on, model, { quant: QUANT }) : e.llm(on, { quant: QUANT });
  const shape = model ? catalogModelShape(e.catalog, model, QUANT) : referenceModelShape(e.catalog, QUANT);
  return e.decodeOnBasis(on, 'calibrated', { decodeTokS: p.decodeTokS, source: p.source, multiplier: workloadDecodeMultiplier(p.workload) }, shape).decodeTokS;
}
const referenceDecode = (model: string | null): number => (model ? engine.llmModel(hw, model, { quant: QUANT }) : engine.llm(hw, { quant: QUANT })).decodeTokS;
/** Duty of QPM short answers a minute at a decode rate: queries per second x answer seconds. */
const dutyAt = (decode: number): number => (QPM / 60) * (SHORT / decode);
const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** A SIZER.PLAN requirements table: one LLM row, two sites, no cameras. */
const PLAN_TABLE: CellScalar[][] = [
  ['kind', 'name', 'option', 'amount', 'target', 'answer_kind'],
  ['llm', MODEL, QUANT, QPM, '', 'short'],
  ['sites', '', '', 2, '', ''],
];
const column = (spill: FunctionResult, field: string): CellScalar => {
  const rows = spill as CellScalar[][];
  return rows[1]![rows[0]!.indexOf(field)]!;
};


interface Subject {
  /** The arguments before the basis (the rest blank). */
  readonly base: readonly CellInput[];
  /** The number this test reads out of the answer. */
  readonly read: (answer: FunctionResult) => number;
  /** The expected number on the calibrated basis, from the engine's basis API and the arithmetic here. */
  readonly calibrated: () => number;
}

/** A number, or the one cell of a matrix-typed function asked for one field. */
const scalar = (answer: FunctionResult): number => (Array.isArray(answer) ? (answer[0]![0] as number) : (answer as number));
const tdp = hw.tdpWatts;
const kwhAYear = (watts: number): number => (watts * 24 * 365) / 1000;

const SUBJECTS: Readonly<Record<string, Subject>> = {
  DUTY: { base: [TIER, QPM, 'short', QUANT, null, MODEL], read: scalar, calibrated: () => dutyAt(calibratedDecode(MODEL)) },
  FPSUNDERLLM: {
    base: [TIER, 'yolo_only_fp8', '1080p', 1, QPM, 'short', QUANT, null, MODEL],
    read: scalar,
    calibrated: () => engine.vision(hw, { pipeline: 'yolo_only_fp8', resolution: '1080p', streams: 1 }).fpsPerStream * (1 - dutyAt(calibratedDecode(MODEL))),
  },
  BUDGETROW: {
    base: [TIER, 'llm', QUANT, 'plain_chat', QPM, 'short'],
    read: (answer) => column(answer, 'ss_throughput') as number,
    calibrated: () => round(calibratedDecode(null), 2),
  },
  KPIROW: {
    base: [TIER, 'trt_fp8_1hz_clip', '1080p', true, QUANT],
    read: (answer) => column(answer, 'llm_ms') as number,
    calibrated: () => round((SHORT / calibratedDecode(null)) * 1000, 2),
  },
  LLMSHAPE: {
    base: [TIER, 'qwen25_7b_dense', null, 500, 200, 'decode_tok_s'],
    read: scalar,
    calibrated: () => {
      const r = engine.llmShape(hw, { model: 'qwen25_7b_dense', promptTokens: 500, decodeTokens: 200 });
      if (r.resultType !== 'Projected') throw new Error('not projected');
      return engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: r.decodeTokS, source: r.source }, shapeModelShape(engine.catalog, r.model, r.quantScheme, null, 500)).decodeTokS;
    },
  },
  TOKPSPERWATT: { base: [TIER, MODEL, QUANT], read: scalar, calibrated: () => calibratedDecode(MODEL) / tdp },
  AVGWATTS: { base: [TIER, null, null, null, null, QPM, 'short', MODEL, QUANT], read: scalar, calibrated: () => tdp * Math.min(1, dutyAt(calibratedDecode(MODEL))) },
  ENERGY: {
    base: [TIER, null, null, null, null, QPM, 'short', MODEL, QUANT, null, 24, 0.3, 'kwh_per_year'],
    read: scalar,
    calibrated: () => kwhAYear(tdp * Math.min(1, dutyAt(calibratedDecode(MODEL)))),
  },
  TCO: {
    base: [600, 10, 5, 0.3, TIER, null, null, null, null, QPM, 'short', MODEL, QUANT, null, 24],
    read: scalar,
    calibrated: () => 600 * 10 + 10 * kwhAYear(tdp * Math.min(1, dutyAt(calibratedDecode(MODEL)))) * 0.3 * 5,
  },
  PLAN: { base: [PLAN_TABLE, [[TIER]]], read: (answer) => column(answer, 'llm_duty') as number, calibrated: () => dutyAt(calibratedDecode(MODEL)) },
  MINTIER: {
    // A target between the tiers' calibrated decodes, so the answer is a real tier on both bases.
    base: ['tokps', 12, MODEL, QUANT],
    read: (answer) => engine.catalog.ladder.findIndex((t) => t.name === answer),
    calibrated: () => engine.catalog.ladder.findIndex((t) => {
      const on = engine.hardware({ tier: t.id });
      return engine.llmModel(on, MODEL, { quant: QUANT }).gate.supported && calibratedDecode(MODEL, on) >= 12;
    }),
  },
};

// BUDGETROW and KPIROW spill a header row above their values; the readers above look up the column by name.

describe('the basis argument of the functions whose numbers read LLM decode', () => {
  it('the chosen cell really moves on the calibrated basis (so every check below can fail)', () => {
    expect(Math.abs(calibratedDecode(MODEL) / referenceDecode(MODEL) - 1)).toBeGreaterThan(0.02);
    expect(Math.abs(calibratedDecode(null) / referenceDecode(null) - 1)).toBeGreaterThan(0.02);
  });

  describe.each(Object.keys(SUBJECTS))('SIZER.%s', (name) => {
    const s = SUBJECTS[name]!;
    const reference = s.read(call(name, s.base));

    it('takes basis and then calibration as its last two arguments', () => {
      expect(fn(name).args.slice(-2).map((a) => a.name)).toEqual(['basis', 'calibration']);
    });

    it('left blank ("" or an empty cell) or "reference", it is the number the function gave before the basis existed', () => {
      for (const blank of [null, '', 'reference', 'Reference'] as CellInput[]) expect(s.read(call(name, withBasis(name, s.base, blank)))).toBe(reference);
    });

    it('an unknown basis is #VALUE! naming the valid ones', () => {
      const error = failure(name, withBasis(name, s.base, 'calibrat'));
      expect(error.kind).toBe('value');
      expect(error.message).toMatch(/unknown basis "calibrat"; valid: reference, calibrated/);
    });

    it('on the calibrated basis it is the number read from the calibrated decode', () => {
      const calibrated = s.read(call(name, withBasis(name, s.base, 'calibrated')));
      expect(calibrated).toBeCloseTo(s.calibrated(), 9);
      // MINTIER answers a tier: it may be the same tier on both bases; every other number moves.
      if (name !== 'MINTIER') expect(calibrated).not.toBeCloseTo(reference, 6);
    });
  });

  describe('a calibration given as an argument (a SIZER.CALIBRATE result) is what the calibrated basis reads', () => {
    const result = call('CALIBRATE', [CALIBRATION_TABLE]);
    const refitEngine = createEngine(engine.catalog, { calibration: calibrateTable(engine, CALIBRATION_TABLE).calibration });
    it.each(['DUTY', 'AVGWATTS', 'PLAN', 'KPIROW', 'BUDGETROW', 'LLMSHAPE', 'TOKPSPERWATT'])('SIZER.%s: as an engine built with the refitted constants, and a blank basis then means calibrated', (name) => {
      const s = SUBJECTS[name]!;
      const withCalibration = s.read(call(name, withBasis(name, s.base, null, result)));
      expect(withCalibration).toBeCloseTo(s.read(call(name, withBasis(name, s.base, 'calibrated'), { engine: refitEngine })), 9);
      expect(withCalibration).not.toBeCloseTo(s.read(call(name, withBasis(name, s.base, 'calibrated'))), 6);
    });
  });

  it('the budget row of a vision slot and MINTIER with fps are the same on either basis', () => {
    const vision = [TIER, 'vision', 'trt_fp8_1hz_clip', '1080p', 4, 0.5];
    expect(call('BUDGETROW', withBasis('BUDGETROW', vision, 'calibrated'))).toEqual(call('BUDGETROW', vision));
    const fps = ['fps', 10, 'trt_fp8_1hz_clip', '1080p', 2];
    expect(call('MINTIER', withBasis('MINTIER', fps, 'calibrated'))).toEqual(call('MINTIER', fps));
  });

  it('SIZER.MATRIX: its LLM rows follow the basis, its vision rows do not', () => {
    const reference = call('MATRIX', [true]) as CellScalar[][];
    const calibrated = call('MATRIX', [true, 'calibrated']) as CellScalar[][];
    const header = reference[0]!;
    const category = header.indexOf('workload_category');
    const throughput = header.indexOf('ss_throughput');
    expect(calibrated.length).toBe(reference.length);
    const llmRows = calibrated.map((row, i) => ({ row, i })).filter(({ row }) => row[category] === 'llm');
    expect(llmRows.length).toBeGreaterThan(0);
    for (const { row, i } of calibrated.map((r, j) => ({ row: r, i: j })).filter(({ row }, j) => j > 0 && row[category] !== 'llm')) expect(row).toEqual(reference[i]);
    expect(llmRows.some(({ row, i }) => row[throughput] !== reference[i]![throughput])).toBe(true);
  });
});

describe('the functions whose numbers the calibrated basis never changes', () => {
  const same = ['VISIONFPS', 'VISIONFPSRANGE', 'TOTALFPS', 'VISION', 'STREAMSCALING', 'VLA', 'TTFT', 'FITS', 'HARDWARE', 'CUSTOMTIER', 'MAXSTREAMS', 'FPSPERWATT'];
  it.each(same)('SIZER.%s takes no basis argument and says why, in the one shared sentence', (name) => {
    expect(fn(name).args.map((a) => a.name)).not.toContain('basis');
    expect(fn(name).description).toContain(SAME_ON_EITHER_BASIS);
  });

  it('SIZER.REQUIREDBW stays on the reference basis and says so', () => {
    expect(fn('REQUIREDBW').args.map((a) => a.name)).not.toContain('basis');
    expect(fn('REQUIREDBW').description).toMatch(/Reference basis only/);
  });
});
