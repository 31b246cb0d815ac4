/**
 * The VLA operating point the reference's UI derives around a projection (FEATURES.md 2.3, 2.8,
 * 3.5): the VLM and action rates the user asks for (within the model's schedulable range; off the
 * measured default they demote the badge to a what-if), the target-rate check, camera frames per
 * second per camera and in aggregate, and the average DDR bandwidth demand against what the NPU
 * share leaves. The reference computes camera FPS and DDR demand in its UI without a published
 * formula; SIZER's own formulas are in docs/decisions/0023-vla-defaults-and-reference-rules.md.
 * The rates never change the projection itself, as in the reference.
 */
import type { Catalog } from '../catalog/load';
import type { VlaModelRecord } from '../catalog/schemas-vla';
import { effectiveBandwidthGbs, type Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import type { VlaProjection } from './types';

export interface VlaRates {
  /** The VLM (perception) rate asked for, Hz; null: the model's default. */
  readonly vlmHz?: number | null;
  /** The action rate asked for, Hz; null: the model's default. */
  readonly actionHz?: number | null;
  /** A control-rate target to check the projection against, Hz; null: no check. */
  readonly targetActionHz?: number | null;
}

export interface VlaOperatingPoint {
  readonly vlmHz: number;
  readonly actionHz: number;
  readonly defaultVlmHz: number;
  readonly defaultActionHz: number;
  /** True when either rate was moved off the measured default: the number becomes a what-if. */
  readonly offDefault: boolean;
  /** The badge to show: the projection's, or cross_class (what-if) when demoted. */
  readonly displaySource: string | null;
  /** Frames each camera delivers to the model per second (per robot). */
  readonly cameraFps: number | null;
  /** Camera frames per second over every camera of every robot in the fleet. */
  readonly aggregateCameraFps: number | null;
  readonly ddrDemandGbs: number | null;
  /** Effective bandwidth at the projection's NPU share. */
  readonly ddrAvailableGbs: number;
  readonly targetActionHz: number | null;
  /** True when the target exceeds the projected rate by more than the reference's 5% tolerance. */
  readonly targetExceeded: boolean | null;
}

/** The reference's tolerance before a target action rate counts as exceeded (action_hz x 1.05). */
const TARGET_TOLERANCE = 1.05;

function rateOrDefault(name: string, value: number | null | undefined, lo: number, hi: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (!Number.isFinite(value) || value < lo || value > hi) {
    throw new SizerError('out_of_range', lo === hi ? `${name} is fixed at ${lo} Hz for this model, got ${value}` : `${name} must be from ${lo} to ${hi} Hz for this model, got ${value}`, name);
  }
  return value;
}

/** Actions produced per perception pass: one for a single loop, a whole chunk for OFT and dual-loop models. */
function actionsPerForward(p: VlaProjection): number {
  return p.architecture === 'single_loop' ? 1 : Math.max(p.actionChunkLength ?? 1, 1);
}

/** GB of weights streamed per action: each pass reads its components' weights once. */
function gbPerAction(catalog: Catalog, model: VlaModelRecord, p: VlaProjection): number | null {
  const bytesPerParam = catalog.files['vla.json'].dtypes.find((d) => d.id === p.dtype)?.bytesPerParam;
  if (bytesPerParam === undefined) return null;
  const c = model.components;
  const vision = c.visionEncoder.paramsB * bytesPerParam;
  const llm = c.llmBackbone.paramsB * bytesPerParam;
  const head = c.actionHead.paramsB * bytesPerParam;
  if (p.architecture === 'single_loop') return vision + llm * (1 + p.nActionTokens) + head;
  const chunk = actionsPerForward(p);
  const headPasses = p.numDenoiseSteps ?? 1;
  return (vision + llm + head * headPasses) / chunk;
}

export function vlaOperatingPoint(catalog: Catalog, model: VlaModelRecord, hw: Hardware, p: VlaProjection, rates: VlaRates = {}): VlaOperatingPoint {
  const r = model.rates;
  const vlmHz = rateOrDefault('vlm_hz', rates.vlmHz, r.vlmHzMin, r.vlmHzMax, r.defaultVlmHz);
  const actionHz = rateOrDefault('action_hz', rates.actionHz, r.actionHzMin, r.actionHzMax, r.defaultActionHz);
  const offDefault = Math.abs(vlmHz - r.defaultVlmHz) > 1e-9 || Math.abs(actionHz - r.defaultActionHz) > 1e-9;
  const demoted = (p.vlaSource === 'cross_class' && p.vlaSourceReason !== null) || (offDefault && (p.vlaSource === 'measured' || p.vlaSource === 'calibrated'));
  const whatIfLabel = catalog.files['explanations.json'].vla.whatIf.label;
  const running = p.runs !== false && !p.deferred && p.actionHz !== null;
  const cameraFps = running && p.actionHz !== null ? p.actionHz / actionsPerForward(p) : null;
  const perAction = running ? gbPerAction(catalog, model, p) : null;
  const target = rates.targetActionHz ?? null;
  if (target !== null && !(Number.isFinite(target) && target > 0)) throw new SizerError('out_of_range', `target_action_hz must be a positive rate, got ${target}`, 'target_action_hz');
  return {
    vlmHz,
    actionHz,
    defaultVlmHz: r.defaultVlmHz,
    defaultActionHz: r.defaultActionHz,
    offDefault,
    displaySource: demoted ? whatIfLabel : p.vlaSource,
    cameraFps,
    aggregateCameraFps: cameraFps === null ? null : cameraFps * p.nCameras * p.fleetSize,
    ddrDemandGbs: perAction === null || p.aggregateActionHz === null ? null : perAction * p.aggregateActionHz,
    ddrAvailableGbs: effectiveBandwidthGbs(hw) * p.npuShare,
    targetActionHz: target,
    targetExceeded: target === null || p.actionHz === null ? null : target > p.actionHz * TARGET_TOLERANCE,
  };
}
