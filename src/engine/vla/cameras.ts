/**
 * Cameras and fleet: the run mode, and how the camera count scales the vision encoder and the LLM
 * prefill. Native mode encodes each camera as its own image (up to the model's native limit);
 * stitched mode tiles all cameras into the one image layout the model was measured with, so the
 * timing does not change (the quality might; see the caveat in finalize.ts).
 */
import type { VlaModelRecord } from '../catalog/schemas-vla';
import { vlaReasons } from './reasons';
import { VLA_CAMERA_MODES, type VlaCameraMode, type VlaMode } from './types';

export function vlaMode(cameras: number, fleetSize: number): VlaMode {
  if (cameras > 1 && fleetSize > 1) return 'fleet_multi_camera';
  if (fleetSize > 1) return 'fleet';
  if (cameras > 1) return 'multi_camera';
  return 'single';
}

export interface CameraScaling {
  /** Vision time relative to the measurement: cameras encoded over cameras measured. */
  readonly visionScale: number;
  /** Cameras whose image tokens the LLM prefills. */
  readonly prefillCameras: number;
}

function isCameraMode(mode: string): mode is VlaCameraMode {
  return (VLA_CAMERA_MODES as readonly string[]).includes(mode);
}

/** The camera scaling, or the reason the configuration cannot run (checked in the reference's order). */
export function cameraScaling(model: VlaModelRecord, cameras: number, fleetSize: number, cameraMode: string): CameraScaling | { readonly reason: string } {
  if (!isCameraMode(cameraMode)) return { reason: vlaReasons.unknownCameraMode(cameraMode) };
  if (cameras < 1) return { reason: vlaReasons.noCameras(cameras) };
  if (fleetSize < 1) return { reason: vlaReasons.emptyFleet(fleetSize) };
  if (cameraMode === 'stitched') return { visionScale: 1, prefillCameras: model.cameras.measured };
  if (cameras > model.cameras.maxNative) return { reason: vlaReasons.tooManyNativeCameras(model, cameras) };
  return { visionScale: cameras / model.cameras.measured, prefillCameras: cameras };
}
