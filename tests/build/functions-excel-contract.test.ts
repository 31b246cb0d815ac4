/**
 * The built dist/functions.js and dist/functions.json as Excel sees them: the bundle runs in a fresh
 * V8 context whose CustomFunctions stub records every associate call and builds errors the way the
 * custom-functions runtime does (an Error with a code and a message). Each rule cites what it rests on.
 */
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import { excelNameProblems } from '../../src/functions/excel/names';

const DIST = path.resolve(__dirname, '../../dist');

interface StubError {
  readonly code: string;
  readonly message: string | undefined;
}

/** CustomFunctions.ErrorCode's string values (custom-functions-runtime reference). */
const ERROR_CODE = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

type Implementation = (...args: unknown[]) => unknown;

function loadBundle(): Map<string, Implementation> {
  const file = path.join(DIST, 'functions.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build" (npm test does it first)`);
  const associated = new Map<string, Implementation>();
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const context = vm.createContext({
    console,
    setTimeout,
    clearTimeout,
    CustomFunctions: { associate: (id: string, fn: Implementation) => associated.set(id, fn), Error: CustomFunctionsError, ErrorCode: ERROR_CODE },
  });
  context.self = context;
  context.window = context;
  vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: 'functions.js' });
  return associated;
}

const functions = loadBundle();
const metadata = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as {
  functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[]; result: { dimensionality?: string } }[];
};

/** Calls a function as Excel does; a thrown CustomFunctions.Error (or a rejected Promise) comes back as the error. */
async function call(name: string, ...args: unknown[]): Promise<{ value?: unknown; error?: StubError }> {
  const fn = functions.get(name);
  if (!fn) throw new Error(`SIZER.${name} was not associated`);
  try {
    return { value: await fn(...args) };
  } catch (e) {
    const error = e as StubError;
    return { error: { code: error.code, message: error.message } };
  }
}

/** A normal call for each function (the first arguments a user would type). */
const NORMAL: Record<string, unknown[]> = {
  TIERS: [], PIPELINES: [], TRACKS: [], MODELS: ['NPU Mid'], QUANTS: [], WORKLOADS: [], MEMORY: ['NPU High'], RESOLUTIONS: [],
  HARDWARE: ['NPU Mid'], CUSTOMTIER: [96, 'LPDDR5X', 8.533, 16, 100], TOKPS: ['NPU Mid', 'skippy_finetune'], TOKPSRANGE: ['NPU High', 'skippy_7b_v4', null, null, null, null, null, null, 'calibrated'], TTFT: ['NPU Mid', 'skippy_finetune'],
  LLM: ['NPU Mid', 'skippy_finetune'], FITS: ['NPU Mid', 'skippy_finetune'], MODEL: ['skippy_7b_v4'], LLMSHAPE: ['NPU Mid', 'qwen3_30b_a3b_moe'],
  CONTEXTTOKPS: ['rtx5090', 8000], WHATIF: ['NPU High', 1, 7], VISIONFPS: ['NPU Mid', 'trt_fp8_1hz_clip'], VISIONFPSRANGE: ['NPU Mid', 'trt_fp8_1hz_clip'], TOTALFPS: ['NPU Mid', 'trt_fp8_1hz_clip'],
  VISION: ['NPU Mid', 'trt_fp8_1hz_clip'], STREAMSCALING: ['NPU Mid', 'trt_fp8_1hz_clip'], KPIROW: ['NPU Mid', 'trt_fp8_1hz_clip'], VLA: ['NPU High', 'nora_3b'],
  DUTY: ['NPU Mid', 'trt_fp8_1hz_clip'], FPSUNDERLLM: ['NPU Mid', 'trt_fp8_1hz_clip'], BUDGETROW: ['NPU Mid', 'vision', 'trt_fp8_1hz_clip'], MATRIX: [],
  MAXSTREAMS: ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', 15], MINTIER: ['tokps', 30, 'skippy_finetune'], REQUIREDBW: ['skippy_finetune', 'Q4_K_M', 30], VERSION: [],
  FPSPERWATT: ['NPU Mid', 'trt_fp8_1hz_clip'], TOKPSPERWATT: ['NPU Mid'], AVGWATTS: ['NPU Mid', 'trt_fp8_1hz_clip'], ENERGY: ['NPU Mid', 'trt_fp8_1hz_clip'],
  TCO: [600, 10, 5, 0.3, 'NPU Mid'],
  // A range reaches an any[][] parameter as rows of values.
  PLAN: [[['vision', 'trt_fp8_1hz_clip', '1080p', 40, 15], ['sites', '', '', 12, '']]],
  CALIBRATE: [[['tier', 'model', 'quant', 'decode_tok_s'], ['NPU Mid', 'skippy_finetune', 'Q4_K_M', 30], ['NPU High', 'qwen25_7b_dense', 'Q8_0', 20], ['rtx5090', 'qwen25_32b_dense', 'Q4_K_M', 60]]],
};

