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

/**
 * An engine error as the worksheet shows it: #N/A for a combination that does not apply, #VALUE! for
 * everything else. Where the engine's field goes by another name in this function (CUSTOMTIER's
 * tops_int8 is the engine's peak_tops_int8), the message names the argument the user typed.
 */
function fromEngineError(ctx: FunctionContext, fn: SizerFunction, error: SizerError): FunctionError {
  let message = error.message;
  const field = error.field;
  if (field !== undefined) {
    const spec = fn.args.find((a) => a.name !== field && ((a.range !== undefined && ctx.engine.inputRanges[a.range].field === field) || a.carries?.includes(field)));
    if (spec && message.startsWith(`${field} `)) {
      message = spec.carries ? `${spec.name} (${field})${message.slice(field.length)}` : `${spec.name}${message.slice(field.length)}`;
    }
  }
  return new FunctionError(error.code === 'not_applicable' ? 'na' : 'value', message);
}

/**
 * The result in the shape the function's metadata declares: Excel expects a two-dimensional array
 * from a function whose result dimensionality is matrix
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json, "result"), so one
 * field of a record comes back as [[value]].
 */
function shaped(fn: SizerFunction, result: FunctionResult): FunctionResult {
  if (fn.result === 'matrix') return Array.isArray(result) ? result : [[result]];
  if (Array.isArray(result)) throw new FunctionError('value', `SIZER.${fn.name}: internal error, a table where one value was declared`);
  return result;
}

function checkFinite(fn: SizerFunction, result: FunctionResult): FunctionResult {
  const bad = (v: unknown): boolean => typeof v === 'number' && !Number.isFinite(v);
  if (Array.isArray(result) ? result.some((row) => row.some(bad)) : bad(result)) {
    throw new FunctionError('na', `SIZER.${fn.name}: the projection has no finite value for these inputs`);
  }
  return result;
}

export type Outcome = { readonly ok: true; readonly value: FunctionResult } | { readonly ok: false; readonly error: FunctionError };

export function runFunction(ctx: FunctionContext, fn: SizerFunction, values: readonly CellInput[]): Outcome {
  try {
    const args = new ArgReader(fn.name, fn.args, values, ctx.engine.catalog);
    return { ok: true, value: shaped(fn, checkFinite(fn, fn.implement(ctx, args))) };
  } catch (error) {
    if (error instanceof FunctionError) return { ok: false, error };
    if (isSizerError(error)) return { ok: false, error: fromEngineError(ctx, fn, error) };
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
  const run = (fn: SizerFunction, values: readonly CellInput[]): Outcome => {
    const key = memoKey(fn, values);
    const cached = memo.get(key);
    if (cached) return cached;
    const outcome = runFunction(ctx, fn, values);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, outcome);
    return outcome;
  };
  // The context rides along so a host can size a spill from the catalog (SizerFunction.spillSize).
  return Object.assign(run, { context: ctx });
}

export type Runner = ReturnType<typeof createRunner>;
