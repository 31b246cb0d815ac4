/**
 * Calibration from the user's own lab measurements: rows in the query contract's snake_case (a
 * device's memory system, a model's shape, the measured decode tok/s), checked with a message naming
 * the row and the field, refitted starting from (and pulled toward) the shipped constants, and
 * reported with its leave-one-out error. The result is a CalibrationFile an engine takes
 * (EngineOptions.calibration), so every projection on the calibrated basis uses it.
 * See docs/decisions/0028-calibrated-basis.md.
 */
import { z } from 'zod';
import { SizerError } from '../util/errors';
import { theoreticalBandwidthGbs } from '../hardware/types';
import { fitConstants, leaveOneOut, quantile, type FitRow } from './fit';
import { bandSchema, calibrationConstantsSchema, type CalibrationConstants, type CalibrationFile, type DecodeBand } from './schema';

/**
 * Fewest lab rows a refit takes. The refit is anchored to the shipped constants, so it needs fewer
 * rows than a fit from scratch, but leave-one-out still needs two rows in every fold.
 */
export const MIN_USER_ROWS = 3;

const positive = z.number().finite().positive();

export const userCalibrationRowSchema = z
  .strictObject({
    device: z.string().max(200).nullish(),
    mem_bandwidth_gbs: positive.nullish(),
    mem_bus_width_bits: positive.nullish(),
    mem_data_rate_gtps: positive.nullish(),
    mem_type: z.string().min(1).max(50),
    active_params_b: positive,
    total_params_b: positive.nullish(),
    is_moe: z.boolean().nullish(),
    bytes_per_param: z.number().min(0.1).max(4),
    num_layers: z.number().int().positive().nullish(),
    hidden_dim: z.number().int().positive().nullish(),
    kv_head_ratio: z.number().positive().max(1).nullish(),
    context_tokens: z.number().int().positive().nullish(),
    decode_tok_s: positive,
  })
  .refine((r) => r.mem_bandwidth_gbs != null || (r.mem_bus_width_bits != null && r.mem_data_rate_gtps != null), {
    message: 'give mem_bandwidth_gbs, or mem_bus_width_bits and mem_data_rate_gtps to derive it',
    path: ['mem_bandwidth_gbs'],
  });

export type UserCalibrationRow = z.infer<typeof userCalibrationRowSchema>;

/** Context a lab row was measured at when it does not say: llama-bench's tg128. */
export const DEFAULT_LAB_CONTEXT_TOKENS = 128;

/**
 * One lab row, checked; an error names the row by `label` ("calibration row 3", "table row 3") and
 * the field, and never quotes a value the user typed beyond what the schema's message says.
 */
export function parseUserCalibrationRow(raw: unknown, label: string): UserCalibrationRow {
  const parsed = userCalibrationRowSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(row)';
    throw new SizerError('invalid_input', `${label}: ${field}: ${issue ? issueText(issue, raw) : 'invalid'}`, field);
  }
  return parsed.data;
}

const EXPECTED: Readonly<Record<string, string>> = { number: 'a number', int: 'a whole number', string: 'text', boolean: 'TRUE or FALSE' };

