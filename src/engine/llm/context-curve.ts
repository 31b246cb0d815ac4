/**
 * Decode tok/s as a function of context length (prompt tokens), from the companion sizer's RTX 5090
 * bake-off (data/llm-bundle.json).
 *
 * Each bake-off workload gives one calibration anchor per model: (prompt tokens p50, decode tok/s
 * p50). Between anchors decode is interpolated linearly in ln(context); a context within the snap
 * fraction (5 %) of an anchor reads that anchor ("measured"); outside the anchors the end value is
 * held ("extrapolated_low" / "extrapolated_high": clamped, never extrapolated).
 *
 * On a given piece of hardware the first of these answers:
 *   1. the measuring tier (RTX 5090): the curve itself, times share / the tier's default share;
 *   2. a ladder tier of the same family with a decode anchor for the model: anchor x bandwidth
 *      ratio x share x compiler quality (flat in context);
 *   3. the cross-class roofline: 1000 / max(bandwidth floor, compute floor) x compiler quality.
 * See docs/decisions/0011-context-curve-and-what-if.md.
 */
import type { Catalog } from '../catalog/load';
import type { CapabilityKey, LlmCell, TierRecord } from '../catalog/schemas';
import type { LlmBundleModel } from '../catalog/schemas-llm-bundle';
import { capabilityLevelForKey } from '../hardware/capability';
import { effectiveBandwidthGbs, resolveShare, type Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import { makeNameResolver } from '../util/names';
import { checkInput, inputOrDefault, optionalInput } from '../inputs/check';

export type InterpolationSource = 'measured' | 'interpolated' | 'extrapolated_low' | 'extrapolated_high';
export type ContextDecodeSource = 'measured' | 'measured_anchor' | 'same_class_anchor' | 'cross_class';
export type DecodeRegime = 'bw_bound' | 'compute_bound';

/** One bake-off cell seen as a point of the curve. */
export interface CalibrationAnchor {
  readonly workload: string;
  readonly promptTokens: number;
  readonly decodeTokS: number;
  readonly prefillTokS: number;
}

export interface InterpolatedDecode {
  readonly decodeTokS: number;
  readonly source: InterpolationSource;
  /** The anchors the value was read from: one (snap, clamp) or the two either side (interpolated). */
  readonly anchors: readonly CalibrationAnchor[];
}

/** The per-tier anchor step 2 scaled from. */
export interface TierAnchorUse {
  readonly tierId: string;
  readonly tierName: string;
  /** The measured.json key the anchor was found under (see the model's tierAnchorKeys). */
  readonly anchorKey: string;
  readonly decodeTokS: number;
  readonly prefillTokS: number | null;
  /** This hardware's memory bandwidth over the anchor tier's. */
  readonly bandwidthRatio: number;
}

export interface ContextDecode {
  readonly model: string;
  readonly contextTokens: number;
  readonly decodeTokS: number;
  readonly source: ContextDecodeSource;
  readonly regime: DecodeRegime;
  /** How the measured curve was read (step 1 only; null when the number is not from the curve). */
  readonly interpolation: InterpolationSource | null;
  /** Curve anchors behind the number (step 1 only; empty otherwise). */
  readonly curveAnchors: readonly CalibrationAnchor[];
  /** The tier anchor behind the number (step 2 only; null otherwise). */
  readonly tierAnchor: TierAnchorUse | null;
  readonly npuShareUsed: number;
  readonly compilerQuality: number;
  /** Roofline floors per token, ms (step 3 only; null otherwise). */
  readonly bwFloorMs: number | null;
  readonly computeFloorMs: number | null;
}

export interface ContextDecodeOptions {
  /** Null or omitted: 1 (as good as TensorRT). */
  readonly compilerQuality?: number | null;
  /** Null or omitted: the tier's default share. */
  readonly npuShare?: number | null;
}

export interface ContextCurve {
  readonly model: string;
  readonly calibrationAnchors: readonly CalibrationAnchor[];
  readonly points: readonly ContextDecode[];
}

/** A bundle model by key, display name or alias (case-insensitive); unknown names list the valid ones. */
export function resolveBundleModel(catalog: Catalog, name: string, field = 'model'): LlmBundleModel {
  const resolver = makeNameResolver(
    'model',
    catalog.files['llm-bundle.json'].models.map((m) => ({ key: m.key, label: m.displayName, names: m.aliases, value: m })),
  );
  return resolver.resolve(name, field);
}

/** The model's bake-off cells as curve anchors, sorted by prompt tokens (ties keep workload order). */
export function calibrationAnchors(catalog: Catalog, modelKey: string): readonly CalibrationAnchor[] {
  const cells = catalog.files['llm-bundle.json'].cells[modelKey] ?? {};
  return Object.entries(cells)
    .map(([workload, cell]) => ({
      workload,
      promptTokens: cell.promptTokensP50,
      decodeTokS: cell.decodeTokSP50,
      prefillTokS: cell.prefillTokSP50,
    }))
    .sort((a, b) => a.promptTokens - b.promptTokens);
}

/**
 * Reads a sorted anchor list at a context length. The snap is checked first, so a context just
 * outside the measured range but within the snap of an end anchor is "measured", not clamped; when
 * two anchors are both within the snap, the one with fewer prompt tokens wins.
 */
export function interpolateLogLinear(anchors: readonly CalibrationAnchor[], contextTokens: number, snapFraction: number): InterpolatedDecode {
  const first = anchors[0];
  const last = anchors[anchors.length - 1];
  if (first === undefined || last === undefined) {
    throw new SizerError('not_applicable', 'no calibration anchors to interpolate between', 'model');
  }
  const context = Math.max(contextTokens, 1);
  for (const anchor of anchors) {
    if (Math.abs(context - anchor.promptTokens) / anchor.promptTokens <= snapFraction) {
      return { decodeTokS: anchor.decodeTokS, source: 'measured', anchors: [anchor] };
    }
  }
  if (context < first.promptTokens) return { decodeTokS: first.decodeTokS, source: 'extrapolated_low', anchors: [first] };
  if (context > last.promptTokens) return { decodeTokS: last.decodeTokS, source: 'extrapolated_high', anchors: [last] };
  for (let i = 0; i + 1 < anchors.length; i += 1) {
    const low = anchors[i];
    const high = anchors[i + 1];
    // A zero-width segment (two workloads with the same p50 prompt) cannot be interpolated across; the snap covers it.
    if (low === undefined || high === undefined || high.promptTokens <= low.promptTokens) continue;
    if (context >= low.promptTokens && context <= high.promptTokens) {
      const t = (Math.log(context) - Math.log(low.promptTokens)) / (Math.log(high.promptTokens) - Math.log(low.promptTokens));
      return { decodeTokS: low.decodeTokS + t * (high.decodeTokS - low.decodeTokS), source: 'interpolated', anchors: [low, high] };
    }
  }
  // Unreachable for a sorted list: the context lies within [first, last] and the segments cover it.
  return { decodeTokS: last.decodeTokS, source: 'extrapolated_high', anchors: [last] };
}

/** The capability key the model's quant scheme needs (Q4_K_M and friends: q4_km). */
function modelCapabilityKey(catalog: Catalog, model: LlmBundleModel): CapabilityKey {
  const key = catalog.files['capability.json'].quantSchemeToCapabilityKey[model.quantScheme];
  // checkLlmBundle rejects unknown schemes at load; this guards a catalog built without it.
  if (key === undefined) throw new SizerError('not_applicable', `no capability key for quant scheme "${model.quantScheme}"`, 'model');
  return key;
}

/**
 * Peak TOPS the decode matmuls run at. Weight-only GGUF quants (q4_km) dequantise onto the INT8 path
 * where there is one, else the FP path (the rule ratchet uses for q4_km without a table); other
 * schemes run at their own dtype's peak.
 */
function decodeComputePeakTops(hw: Hardware, key: CapabilityKey): number {
  const peak = hw.peakTops;
  switch (key) {
    case 'q4_km':
      return peak.int8 > 0 ? peak.int8 : Math.max(peak.bf16, peak.fp8);
    case 'bf16/fp16':
      return peak.bf16;
    case 'nvfp4':
      return peak.fp4;
    default:
      return peak[key];
  }
}

/**
 * A ladder tier of the hardware's family with a decode anchor for the model. The hardware's own
 * preset tier is tried first (Mid and High share a family and both carry anchors), then the ladder
 * in display order; within a tier, the model's anchor keys in order. Anchors are read from the stock
 * tiers, so a memory clone is scaled once, by its bandwidth over the stock tier's.
 */
function findSameFamilyAnchor(catalog: Catalog, hw: Hardware, model: LlmBundleModel): { tier: TierRecord; key: string; cell: LlmCell } | null {
  if (hw.family === null) return null;
  const anchors = catalog.files['measured.json'].llmTierAnchors;
  const family = catalog.ladder.filter((t) => t.family === hw.family);
  const ordered = [...family.filter((t) => t.id === hw.presetId), ...family.filter((t) => t.id !== hw.presetId)];
  for (const tier of ordered) {
    for (const key of model.tierAnchorKeys) {
      const cell = anchors[tier.id]?.[key];
      if (cell) return { tier, key, cell };
    }
  }
  return null;
}

/** The measuring tier (RTX 5090) or a memory clone of it: the hardware the curve was measured on. */
function isMeasuringTier(catalog: Catalog, hw: Hardware): boolean {
  return hw.presetId === catalog.files['llm-bundle.json'].measuredOnTier && (hw.origin === 'preset' || hw.origin === 'memory_upgrade');
}


/** Decode tok/s of a bundle model on this hardware at a context length (prompt tokens). */
export function decodeAtContext(catalog: Catalog, hw: Hardware, modelName: string, contextTokens: number, options: ContextDecodeOptions = {}): ContextDecode {
  const bundle = catalog.files['llm-bundle.json'];
  const model = resolveBundleModel(catalog, modelName);
  const ranges = catalog.inputRanges;
  const context = checkInput(ranges.contextTokens, contextTokens);
  const compilerQuality = inputOrDefault(ranges.compilerQuality, options.compilerQuality);
  const share = resolveShare(hw, optionalInput(ranges.npuShare, options.npuShare));

  const capabilityKey = modelCapabilityKey(catalog, model);
  if (capabilityLevelForKey(hw, capabilityKey) === 'unsupported') {
    throw new SizerError('not_applicable', `${hw.name} cannot execute ${model.quantScheme} (${capabilityKey}); ${model.displayName} needs a tier with a ${capabilityKey} path`, 'model');
  }
  const common = { model: model.key, contextTokens: context, npuShareUsed: share, compilerQuality };

  // 1. The measured curve. Compiler quality is not applied: this is the hardware the curve was measured on.
  if (isMeasuringTier(catalog, hw)) {
    const read = interpolateLogLinear(calibrationAnchors(catalog, model.key), context, bundle.contextCurve.measuredSnapFraction);
    // On a memory clone the curve scales with bandwidth, and the number is no longer a measurement (ADR 0002).
    const bandwidthGain = hw.bwProjected && hw.stockMemBandwidthGbs ? hw.memBandwidthGbs / hw.stockMemBandwidthGbs : 1;
    return {
      ...common,
      decodeTokS: ((read.decodeTokS * share) / hw.npuShareDefault) * bandwidthGain,
      source: hw.bwProjected ? 'same_class_anchor' : 'measured',
      regime: 'bw_bound',
      interpolation: read.source,
      curveAnchors: read.anchors,
      tierAnchor: null,
      bwFloorMs: null,
      computeFloorMs: null,
    };
  }

  // 2. Same-family tier anchor, flat in context (the tiers were measured at one prompt length).
  const found = findSameFamilyAnchor(catalog, hw, model);
  if (found) {
    const bandwidthRatio = hw.memBandwidthGbs / found.tier.memory.bandwidthGbs;
    const onAnchorTierItself = hw.origin === 'preset' && hw.presetId === found.tier.id;
    return {
      ...common,
      decodeTokS: found.cell.decodeTokS * bandwidthRatio * share * compilerQuality,
      source: onAnchorTierItself ? 'measured_anchor' : 'same_class_anchor',
      regime: 'bw_bound',
      interpolation: null,
      curveAnchors: [],
      tierAnchor: {
        tierId: found.tier.id,
        tierName: found.tier.name,
        anchorKey: found.key,
        decodeTokS: found.cell.decodeTokS,
        prefillTokS: found.cell.prefillTokS,
        bandwidthRatio,
      },
      bwFloorMs: null,
      computeFloorMs: null,
    };
  }

  // 3. Cross-class roofline: every active weight read once per token, 2 ops per active parameter.
  const activeGb = (model.activeParams * model.bytesPerParam) / 1e9;
  const gigaOpsPerToken = (2 * model.activeParams) / 1e9;
  const bwFloorMs = (activeGb / (effectiveBandwidthGbs(hw) * hw.llmDecodeBwRealization * share)) * 1000;
  // GOPs / TOPS is milliseconds; the floor keeps a zero peak from dividing by zero.
  const computeFloorMs = gigaOpsPerToken / (Math.max(decodeComputePeakTops(hw, capabilityKey), 1e-9) * hw.llmPrefillUtilFactor);
  return {
    ...common,
    decodeTokS: (1000 / Math.max(bwFloorMs, computeFloorMs)) * compilerQuality,
    source: 'cross_class',
    regime: bwFloorMs >= computeFloorMs ? 'bw_bound' : 'compute_bound',
    interpolation: null,
    curveAnchors: [],
    tierAnchor: null,
    bwFloorMs,
    computeFloorMs,
  };
}

/**
 * The curve over a list of context lengths (null: the bundle's chart grid). Every length is checked
 * before any is projected, so a bad one is reported with its index.
 */
export function decodeContextCurve(
  catalog: Catalog,
  hw: Hardware,
  modelName: string,
  contextTokens: readonly number[] | null,
  options: ContextDecodeOptions = {},
): ContextCurve {
  const settings = catalog.files['llm-bundle.json'].contextCurve;
  const model = resolveBundleModel(catalog, modelName);
  const grid = contextTokens ?? settings.grid;
  const points = catalog.inputRanges.contextPoints;
  if (grid.length < points.min || grid.length > points.max) {
    throw new SizerError('out_of_range', `context_tokens must list from ${points.min} to ${points.max} lengths, got ${grid.length}`, 'context_tokens');
  }
  grid.forEach((value, i) => checkInput(catalog.inputRanges.contextTokens, value, `context_tokens[${i}]`));
  return {
    model: model.key,
    calibrationAnchors: calibrationAnchors(catalog, model.key),
    points: grid.map((context) => decodeAtContext(catalog, hw, model.key, context, options)),
  };
}
