/** `sizer export matrix`: the full platform-budget matrix as CSV, to a file or standard output. */
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { budgetRowsToCsv, type Engine } from '../engine';

export interface ExportOptions {
  readonly out: string;
  readonly commitSha: string;
  readonly now: Date;
  readonly progress: (message: string) => void;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function exportMatrixCsv(engine: Engine, options: ExportOptions): string {
  const rows = engine.matrix((done, total) => options.progress(`matrix: ${done}/${total} rows`));
  return budgetRowsToCsv(engine.catalog, rows, { commitSha: options.commitSha, exportTimestampIso: isoSeconds(options.now) });
}

/**
 * Writes to a temporary file beside the target and renames it into place, so a failed export never
 * leaves a partial file (or clobbers a good one).
 */
export function writeFileAtomically(path: string, content: string): void {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.partial`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
    throw error;
  }
}
