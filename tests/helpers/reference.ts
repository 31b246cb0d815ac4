import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** ../shared/reference beside the checkout, when this machine has it. */
export const REFERENCE_DIR = join(__dirname, '..', '..', '..', 'shared', 'reference');
export const HAS_REFERENCE = existsSync(join(REFERENCE_DIR, 'parity'));

export interface ParityCell {
  readonly query: Record<string, unknown> & { id: string | number };
  readonly expect: Record<string, unknown>;
}

export function readCells(path: string): ParityCell[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ParityCell);
}
