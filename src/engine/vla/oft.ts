/**
 * OFT parallel-chunk VLAs (BitVLA): one VLM forward reads all action positions at once and yields a
 * chunk of H actions; there is no token-by-token decode. The forward is compute-bound, so both its
 * vision and LLM parts scale with compute. Unlike the dual loop, the query's dtype is honoured: the
 * components run INT8 only, so asking for BF16 does not run.
 */
import type { VlaOftModel } from '../catalog/schemas-vla';
import { type VlaContext, peakTopsAt } from './context';
import { componentRuns, dramGbAt } from './dtype';
import { vlaReasons } from './reasons';
import { blankProjection, deferred, notRun, type VlaSetup } from './result';
import { actionHz, fitsInMemory, prefillComputeScale, visionComputeScale } from './scaling';
import type { VlaProjection } from './types';

export function projectOft(ctx: VlaContext, model: VlaOftModel, setup: VlaSetup): VlaProjection {
  const anchor = model.measured5090.oft;
  if (!model.measured5090.calibrated || anchor === null) return deferred(setup, vlaReasons.deferred(model));

  const chunk = anchor.actionChunkLength;
  const chunkSetup: VlaSetup = { ...setup, nActionTokens: chunk };
  const dtype = ctx.execDtype;
  const { visionEncoder, llmBackbone } = model.components;
  if (!componentRuns(visionEncoder, dtype)) return notRun(chunkSetup, vlaReasons.componentDtype(model, 'vision encoder', dtype, visionEncoder.dtypes));
  if (!componentRuns(llmBackbone, dtype)) return notRun(chunkSetup, vlaReasons.componentDtype(model, 'LLM backbone', dtype, llmBackbone.dtypes));
  const peak = peakTopsAt(ctx, dtype);
  if (peak <= 0) return notRun(chunkSetup, vlaReasons.noCompute(ctx.hw.name, dtype));

  const vs = ctx.cameras.visionScale;
  const visionMs = ctx.isReference ? anchor.visionMs * vs : anchor.visionMs * visionComputeScale(ctx, peak) * vs;
  const llmForwardMs = ctx.isReference ? anchor.llmForwardMs : anchor.llmForwardMs * prefillComputeScale(ctx, peak);
  const forwardMs = visionMs + llmForwardMs;
  const msPerAction = forwardMs / chunk;
  const dramGb = dramGbAt(ctx.vla, model, dtype);
  return {
    ...blankProjection(chunkSetup),
    runs: true,
    vlaSource: ctx.isReference ? 'measured' : 'calibrated',
    regime: ctx.isReference ? 'oft_parallel_chunk_measured' : 'oft_parallel_chunk_calibrated_latency_scaled',
    visionMs,
    llmForwardMs,
    vlmForwardMs: forwardMs,
    forwardMs,
    actionChunkLength: chunk,
    msPerAction,
    actionHz: actionHz(msPerAction),
    dramGb,
    fitsInMemory: fitsInMemory(ctx, dramGb),
  };
}
