/**
 * Dual-loop VLAs: a slow VLM backbone (vision + prefill) once per action chunk, and a fast
 * flow-matching action expert that denoises the chunk in N steps. Time per action is the chunk
 * latency over the chunk length H.
 *
 * The VLM runs at the model's default dtype whatever the query asks (the query's dtype is only
 * echoed, as in the reference). The action expert needs FP8 or BF16: INT8-only silicon cannot run
 * it. On the 5090 the stored measurements are used when the camera setup is the measured one;
 * elsewhere vision and prefill scale with compute and the denoise step is decomposed (denoise.ts).
 */
import type { VlaDualLoopModel } from '../catalog/schemas-vla';
import { type VlaContext, peakTopsAt } from './context';
import { denoiseStep } from './denoise';
import { componentRuns, dramGbAt, dtypeFromPath, expertDtypeCandidates } from './dtype';
import { vlaReasons } from './reasons';
import { blankProjection, deferred, notRun, type VlaSetup } from './result';
import { actionHz, fitsInMemory, prefillComputeScale, visionComputeScale } from './scaling';
import type { VlaProjection } from './types';

interface Backbone {
  readonly visionMs: number;
  readonly prefillMs: number;
  readonly backboneMs: number;
}

export function projectDualLoop(ctx: VlaContext, model: VlaDualLoopModel, setup: VlaSetup): VlaProjection {
  const measured = model.measured5090;
  const anchor = measured.components;
  const loop = measured.dualLoop;
  if (!measured.calibrated || anchor === null || loop === null) return deferred(setup, vlaReasons.deferred(model));

  const chunk = loop.actionChunkLength;
  const steps = loop.numDenoiseSteps;
  const chunkSetup: VlaSetup = { ...setup, nActionTokens: chunk };

  // More cameras than measured add image tokens to the prefill, unless the backbone is camera-invariant.
  const extraCameras = ctx.cameras.prefillCameras - model.cameras.measured;
  const prefillMeasuredMs = model.cameras.backboneInvariant ? anchor.llmPrefillMs : anchor.llmPrefillMs + extraCameras * model.cameras.prefillMsPerCamera;

  const vlmDtype = dtypeFromPath(model.dtypePath.default);
  const { visionEncoder, llmBackbone } = model.components;
  if (!componentRuns(visionEncoder, vlmDtype)) return notRun(chunkSetup, vlaReasons.componentDtype(model, 'vision encoder', vlmDtype, visionEncoder.dtypes));
  if (!componentRuns(llmBackbone, vlmDtype)) return notRun(chunkSetup, vlaReasons.componentDtype(model, 'LLM backbone', vlmDtype, llmBackbone.dtypes));
  const vlmPeak = peakTopsAt(ctx, vlmDtype);
  if (vlmPeak <= 0) return notRun(chunkSetup, vlaReasons.noCompute(ctx.hw.name, vlmDtype));

  const expertDtype = expertDtypeCandidates(model.dtypePath.default).find((dtype) => peakTopsAt(ctx, dtype) > 0);
  if (expertDtype === undefined) return notRun(chunkSetup, vlaReasons.expertNeedsFp(model, ctx.hw.name));

  const step = denoiseStep(ctx, loop.denoiseStepMs, loop.denoiseStepEffectiveBwGbs);
  const vs = ctx.cameras.visionScale;

  let backbone: Backbone;
  let chunkLatencyMs: number;
  let msPerAction: number;
  if (ctx.isReference && vs === 1 && prefillMeasuredMs === anchor.llmPrefillMs) {
    // The measured configuration: the stored end-to-end figures, not a re-composition of them.
    backbone = { visionMs: anchor.visionMs, prefillMs: anchor.llmPrefillMs, backboneMs: loop.vlmBackboneMs };
    chunkLatencyMs = loop.chunkLatencyMs;
    msPerAction = loop.amortizedMsPerAction;
  } else {
    const visionMs = ctx.isReference ? anchor.visionMs * vs : anchor.visionMs * visionComputeScale(ctx, vlmPeak) * vs;
    const prefillMs = ctx.isReference ? prefillMeasuredMs : prefillMeasuredMs * prefillComputeScale(ctx, vlmPeak);
    backbone = { visionMs, prefillMs, backboneMs: visionMs + prefillMs };
    chunkLatencyMs = backbone.backboneMs + steps * step.eagerMs;
    msPerAction = chunkLatencyMs / chunk;
  }

  const floorMsPerAction = (backbone.backboneMs + steps * step.floorMs) / chunk;
  const dramGb = dramGbAt(ctx.vla, model, vlmDtype);
  return {
    ...blankProjection(chunkSetup),
    runs: true,
    vlaSource: ctx.isReference ? 'measured' : 'calibrated',
    regime: ctx.isReference ? 'dual_loop_measured' : 'dual_loop_calibrated_vlm_decomposed_expert',
    visionMs: backbone.visionMs,
    llmPrefillMs: backbone.prefillMs,
    actionChunkLength: chunk,
    msPerAction,
    actionHz: actionHz(msPerAction),
    dramGb,
    fitsInMemory: fitsInMemory(ctx, dramGb),
    vlmDtype,
    // The 5090 measured the expert at the anchor dtype, whatever this hardware would prefer.
    expertDtype: ctx.isReference ? ctx.vla.anchorDtype : expertDtype,
    vlmBackboneMs: backbone.backboneMs,
    numDenoiseSteps: steps,
    denoiseStepMs: step.eagerMs,
    denoiseLoopMs: steps * step.eagerMs,
    denoiseBottleneck: loop.denoiseBottleneck,
    denoiseProjection: ctx.isReference ? 'measured' : 'eager_launch_plus_bw_decomp',
    chunkLatencyMs,
    fastLoopOnlyHz: chunk / ((steps * step.eagerMs) / 1000),
    denoiseStepMsOptimizedFloor: step.floorMs,
    msPerActionOptimizedFloor: floorMsPerAction,
    actionHzOptimizedFloor: actionHz(floorMsPerAction),
    fastLoopOnlyHzOptimizedFloor: chunk / ((steps * step.floorMs) / 1000),
  };
}
