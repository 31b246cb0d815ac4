/** Writes an export whole or not at all. */
import { randomBytes } from 'node:crypto';
import { renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A write that failed, said once in plain words (the folder, not the temporary file's name). */
export class ExportWriteError extends Error {}

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** The folder the file goes in must exist: refused before anything is built or written. */
export function checkOutputFolder(path: string): void {
  const folder = dirname(path);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new ExportWriteError(`cannot write ${path}: the folder ${folder} does not exist`);
  }
  if (!isFolder) throw new ExportWriteError(`cannot write ${path}: ${folder} is not a folder`);
}

/**
 * Writes to a temporary file beside the target and renames it into place, so a failed export never
 * leaves a partial file (or clobbers a good one).
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  checkOutputFolder(path);
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
    throw new ExportWriteError(`cannot write ${path}: ${why(error)}`);
  }
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
