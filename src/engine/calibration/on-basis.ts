/**
 * Each LLM projection on a basis: the model shape the calibrated model reads for each projection
 * kind (one home, so the CLI, the worksheet functions and the pane read the same shape), and the
 * LLM projection with its decode and the latencies that follow from it replaced on the calibrated basis.
 * See docs/decisions/0028-calibrated-basis.md.
 */
import type { Catalog } from '../catalog/load';
import type { Hardware } from '../hardware/types';
import { modelRecord } from '../llm/models';
import type { ShapeResult } from '../llm/shape';
import type { ModelProjection } from '../llm/models';
import type { LlmProjection } from '../llm/types';
import { decodeOnBasis, type BasisDecode, type DecodeShape, type ProjectionBasis } from './basis';
import type { CalibrationFile } from './schema';

function quantBytes(catalog: Catalog, quant: string): number {
  const record = catalog.quantByKey[quant];
  return record ? record.bytesPerParam : catalog.files['llm-bundle.json'].whatIf.defaults.bytesPerParam;
}

/** The anchor-model LLM (kind llm): the MoE performance reference at the projection's quant, read at the TTFT prompt length. */
export function referenceModelShape(catalog: Catalog, quant: string): DecodeShape {
  const llm = catalog.files['llm.json'];
  const reference = catalog.modelByKey[llm.referenceModel.key];
  const activeParamsB = llm.referenceModel.activeParams / 1e9;
  return {
    activeParamsB,
    bytesPerParam: quantBytes(catalog, quant),
    isMoe: reference ? reference.activeParamsB < reference.totalParamsB : true,
    contextTokens: llm.ttftPromptTokens,
  };
}

/** A catalog model (kind llm_model) at the projection's quant. */
export function catalogModelShape(catalog: Catalog, modelKey: string, quant: string): DecodeShape {
  const model = modelRecord(catalog, modelKey);
  return {
    activeParamsB: model.activeParamsB,
    bytesPerParam: quantBytes(catalog, quant),
    isMoe: model.activeParamsB < model.totalParamsB,
    contextTokens: catalog.files['llm.json'].ttftPromptTokens,
  };
}

/** A token-shaped model (kind llm_shape): its shape, the scheme's (or the given) bytes per parameter, at the prompt length. */
export function shapeModelShape(catalog: Catalog, modelKey: string, quantScheme: string, bytesPerParam: number | null, promptTokens: number): DecodeShape {
  const model = catalog.shapeModelByKey[modelKey];
  const schemeBytes = catalog.files['llm-models.json'].shapeQuantSchemes.bytesPerParam[quantScheme];
  return {
    activeParamsB: model?.activeParamsB ?? 1,
    bytesPerParam: bytesPerParam ?? schemeBytes ?? model?.bytesPerParam ?? quantBytes(catalog, quantScheme),
    isMoe: model?.isMoe ?? false,
    contextTokens: promptTokens,
    hiddenDim: model?.hiddenDim ?? null,
    numLayers: model?.numLayers ?? null,
    kvHeadRatio: model ? model.numKvHeads / model.numAttentionHeads : null,
  };
}

/** A context-curve / what-if bundle model (kind llm_context) at one context length. */
export function bundleModelShape(catalog: Catalog, bundleKey: string, contextTokens: number): DecodeShape {
  const bundle = catalog.files['llm-bundle.json'];
  const model = bundle.models.find((m) => m.key === bundleKey);
  return {
    activeParamsB: (model?.activeParams ?? 1e9) / 1e9,
    bytesPerParam: model?.bytesPerParam ?? bundle.whatIf.defaults.bytesPerParam,
    isMoe: model?.isMoe ?? false,
    contextTokens,
    hiddenDim: model?.hiddenDim ?? null,
    numLayers: model?.numLayers ?? null,
    kvHeadRatio: bundle.whatIf.kvHeadRatio,
  };
}

/**
 * An LLM projection (kind llm / llm_model) on a basis: on the calibrated basis its decode is the
 * calibrated model's (times the workload's decode multiplier) and the answer times that read decode
 * are recomputed from it; the reference basis returns the projection unchanged.
 */
