/**
 * Python's round(x, ndigits) and '{:.nf}' formatting, reproduced exactly.
 *
 * Python rounds the exact binary value of the double to the nearest decimal, and breaks exact ties
 * to even. JavaScript's toFixed also works on the exact value but breaks ties away from zero, so the
 * two differ only on exact binary ties (0.125 -> "0.12" in Python, "0.13" in JS). The reference's
 * budget columns are Python-rounded, so parity depends on getting the ties right.
 */

/** Digits past the rounding position that are enough to see any deviation from an exact tie. */
const TIE_PROBE_DIGITS = 22;

function isExactTie(x: number, ndigits: number): boolean {
  const probeDigits = Math.min(100, ndigits + TIE_PROBE_DIGITS);
  const text = Math.abs(x).toFixed(probeDigits);
  const dot = text.indexOf('.');
  const tail = text.slice(dot + 1 + ndigits);
  return /^50*$/.test(tail);
}

/** Far enough from a tie that floating-point error in x * 10^n cannot change the rounding. */
const TIE_MARGIN = 1e-6;

export function pyRound(x: number, ndigits = 0): number {
  if (!Number.isFinite(x)) return x;
  if (Math.abs(x) >= 1e21) return x;
  if (ndigits >= 0 && ndigits <= 15) {
    const scale = 10 ** ndigits;
    const scaled = Math.abs(x) * scale;
    if (scaled < 1e9) {
      const fraction = scaled - Math.floor(scaled);
      if (Math.abs(fraction - 0.5) > TIE_MARGIN) {
        // Fast path: clearly not a tie, so rounding half away from zero is Python's answer; dividing
        // the integer by 10^n is correctly rounded, i.e. the double nearest the decimal result.
        const rounded = Math.round(scaled) / scale;
        return x < 0 && rounded !== 0 ? -rounded : rounded;
      }
    }
  }
  if (isExactTie(x, ndigits)) {
    const scale = 10 ** ndigits;
    // For an exact tie x*10^n = k + 0.5 is exactly representable, so this product is exact.
    const k = Math.floor(Math.abs(x) * scale);
    const even = k % 2 === 0 ? k : k + 1;
    const rounded = even / scale;
    return x < 0 ? -rounded : rounded;
  }
  const rounded = Number(x.toFixed(ndigits));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Python's f'{x:.{n}f}'. */
export function pyFixed(x: number, ndigits: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan';
  return pyRound(x, ndigits).toFixed(ndigits);
}

/** Python's repr() of a float: shortest round-trip digits, always with a decimal point or exponent. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x !== 0 && (Math.abs(x) >= 1e16 || Math.abs(x) < 1e-4)) {
    const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
    const exp = Number(exponent);
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const text = String(x);
  return Number.isInteger(x) ? `${text}.0` : text;
}
