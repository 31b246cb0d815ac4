/** Writes an export whole or not at all. */
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * Writes to a temporary file beside the target and renames it into place, so a failed export never
 * leaves a partial file (or clobbers a good one).
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
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

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
