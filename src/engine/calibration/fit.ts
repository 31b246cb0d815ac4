/**
 * Fitting the calibrated basis's constants to measurements: least squares on log(projected /
 * measured) with Nelder-Mead over the logs of the constants (so every constant stays positive), and
 * the leave-one-out residuals every reported figure is taken from. Pure and deterministic: the same
 * rows give the same constants on every host.
 */
import { SizerError } from '../util/errors';
import { calibratedDecode, type CalibratedDecodeInput } from './model';
import type { CalibrationConstants, CalibrationFile } from './schema';

export interface FitRow {
  readonly id: string;
  readonly input: CalibratedDecodeInput;
  readonly measuredTokS: number;
}

type Settings = Omit<CalibrationFile, 'constants'>;

/** The fewest rows a fit takes: one more than the number of constants. */
export const FIT_CONSTANTS = 8;
export const MIN_FIT_ROWS = FIT_CONSTANTS + 1;

function toConstants(x: readonly number[]): CalibrationConstants {
  const [e4, e8, e16, gddr, overhead, moe] = x.map(Math.exp) as [number, number, number, number, number, number];
  const narrow = Math.exp(x[6] ?? 0);
  const gddrOverhead = Math.exp(x[7] ?? 0);
  return { bwEfficiency: { '4bit': e4, '8bit': e8, '16bit': e16 }, gddrFactor: gddr, perLayerOverheadMs: overhead, gddrOverheadFactor: gddrOverhead, moeRoutingFactor: moe, narrowBusFactor: narrow };
}

const START = [Math.log(0.6), Math.log(0.7), Math.log(0.75), Math.log(1), Math.log(0.05), Math.log(1.3), 0, 0];

/** log(projected / measured) of one row under some constants. */
export function logResidual(settings: Settings, constants: CalibrationConstants, row: FitRow): number {
  return Math.log(calibratedDecode(settings, constants, row.input).decodeTokS / row.measuredTokS);
}

function fromConstants(c: CalibrationConstants): number[] {
  return [c.bwEfficiency['4bit'], c.bwEfficiency['8bit'], c.bwEfficiency['16bit'], c.gddrFactor, c.perLayerOverheadMs, c.moeRoutingFactor, c.narrowBusFactor, c.gddrOverheadFactor].map(Math.log);
}

/** Weight of the pull toward a prior's constants (per constant, on the log scale) in a refit from a user's rows. */
const PRIOR_WEIGHT = 0.05;

function loss(settings: Settings, rows: readonly FitRow[], x: readonly number[], prior: readonly number[] | null): number {
  const c = toConstants(x);
  let sum = 0;
  for (const row of rows) sum += logResidual(settings, c, row) ** 2;
  if (prior) {
    // A refit from a few lab rows keeps every constant its rows do not pin down (a weight format or
    // memory type they never use) at the shipped fit's value.
    return sum + PRIOR_WEIGHT * x.reduce((s, v, i) => s + (v - (prior[i] ?? 0)) ** 2, 0);
  }
  // A weak pull toward 1 on the factors the data may not pin down (few MoE or GDDR rows), so a
  // fold without them stays physical instead of running off.
  return sum + 0.01 * ((x[3] ?? 0) ** 2 + (x[5] ?? 0) ** 2 + (x[6] ?? 0) ** 2 + (x[7] ?? 0) ** 2);
}

/** Nelder-Mead, fixed iteration budget (deterministic). */
function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], iterations = 4000): number[] {
  const n = start.length;
  let simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] = (p[i] ?? 0) + 0.3;
    simplex.push(p);
  }
  let values = simplex.map(f);
  for (let it = 0; it < iterations; it++) {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
    simplex = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => values[i] as number);
    const best = values[0] as number;
    const worst = values[n] as number;
    if (Math.abs(worst - best) < 1e-12) break;
    const centroid = Array.from({ length: n }, (_, d) => simplex.slice(0, n).reduce((s, p) => s + (p[d] ?? 0), 0) / n);
    const at = (t: number): number[] => centroid.map((c, d) => c + t * (c - ((simplex[n] as number[])[d] ?? 0)));
    const reflected = at(1);
    const fr = f(reflected);
    if (fr < best) {
      const expanded = at(2);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < (values[n - 1] as number)) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = at(fr < worst ? 0.5 : -0.5);
      const fc = f(contracted);
      if (fc < Math.min(fr, worst)) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        const first = simplex[0] as number[];
        simplex = simplex.map((p, i) => (i === 0 ? p : p.map((v, d) => (first[d] ?? 0) + 0.5 * (v - (first[d] ?? 0)))));
        values = simplex.map(f);
      }
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return simplex[bestIndex] as number[];
}

/**
 * Constants fitted to rows. With a prior (the shipped constants, when a user refits from their own
 * lab rows) the fit starts there and is pulled toward it; without one it starts from neutral values.
 */
export function fitConstants(settings: Settings, rows: readonly FitRow[], prior: CalibrationConstants | null = null, minRows = MIN_FIT_ROWS): CalibrationConstants {
  if (rows.length < minRows) throw new SizerError('invalid_input', `a calibration fit needs at least ${minRows} rows, got ${rows.length}`);
  const priorX = prior ? fromConstants(prior) : null;
  return toConstants(nelderMead((x) => loss(settings, rows, x, priorX), priorX ?? START));
}

export interface LooResult {
  readonly id: string;
  /** Projected by constants fitted without this row. */
  readonly projectedTokS: number;
  readonly measuredTokS: number;
  /** Each training row's log(measured / projected) under the fold's constants (the band is read from their spread). */
  readonly trainingResiduals: readonly number[];
}

/** Leave-one-out: each row projected by constants fitted to all the others. */
export function leaveOneOut(settings: Settings, rows: readonly FitRow[], prior: CalibrationConstants | null = null, minRows = MIN_FIT_ROWS): LooResult[] {
  return rows.map((row, i) => {
    const training = rows.filter((_, j) => j !== i);
    const constants = fitConstants(settings, training, prior, minRows);
    return {
      id: row.id,
      projectedTokS: calibratedDecode(settings, constants, row.input).decodeTokS,
      measuredTokS: row.measuredTokS,
      trainingResiduals: training.map((r) => -logResidual(settings, constants, r)),
    };
  });
}

/** The q-quantile (0..1) of numbers, linear between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/**
 * The q-quantile of weighted values (step function of the weighted empirical distribution, taking
 * the midpoint where q falls exactly on a step).
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const pairs = values.map((v, i) => [v, weights[i] ?? 0] as const).sort((a, b) => a[0] - b[0]);
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let cumulative = 0;
  for (let i = 0; i < pairs.length; i++) {
    const [value, weight] = pairs[i] as readonly [number, number];
    cumulative += weight;
    if (cumulative / total > q + 1e-12) return value;
    if (Math.abs(cumulative / total - q) <= 1e-12) return (value + (pairs[i + 1]?.[0] ?? value)) / 2;
  }
  return (pairs[pairs.length - 1] as readonly [number, number])[0];
}
