/**
 * A provenance class's 80% band from its residuals (measured / projected), with the fallback a
 * class with too few rows takes. Used by scripts/accuracy.ts to write data/calibration.json
 * `classBands`; pure, so a test can check it with hand-worked residuals.
 * See docs/decisions/0030-bands-by-provenance-class.md.
 */
import { quantile } from './fit';
import type { ClassBand } from './schema';

/** Residuals a class borrows when it has too few of its own, and what they are (for the band's method). */
export interface BandFallback {
  readonly residuals: readonly number[];
  readonly name: string;
}

/**
 * With at least minRows residuals: their 10th and 90th percentiles. With fewer: the 10th and 90th
 * percentiles of them pooled with the fallback's residuals, widened to cover every one of the class's
 * own residuals (a band never excludes the few rows we have of its class). No own rows and no
 * fallback is a programming error (every class has one).
 */
export function classBandOf(own: readonly number[], ownName: string, minRows: number, fallback: BandFallback): ClassBand {
  if (own.length >= minRows) {
    return { lowRatio: quantile(own, 0.1), highRatio: quantile(own, 0.9), rows: own.length, method: `10th-90th percentile of ${own.length} ${ownName}` };
  }
  const pooled = [...own, ...fallback.residuals];
  const lowRatio = Math.min(quantile(pooled, 0.1), ...own);
  const highRatio = Math.max(quantile(pooled, 0.9), ...own);
  const method =
    own.length === 0
      ? `no ${ownName}: 10th-90th percentile of ${fallback.residuals.length} ${fallback.name}`
      : `only ${own.length} ${ownName} (fewer than ${minRows}): 10th-90th percentile of them pooled with ${fallback.residuals.length} ${fallback.name}, widened to cover all ${own.length}`;
  return { lowRatio, highRatio, rows: pooled.length, method };
}
