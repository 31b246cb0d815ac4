/**
 * The SIZER function registry: every worksheet function is declared once here (name, arguments
 * with type and help, result shape, implementation). The Excel custom-functions file, the
 * HyperFormula plugin used in tests and docs/functions.md are all generated from these
 * declarations. Implementations only translate: they read arguments and call the engine.
 */
import type { CalibrationFile, CatalogText, Engine, InputRangeId } from '../../engine';

/** A cell value as both Excel and HyperFormula hand it over. */
export type CellScalar = string | number | boolean | null | undefined;
export type CellInput = CellScalar | CellScalar[][];

/** A worksheet error: #VALUE! (bad argument), #NUM! (number out of range), #N/A (not applicable). */
/**
 * #VALUE! for a bad argument, #N/A for a combination that does not apply. Excel shows a custom message
 * only with these two (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors,
 * "The CustomFunctions.Error object"), so SIZER never answers #NUM!, whose message Excel drops.
 */
export type FunctionErrorKind = 'value' | 'na';

export class FunctionError extends Error {
  constructor(
    readonly kind: FunctionErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

export type ScalarResult = string | number | boolean;
export type MatrixResult = ScalarResult[][];
export type FunctionResult = ScalarResult | MatrixResult;

/**
 * Help, descriptions and example answers that name catalog facts (quants, tiers, models, defaults)
 * are functions of the catalog (src/engine/catalog/facts.ts), rendered when functions.ts,
 * docs/functions.md or an error message is written: the freshness test catches a data edit.
 */
export { type CatalogText, renderText } from '../../engine';

/**
 * Excel custom-function parameter types (the JSDoc types the metadata generator understands). 'table'
 * is a range of cells (JSDoc any[][]: metadata type any, dimensionality matrix), read with
 * ArgReader.table; a single value there is a 1x1 table.
 */
export type ArgType = 'string' | 'number' | 'boolean' | 'any' | 'table';

export interface ArgSpec {
  /** snake_case name, shown in Excel's formula bar. */
  readonly name: string;
  readonly type: ArgType;
  readonly optional: boolean;
  readonly help: CatalogText;
  /** For a number: its entry in the engine's range table, which its help text and docs describe. */
  readonly range?: InputRangeId;
  /** Engine fields this argument carries under another name (BUDGETROW's streams_or_qpm is streams or queries_per_minute). */
  readonly carries?: readonly string[];
}

export type ResultShape = 'number' | 'string' | 'boolean' | 'matrix';

/** A calibration kept with the workbook under a name (the pane's "Use this calibration"). */
export interface NamedCalibration {
  readonly name: string;
  readonly calibration: CalibrationFile;
}

export interface FunctionContext {
  readonly engine: Engine;
  /** The workbook's named calibration, which the engine's calibrated basis already uses; absent: none. */
  readonly namedCalibration?: NamedCalibration | null;
}

export interface SizerFunction {
  /** Name after the SIZER. namespace, upper case (TOKPS). */
  readonly name: string;
  readonly description: CatalogText;
  readonly args: readonly ArgSpec[];
  readonly result: ResultShape;
  readonly resultHelp: CatalogText;
  /** An example formula and what it answers, for docs/functions.md. */
  readonly example: { readonly formula: string; readonly answers: CatalogText };
  readonly implement: (ctx: FunctionContext, args: import('./args').ArgReader) => FunctionResult;
  /**
   * The spill's rows and columns when they do not depend on the values of its table arguments
   * (SIZER.PLAN: one row per candidate tier). HyperFormula must size a spill before it evaluates
   * it, from the literal arguments alone (src/functions/hyperformula/plugin.ts); Excel does not use it.
   */
  readonly spillSize?: (ctx: FunctionContext, literal: readonly CellInput[]) => { readonly rows: number; readonly columns: number } | null;
}

/**
 * Every declared function, in declaration order, so the registry can tell a declaration from any
 * other export of a defs module, and a test can find a declaration its module forgot to export.
 */
const DECLARED: SizerFunction[] = [];
const DECLARED_SET = new WeakSet<object>();

export function defineFunction(spec: SizerFunction): SizerFunction {
  const fn = Object.freeze(spec);
  DECLARED.push(fn);
  DECLARED_SET.add(fn);
  return fn;
}

/** Every defineFunction call made so far (in this process). */
export function definedFunctions(): readonly SizerFunction[] {
  return [...DECLARED];
}

export function isSizerFunction(value: unknown): value is SizerFunction {
  return typeof value === 'object' && value !== null && DECLARED_SET.has(value);
}