/** A lab row's problem in the words every SIZER range error uses ("must be more than 0, got -5"). */
function issueText(issue: z.core.$ZodIssue, raw: unknown): string {
  const value = issue.path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), raw);
  const got = value === undefined ? '' : `, got ${JSON.stringify(value)}`;
  switch (issue.code) {
    case 'too_small':
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}${got}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}${got}`;
    case 'invalid_type':
      return value === undefined ? 'is required' : `must be ${EXPECTED[issue.expected] ?? issue.expected}${got}`;
    default:
      return issue.message;
  }
}

/** The rows of a user calibration: an array, or an object with a "rows" array. Errors name the row (1-based) and the field. */
export function parseUserCalibrationRows(raw: unknown): UserCalibrationRow[] {
  const list = Array.isArray(raw) ? raw : raw !== null && typeof raw === 'object' && Array.isArray((raw as { rows?: unknown }).rows) ? (raw as { rows: unknown[] }).rows : null;
  if (list === null) throw new SizerError('invalid_input', 'a calibration is an array of rows, or an object with a "rows" array');
  return list.map((row, i) => parseUserCalibrationRow(row, `calibration row ${i + 1}`));
}

function fitRowOf(row: UserCalibrationRow, i: number): FitRow {
  const bandwidth = row.mem_bandwidth_gbs ?? theoreticalBandwidthGbs(row.mem_bus_width_bits ?? 0, row.mem_data_rate_gtps ?? 0);
  const total = row.total_params_b ?? row.active_params_b;
  return {
    id: row.device ?? `row ${i + 1}`,
    measuredTokS: row.decode_tok_s,
    input: {
      peakBandwidthGbs: bandwidth,
      memType: row.mem_type,
      busWidthBits: row.mem_bus_width_bits ?? null,
      activeParamsB: row.active_params_b,
      bytesPerParam: row.bytes_per_param,
      isMoe: row.is_moe ?? row.active_params_b < total,
      contextTokens: row.context_tokens ?? DEFAULT_LAB_CONTEXT_TOKENS,
      hiddenDim: row.hidden_dim ?? null,
      numLayers: row.num_layers ?? null,
      kvHeadRatio: row.kv_head_ratio ?? null,
    },
  };
}

export interface UserCalibration {
  /** The calibration an engine takes: the refitted constants and a band from the rows' leave-one-out residuals. */
  readonly calibration: CalibrationFile;
  readonly rows: number;
  readonly looMedianAbsError: number;
  readonly looGeomeanRatio: number;
}

/** What a refit from lab rows produces: the constants, their band and their leave-one-out error. */
export interface UserFit {
  readonly constants: CalibrationConstants;
  readonly band: DecodeBand;
  readonly rows: number;
  readonly looMedianAbsError: number;
  readonly looGeomeanRatio: number;
}

const userFitSchema = z.strictObject({
  constants: calibrationConstantsSchema,
  band: bandSchema,
  rows: z.number().int().min(MIN_USER_ROWS),
  looMedianAbsError: z.number().nonnegative(),
  looGeomeanRatio: positive,
});

/** A fit read back from a worksheet or the workbook's settings, checked; errors start with `what` and name the field. */
export function parseUserFit(raw: unknown, what: string): UserFit {
  const parsed = userFitSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SizerError('invalid_input', `${what}: ${issue?.path.join('.') || '(fit)'}: ${issue?.message ?? 'invalid'}`, what);
  }
  return parsed.data;
}

/**
 * The calibration an engine takes for a user fit: the shipped settings and reference band with the
 * fitted constants and band. One home for this shape, so a fit made now (calibrateFromRows) and one
 * read back from a worksheet (SIZER.CALIBRATE's spilled result, a stored named calibration) are the
 * same calibration.
 */
export function userCalibrationFile(base: CalibrationFile, fit: UserFit, source: string): CalibrationFile {
  return {
    ...base,
    constants: fit.constants,
    bands: { ...base.bands, calibrated: fit.band },
    provenance: {
      validationFile: source,
      rows: fit.rows,
      method: `refit of the shipped constants to ${fit.rows} lab rows (pulled toward the shipped values); band: 10th-90th percentile of leave-one-out measured/projected`,
      looMedianAbsErrorPct: Math.round(fit.looMedianAbsError * 1000) / 10,
      looGeomeanRatio: Math.round(fit.looGeomeanRatio * 1000) / 1000,
    },
  };
}

/** Refits the shipped calibration to a user's lab rows. */
export function calibrateFromRows(base: CalibrationFile, rows: readonly UserCalibrationRow[], source = 'user rows'): UserCalibration {
  if (rows.length < MIN_USER_ROWS) {
    throw new SizerError('invalid_input', `a calibration needs at least ${MIN_USER_ROWS} measured rows (leave-one-out needs two in every fold), got ${rows.length}`);
  }
  const fitRows = rows.map(fitRowOf);
  const constants = fitConstants(base, fitRows, base.constants, MIN_USER_ROWS);
  const loo = leaveOneOut(base, fitRows, base.constants, MIN_USER_ROWS - 1);
  const ratios = loo.map((l) => l.projectedTokS / l.measuredTokS);
  const measuredOverProjected = ratios.map((r) => 1 / r);
  const looMedianAbsError = quantile(ratios.map((r) => Math.abs(r - 1)), 0.5);
  const looGeomeanRatio = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  const band: DecodeBand = { lowRatio: quantile(measuredOverProjected, 0.1), highRatio: quantile(measuredOverProjected, 0.9), rows: rows.length };
  const calibration = userCalibrationFile(base, { constants, band, rows: rows.length, looMedianAbsError, looGeomeanRatio }, source);
  return { calibration, rows: rows.length, looMedianAbsError, looGeomeanRatio };
}
