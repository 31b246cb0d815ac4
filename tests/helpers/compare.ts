/**
 * Cell comparison used by every parity test: numbers within 1e-6 relative (1e-9 absolute near
 * zero), everything else exactly; an expected null or "" matches null, "" or an absent field.
 * This is the tolerance the reference checkers use.
 */
export const RELATIVE_TOLERANCE = 1e-6;
export const ABSOLUTE_TOLERANCE = 1e-9;

const blank = (v: unknown): boolean => v === null || v === undefined || v === '';

export function sameCell(want: unknown, got: unknown): boolean {
  if (blank(want)) return blank(got);
  if (typeof want === 'number') {
    if (typeof got !== 'number' || !Number.isFinite(got)) return false;
    const d = Math.abs(want - got);
    return d <= ABSOLUTE_TOLERANCE || d <= RELATIVE_TOLERANCE * Math.abs(want);
  }
  return want === got;
}

/** The fields of `expect` that `got` does not match, as readable lines. */
export function mismatches(expect: Record<string, unknown>, got: Record<string, unknown> | undefined): string[] {
  if (!got) return ['(no result)'];
  return Object.keys(expect)
    .filter((k) => !sameCell(expect[k], got[k]))
    .map((k) => `${k}: want ${JSON.stringify(expect[k])} got ${JSON.stringify(got[k])}`);
}
