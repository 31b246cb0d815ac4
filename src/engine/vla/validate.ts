/**
 * Range checks on a VlaQuery, against the range table (src/engine/inputs/ranges.ts). Zero cameras
 * and an empty fleet are valid questions with a "does not run" answer (the reference answers them
 * that way); fractions, negatives and absurd sizes are not questions at all and are rejected with
 * the field and its range (docs/decisions/0006).
 */
import type { Catalog } from '../catalog/load';
import { checkInput } from '../inputs/check';
import { SizerError } from '../util/errors';
import type { VlaQuery } from './types';

export function checkVlaQuery(catalog: Catalog, query: VlaQuery): void {
  const ranges = catalog.inputRanges;
  const vla = catalog.files['vla.json'];
  if (query.cameras !== null) checkInput(ranges.cameras, query.cameras);
  checkInput(ranges.fleetSize, query.fleetSize);
  if (query.nActionTokens !== null) checkInput(ranges.nActionTokens, query.nActionTokens);
  if (query.npuShare !== null) checkInput(ranges.npuShare, query.npuShare);
  if (query.dtype !== null && !vla.dtypes.some((d) => d.id === query.dtype)) {
    throw new SizerError('unknown_name', `unknown dtype "${query.dtype}"; valid: ${vla.dtypes.map((d) => d.id).join(', ')}`, 'dtype');
  }
}
