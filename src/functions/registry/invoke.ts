/**
 * Runs a registry function for a host: reads the arguments, calls the implementation, memoizes the
 * result on the arguments, and turns every failure into a FunctionError (never an exception the
 * host did not expect, never NaN or Infinity).
 */
import { isSizerError, type SizerError } from '../../engine';
import { ArgReader } from './args';
import { type CellInput, type FunctionContext, FunctionError, type FunctionResult, type SizerFunction } from './types';

/** How many results one memo keeps before starting over (a sheet of thousands of calls fits). */
const MEMO_LIMIT = 50_000;

function fromEngineError(error: SizerError): FunctionError {
  switch (error.code) {
    case 'out_of_range':
      return new FunctionError('num', error.message);
    case 'not_whole':
      return new FunctionError('value', error.message);
    case 'not_applicable':
      return new FunctionError('na', error.message);
    default:
      return new FunctionError('value', error.message);
  }
}

function checkFinite(fn: SizerFunction, result: FunctionResult): FunctionResult {
  const bad = (v: unknown): boolean => typeof v === 'number' && !Number.isFinite(v);
  if (Array.isArray(result) ? result.some((row) => row.some(bad)) : bad(result)) {
    throw new FunctionError('num', `SIZER.${fn.name}: the projection has no finite value for these inputs`);
  }
  return result;
}

export type Outcome = { readonly ok: true; readonly value: FunctionResult } | { readonly ok: false; readonly error: FunctionError };

export function runFunction(ctx: FunctionContext, fn: SizerFunction, values: readonly CellInput[]): Outcome {
  try {
    const args = new ArgReader(fn.name, fn.args, values, ctx.engine.catalog);
    return { ok: true, value: checkFinite(fn, fn.implement(ctx, args)) };
  } catch (error) {
    if (error instanceof FunctionError) return { ok: false, error };
    if (isSizerError(error)) return { ok: false, error: fromEngineError(error) };
    return { ok: false, error: new FunctionError('value', `SIZER.${fn.name}: unexpected failure (${error instanceof Error ? error.message : String(error)})`) };
  }
}

function memoKey(fn: SizerFunction, values: readonly CellInput[]): string {
  // Trailing omitted arguments are the same call as no arguments there.
  let end = values.length;
  while (end > 0 && (values[end - 1] === null || values[end - 1] === undefined)) end -= 1;
  return `${fn.name}(${JSON.stringify(values.slice(0, end))})`;
}

/** A memoizing runner bound to one context (one engine; a new anchors file means a new runner). */
export function createRunner(ctx: FunctionContext) {
  const memo = new Map<string, Outcome>();
  return (fn: SizerFunction, values: readonly CellInput[]): Outcome => {
    const key = memoKey(fn, values);
    const cached = memo.get(key);
    if (cached) return cached;
    const outcome = runFunction(ctx, fn, values);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, outcome);
    return outcome;
  };
}

export type Runner = ReturnType<typeof createRunner>;
