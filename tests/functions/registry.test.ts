/**
 * Every registry function called as Excel would call it: normal inputs (compared with a direct
 * engine call), omitted optionals (null), wrong types, unknown names, out-of-range numbers, a range
 * where a single value belongs, and a blank required argument.
 */
import { createBundledEngine } from '../../src/engine';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { createRunner, runFunction } from '../../src/functions/registry/invoke';
import type { CellInput, FunctionResult } from '../../src/functions/registry/types';
import { CASES, CUSTOM_TIER_TEXT } from './cases';

const engine = createBundledEngine();
const ctx = { engine };
const call = (name: string, args: readonly CellInput[]) => {
  const fn = SIZER_FUNCTIONS.find((f) => f.name === name);
  if (!fn) throw new Error(`no function ${name}`);
  return runFunction(ctx, fn, args);
};

function expectSame(got: FunctionResult, want: FunctionResult): void {
  // One field of a spilling record comes back as a 1x1 table: compare its cell.
  if (Array.isArray(got) && !Array.isArray(want) && got.length === 1 && got[0]?.length === 1) got = got[0][0] as FunctionResult;
  if (typeof want === 'number') {
    expect(typeof got).toBe('number');
    expect(got as number).toBeCloseTo(want, 9);
  } else {
    expect(got).toEqual(want);
  }
}

describe('function registry', () => {
  it('has a test case for every function', () => {
    expect(SIZER_FUNCTIONS.map((f) => f.name).filter((n) => !CASES[n])).toEqual([]);
  });

  describe.each(SIZER_FUNCTIONS.map((f) => [f.name] as const))('SIZER.%s', (name) => {
    const c = CASES[name];
    if (!c) return;
    const fn = SIZER_FUNCTIONS.find((f) => f.name === name);

    it('normal inputs give the engine value, in the declared shape', () => {
      const outcome = call(name, c.normal);
      if (!outcome.ok) throw new Error(outcome.error.message);
      // Excel expects a 2-D array from a matrix-declared function
      // (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json, "result").
      expect(Array.isArray(outcome.value)).toBe(fn?.result === 'matrix');
      if (Array.isArray(outcome.value)) for (const row of outcome.value) expect(Array.isArray(row)).toBe(true);
      expectSame(outcome.value, c.engine(engine));
    });

    if (c.omitted) {
      const omitted = c.omitted;
      it('omitted optionals (null) take the defaults', () => {
        const a = call(name, omitted.withNulls);
        const b = call(name, omitted.withDefaults);
        expect(a.ok).toBe(true);
        expect(a).toEqual(b);
      });
    }
    if (c.wrongType) {
      const args = c.wrongType;
      it('a wrong type is #VALUE! naming the argument', () => {
        const outcome = call(name, args);
        expect(outcome.ok ? 'ok' : outcome.error.kind).toBe('value');
        if (!outcome.ok) expect(outcome.error.message.length).toBeGreaterThan(10);
      });
    }
    if (c.unknownName) {
      const args = c.unknownName;
      it('an unknown name is #VALUE! listing the valid choices', () => {
        const outcome = call(name, args);
        expect(outcome.ok ? 'ok' : outcome.error.kind).toBe('value');
        if (!outcome.ok) expect(outcome.error.message).toMatch(/valid|must be/);
        // ...and the message enumerates the choices: "valid: a, b, ..." or "must be a or b".
        expect(outcome.ok ? '' : outcome.error.message).toMatch(/valid: \S|must be \S+ or \S+|must be one of/);
      });
    }
    if (c.outOfRange) {
      const args = c.outOfRange;
      it('an out-of-range number is #VALUE! naming the argument, its range and the value', () => {
        const outcome = call(name, args);
        expect(outcome.ok ? 'ok' : outcome.error.kind).toBe('value');
        const named = fn?.args.some((a) => !outcome.ok && outcome.error.message.includes(a.name));
        expect(named).toBe(true);
        expect(outcome.ok ? '' : outcome.error.message).toMatch(/must be .*, got -?[\d.e+]+$/);
      });
    }
    // A table argument (SIZER.PLAN's requirements) takes a range: its own tests cover what it holds.
    if (fn && fn.args.length > 0 && fn.args[0]?.type !== 'table') {
      it('a range where a single value belongs is #VALUE!', () => {
        const args: CellInput[] = [...c.normal];
        args[0] = [['a', 'b'], ['c', 'd']];
        const outcome = call(name, args);
        expect(outcome.ok ? 'ok' : outcome.error.kind).toBe('value');
        if (!outcome.ok) expect(outcome.error.message).toMatch(/single value/);
      });
    }
    if (fn && fn.args.some((a) => !a.optional)) {
      it('a blank required argument is #VALUE! naming it', () => {
        const first = fn.args.find((a) => !a.optional);
        const outcome = call(name, fn.args.map(() => null));
        expect(outcome.ok ? 'ok' : outcome.error.kind).toBe('value');
        if (!outcome.ok && first) expect(outcome.error.message).toContain(first.name);
      });
    }
    it('accepts a 1x1 range as a single value', () => {
      if (c.normal.length === 0 || fn?.args[0]?.type === 'table') return;
      const args: CellInput[] = [...c.normal];
      args[0] = [[c.normal[0] as string | number | boolean]];
      expect(call(name, args)).toEqual(call(name, c.normal));
    });
  });
});

