/** The full matrix as the reference's platform-budget CSV (caveat header, 30 columns). */
import { budgetRowsToCsv, DEFAULT_BASIS, type Engine, type ProjectionBasis } from '../../engine';
import { basisNote } from '../../report';
import { isoSeconds } from './atomic';

export interface MatrixCsvOptions {
  readonly commitSha: string;
  readonly now: Date;
  readonly progress?: (done: number, total: number) => void;
  /** False: no '#' caveat block (--no-header-comments). */
  readonly headerComments?: boolean;
  /** The basis of the LLM rows' decode (absent: reference), stated among the caveats. */
  readonly basis?: ProjectionBasis;
}

export function exportMatrixCsv(engine: Engine, options: MatrixCsvOptions): string {
  const basis = options.basis ?? DEFAULT_BASIS;
  const rows = engine.matrix(options.progress, basis);
  // The basis line joins the '#' caveat block, which the reference matrix checker skips.
  return budgetRowsToCsv(engine.catalog, rows, { commitSha: options.commitSha, exportTimestampIso: isoSeconds(options.now) }, options.headerComments ?? true, [basisNote(engine, basis, basis)]);
}