describe('dist/functions.js as Excel calls it', () => {
  it('associates every function in functions.json, and only those', () => {
    expect([...functions.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  it('every id and name follows Excel naming rules (custom-functions-naming, "Naming constraints quick reference")', () => {
    const problems = metadata.functions.flatMap((f) => [f.id, f.name].flatMap((n) => excelNameProblems(n).map((p) => `${n} ${p}`)));
    expect(problems).toEqual([]);
  });

  it('every matrix-declared function returns an array of arrays, even for one field (custom-functions-json, "result")', async () => {
    const matrix = metadata.functions.filter((f) => f.result.dimensionality === 'matrix');
    expect(matrix.length).toBeGreaterThan(10);
    for (const f of matrix) {
      const args = NORMAL[f.id];
      if (!args) throw new Error(`no normal call for ${f.id}`);
      const { value, error } = await call(f.id, ...args);
      expect({ id: f.id, error }).toEqual({ id: f.id, error: undefined });
      expect(Array.isArray(value) && value.every((row) => Array.isArray(row))).toBe(true);
    }
    const one = await call('LLM', 'NPU Mid', 'skippy_finetune', null, null, null, 'source');
    expect(one.value).toEqual([['measured_anchor']]);
  });

  it('no error that carries a message uses #NUM!, whose message Excel drops (customfunctions.errorcode reference)', async () => {
    const bad: unknown[][] = [
      ['VISIONFPS', 'NPU Mid', 'trt_fp8_1hz_clip', '1080p', -3],
      ['VISIONFPS', 'NPU Mid', 'trt_fp8_1hz_clip', '1080p', 2.5],
      ['TOKPS', 'NPU Mid', 'skippy_finetune', null, null, 7],
      ['VLA', 'NPU High', 'nora_3b', null, 99],
      ['CUSTOMTIER', 96, 'LPDDR5X', 8.533, -16, 100],
      ['CONTEXTTOKPS', 'rtx5090', 0],
      ['VISIONFPS', 'custom: int8=0; bf16=0; fp8=0; bw=10; cap=4', 'sam3_bf16'],
      ['TOKPS', 'NPU Mid', 'skippy_7b_v4'],
      ['MAXSTREAMS', 'NPU Mid', 'trt_fp8_1hz_clip', '1080p', -1],
    ];
    for (const [name, ...args] of bad) {
      const { error } = await call(name as string, ...args);
      expect(error).toBeDefined();
      expect([ERROR_CODE.invalidValue, ERROR_CODE.notAvailable]).toContain(error?.code);
      expect(error?.message?.length ?? 0).toBeGreaterThan(10);
    }
  });

  it('a negative stream count is #VALUE! naming streams', async () => {
    const { error } = await call('VISIONFPS', 'NPU Mid', 'trt_fp8_1hz_clip', '1080p', -3);
    expect(error).toEqual({ code: '#VALUE!', message: 'streams must be a whole number from 1 to 16, got -3' });
  });

  it('empty cells passed as 0 (Excel desktop, office-js#4702) give the defaults', async () => {
    const zeros = await call('TOKPS', 'NPU Mid', 'skippy_finetune', 'Q4_K_M', 0, 0);
    const omitted = await call('TOKPS', 'NPU Mid', 'skippy_finetune', 'Q4_K_M');
    expect(zeros.error).toBeUndefined();
    expect(zeros.value).toBe(omitted.value);
    expect(typeof omitted.value).toBe('number');
  });

  it('argument names in the formula hints are the ones docs/functions.md documents', () => {
    const docs = fs.readFileSync(path.resolve(__dirname, '../../docs/functions.md'), 'utf8');
    for (const f of metadata.functions) {
      const section = docs.split(`### SIZER.${f.name}\n`)[1]?.split('\n### ')[0] ?? '';
      const documented = [...section.matchAll(/^\| ([a-z0-9_]+) \| /gm)].map((m) => m[1]).filter((n) => n !== "argument");
      expect({ id: f.id, params: f.parameters.map((p) => p.name) }).toEqual({ id: f.id, params: documented });
    }
  });
});
