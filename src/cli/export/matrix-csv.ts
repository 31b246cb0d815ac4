/** The full matrix as the reference's platform-budget CSV (caveat header, 30 columns). */
import { budgetRowsToCsv, type Engine } from '../../engine';
import { isoSeconds } from './atomic';

export interface MatrixCsvOptions {
  readonly commitSha: string;
  readonly now: Date;
  readonly progress?: (done: number, total: number) => void;
  /** False: no '#' caveat block (--no-header-comments). */
  readonly headerComments?: boolean;
}

export function exportMatrixCsv(engine: Engine, options: MatrixCsvOptions): string {
  const rows = engine.matrix(options.progress);
  return budgetRowsToCsv(engine.catalog, rows, { commitSha: options.commitSha, exportTimestampIso: isoSeconds(options.now) }, options.headerComments ?? true);
}
