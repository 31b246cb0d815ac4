/**
 * Reads a file the user names on the command line (today the --anchors file) defensively: it must be a
 * regular file (not a device such as /dev/urandom, a FIFO or a folder, which could be endless or block),
 * no larger than its cap, checked on the open descriptor before anything is read, and read no further
 * than the cap even if it grows meanwhile. Every refusal is one line naming the file, as a UsageError
 * (exit status 2); the file's contents are never quoted.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './export/options';

/** UTF-8 spends at most 4 bytes on a character, so a text of `chars` characters has at most this many bytes. */
export function utf8BytesFor(chars: number): number {
  return chars * 4;
}

/** The file's text (UTF-8); `what` names it in messages ("anchors file"). */
export function readUserFile(path: string, what: string, maxBytes: number): string {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once (fstat then refuses it) instead of
    // waiting for ever; it changes nothing for a regular file. Windows has no such flag and no FIFOs to open.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw new UsageError(`cannot read ${what} ${path}: ${why}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UsageError(`cannot read ${what} ${path}: it is a folder`);
    if (!stat.isFile()) throw new UsageError(`cannot read ${what} ${path}: not a regular file (a device, pipe or socket)`);
    if (stat.size > maxBytes) throw new UsageError(`cannot read ${what} ${path}: ${stat.size} bytes, more than the ${maxBytes}-byte limit; is this the right file?`);
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length <= maxBytes; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw new UsageError(`cannot read ${what} ${path}: more than the ${maxBytes}-byte limit; is this the right file?`);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
