/**
 * The measured-silicon overlay: where a private anchors file has a measured cell for this tier,
 * precision and model (or CNN), its number replaces the projection, badged `measured_silicon_anchor`.
 * Applied after the projection (and after any per-model scaling), before duty cycle and budget rows.
 *
 * LLM: decode = tok/s x (anchor-quant bytes / quant bytes) x the workload's decode multiplier x the
 * bandwidth ratio; TTFT (1,024 tokens) = 1024 / prefill tok/s x the workload's TTFT multiplier, not
 * bandwidth-scaled (prefill is compute-bound); the answer latencies are recomputed from both.
 * CNN (one stream only): ms per frame = anchor ms / the bandwidth ratio.
 * The bandwidth ratio is this hardware's memory bandwidth over its preset tier's (Amendment 5): 1 on
 * the preset, the upgrade's gain on a memory clone. Tier cells come from the preset id, so clones and
 * precision variants of Mid and High resolve. See docs/decisions/0012-private-anchors.md.
 */
import type { Catalog } from '../catalog/load';
import { CAPABILITY_KEYS as CAPABILITY_KEY_LIST } from '../catalog/enums';
import type { CapabilityKey } from '../catalog/schemas';
import type { Hardware } from '../hardware/types';
import { workloadRecord } from '../llm/project';
import type { LlmProjection } from '../llm/types';
import { SizerError } from '../util/errors';
import type { VisionProjection } from '../vision/types';
import type { AnchorSet, CnnAnchorCell, CnnAnchorKey, LlmAnchorCell, LlmAnchorModel, TierCell } from './schema';

/** What an LLM projection is for, beyond the hardware: the model, its dtype and the workload. */
export interface LlmAnchorTarget {
  /** Catalog LLM model key (e.g. skippy_7b_v4); null for the anchor-model path's reference model. */
  readonly modelKey: string | null;
  /**
   * The model's compute dtype (int8, fp16, bf16, fp8...), a capability key (q4_km, bf16/fp16) or a
   * quant scheme (Q4_K_M); null takes the anchor-model path's dtype, and is only allowed with no model key.
   */
  readonly computeDtype: string | null;
  /** Workload key or label; null or omitted keeps the projection's own workload. */
  readonly workload?: string | null;
}

export interface ResolvedLlmAnchor {
  readonly tierCell: TierCell;
  readonly model: LlmAnchorModel;
  readonly cell: LlmAnchorCell;
  /** This hardware's memory bandwidth over its preset tier's. */
  readonly bandwidthRatio: number;
}

export interface ResolvedCnnAnchor {
  readonly tierCell: TierCell;
  readonly cnn: CnnAnchorKey;
  readonly cell: CnnAnchorCell;
  readonly bandwidthRatio: number;
}

/** Own keys only: a lookup of "constructor" in a plain record must not find Object's. */
function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Amendment 5: an anchor is measured on the stock silicon, so on hardware with another memory
 * (a memory-upgrade clone, or a precision variant built on one) it scales with the bandwidth gain.
 * Taken against the preset tier's catalog bandwidth, which also covers a precision variant of a
 * clone (not itself flagged bw_projected).
 */
export function anchorBandwidthRatio(catalog: Catalog, hw: Hardware): number {
  const preset = hw.presetId === null ? undefined : ownValue(catalog.tierById, hw.presetId);
  return preset ? hw.memBandwidthGbs / preset.memory.bandwidthGbs : 1;
}

const CAPABILITY_KEYS: ReadonlySet<string> = new Set(CAPABILITY_KEY_LIST);

function capabilityKeyOf(catalog: Catalog, dtype: string): CapabilityKey | null {
  const capability = catalog.files['capability.json'];
  const lower = dtype.trim().toLowerCase();
  // A plain set lookup: this runs on every anchored-engine projection.
  if (CAPABILITY_KEYS.has(lower)) return lower as CapabilityKey;
  return ownValue(capability.dtypeToCapabilityKey, lower) ?? ownValue(capability.quantSchemeToCapabilityKey, dtype.trim().toUpperCase()) ?? null;
}

/** The measured LLM anchor that applies to this projection target on this hardware, or null. */
export function resolveLlmAnchor(catalog: Catalog, anchors: AnchorSet, hw: Hardware, target: LlmAnchorTarget): ResolvedLlmAnchor | null {
  const keys = catalog.files['anchor-keys.json'];
  // Checked before anything else, so a caller that forgets the dtype fails on every tier, not only on anchored ones.
  if (target.modelKey !== null && target.computeDtype === null) {
    throw new SizerError('invalid_input', 'compute_dtype is required to match a model to its anchor cell', 'compute_dtype');
  }
  const model = target.modelKey === null ? keys.anchorModelPath.anchorModel : ownValue(keys.llmModels, target.modelKey);
  if (model === undefined || hw.presetId === null) return null;
  const dtype = target.computeDtype ?? keys.anchorModelPath.computeDtype;
  const capabilityKey = capabilityKeyOf(catalog, dtype);
  if (capabilityKey === null) return null;
  const rule = keys.llmTierCells.find((r) => r.tier === hw.presetId && r.capabilityKeys.includes(capabilityKey));
  if (!rule) return null;
  const cell = anchors.llm[rule.cell]?.[model];
  // The schema already refuses tok/s <= 0; the check stays so a hand-built set cannot divide by zero.
  if (!cell || cell.source !== 'measured' || !(cell.tokps > 0)) return null;
  return { tierCell: rule.cell, model, cell, bandwidthRatio: anchorBandwidthRatio(catalog, hw) };
}

