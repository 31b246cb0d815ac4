/**
 * How a 5090 measurement moves to other hardware. Vision encoders and LLM prefill (and OFT's
 * parallel forward) are compute-bound: they scale with raw peak TOPS times the tier's utilisation
 * factor (compute efficiency is not used). Autoregressive decode and the denoise step's traffic are
 * bandwidth-bound: they scale with effective bandwidth times the NPU share. The share touches only
 * the bandwidth terms, as in the reference.
 */
import { effectiveBandwidthGbs } from '../hardware/types';
import type { VlaContext } from './context';

/** Multiplier on a measured vision-encoder time for hardware with this peak. */
export function visionComputeScale(ctx: VlaContext, peakTops: number): number {
  return (ctx.referencePeakTops * ctx.reference.computeUtilFactor) / (peakTops * ctx.hw.computeUtilFactor);
}

/** Multiplier on a measured LLM prefill (or OFT LLM forward) time for hardware with this peak. */
export function prefillComputeScale(ctx: VlaContext, peakTops: number): number {
  return (ctx.referencePeakTops * ctx.reference.llmPrefillUtilFactor) / (peakTops * ctx.hw.llmPrefillUtilFactor);
}

/** Multiplier on a measured per-token decode time: reference bandwidth over the share of ours. */
export function decodeBandwidthScale(ctx: VlaContext): number {
  return effectiveBandwidthGbs(ctx.reference) / (effectiveBandwidthGbs(ctx.hw) * ctx.share);
}

export function actionHz(msPerAction: number): number {
  return msPerAction > 0 ? 1000 / msPerAction : 0;
}

/** The model fits when its DRAM plus the headroom is below the hardware's capacity. */
export function fitsInMemory(ctx: VlaContext, dramGb: number): boolean {
  return dramGb + ctx.vla.fitMarginGb < ctx.hw.memCapacityGb;
}
