/**
 * Calibration from the user's own lab measurements: SIZER.CALIBRATE refits the calibrated basis to a
 * table of lab rows (the same refit `sizer calibrate FILE` makes) and spills the constants with their
 * leave-one-out error; the projection functions that take a basis take that result back through
 * their `calibration` argument, or the name of the calibration kept with the workbook.
 * Layouts and the one parser of the spilled result: src/report/calibration-table.ts.
 * See docs/decisions/0031-calibration-from-lab-rows-in-excel.md.
 */
import { bundledCalibration, type CalibrationFile, type Hardware, type LlmProjection, parseBasis, type ProjectionBasis } from '../../engine';
import { isEmptyCell } from '../../report/table-cells';
import { CALIBRATION_RESULT_HEADER, CALIBRATION_RESULT_ROWS, calibrateTable, calibrationFromResult, calibrationResultCells, calibrationTableHelp, userFitOf } from '../../report/calibration-table';
import type { ArgReader } from '../registry/args';
import type { FunctionGroupId } from '../registry/groups';
import { type ArgSpec, defineFunction, type FunctionContext, FunctionError } from '../registry/types';
import { BASIS_ARG } from './common';

export const GROUP: FunctionGroupId = 'llm';

/** The name that always means the shipped fit (data/calibration.json), even in a workbook with a calibration of its own. */
export const PUBLISHED_CALIBRATION = 'published';

export const CALIBRATION_ARG: ArgSpec = {
  name: 'calibration',
  type: 'table',
  optional: true,
  help: `Your calibration: the spilled result of a SIZER.CALIBRATE (its cell followed by #), or the name of the calibration kept with this workbook ("${PUBLISHED_CALIBRATION}" = the shipped fit); blank = the workbook's calibration if it has one, else the shipped fit. Given, a blank basis means calibrated`,
};

/** The calibration the `calibration` argument names, or null when it is left out or blank (the engine's own). */
export function calibrationArg(ctx: FunctionContext, a: ArgReader): CalibrationFile | null {
  if (!a.has('calibration')) return null;
  const table = a.optionalTable('calibration');
  if (table === null) return null;
  const only = table.length === 1 && table[0]?.length === 1 ? table[0][0] : undefined;
  if (only !== undefined) {
    // A single empty cell (0 on Excel desktop): no calibration given.
    if (isEmptyCell(only)) return null;
    const name = String(only).trim();
    if (name.toLowerCase() === PUBLISHED_CALIBRATION) return bundledCalibration();
    const named = ctx.namedCalibration;
    if (named && named.name.toLowerCase() === name.toLowerCase()) return named.calibration;
    const kept = named ? `its calibration is "${named.name}"` : `it keeps none (the pane's "Use this calibration" keeps one)`;
    throw new FunctionError('value', `calibration: this workbook has no calibration named "${name}" (${kept}); give the range of a SIZER.CALIBRATE result, or "${PUBLISHED_CALIBRATION}"`);
  }
  return calibrationFromResult(bundledCalibration(), table, 'calibration', 'SIZER.CALIBRATE result');
}

/** The basis argument; left blank, it is calibrated when a calibration is given, else reference. */
function basisWith(a: ArgReader, calibration: CalibrationFile | null): ProjectionBasis {
  const text = a.has('basis') ? a.optionalText('basis') : null;
  return text === null && calibration !== null ? 'calibrated' : parseBasis(text);
}

/**
 * The basis and calibration arguments, last in every function whose number reads LLM decode, so a
 * formula written before they existed keeps its meaning (docs/decisions/0033-functions-on-a-basis.md).
 */
export const BASIS_ARGS: readonly ArgSpec[] = [BASIS_ARG, CALIBRATION_ARG];

/** The basis and calibration arguments as the engine takes them; both are read (and checked) whether or not the slot uses them. */
export function basisArgs(ctx: FunctionContext, a: ArgReader): { readonly basis: ProjectionBasis; readonly calibration: CalibrationFile | null } {
  const calibration = calibrationArg(ctx, a);
  return { basis: basisWith(a, calibration), calibration };
}

/**
 * An LLM projection on the basis arguments' basis, for the numbers a function reads from its decode
 * (duty cycle, FPS left under load): the projection itself on the reference basis.
 */
export function projectionOnBasisArgs<T extends LlmProjection>(ctx: FunctionContext, a: ArgReader, hw: Hardware, projection: T): T {
  const { basis, calibration } = basisArgs(ctx, a);
  if (basis === 'reference') return projection;
  const npuShareGiven = a.has('npu_share') ? a.optionalNumber('npu_share') : null;
  return ctx.engine.onBasis(hw, projection, basis, npuShareGiven, calibration).projection;
}

export const CALIBRATE = defineFunction({
  name: 'CALIBRATE',
  description:
    'Refits the calibrated basis to your own lab measurements (the same refit as sizer calibrate): the fitted constants with their leave-one-out error, for the calibration argument of every function that takes a basis (SIZER.TOKPS, SIZER.LLM, SIZER.DUTY, SIZER.PLAN, ...).',
  args: [{ name: 'table', type: 'table', optional: false, help: () => calibrationTableHelp() }],
  result: 'matrix',
  resultHelp: `A header row (${CALIBRATION_RESULT_HEADER.join(', ')}) and one labelled row each: ${CALIBRATION_RESULT_ROWS.map((r) => `${r.label} (${r.meaning})`).join(', ')}.`,
  example: { formula: '=SIZER.CALIBRATE(LabRows[#All])', answers: 'the constants refitted to the lab rows of the table LabRows, and how far leave-one-out projections landed from them' },
  implement: ({ engine }, a) => calibrationResultCells(userFitOf(calibrateTable(engine, a.table('table')))),
  // Always the same rows and two columns, whatever the table holds.
  spillSize: () => ({ rows: CALIBRATION_RESULT_ROWS.length + 1, columns: CALIBRATION_RESULT_HEADER.length }),
});
