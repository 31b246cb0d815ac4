/**
 * The engine's public surface: hosts (worksheet functions, task pane, CLI, report layer, bench)
 * import the engine only from here. `Engine` (api.ts) is the object a host is handed; the rest are
 * the types its methods take and return, and the pure helpers that turn projections into the
 * snake_case records every host prints.
 */
import type { Engine, EngineOptions } from './api';
import type { Catalog } from './catalog/load';
import { loadShippedCatalog } from './catalog/shipped';
import { createEngine } from './engine';

// The engine and what it takes.
export type * from './api';
export type { MeasuredDram } from './platform/measured-dram';
export { createEngine } from './engine';
export { loadCatalog, type Catalog } from './catalog/load';
/** The shipped data files, unvalidated (loadCatalog validates them); tests copy and edit them. */
export { BUNDLED_CATALOG_FILES } from './catalog/bundled';
export type { CapabilityKey, CapabilityLevel, CatalogFiles, PrecisionSetId, RawCatalogFiles, Resolution, TierRecord } from './catalog/schemas';
export type { EngineNames } from './facade/names';
export type { NameResolver } from './util/names';
export { SizerError, isSizerError, type SizerErrorCode } from './util/errors';
/** Python's round(), for values a host must store as the reference exports them. */
export { pyRound } from './util/pyround';

// Input ranges (one table for every host's checks, help text and docs).
export type { InputRange, InputRangeId, InputRanges } from './inputs/ranges';
export { checkInput, describeInput, describeRange, isInRange, shortRange } from './inputs/check';

// Hardware.
export type { CustomTierInput, Hardware } from './hardware/types';
export { effectiveBandwidthGbs, theoreticalBandwidthGbs } from './hardware/types';
export { CUSTOM_SPEC_PREFIX, formatCustomSpec, isCustomSpec, parseCustomSpec } from './hardware/custom-spec';

// Projections and their records.
export type { Source, VisionProjection } from './vision/types';
export { visionRecord } from './vision/record';
export type { AnswerKind, Fp4Maturity, LlmProjection } from './llm/types';
export type { DtypeGate, ModelProjection, OrderedModel } from './llm/models';
export { decodeBytesPerTokenGb, perfScaleFactor } from './llm/models';
export type { ShapeResult } from './llm/shape';
export type { CalibrationAnchor, ContextCurve, ContextDecode } from './llm/context-curve';
export type { WhatIfModelInput, WhatIfModelProjection } from './llm/what-if';
export { llmModelRecord, llmRecord, shapeRecord } from './llm/record';
export type { VlaArgs } from './vla/args';
export type { VlaProjection, VlaSource } from './vla/types';
export { vlaRecord } from './vla/record';
export type { VlaOperatingPoint, VlaRates } from './vla/operating-point';
export type { Explanation, ExplanationPart, ExplanationTopic, RecordNotes } from './explain/types';
export { modelChoiceLabel, modelRoleLegend } from './explain/roles';
export { vlaModelCaption } from './explain/vla';
export type { KpiRow } from './kpi/rows';

// Platform.
export type { BudgetRow } from './platform/budget';
export type { MatrixProgress } from './platform/matrix';
export { budgetRowsToCsv, csvQuote } from './platform/csv';
export { llmDutyCycle, visionFpsUnderLlmLoad } from './platform/duty';
export type { PlanConstraint, PlanRow, PlanVerdict } from './platform/plan';
export { PLAN_FIELDS, planRecord } from './platform/plan';
export type { Ownership } from './platform/power';

// Catalog facts that help text, docs and pane hints read (never retyped).
export * from './catalog/facts';
export { DEFAULT_CAMERA_MODE } from './vla/args';

// The calibrated basis: validation set, fitted constants, error bands (docs/decisions/0028-calibrated-basis.md).
export { basisMeaning, DEFAULT_BASIS, explanationOnBasis, memoryTypeOf, PROJECTION_BASES, parseBasis, type BasisDecode, type DecodeShape, type ProjectionBasis, type ReferenceDecode } from './calibration/basis';
export { calibratedDecode, bandAround, weightFormatOf, type CalibratedDecode, type CalibratedDecodeInput } from './calibration/model';
export { parseCalibrationFile, parseValidationFile, parseVisionValidationFile, type VisionRowNames } from './calibration/load';
export { classBandOf, type BandFallback } from './calibration/class-band';
export { bandFields, visionBandFields } from './calibration/band-fields';
export { pickBand, provenanceClassOf, type BandedQuantity, type PickedBand, type ProvenanceClass } from './calibration/bands';
export { fitConstants, leaveOneOut, quantile, weightedQuantile, type FitRow } from './calibration/fit';
export { bundledCalibration } from './calibration/bundled';
export { calibrateFromRows, DEFAULT_LAB_CONTEXT_TOKENS, MIN_USER_ROWS, parseUserCalibrationRow, parseUserFit, parseUserCalibrationRows, userCalibrationFile, type UserCalibration, type UserCalibrationRow, type UserFit } from './calibration/user';
export { bundleModelShape, catalogModelShape, referenceModelShape, shapeModelShape, shapeResultOnBasis } from './calibration/on-basis';
export type { CalibrationConstants, CalibrationFile, ClassBand, ClassBands, DecodeBand, ValidationRow, VisionValidationRow, WeightFormat } from './calibration/schema';
export { measuredFpsOf } from './calibration/schema';

// Private anchors.
export * from './anchors';

/**
 * The catalog shipped with SIZER, loaded once. In a built bundle it was validated at build time and only its
 * hash is checked now; under jest and tsx it is validated here (either way a problem is a catalog_invalid
 * SizerError naming the file and path). See catalog/shipped.ts.
 */
export function loadBundledCatalog(): Catalog {
  return loadShippedCatalog();
}

export function createBundledEngine(options: EngineOptions = {}): Engine {
  return createEngine(loadBundledCatalog(), options);
}
// The sizing projector's pieces: what each workload keeps resident, and the combined fit.
export {
  combinedMemoryFit,
  llmModelMemoryNeed,
  visionMemoryNeed,
  vlaMemoryNeed,
  type CombinedMemoryFit,
  type MemoryWorkload,
  type WorkloadMemoryNeed,
} from './platform/memory-fit';