/** The measured CNN anchor for this pipeline on this hardware, or null. */
export function resolveCnnAnchor(catalog: Catalog, anchors: AnchorSet, hw: Hardware, pipelineKey: string): ResolvedCnnAnchor | null {
  const keys = catalog.files['anchor-keys.json'];
  const cnn = ownValue(keys.cnnPipelines, pipelineKey);
  const tierCell = hw.presetId === null ? undefined : ownValue(keys.cnnTierCells, hw.presetId);
  if (cnn === undefined || tierCell === undefined) return null;
  const cell = anchors.cnn[tierCell]?.[cnn];
  if (!cell || cell.source !== 'measured' || !(cell.msPerInference > 0)) return null;
  return { tierCell, cnn, cell, bandwidthRatio: anchorBandwidthRatio(catalog, hw) };
}

/**
 * Anchors are measured at one quant (llmAnchorQuant); another quant reads proportionally more or
 * fewer bytes per token, as on the engine's own tier-anchor path. 1 when either quant is unknown.
 */
function quantBytesFactor(catalog: Catalog, quant: string): number {
  const measuredAt = ownValue(catalog.quantByKey, catalog.files['anchor-keys.json'].llmAnchorQuant);
  const projected = ownValue(catalog.quantByKey, quant);
  return measuredAt && projected ? measuredAt.bytesPerParam / projected.bytesPerParam : 1;
}

/**
 * The LLM projection with a measured-silicon anchor in place of its decode and TTFT, or the same
 * projection object when no measured cell applies.
 */
export function overlayLlmAnchor(catalog: Catalog, anchors: AnchorSet, hw: Hardware, projection: LlmProjection, target: LlmAnchorTarget): LlmProjection {
  const anchor = resolveLlmAnchor(catalog, anchors, hw, target);
  if (!anchor) return projection;
  const llm = catalog.files['llm.json'];
  const workload = workloadRecord(catalog, target.workload ?? projection.workload);

  const baseDecodeTokS = anchor.cell.tokps * quantBytesFactor(catalog, projection.quant) * anchor.bandwidthRatio;
  const decodeTokS = baseDecodeTokS * workload.decodeMultiplier;
  // No measured prefill: keep the projected TTFT (before multipliers), so only decode is anchored.
  const baseTtft1kSec = anchor.cell.prefillTokps !== null ? llm.ttftPromptTokens / anchor.cell.prefillTokps : projection.baseTtft1kSec;
  const ttft1kSec = baseTtft1kSec * workload.ttftMultiplier;

  // The reference left these at their projected values, so its duty cycle disagreed with its own
  // headline; recomputing them with projectLlm's formulas keeps every derived number on the anchor.
  const ragPrefillSec = (llm.ragPromptTokens * ttft1kSec) / 1000;
  const ragDecodeSec = llm.ragAnswerTokens / decodeTokS;
  return {
    ...projection,
    workload: workload.key,
    decodeTokS,
    ttft1kSec,
    shortAnswerSec: llm.shortAnswerTokens / decodeTokS,
    ragPrefillSec,
    ragDecodeSec,
    ragTotalSec: ragPrefillSec + ragDecodeSec,
    source: 'measured_silicon_anchor',
    baseDecodeTokS,
    baseTtft1kSec,
  };
}

/**
 * The vision projection with a measured-silicon CNN anchor in place of its per-frame time, or the
 * same projection object when none applies. Only single-stream projections: the anchor is a batch-1
 * latency, and the multi-stream paths follow their own batching model.
 */
export function overlayCnnAnchor(catalog: Catalog, anchors: AnchorSet, hw: Hardware, projection: VisionProjection): VisionProjection {
  if (projection.streams !== 1) return projection;
  const anchor = resolveCnnAnchor(catalog, anchors, hw, projection.pipeline);
  if (!anchor) return projection;
  const perStreamMs = anchor.cell.msPerInference / anchor.bandwidthRatio;
  // FPS follows the anchored frame time (not the file's own fps figure) so the two always agree.
  const fpsPerStream = 1000 / perStreamMs;
  return {
    ...projection,
    perStreamMs,
    fpsPerStream,
    totalFps: fpsPerStream,
    source: 'measured_silicon_anchor',
    regime: null,
  };
}
