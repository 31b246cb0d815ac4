/** Building VlaProjection values: the setup fields with every outcome field empty, and the two early exits. */
import type { VlaProjection } from './types';

export type VlaSetup = Pick<
  VlaProjection,
  'vla' | 'hardware' | 'dtype' | 'architecture' | 'nActionTokens' | 'npuShare' | 'nCameras' | 'fleetSize' | 'cameraMode' | 'mode'
>;

/** The setup with no verdict and no numbers; each architecture fills in what it computes. */
export function blankProjection(setup: VlaSetup): VlaProjection {
  // Listed field by field: V8 builds `{ ...setup, <40 more fields> }` hundreds of times slower.
  return {
    vla: setup.vla,
    hardware: setup.hardware,
    dtype: setup.dtype,
    architecture: setup.architecture,
    nActionTokens: setup.nActionTokens,
    npuShare: setup.npuShare,
    nCameras: setup.nCameras,
    fleetSize: setup.fleetSize,
    cameraMode: setup.cameraMode,
    mode: setup.mode,
    runs: null,
    deferred: false,
    reason: null,
    vlaSource: null,
    vlaSourceReason: null,
    regime: null,
    stitchedQualityCaveat: null,
    visionMs: null,
    llmPrefillMs: null,
    vlmForwardMs: null,
    decodeMsPerToken: null,
    llmForwardMs: null,
    forwardMs: null,
    actionChunkLength: null,
    msPerAction: null,
    actionHz: null,
    dramGb: null,
    fitsInMemory: null,
    visionMsPerCamera: null,
    totalVisionMs: null,
    perInstanceMsPerAction: null,
    perInstanceActionHz: null,
    aggregateActionHz: null,
    fleetMemoryGb: null,
    vlmDtype: null,
    expertDtype: null,
    vlmBackboneMs: null,
    numDenoiseSteps: null,
    denoiseStepMs: null,
    denoiseLoopMs: null,
    denoiseBottleneck: null,
    denoiseProjection: null,
    chunkLatencyMs: null,
    fastLoopOnlyHz: null,
    denoiseStepMsOptimizedFloor: null,
    msPerActionOptimizedFloor: null,
    actionHzOptimizedFloor: null,
    fastLoopOnlyHzOptimizedFloor: null,
  };
}

/** A configuration the hardware or the model cannot run: a reason, and no numbers. */
export function notRun(setup: VlaSetup, reason: string): VlaProjection {
  return { ...blankProjection(setup), runs: false, reason };
}

/** A model with nothing measured to project from: no verdict, no numbers. */
export function deferred(setup: VlaSetup, reason: string): VlaProjection {
  return { ...blankProjection(setup), deferred: true, reason };
}
