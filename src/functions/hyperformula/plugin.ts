/**
 * The SIZER registry as a HyperFormula function plugin: the stand-in formula engine for tests and
 * benchmarks (no Excel here). Same registry, same runner, same errors as the Excel host:
 * #VALUE! and #N/A carry the registry's message.
 *
 * Spilled results need their size before evaluation in HyperFormula. The size is taken by running
 * the function on its literal arguments; a spilling function whose arguments are cell references
 * sizes from the same call with those references read as blank, so keep spill arguments literal in
 * HyperFormula (Excel has no such limit).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser/Ast';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import type { Runner } from '../registry/invoke';
import type { CellInput, FunctionErrorKind, SizerFunction } from '../registry/types';

const ERROR_TYPE: Record<FunctionErrorKind, ErrorType> = { value: ErrorType.VALUE, na: ErrorType.NA };

/**
 * What a reference to an empty cell arrives as. Excel desktop passes 0 and Excel on the web passes
 * null (https://github.com/OfficeDev/office-js/issues/4702); an omitted argument is null on both
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options,
 * "Optional parameters"). Tests evaluate a workbook under each convention.
 */
export type EmptyCellConvention = 'desktop' | 'web';

function toCellInput(value: unknown, emptyCell: EmptyCellConvention = 'web'): CellInput {
  // A range handed to a table argument: its cells, each converted as a single value would be.
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map((cell) => toCellInput(cell, emptyCell) as Exclude<CellInput, unknown[]>));
  if (value instanceof CellError) return new Error(value.message) as unknown as CellInput;
  if (value === EmptyValue) return emptyCell === 'desktop' ? 0 : null;
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  // Numbers with a format (dates, percentages) arrive wrapped; their raw value is the number.
  if (typeof value === 'object' && value !== null && 'val' in value) return Number((value as { val: unknown }).val);
  return String(value);
}

/** Literal argument values for sizing a spill (references read as blank). */
function literalArgs(args: readonly Ast[]): CellInput[] {
  return args.map((a) => {
    const node = a as { type: string; value?: unknown };
    if (node.type === 'NUMBER' || node.type === 'STRING') return toCellInput(node.value);
    if (node.type === 'MINUS_UNARY_OP') {
      const inner = (a as unknown as { value: { type: string; value?: unknown } }).value;
      return inner.type === 'NUMBER' ? -Number(inner.value) : null;
    }
    return null;
  });
}

export function sizerPluginFor(functions: readonly SizerFunction[], runner: () => Runner, emptyCell: () => EmptyCellConvention = () => 'web') {
  const byId = new Map(functions.map((f) => [`SIZER.${f.name}`, f]));
  const implemented: ImplementedFunctions = {};
  for (const [id, fn] of byId) {
    implemented[id] = {
      method: 'evaluate',
      parameters: fn.args.map((a) => ({ argumentType: a.type === 'table' ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR, optionalArg: a.optional })),
      ...(fn.result === 'matrix' ? { sizeOfResultArrayMethod: 'size', vectorizationForbidden: true } : {}),
    };
  }

  class SizerPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented;

    evaluate(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
      const fn = byId.get(ast.procedureName);
      if (!fn) return new CellError(ErrorType.NAME, `unknown function ${ast.procedureName}`);
      return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (...values: unknown[]) => {
        const convention = emptyCell();
        const outcome = runner()(fn, values.map((v) => toCellInput(v, convention)));
        if (!outcome.ok) return new CellError(ERROR_TYPE[outcome.error.kind], outcome.error.message);
        const value = outcome.value;
        return Array.isArray(value) ? SimpleRangeValue.onlyValues(value) : value;
      }) as InterpreterValue;
    }

    size(ast: ProcedureAst, _state: InterpreterState): ArraySize {
      const fn = byId.get(ast.procedureName);
      if (!fn) return ArraySize.error();
      const literal = literalArgs(ast.args);
      const run = runner();
      const outcome = run(fn, literal);
      if (!outcome.ok && fn.spillSize) {
        // A table argument given by reference reads as blank here; the function knows its size without it.
        const size = fn.spillSize(run.context, literal);
        if (size) return new ArraySize(size.columns, size.rows);
      }
      if (!outcome.ok || !Array.isArray(outcome.value)) return ArraySize.scalar();
      return new ArraySize(outcome.value[0]?.length ?? 1, outcome.value.length);
    }
  }
  return SizerPlugin;
}

/** Registers the plugin with HyperFormula (translations name each function as itself). */
export function registerSizerFunctions(
  hf: typeof HyperFormula,
  functions: readonly SizerFunction[],
  runner: () => Runner,
  emptyCell: () => EmptyCellConvention = () => 'web',
): void {
  const names = Object.fromEntries(functions.map((f) => [`SIZER.${f.name}`, `SIZER.${f.name}`]));
  hf.registerFunctionPlugin(sizerPluginFor(functions, runner, emptyCell), { enGB: names, enUS: names });
}
