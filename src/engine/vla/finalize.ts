/**
 * What every running configuration gets after its architecture's projection: the provenance
 * demotion for an unmeasured camera count, the stitched-image caveat, per-camera and per-instance
 * figures, the fleet (robots time-sharing the chip) and the fleet's memory check. A fleet that
 * does not fit keeps its numbers with runs: false, as in the reference.
 */
import type { VlaModelRecord } from '../catalog/schemas-vla';
import type { VlaContext } from './context';
import { vlaReasons } from './reasons';
import type { VlaProjection } from './types';

export function finalizeVla(ctx: VlaContext, model: VlaModelRecord, result: VlaProjection): VlaProjection {
  if (result.runs !== true || result.deferred) return result;
  const { visionMs, msPerAction, actionHz, dramGb } = result;
  if (visionMs === null || msPerAction === null || actionHz === null || dramGb === null) {
    throw new Error(`VLA projection of ${result.vla} ran without its timings`);
  }
  const cameras = ctx.nCameras;
  const fleet = result.fleetSize;

  // Vision time for a camera count nobody measured is an extrapolation, however good the anchor.
  const demote = ctx.cameras.visionScale !== 1 && (result.vlaSource === 'measured' || result.vlaSource === 'calibrated');
  const stitched = result.cameraMode === 'stitched' && cameras > 1;

  // A fleet time-shares one chip: each robot gets 1/fleet of it, so the chip's total rate stays the
  // single-instance rate (which is why aggregate_action_hz equals the per-instance figure).
  const fleetMemoryGb = dramGb * fleet;
  const fits = fleetMemoryGb + ctx.vla.fitMarginGb < ctx.hw.memCapacityGb;

  return {
    ...result,
    runs: fits,
    reason: fits ? result.reason : vlaReasons.fleetMemory(fleet, fleetMemoryGb, ctx.vla.fitMarginGb, ctx.hw.memCapacityGb, ctx.hw.name),
    vlaSource: demote ? 'cross_class' : result.vlaSource,
    vlaSourceReason: demote ? vlaReasons.cameraCountNotMeasured(model, cameras) : result.vlaSourceReason,
    stitchedQualityCaveat: stitched ? vlaReasons.stitchedQuality(cameras) : null,
    visionMsPerCamera: visionMs / cameras,
    totalVisionMs: visionMs,
    perInstanceMsPerAction: msPerAction,
    perInstanceActionHz: actionHz,
    aggregateActionHz: actionHz,
    msPerAction: fleet > 1 ? msPerAction * fleet : msPerAction,
    actionHz: fleet > 1 ? actionHz / fleet : actionHz,
    fleetMemoryGb,
    fitsInMemory: fits,
  };
}
