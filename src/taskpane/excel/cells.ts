/**
 * Cell-level rules shared by the sheet writer and the procurement model: how a model value becomes
 * an Office.js value, which text must be protected from being read as a formula, and sheet names.
 */
import { DEFAULT_BASIS, type ProjectionBasis } from '../../engine';
import type { CellValue } from '../../report';

/** Number format that makes Excel keep whatever is written as text. */
export const TEXT_FORMAT = '@';

/**
 * Text that Excel would read as a formula or a number if it were typed: "=SUM(A1)", "+1", "-",
 * "@name". Such cells get the text number format "@", assigned before their values, so the string
 * is stored exactly as given (we chose the format over an apostrophe prefix: the stored value is the
 * string itself, and it works whatever the cell's column format is).
 */
export function isFormulaLike(value: unknown): value is string {
  return typeof value === 'string' && /^[=+\-@]/.test(value);
}

/** A model value as Office.js takes it: null and non-finite numbers become empty cells. */
export function toExcelValue(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return value;
}

/** The number format of one cell: the column's, or text for formula-like strings. */
export function cellFormat(value: CellValue, columnFormat: string): string {
  return isFormulaLike(value) ? TEXT_FORMAT : columnFormat;
}

/** Excel's limits on worksheet names. */
export const MAX_SHEET_NAME = 31;
const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

export function cleanSheetName(name: string): string {
  const cleaned = name.replace(INVALID_SHEET_CHARS, ' ').replace(/^'+|'+$/g, '').trim();
  return (cleaned || 'SIZER').slice(0, MAX_SHEET_NAME);
}

/**
 * The first free name among "Base", "Base (2)", "Base (3)", ... (Excel compares sheet names without
 * case); the base is shortened so the suffix still fits in 31 characters.
 */
export function freeSheetName(base: string, taken: ReadonlySet<string>, startAt = 1): string {
  const clean = cleanSheetName(base);
  for (let n = startAt; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const candidate = `${clean.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The first free table name among "Name", "Name_2", ... (table names are workbook-wide, without case). */
export function freeTableName(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([^A-Za-z_])/, '_$1') || 'SizerTable';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? clean : `${clean}_${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Excel column width in points for a width in characters (the default 8.43 characters is 48 points). */
export function columnWidthPoints(characters: number): number {
  return Math.round(characters * 5.7 * 100) / 100;
}

/**
 * The basis argument a live formula ends with: nothing on the reference basis (the function's
 * default), else `skipped` blank arguments and then the basis, e.g. `, , "calibrated"`.
 */
export function basisArgumentTail(basis: ProjectionBasis | null | undefined, skipped: number): string {
  if (basis === null || basis === undefined || basis === DEFAULT_BASIS) return '';
  return `${', '.repeat(skipped)}, "${basis}"`;
}