describe('function semantics', () => {
  it('names match case-insensitively on display name or key', () => {
    expect(call('TOKPS', ['npu mid', 'SKIPPY_FINETUNE'])).toEqual(call('TOKPS', ['NPU Mid', 'skippy_finetune']));
  });

  it('a model the tier cannot run is #N/A with the reason', () => {
    const outcome = call('TOKPS', ['NPU Mid', 'skippy_7b_v4']);
    expect(outcome.ok ? 'ok' : outcome.error.kind).toBe('na');
    if (!outcome.ok) expect(outcome.error.message).toMatch(/dtype_mismatch: NPU Mid cannot run skippy_7b_v4/);
  });

  it('a custom tier written by SIZER.CUSTOMTIER works wherever a tier does', () => {
    const text = call('CUSTOMTIER', CASES.CUSTOMTIER?.normal ?? []);
    expect(text).toEqual({ ok: true, value: CUSTOM_TIER_TEXT });
    const tokps = call('TOKPS', [CUSTOM_TIER_TEXT, 'skippy_finetune']);
    const direct = engine.llmModel(engine.hardware({ tier: CUSTOM_TIER_TEXT }), 'skippy_finetune', {});
    expect(tokps.ok && tokps.value).toBeCloseTo(direct.decodeTokS, 9);
    const fits = call('VISIONFPS', [CUSTOM_TIER_TEXT, 'trt_fp8_1hz_clip']);
    expect(fits.ok).toBe(true);
  });

  it('never returns NaN or Infinity', () => {
    const outcome = call('VISIONFPS', ['custom: int8=0; bf16=0; fp8=0; bw=10; cap=4', 'sam3_bf16']);
    expect(outcome.ok ? 'ok' : outcome.error.kind).toBe('value');
    expect(outcome.ok ? '' : outcome.error.message).toMatch(/no INT8, BF16 or FP8 compute/);
  });

  it('memoizes on the arguments: a repeated call is answered from the memo', () => {
    let calls = 0;
    const counting = { engine: { ...engine, vision: (...a: Parameters<typeof engine.vision>) => { calls += 1; return engine.vision(...a); } } };
    const run = createRunner(counting as typeof ctx);
    const fn = SIZER_FUNCTIONS.find((f) => f.name === 'VISIONFPS');
    if (!fn) throw new Error('VISIONFPS missing');
    const first = run(fn, ['mid', 'sam3_bf16', '1080p']);
    const second = run(fn, ['mid', 'sam3_bf16', '1080p', null, null]);
    expect(second).toBe(first);
    expect(calls).toBe(1);
  });
});