export function llmOnBasis<T extends LlmProjection>(
  catalog: Catalog,
  file: CalibrationFile,
  hw: Hardware,
  basis: ProjectionBasis,
  projection: T,
  shape: DecodeShape,
  /** The NPU share the user gave (null: none, the whole device's number); required so no caller forgets it. */
  npuShareGiven: number | null,
): { readonly projection: T; readonly decode: BasisDecode } {
  // The workload's own multiplier, not decodeTokS / baseDecodeTokS: a catalog model's decode also carries
  // its size scale factor (projectModel), which the calibrated model reads from the model's shape itself.
  const multiplier = catalog.workloadByKey[projection.workload]?.decodeMultiplier ?? 1;
  const decode = decodeOnBasis(file, hw, basis, { decodeTokS: projection.decodeTokS, source: projection.source, multiplier, npuShareGiven }, shape);
  if (decode.calibrated === null) return { projection, decode };
  const llm = catalog.files['llm.json'];
  const decodeTokS = decode.decodeTokS;
  const ragDecodeSec = llm.ragAnswerTokens / decodeTokS;
  return {
    projection: {
      ...projection,
      decodeTokS,
      baseDecodeTokS: decodeTokS / multiplier,
      shortAnswerSec: llm.shortAnswerTokens / decodeTokS,
      ragDecodeSec,
      ragTotalSec: projection.ragPrefillSec + ragDecodeSec,
    },
    decode,
  };
}

type ProjectedShape = Extract<ShapeResult, { readonly resultType: 'Projected' }>;

/**
 * A token-shaped projection (kind llm_shape, the companion sizer's rows) on a basis: on the calibrated
 * basis its decode is the calibrated model's, and the decode time and the total it is part of follow it.
 */
export function shapeOnBasis(
  file: CalibrationFile,
  hw: Hardware,
  basis: ProjectionBasis,
  result: ProjectedShape,
  shape: DecodeShape,
  npuShareGiven: number | null,
): { readonly result: ProjectedShape; readonly decode: BasisDecode } {
  const decode = decodeOnBasis(file, hw, basis, { decodeTokS: result.decodeTokS, source: result.source, multiplier: result.decodeMultiplier, npuShareGiven }, shape);
  if (decode.calibrated === null) return { result, decode };
  const decodeS = result.decodeS * (result.decodeTokS / decode.decodeTokS);
  return { result: { ...result, decodeTokS: decode.decodeTokS, decodeS, totalS: result.totalS - result.decodeS + decodeS }, decode };
}

/** A basis and the calibration it reads (a user's SIZER.CALIBRATE result or the engine's own). */
export interface BasisChoice {
  readonly file: CalibrationFile;
  readonly basis: ProjectionBasis;
}

function isModelProjection(projection: LlmProjection): projection is ModelProjection {
  return typeof (projection as Partial<ModelProjection>).model === 'string';
}

/** The shape the calibrated model reads for an LLM projection: its catalog model's, or the anchor-model path's perf reference. */
export function projectionShape(catalog: Catalog, projection: LlmProjection): DecodeShape {
  return isModelProjection(projection) ? catalogModelShape(catalog, projection.model, projection.quant) : referenceModelShape(catalog, projection.quant);
}

/**
 * An LLM projection on a chosen basis, for the numbers read from its decode (duty cycle, power, the
 * plan's devices): no choice (the reference basis) returns the projection itself, so the reference
 * path never enters the calibration code. See docs/decisions/0033-functions-on-a-basis.md.
 */
export function projectionOnBasis<T extends LlmProjection>(catalog: Catalog, choice: BasisChoice | null, hw: Hardware, projection: T, npuShareGiven: number | null): T {
  if (choice === null) return projection;
  return llmOnBasis(catalog, choice.file, hw, choice.basis, projection, projectionShape(catalog, projection), npuShareGiven).projection;
}

/**
 * A token-shaped projection (kind llm_shape, SIZER.LLMSHAPE) on a basis, with the shape it reads built
 * from the query: one home for the CLI kind and the worksheet function.
 */
export function shapeResultOnBasis(
  catalog: Catalog,
  file: CalibrationFile,
  hw: Hardware,
  basis: ProjectionBasis,
  result: ProjectedShape,
  query: { readonly bytesPerParam: number | null; readonly promptTokens: number | null; readonly npuShareGiven: number | null },
): { readonly result: ProjectedShape; readonly decode: BasisDecode } {
  const promptTokens = query.promptTokens ?? catalog.inputRanges.promptTokens.default ?? 1;
  const shape = shapeModelShape(catalog, result.model, result.quantScheme, query.bytesPerParam, promptTokens);
  return shapeOnBasis(file, hw, basis, result, shape, query.npuShareGiven);
}
