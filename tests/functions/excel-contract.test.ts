/**
 * The Excel behaviour contract: every worksheet function called the way Excel desktop and Excel on
 * the web call it, for every optional argument. Each convention modelled here cites its source.
 *
 * - An omitted optional argument arrives as null
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options,
 *   "Optional parameters"); the runtime's JavaScript may also see undefined for trailing ones.
 * - An optional argument that refers to an empty cell arrives as 0 on Excel desktop and as null on
 *   Excel on the web (https://github.com/OfficeDev/office-js/issues/4702).
 * - A single cell passed where a value is expected may arrive as a 1x1 array (a range reference to an
 *   `any` parameter, https://github.com/OfficeDev/office-js/issues/5262).
 * - An error value reaches a function only when it opts in (allowErrorForDataTypeAny,
 *   custom-functions-json "options"); SIZER does not, so a host that passes one anyway gets #VALUE!
 *   with a message, never a crash.
 *
 * The rule checked: the empty cell gives the default under both conventions (a 0 for an argument
 * whose valid range includes 0 stays 0, and docs/functions.md says so), number text reads as the
 * number, and every refusal is #VALUE! or #N/A with a message. The fuzz tests keep running beside it.
 */
import { createBundledEngine, isInRange } from '../../src/engine';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { runFunction } from '../../src/functions/registry/invoke';
import type { ArgSpec, CellInput, SizerFunction } from '../../src/functions/registry/types';
import { CASES } from './cases';

const engine = createBundledEngine();
const run = (fn: SizerFunction, args: readonly CellInput[]) => runFunction({ engine }, fn, args);

/** The normal call with every optional argument after the given index left out (so each optional one is tried alone). */
function baseCall(fn: SizerFunction, normal: readonly CellInput[], index: number): CellInput[] {
  return fn.args.map((spec, i) => (i < normal.length && (i < index || !spec.optional) ? (normal[i] ?? null) : null));
}

function zeroIsValid(spec: ArgSpec): boolean {
  return spec.range !== undefined && isInRange(engine.inputRanges[spec.range], 0);
}

const optionalArgs = SIZER_FUNCTIONS.flatMap((fn) => fn.args.map((spec, index) => ({ fn, spec, index })).filter((a) => a.spec.optional));

describe('Excel behaviour contract: every optional argument of every worksheet function', () => {
  it('covers every function with a normal call', () => {
    expect(SIZER_FUNCTIONS.filter((f) => !CASES[f.name]).map((f) => f.name)).toEqual([]);
    expect(optionalArgs.length).toBeGreaterThan(80);
  });

  describe.each(optionalArgs.map((a) => [`${a.fn.name}(${a.spec.name})`, a] as const))('%s', (_label, { fn, spec, index }) => {
    const normal = CASES[fn.name]?.normal ?? [];
    const omitted = baseCall(fn, normal, index);
    const withValue = (value: CellInput): CellInput[] => omitted.map((v, i) => (i === index ? value : v));
    const expected = run(fn, omitted);

    it('omitted as null, as undefined and as a trailing gap answer the same', () => {
      expect(run(fn, withValue(undefined))).toEqual(expected);
      expect(run(fn, omitted.slice(0, index))).toEqual(expected);
    });

    it('an empty cell on the web (null) gives the default', () => {
      expect(run(fn, withValue(null))).toEqual(expected);
      expect(run(fn, withValue(''))).toEqual(expected);
    });

    it('an empty cell on desktop (0) gives the default, unless 0 is a valid value of this argument', () => {
      const desktop = run(fn, withValue(0));
      if ((spec.type === 'number' || spec.type === 'any') && (zeroIsValid(spec) || spec.range === undefined)) {
        // 0 is a value here: it answers (or is refused) as the number 0, with a message if refused.
        if (!desktop.ok) expect(desktop.error.message.length).toBeGreaterThan(10);
      } else {
        expect(desktop).toEqual(expected);
      }
    });

    it('a 1x1 range is the single value it holds', () => {
      const value = index < normal.length ? (normal[index] ?? null) : null;
      if (value === null || Array.isArray(value)) return;
      expect(run(fn, withValue([[value]]))).toEqual(run(fn, withValue(value)));
    });

    if (spec.type === 'number') {
      it('a number typed as text reads as the number', () => {
        const value = spec.range !== undefined ? engine.inputRanges[spec.range].default : null;
        if (typeof value !== 'number' || value === 0) return;
        expect(run(fn, withValue(String(value)))).toEqual(run(fn, withValue(value)));
      });

      it('TRUE where a number belongs is #VALUE! naming the argument', () => {
        const outcome = run(fn, withValue(true));
        expect(outcome.ok ? 'ok' : outcome.error.kind).toBe('value');
        expect(outcome.ok ? '' : outcome.error.message).toContain(spec.name);
      });
    }

    it('an error value as input is #VALUE! naming the argument, never an exception', () => {
      const errorValue = new Error('#N/A') as unknown as CellInput;
      const outcome = run(fn, withValue(errorValue));
      expect(outcome.ok ? 'ok' : outcome.error.kind).toBe('value');
      expect(outcome.ok ? '' : outcome.error.message).toContain(`${spec.name} is an error value`);
    });
  });
});

describe('Excel behaviour contract: refusals always carry a message', () => {
  it.each(SIZER_FUNCTIONS.map((f) => [f.name, f] as const))('SIZER.%s: every refusal is #VALUE! or #N/A with a message', (_name, fn) => {
    const normal = CASES[fn.name]?.normal ?? [];
    const variants: CellInput[][] = fn.args.map((spec, i) => fn.args.map((_, j) => (j === i ? (spec.type === 'number' ? -1e9 : 'no such thing') : (normal[j] ?? null))));
    for (const args of variants) {
      const outcome = run(fn, args);
      if (outcome.ok) continue;
      expect(['value', 'na']).toContain(outcome.error.kind);
      expect(outcome.error.message).toMatch(/\S.{10,}/);
    }
  });
});
