/**
 * Checks a number against its entry in the range table. Three failures, each with one error code
 * and one message form in every host:
 *   invalid_input  "streams must be a number, got "four""                 (not a finite number)
 *   not_whole      "streams must be a whole number from 1 to 16, got 2.5"  (a fraction where a count is asked)
 *   out_of_range   "streams must be a whole number from 1 to 16, got 17"   (outside the range)
 */
import { SizerError } from '../util/errors';
import type { InputRange } from './ranges';

/** The valid values in words: "a whole number from 1 to 16", "greater than 0 and at most 1", "0, or from 0.001 to 1000000". */
export function describeRange(range: InputRange): string {
  const span = range.minExclusive
    ? `greater than ${String(range.min)} and at most ${String(range.max)}`
    : `from ${String(range.min)} to ${String(range.max)}`;
  const body = range.whole ? `a whole number ${span}` : span;
  return range.zeroAllowed ? `0, or ${body}` : body;
}

/** The range in the CLI help's short form: "1..16", "(0, 1]". */
export function shortRange(range: InputRange): string {
  return range.minExclusive ? `(${range.min}, ${range.max}]` : `${range.min}..${range.max}`;
}

/** Help text for an input: "Camera streams: a whole number from 1 to 16 streams; blank = 1". */
export function describeInput(range: InputRange, lead: string = range.label): string {
  const unit = range.unit === '' || range.unit === 'fraction' ? '' : ` ${range.unit}`;
  return `${lead}: ${describeRange(range)}${unit}; blank = ${range.defaultText}`;
}

/** True when the value is valid for this input (finite, inside the range, whole where it must be). */
export function isInRange(range: InputRange, value: number): boolean {
  return Number.isFinite(value) && (!range.whole || Number.isInteger(value)) && inside(range, value);
}

function inside(range: InputRange, value: number): boolean {
  if (range.zeroAllowed && value === 0) return true;
  const aboveMin = range.minExclusive ? value > range.min : value >= range.min;
  return aboveMin && value <= range.max;
}

/** The value when it is a finite number inside the range (and whole where it must be); throws a SizerError otherwise. */
export function checkInput(range: InputRange, value: unknown, field: string = range.field): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SizerError('invalid_input', `${field} must be a number, got ${JSON.stringify(value) ?? String(value)}`, field);
  }
  if (range.whole && !Number.isInteger(value)) {
    throw new SizerError('not_whole', `${field} must be ${describeRange(range)}, got ${value}`, field);
  }
  if (!inside(range, value)) {
    throw new SizerError('out_of_range', `${field} must be ${describeRange(range)}, got ${value}`, field);
  }
  return value;
}

/** A blank (null or undefined) takes the given default; anything else is checked. */
export function inputOr(range: InputRange, value: number | null | undefined, fallback: number, field?: string): number {
  return value === undefined || value === null ? fallback : checkInput(range, value, field);
}

/** A blank takes the table's default, which must exist for this input. */
export function inputOrDefault(range: InputRange, value: number | null | undefined, field?: string): number {
  if (value !== undefined && value !== null) return checkInput(range, value, field);
  if (range.default === null) throw new SizerError('invalid_input', `${field ?? range.field} is required`, field ?? range.field);
  return range.default;
}

/** A blank stays null (the caller's context decides, e.g. the tier's own NPU share); anything else is checked. */
export function optionalInput(range: InputRange, value: number | null | undefined, field?: string): number | null {
  return value === undefined || value === null ? null : checkInput(range, value, field);
}
