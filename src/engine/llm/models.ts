/**
 * The LLM model catalog on the anchor-model path: a model is projected through its measurement
 * alias, then scaled by the bytes it reads per decode token relative to the perf-reference MoE, and
 * gated by whether the hardware can execute its compute dtype. The dropdown order puts runnable
 * models first, then by role, then catalog order. See docs/decisions/0008-llm-model-catalog.md.
 */
import type { Catalog } from '../catalog/load';
import type { CapabilityLevel } from '../catalog/schemas';
import type { LlmModelRecord } from '../catalog/schemas-llm-models';
import { capabilityLevel } from '../hardware/capability';
import type { Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import { projectLlm } from './project';
import type { LlmProjection, LlmQuery } from './types';

/** GB read per decode token: the Q4_K_M footprint times the active share of the weights. */
export function decodeBytesPerTokenGb(model: LlmModelRecord): number {
  return model.totalParamsB <= 0 ? model.sizeGb : (model.sizeGb * model.activeParamsB) / model.totalParamsB;
}

export function modelRecord(catalog: Catalog, key: string): LlmModelRecord {
  const model = catalog.modelByKey[key];
  if (!model) throw new SizerError('unknown_name', `unknown model "${key}"; valid: ${catalog.models.map((m) => m.key).join(', ')}`, 'model');
  return model;
}

/** Decode speed relative to the perf-reference model: < 1 for models that read more bytes per token. */
export function perfScaleFactor(catalog: Catalog, model: LlmModelRecord): number {
  const reference = modelRecord(catalog, catalog.files['llm-models.json'].perfReference);
  return decodeBytesPerTokenGb(reference) / decodeBytesPerTokenGb(model);
}

export interface DtypeGate {
  readonly computeDtype: string;
  readonly level: CapabilityLevel;
  readonly supported: boolean;
  /** Why the model cannot run here ("NPU Mid cannot run skippy_7b_v4 (needs fp16 compute)"), or null. */
  readonly reason: string | null;
}

export function dtypeGate(catalog: Catalog, hw: Hardware, model: LlmModelRecord): DtypeGate {
  const level = capabilityLevel(catalog, hw, model.computeDtype);
  const supported = level !== 'unsupported';
  return { computeDtype: model.computeDtype, level, supported, reason: supported ? null : `${hw.name} cannot run ${model.key} (needs ${model.computeDtype} compute)` };
}

export interface ModelProjection extends LlmProjection {
  readonly model: string;
  readonly measurementKey: string;
  readonly perfScaleFactor: number;
  /**
   * The model whose measurement this number is derived from, when it is not this model: the
   * measurement alias whose measured cell stands in, or the perf reference whose tier anchor (or
   * cross-class projection) is scaled by perfScaleFactor. Null when the number is this model's own.
   * The source badge is the borrowed number's, as in the reference; this field keeps a host from
   * presenting it as this model's own measurement (docs/decisions/0020-scaled-model-provenance.md).
   */
  readonly scaledFrom: string | null;
  readonly gate: DtypeGate;
}

/** Whose measurement a model's number is when it is not the model's own (see ModelProjection.scaledFrom). */
function borrowedFrom(catalog: Catalog, modelKey: string, measurementKey: string, source: LlmProjection['source']): string | null {
  // A measured cell is the measurement key's; every other path starts from the perf reference's anchor.
  const origin = source === 'measured' ? measurementKey : catalog.files['llm-models.json'].perfReference;
  return origin === modelKey ? null : origin;
}

export function projectModel(catalog: Catalog, hw: Hardware, modelKey: string, q: Omit<LlmQuery, 'measurementKey'>): ModelProjection {
  const model = modelRecord(catalog, modelKey);
  const measurementKey = model.measurementAlias ?? model.key;
  const base = projectLlm(catalog, hw, { ...q, measurementKey });
  const factor = perfScaleFactor(catalog, model);
  const gguf = model.sizeGb;
  // The model's own footprint replaces the MoE reference's; the reference checks it with no margin
  // and at the Q4_K_M size whatever the quant (kept: docs/decisions/0008).
  const fits = model.sizeGb <= hw.memCapacityGb;
  // A measured per-model cell is already this model's number; a factor of 1 changes nothing.
  const scale = base.source === 'measured' || factor === 1 ? 1 : factor;
  // Written out in full: spreading the base projection here cost several times the projection.
  return {
    quant: base.quant,
    workload: base.workload,
    decodeTokS: base.decodeTokS * scale,
    ttft1kSec: base.ttft1kSec / scale,
    decodeCeilingTokS: base.decodeCeilingTokS,
    shortAnswerSec: base.shortAnswerSec / scale,
    ragPrefillSec: base.ragPrefillSec / scale,
    ragDecodeSec: base.ragDecodeSec / scale,
    ragTotalSec: base.ragTotalSec / scale,
    ggufSizeGb: gguf,
    fitsInMemory: fits,
    npuShareUsed: base.npuShareUsed,
    precisionPrefillScale: base.precisionPrefillScale,
    regime: base.regime,
    source: base.source,
    baseDecodeTokS: base.baseDecodeTokS,
    baseTtft1kSec: base.baseTtft1kSec,
    model: model.key,
    measurementKey,
    perfScaleFactor: factor,
    scaledFrom: borrowedFrom(catalog, model.key, measurementKey, base.source),
    gate: dtypeGate(catalog, hw, model),
  };
}

/** A catalog model in dropdown order, and whether this hardware can run it. */
export interface OrderedModel {
  readonly model: LlmModelRecord;
  readonly compatible: boolean;
}

/** Models for a dropdown: runnable on this hardware first, then by role, then catalog order. */
export function orderedModels(catalog: Catalog, hw: Hardware | null): readonly OrderedModel[] {
  const roleRank = new Map(catalog.files['llm-models.json'].roleOrder.map((role, i) => [role, i]));
  return catalog.models
    .map((model, index) => ({ model, index, compatible: hw === null ? true : dtypeGate(catalog, hw, model).supported }))
    .sort((a, b) => Number(!a.compatible) - Number(!b.compatible) || (roleRank.get(a.model.role) ?? 9) - (roleRank.get(b.model.role) ?? 9) || a.index - b.index)
    .map(({ model, compatible }) => ({ model, compatible }));
}
