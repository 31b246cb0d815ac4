/** The prose SIZER attaches to VLA answers (our own words; parity compares only whether there is one). */
import type { VlaModelRecord } from '../catalog/schemas-vla';
import { VLA_CAMERA_MODES } from './types';

/** GB with at most two decimals, no trailing zeros. */
function gb(value: number): string {
  return String(Number(value.toFixed(2)));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const vlaReasons = {
  unknownCameraMode: (mode: string): string =>
    `camera mode "${mode}" is not one of ${VLA_CAMERA_MODES.map((m) => `"${m}"`).join(', ')}`,

  noCameras: (cameras: number): string => `a VLA needs at least one camera; ${cameras} given`,

  emptyFleet: (fleetSize: number): string => `a fleet needs at least one robot; ${fleetSize} given`,

  tooManyNativeCameras: (model: VlaModelRecord, cameras: number): string =>
    `${model.label} takes at most ${plural(model.cameras.maxNative, 'camera', 'cameras')} as separate images; ` +
    `${cameras} requested (camera mode "stitched" tiles them into one image instead)`,

  componentDtype: (model: VlaModelRecord, component: string, dtype: string, accepted: readonly string[]): string =>
    `the ${component} of ${model.label} does not run at ${dtype} (it runs at ${accepted.join(', ')})`,

  noCompute: (hardware: string, dtype: string): string => `${hardware} has no ${dtype.toUpperCase()} compute`,

  deferred: (model: VlaModelRecord): string =>
    `${model.label} has no RTX 5090 measurements to calibrate from (it is a what-if entry), so SIZER does not project it`,

  expertNeedsFp: (model: VlaModelRecord, hardware: string): string =>
    `the flow-matching action expert of ${model.label} needs FP8 or BF16 compute (INT8 breaks its denoising), ` +
    `and ${hardware} has neither`,

  cameraCountNotMeasured: (model: VlaModelRecord, cameras: number): string =>
    `measured with ${plural(model.cameras.measured, 'camera', 'cameras')}, projected for ${cameras}: ` +
    'the vision (and any prefill) time is scaled by camera count, which no measurement backs',

  stitchedQuality: (cameras: number): string =>
    `${cameras} cameras tiled into one image: each camera is seen at a fraction of the resolution, ` +
    'which can cost task success; the timing is that of one image',

  fleetMemory: (fleetSize: number, fleetMemoryGb: number, marginGb: number, capacityGb: number, hardware: string): string =>
    `a fleet of ${fleetSize} needs ${gb(fleetMemoryGb)} GB plus ${gb(marginGb)} GB headroom, ` +
    `more than the ${capacityGb} GB of ${hardware}`,
} as const;
