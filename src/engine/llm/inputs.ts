/**
 * Range checks for the context-curve and what-if inputs (docs/decisions/0006-input-ranges.md): a
 * number outside its range is rejected with a message naming the field (as the query spells it),
 * the valid range and the value, never projected into NaN, Infinity or a negative speed.
 */
import { SizerError } from '../util/errors';

export interface NumberRange {
  readonly min: number;
  /** Omitted: no upper bound. */
  readonly max?: number;
  /** True: the value must be strictly greater than min. */
  readonly minExclusive?: boolean;
  readonly whole?: boolean;
}

function describeRange(range: NumberRange): string {
  const lower = range.minExclusive ? `greater than ${range.min}` : `at least ${range.min}`;
  const upper = range.max === undefined ? '' : ` and at most ${range.max}`;
  return `${range.whole ? 'a whole number of ' : ''}${lower}${upper}`;
}

/** Returns the value when it is a finite number inside the range; throws a SizerError otherwise. */
export function checkRange(value: number, field: string, range: NumberRange): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SizerError('invalid_input', `${field} must be a finite number, got ${JSON.stringify(value)}`, field);
  }
  const belowMin = range.minExclusive ? value <= range.min : value < range.min;
  const aboveMax = range.max !== undefined && value > range.max;
  if (belowMin || aboveMax || (range.whole && !Number.isInteger(value))) {
    throw new SizerError('out_of_range', `${field} must be ${describeRange(range)}, got ${value}`, field);
  }
  return value;
}

/** NPU share: (0, 1]; null takes the tier default. */
export const NPU_SHARE_RANGE: NumberRange = { min: 0, max: 1, minExclusive: true };
/** Compiler quality relative to TensorRT: (0, 10], as for vision. */
export const COMPILER_QUALITY_RANGE: NumberRange = { min: 0, max: 10, minExclusive: true };
/**
 * Upper bounds are far beyond any real model (100 million tokens of context, 100 trillion
 * parameters, a million-wide hidden layer); they keep the KV-cache and byte arithmetic finite.
 */
/** Token counts: whole, at least one. */
export const TOKEN_COUNT_RANGE: NumberRange = { min: 1, max: 100_000_000, whole: true };
/** Parameter counts in billions: above zero. */
export const PARAMS_B_RANGE: NumberRange = { min: 0, max: 100_000, minExclusive: true };
/** Layer counts and hidden dimensions: whole, at least one. */
export const DIMENSION_RANGE: NumberRange = { min: 1, max: 1_000_000, whole: true };

export function checkNpuShare(value: number | null | undefined): number | null {
  return value === undefined || value === null ? null : checkRange(value, 'npu_share', NPU_SHARE_RANGE);
}

export function checkCompilerQuality(value: number | null | undefined): number {
  return value === undefined || value === null ? 1 : checkRange(value, 'compiler_quality', COMPILER_QUALITY_RANGE);
}
