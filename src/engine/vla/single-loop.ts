/**
 * Single-loop (autoregressive) VLAs: every action is one VLM forward (vision encoder + LLM prefill)
 * followed by decoding the action tokens one by one.
 *
 * On the 5090 the measurement is used as is (its end-to-end time when the camera setup is the
 * measured one, which also ignores a changed token count, as in the reference). Elsewhere vision
 * and prefill scale with compute and decode with bandwidth and weight bytes. A model without
 * measurements falls back to a roofline from its FLOP and parameter counts (cross-class).
 */
import type { VlaSingleLoopModel } from '../catalog/schemas-vla';
import { effectiveBandwidthGbs } from '../hardware/types';
import { type VlaContext, peakTopsAt } from './context';
import { bytesPerParam, componentRuns, dramGbAt } from './dtype';
import { vlaReasons } from './reasons';
import { blankProjection, notRun, type VlaSetup } from './result';
import { actionHz, decodeBandwidthScale, fitsInMemory, prefillComputeScale, visionComputeScale } from './scaling';
import type { VlaProjection, VlaRegime, VlaSource } from './types';

interface SingleLoopTimes {
  readonly visionMs: number;
  readonly prefillMs: number;
  readonly decodeMsPerToken: number;
  readonly msPerAction: number;
  readonly source: VlaSource;
  readonly regime: VlaRegime;
}

const COMPONENT_NAMES = { visionEncoder: 'vision encoder', llmBackbone: 'LLM backbone', actionHead: 'action head' } as const;

function calibratedTimes(
  ctx: VlaContext,
  model: VlaSingleLoopModel,
  anchor: NonNullable<VlaSingleLoopModel['measured5090']['components']>,
  peak: number,
): SingleLoopTimes {
  const vs = ctx.cameras.visionScale;
  if (ctx.isReference) {
    const visionMs = anchor.visionMs * vs;
    const stored = model.measured5090.msPerAction;
    const msPerAction =
      vs === 1 && stored !== null ? stored : visionMs + anchor.llmPrefillMs + ctx.nActionTokens * anchor.decodeMsPerToken;
    return { visionMs, prefillMs: anchor.llmPrefillMs, decodeMsPerToken: anchor.decodeMsPerToken, msPerAction, source: 'measured', regime: 'single_loop_measured' };
  }
  const visionMs = anchor.visionMs * visionComputeScale(ctx, peak) * vs;
  const prefillMs = anchor.llmPrefillMs * prefillComputeScale(ctx, peak);
  // The decode anchor streamed weights at the anchor dtype; fewer bytes per weight stream faster.
  const byteRatio = bytesPerParam(ctx.vla, ctx.execDtype) / bytesPerParam(ctx.vla, ctx.vla.anchorDtype);
  const decodeMsPerToken = anchor.decodeMsPerToken * decodeBandwidthScale(ctx) * byteRatio;
  const msPerAction = visionMs + prefillMs + ctx.nActionTokens * decodeMsPerToken;
  return { visionMs, prefillMs, decodeMsPerToken, msPerAction, source: 'calibrated', regime: 'single_loop_calibrated_latency_scaled' };
}

/** No measurement: compute floors for the VLM forward, a bandwidth floor per token, plus the tier's overhead. */
function rooflineTimes(ctx: VlaContext, model: VlaSingleLoopModel, peak: number): SingleLoopTimes {
  const { visionEncoder, llmBackbone } = model.components;
  const visionMs = (visionEncoder.gflopsPerCall / (peak * ctx.hw.computeUtilFactor)) * ctx.cameras.visionScale;
  const prefillMs = llmBackbone.gflopsPerCall / (peak * ctx.hw.llmPrefillUtilFactor);
  const gbPerToken = (2 * llmBackbone.paramsB) / Math.max(llmBackbone.arithmeticIntensity, 1e-6);
  const decodeMsPerToken = (gbPerToken / (effectiveBandwidthGbs(ctx.hw) * ctx.share)) * 1000;
  const msPerAction = visionMs + prefillMs + ctx.nActionTokens * decodeMsPerToken + ctx.hw.computeOverheadMs;
  return { visionMs, prefillMs, decodeMsPerToken, msPerAction, source: 'cross_class', regime: 'single_loop_cross_class_roofline' };
}

export function projectSingleLoop(ctx: VlaContext, model: VlaSingleLoopModel, setup: VlaSetup): VlaProjection {
  const dtype = ctx.execDtype;
  for (const [key, name] of Object.entries(COMPONENT_NAMES) as [keyof typeof COMPONENT_NAMES, string][]) {
    const component = model.components[key];
    if (!componentRuns(component, dtype)) return notRun(setup, vlaReasons.componentDtype(model, name, dtype, component.dtypes));
  }
  const peak = peakTopsAt(ctx, dtype);
  if (peak <= 0) return notRun(setup, vlaReasons.noCompute(ctx.hw.name, dtype));

  const anchor = model.measured5090.components;
  const times = model.measured5090.calibrated && anchor !== null ? calibratedTimes(ctx, model, anchor, peak) : rooflineTimes(ctx, model, peak);
  const dramGb = dramGbAt(ctx.vla, model, dtype);
  return {
    ...blankProjection(setup),
    runs: true,
    vlaSource: times.source,
    regime: times.regime,
    visionMs: times.visionMs,
    llmPrefillMs: times.prefillMs,
    vlmForwardMs: times.visionMs + times.prefillMs,
    decodeMsPerToken: times.decodeMsPerToken,
    msPerAction: times.msPerAction,
    actionHz: actionHz(times.msPerAction),
    dramGb,
    fitsInMemory: fitsInMemory(ctx, dramGb),
  };
}
