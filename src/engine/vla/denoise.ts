/**
 * The flow-matching denoise step away from the 5090. The measured step is mostly launch and
 * dispatch overhead, not arithmetic: the part of it the 5090 spent moving bytes is taken out, the
 * rest (launch overhead) is carried unchanged, and the bytes are moved again at this hardware's
 * bandwidth share. That bandwidth term alone is the "optimised floor" a perfect runtime with no
 * launch overhead would approach.
 */
import { effectiveBandwidthGbs } from '../hardware/types';
import type { VlaContext } from './context';

export interface DenoiseStep {
  /** Launch overhead as measured plus the bytes at this hardware's bandwidth (today's runtimes). */
  readonly eagerMs: number;
  /** The bandwidth term alone. */
  readonly floorMs: number;
}

/**
 * @param stepMs the measured step on the 5090
 * @param stepBandwidthGbs the step's measured DRAM traffic rate; null: no telemetry, the step is carried as measured
 */
export function denoiseStep(ctx: VlaContext, stepMs: number, stepBandwidthGbs: number | null): DenoiseStep {
  if (stepBandwidthGbs === null) return { eagerMs: stepMs, floorMs: stepMs };
  const gbPerStep = (stepBandwidthGbs * stepMs) / 1000;
  const launchMs = Math.max(stepMs - (gbPerStep / effectiveBandwidthGbs(ctx.reference)) * 1000, 0);
  const floorMs = (gbPerStep / Math.max(effectiveBandwidthGbs(ctx.hw) * ctx.share, 1e-6)) * 1000;
  return { eagerMs: launchMs + floorMs, floorMs };
}
