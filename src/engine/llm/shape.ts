/**
 * Token-shaped LLM projection (the engine registry's own LLM path): for a model shape, quant scheme
 * and prompt/decode token counts, first the memory verdict (weights + KV cache + runtime overhead),
 * then the dtype gate, then decode and prefill from the first of: the tier's anchor for this model,
 * a same-family sibling's anchor scaled by bandwidth, or the roofline (cross-class).
 * See docs/decisions/0009-token-shaped-llm.md.
 */
import type { Catalog } from '../catalog/load';
import { capabilityLevelForKey, peakTopsForDtype } from '../hardware/capability';
import { presetHardware } from '../hardware/preset';
import { effectiveBandwidthGbs, resolveShare, type Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import { pyRound } from '../util/pyround';
import { kvCacheBytes, type MemoryFeasibility, memoryFit } from './memory';
import { resolveFloorDtype } from './precision';
import { workloadRecord } from './project';
import type { Fp4Maturity } from './types';

export interface ShapeQuery {
  readonly model: string;
  readonly quantScheme: string | null;
  readonly bytesPerParam: number | null;
  readonly ggufSizeGb: number | null;
  readonly computeDtype: string | null;
  readonly workload: string;
  readonly promptTokens: number;
  readonly decodeTokens: number;
  readonly npuShare: number | null;
  readonly fp4Maturity: Fp4Maturity;
  readonly compilerQuality: number;
  /** Host-side time per request (retrieval, orchestration); null takes the hardware's fixed overhead. */
  readonly hostMs: number | null;
}

interface ShapeCommon {
  readonly model: string;
  readonly quantScheme: string;
  readonly feasibility: MemoryFeasibility;
}

export type ShapeResult =
  | (ShapeCommon & { readonly resultType: 'WontFit' })
  | (ShapeCommon & { readonly resultType: 'DtypeMismatch'; readonly requiredDtype: string; readonly capabilityKey: string })
  | (ShapeCommon & {
      readonly resultType: 'Projected';
      readonly source: 'measured_anchor' | 'same_class_anchor' | 'cross_class';
      readonly regime: 'bw_bound' | 'compute_bound';
      readonly decodeTokS: number;
      readonly prefillTokS: number;
      readonly ttftS: number;
      readonly decodeS: number;
      readonly prefillS: number;
      readonly totalS: number;
      readonly hostMs: number;
      readonly decodeCeilingTokS: number | null;
      readonly baseDecodePreMultiplier: number;
      /** The workload's decode multiplier applied to baseDecodePreMultiplier (unrounded; the calibrated basis applies it too). */
      readonly decodeMultiplier: number;
    });

type ShapeModel = Catalog['shapeModelByKey'][string];

export function shapeModelRecord(catalog: Catalog, key: string): ShapeModel {
  const model = catalog.shapeModelByKey[key];
  if (!model) {
    throw new SizerError('unknown_name', `unknown model "${key}" for the token-shaped projection; valid: ${Object.keys(catalog.shapeModelByKey).join(', ')}`, 'model');
  }
  return model;
}

/** The fit of a shape model (its own layers, width and KV heads) at a context length. */
export function shapeMemoryFeasibility(catalog: Catalog, hw: Hardware, model: ShapeModel, ggufSizeGb: number, contextTokens: number): MemoryFeasibility {
  const kvBytes = kvCacheBytes(catalog, model.numLayers, model.hiddenDim, model.numKvHeads / model.numAttentionHeads, contextTokens);
  const fit = memoryFit(catalog, hw, ggufSizeGb * 1e9, kvBytes);
  return {
    verdict: fit.verdict,
    requiredGb: fit.requiredBytes / 1e9,
    availableGb: hw.memCapacityGb,
    headroomGb: fit.headroomBytes / 1e9,
    weightsGb: ggufSizeGb,
    kvCacheGb: fit.kvBytes / 1e9,
    overheadGb: fit.overheadBytes / 1e9,
  };
}

function capabilityKeyForQuantScheme(catalog: Catalog, scheme: string): string {
  const mapped = catalog.files['capability.json'].quantSchemeToCapabilityKey[scheme];
  if (mapped) return mapped;
  const lower = scheme.toLowerCase();
  return lower === 'bf16' || lower === 'fp16' ? 'bf16/fp16' : lower;
}

interface AnchorHit {
  readonly decodeTokS: number;
  readonly prefillTokS: number | null;
  readonly source: 'measured_anchor' | 'same_class_anchor';
}

/** The tier's own anchor for the model, else a same-family registry tier's, bandwidth-scaled. */
function findAnchor(catalog: Catalog, hw: Hardware, model: ShapeModel): AnchorHit | null {
  const keys = [model.key, model.measurementAlias].filter((k): k is string => k !== null);
  for (const key of keys) {
    const own = hw.llmTierAnchors[key];
    if (own) return { decodeTokS: own.decodeTokS, prefillTokS: own.prefillTokS, source: 'measured_anchor' };
  }
  if (hw.bwProjected || hw.family === null) return null;
  for (const tier of catalog.tiers) {
    if (tier.family !== hw.family) continue;
    const sibling = presetHardware(catalog, tier);
    for (const key of keys) {
      const anchor = sibling.llmTierAnchors[key];
      if (anchor) {
        // Decode is bandwidth-bound: scale by effective bandwidth. Prefill is compute-bound: carried over.
        const decode = anchor.decodeTokS * (effectiveBandwidthGbs(hw) / effectiveBandwidthGbs(sibling));
        return { decodeTokS: decode, prefillTokS: anchor.prefillTokS, source: 'same_class_anchor' };
      }
    }
  }
  return null;
}

export function projectShape(catalog: Catalog, hw: Hardware, q: ShapeQuery): ShapeResult {
  const model = shapeModelRecord(catalog, q.model);
  const quantScheme = q.quantScheme ?? model.quantScheme;
  const bytesPerParam = q.bytesPerParam ?? model.bytesPerParam;
  const ggufSizeGb = q.ggufSizeGb ?? model.ggufSizeGb;
  const computeDtype = q.computeDtype ?? model.computeDtype;
  const workload = workloadRecord(catalog, q.workload);
  const feasibility = shapeMemoryFeasibility(catalog, hw, model, ggufSizeGb, q.promptTokens + q.decodeTokens);
  const common = { model: model.key, quantScheme, feasibility };
  if (feasibility.verdict === 'wont_fit') return { ...common, resultType: 'WontFit' };

  const capabilityKey = capabilityKeyForQuantScheme(catalog, quantScheme);
  const known = ['int8', 'fp8', 'bf16/fp16', 'q4_km', 'nvfp4'] as const;
  const key = known.find((k) => k === capabilityKey);
  // A scheme with no capability key (e.g. a future INT4 format) has no execution path to check: unsupported.
  const level = key === undefined ? 'unsupported' : capabilityLevelForKey(hw, key);
  if (level === 'unsupported') return { ...common, resultType: 'DtypeMismatch', requiredDtype: quantScheme, capabilityKey };

  const share = resolveShare(hw, q.npuShare);
  const cq = q.compilerQuality;
  const effBw = effectiveBandwidthGbs(hw);
  const activeGb = model.activeParamsB * bytesPerParam;
  const gops = 2 * model.activeParamsB;
  const peak = Math.max(peakTopsForDtype(catalog, hw, resolveFloorDtype(catalog, hw, computeDtype, q.fp4Maturity)), 1e-9);
  // Prefill floor: the larger of reading the active weights once and computing every prompt token.
  const ttftFloorMs = Math.max((activeGb / effBw) * 1000, (gops * q.promptTokens) / (peak * hw.llmPrefillUtilFactor)) + hw.computeOverheadMs;
  const prefillFloorTokS = (q.promptTokens / (ttftFloorMs / 1000)) * cq;

  let decode: number;
  let prefill: number;
  let source: 'measured_anchor' | 'same_class_anchor' | 'cross_class';
  let regime: 'bw_bound' | 'compute_bound' = 'bw_bound';
  let ceiling: number | null = null;
  const anchor = findAnchor(catalog, hw, model);
  if (anchor) {
    // Anchors are measured at the tier's own share; the requested share does not rescale them.
    decode = anchor.decodeTokS * cq;
    prefill = anchor.prefillTokS ? anchor.prefillTokS * cq : prefillFloorTokS;
    source = anchor.source;
  } else {
    const bwMs = (activeGb / (effBw * hw.llmDecodeBwRealization * share)) * 1000;
    const computeMs = gops / (peak * hw.llmPrefillUtilFactor);
    decode = (1000 / Math.max(bwMs, computeMs)) * cq;
    prefill = prefillFloorTokS;
    regime = bwMs >= computeMs ? 'bw_bound' : 'compute_bound';
    ceiling = 1000 / bwMs;
    source = 'cross_class';
  }
  const baseDecode = decode;
  decode *= workload.decodeMultiplier;
  const ttftS = (q.promptTokens / prefill) * workload.ttftMultiplier;
  const prefillRate = q.promptTokens / ttftS;
  const hostMs = q.hostMs ?? hw.computeOverheadMs;
  // Rates are floored so a vanishing rate reads as "practically never" rather than infinity (as the
  // reference does).
  const decodeS = q.decodeTokens / Math.max(decode, 1e-6);
  const prefillS = q.promptTokens / Math.max(prefillRate, 1e-6);
  const decodeTokS = pyRound(decode, 2);
  const prefillTokS = pyRound(prefillRate, 2);
  return {
    ...common,
    resultType: 'Projected',
    source,
    regime,
    decodeTokS,
    prefillTokS,
    ttftS: pyRound(ttftS, 4),
    decodeS: pyRound(decodeS, 3),
    prefillS: pyRound(prefillS, 3),
    totalS: pyRound(hostMs / 1000 + prefillS + decodeS, 3),
    hostMs: pyRound(hostMs, 2),
    decodeCeilingTokS: ceiling === null ? null : pyRound(ceiling, 2),
    baseDecodePreMultiplier: pyRound(baseDecode, 2),
    decodeMultiplier: workload.decodeMultiplier,
  };
}
