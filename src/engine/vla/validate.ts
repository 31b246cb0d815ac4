/**
 * Range checks on a VlaQuery. Zero cameras and an empty fleet are valid questions with a "does not
 * run" answer (the reference answers them that way); fractions, negatives and absurd sizes are not
 * questions at all and are rejected with the field and its range (docs/decisions/0006).
 */
import type { VlaFile } from '../catalog/schemas-vla';
import { SizerError } from '../util/errors';
import type { VlaQuery } from './types';

function checkWhole(value: number, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SizerError('out_of_range', `${field} must be a whole number from ${min} to ${max}, got ${value}`, field);
  }
}

export function checkVlaQuery(vla: VlaFile, query: VlaQuery): void {
  const { limits } = vla;
  if (query.cameras !== null) checkWhole(query.cameras, 'cameras', 0, limits.maxCameras);
  checkWhole(query.fleetSize, 'fleet_size', 0, limits.maxFleetSize);
  if (query.nActionTokens !== null) checkWhole(query.nActionTokens, 'n_action_tokens', 1, limits.maxActionTokens);
  if (query.npuShare !== null && !(Number.isFinite(query.npuShare) && query.npuShare > 0 && query.npuShare <= 1)) {
    throw new SizerError('out_of_range', `npu_share must be greater than 0 and at most 1, got ${query.npuShare}`, 'npu_share');
  }
  if (query.dtype !== null && !vla.dtypes.some((d) => d.id === query.dtype)) {
    throw new SizerError('unknown_name', `unknown dtype "${query.dtype}"; valid: ${vla.dtypes.map((d) => d.id).join(', ')}`, 'dtype');
  }
}
