/**
 * The user-facing form of a VLA question (names as people type them, nulls for defaults) and its
 * translation into a VlaQuery: the model by key, display name or alias, case-insensitive; dtype and
 * camera mode case-insensitive. An unknown camera mode is passed through, because the reference
 * answers it with runs: false rather than an error.
 */
import type { Catalog } from '../catalog/load';
import type { VlaModelRecord } from '../catalog/schemas-vla';
import { SizerError } from '../util/errors';
import { makeNameResolver, type NameResolver } from '../util/names';
import { VLA_CAMERA_MODES, type VlaQuery } from './types';

export interface VlaArgs {
  readonly vla: string;
  readonly dtype?: string | null;
  readonly cameras?: number | null;
  readonly fleetSize?: number | null;
  readonly cameraMode?: string | null;
  readonly nActionTokens?: number | null;
  readonly npuShare?: number | null;
}

const DEFAULT_FLEET_SIZE = 1;
export const DEFAULT_CAMERA_MODE = 'native';

export function makeVlaModelResolver(catalog: Catalog): NameResolver<VlaModelRecord> {
  return makeNameResolver(
    'VLA',
    catalog.files['vla.json'].models.map((m) => ({ key: m.key, label: m.label, names: m.aliases, value: m })),
  );
}

function cameraModeOf(value: string): string {
  const lower = value.trim().toLowerCase();
  return (VLA_CAMERA_MODES as readonly string[]).includes(lower) ? lower : value;
}

export function vlaQueryOf(catalog: Catalog, models: NameResolver<VlaModelRecord>, args: VlaArgs): VlaQuery {
  if (typeof args.vla !== 'string') throw new SizerError('invalid_input', 'vla (a VLA model name) is required', 'vla');
  return {
    vla: models.resolve(args.vla, 'vla').key,
    dtype: args.dtype === undefined || args.dtype === null ? null : args.dtype.trim().toLowerCase(),
    nActionTokens: args.nActionTokens ?? null,
    cameras: args.cameras ?? null,
    fleetSize: args.fleetSize ?? DEFAULT_FLEET_SIZE,
    cameraMode: cameraModeOf(args.cameraMode ?? DEFAULT_CAMERA_MODE),
    npuShare: args.npuShare ?? null,
  };
}
