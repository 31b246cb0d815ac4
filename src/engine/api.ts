/**
 * The engine's public surface: the `Engine` every host (worksheet functions, task pane, CLI, report
 * layer, bench) is handed, and the argument and result types of its methods. Hosts import these
 * only through src/engine/index.ts. Arguments are as users give them: names in any accepted
 * spelling, null for "the default"; the engine resolves, defaults and range-checks them.
 */
import type { BasisDecode, DecodeShape, ProjectionBasis, ReferenceDecode } from './calibration/basis';
import type { CalibrationFile } from './calibration/schema';
import type { AnchorSet } from './anchors';
import type { Catalog } from './catalog/load';
import type { TierRecord } from './catalog/schemas';
import type { CapabilityLevel } from './catalog/schemas';
import type { CustomTierInput, Hardware } from './hardware/types';
import type { InputRanges } from './inputs/ranges';
import type { KpiRow } from './kpi/rows';
import type { ContextCurve, ContextDecode } from './llm/context-curve';
import type { ModelProjection, OrderedModel } from './llm/models';
import type { ShapeResult } from './llm/shape';
import type { AnswerKind, LlmProjection } from './llm/types';
import type { WhatIfModelInput, WhatIfModelProjection } from './llm/what-if';
import type { BudgetRow } from './platform/budget';
import type { MatrixProgress } from './platform/matrix';
import type { EngineNames } from './facade/names';
import type { VisionProjection } from './vision/types';
import type { VlaArgs } from './vla/args';
import type { VlaProjection } from './vla/types';

/** Which hardware to project on: a preset tier (or a custom tier as SIZER.CUSTOMTIER text) or a custom tier object, optionally upgraded. */
export interface HardwareSpec {
  readonly tier?: string | null;
  readonly custom?: CustomTierInput | null;
  readonly memory?: string | null;
  readonly precisionSet?: string | null;
}

export interface VisionArgs {
  readonly pipeline: string;
  readonly resolution?: string | null;
  readonly streams?: number | null;
  readonly npuShare?: number | null;
  readonly compilerQuality?: number | null;
}

export interface LlmArgs {
  readonly quant?: string | null;
  readonly workload?: string | null;
  readonly npuShare?: number | null;
  readonly measurementKey?: string | null;
  readonly fp4Maturity?: string | null;
}

export type ModelArgs = Omit<LlmArgs, 'measurementKey'>;

/** How often the LLM is asked and how long its answers are. */
export interface LoadArgs {
  readonly queriesPerMinute?: number | null;
  readonly answerKind?: string | null;
}

export interface DutyArgs extends VisionArgs, LlmArgs, LoadArgs {}

export interface ShapeArgs {
  readonly model: string;
  readonly quantScheme?: string | null;
  readonly bytesPerParam?: number | null;
  readonly ggufSizeGb?: number | null;
  readonly computeDtype?: string | null;
  readonly workload?: string | null;
  readonly promptTokens?: number | null;
  readonly decodeTokens?: number | null;
  readonly npuShare?: number | null;
  readonly fp4Maturity?: string | null;
  readonly compilerQuality?: number | null;
  readonly hostMs?: number | null;
}

export interface KpiArgs {
  readonly resolution?: string | null;
  readonly llmEnabled?: boolean | null;
  readonly quant?: string | null;
  readonly workload?: string | null;
  readonly compilerQuality?: number | null;
}

export interface VisionBudgetArgs {
  readonly pipeline: string;
  readonly resolution?: string | null;
  readonly streams?: number | null;
  readonly dutyCycle?: number | null;
}

export interface LlmBudgetArgs extends LoadArgs {
  readonly quant?: string | null;
  readonly workload?: string | null;
}

export interface ContextArgs {
  /** A bundle model by key, display name or alias; null: the context curve's default model. */
  readonly model?: string | null;
  readonly npuShare?: number | null;
  readonly compilerQuality?: number | null;
}

export interface LlmDuty {
  readonly queriesPerMinute: number;
  readonly answerKind: AnswerKind;
  /** Seconds per answer of that kind. */
  readonly answerSec: number;
  readonly dutyCycle: number;
  /** The query rate at which the LLM alone fills the NPU (duty cycle 1). */
  readonly maxQueriesPerMinute: number;
}

export interface DutyResult {
  readonly vision: VisionProjection;
  readonly llm: LlmProjection;
  readonly dutyCycle: number;
  readonly visionFpsUnderLlm: number;
}

export interface RequiredBandwidth {
  readonly effectiveGbs: number;
  readonly theoreticalGbs: number;
}

/** A bundle model's identity, as a context-curve answer names it. */
export interface BundleModelName {
  readonly key: string;
  readonly displayName: string;
}

export interface EngineOptions {
  /** Private measured-silicon anchors: the top layer for anchored LLM and CNN cells. */
  readonly anchors?: AnchorSet;
  /** Constants of the calibrated basis (default: the shipped data/calibration.json). */
  readonly calibration?: CalibrationFile;
}

export interface Engine {
  readonly catalog: Catalog;
  readonly anchors: AnchorSet;
  /** Every catalog name a user can type, with its resolver (tiers, pipelines, quants, ...). */
  readonly names: EngineNames;
  /** Every numeric input's range, default and unit (src/engine/inputs/ranges.ts). */
  readonly inputRanges: InputRanges;

  /** The hardware a spec describes (memoized: the same spec gives the same frozen object). */
  hardware(spec: HardwareSpec): Hardware;
  /** The capability level of a compute dtype on this hardware. */
  capability(hw: Hardware, dtype: string): CapabilityLevel;

  vision(hw: Hardware, args: VisionArgs): VisionProjection;
  /** The projection at every stream count, 1 to the catalog's maximum. */
  streamScaling(hw: Hardware, args: Omit<VisionArgs, 'streams'>): VisionProjection[];
  kpiRow(hw: Hardware, pipeline: string, args: KpiArgs): KpiRow;
  kpiRows(hw: Hardware, args: KpiArgs): KpiRow[];

  /** The anchor-model LLM (the MoE perf reference, or a measurement key). */
  llm(hw: Hardware, args: LlmArgs): LlmProjection;
  /** A catalog model: alias, per-model scaling, dtype gate, private anchors. */
  llmModel(hw: Hardware, model: string, args: ModelArgs): ModelProjection;
  /** Models for a dropdown on this hardware (null: catalog order by role), runnable ones first. */
  orderedModels(hw: Hardware | null): readonly OrderedModel[];
  /** Token-shaped projection with a memory verdict. */
  llmShape(hw: Hardware, args: ShapeArgs): ShapeResult;
  /** A context-curve / what-if bundle model by key, display name or alias (null: the curve's default model). */
  bundleModel(name: string | null | undefined): BundleModelName;
  /** Decode tok/s of a bundle model at one context length. */
  contextDecode(hw: Hardware, contextTokens: number, args: ContextArgs): ContextDecode;
  /** Decode tok/s over a list of context lengths (null: the chart grid). */
  contextCurve(hw: Hardware, contextTokens: readonly number[] | null, args: ContextArgs): ContextCurve & { readonly modelName: BundleModelName };
  /** An arbitrary model described by its shape: decode scaled from the nearest bake-off model, and memory fit. */
  whatIf(hw: Hardware, input: WhatIfModelInput): WhatIfModelProjection;

  vla(hw: Hardware, args: VlaArgs): VlaProjection;

  /** The calibrated basis's constants and bands this engine uses. */
  readonly calibration: CalibrationFile;
  /**
   * A decode number on a basis, with its 80% band: the reference number as is, or (calibrated) the
   * calibrated model's number for this hardware and model shape; a measured number is kept on both.
   */
  decodeOnBasis(hw: Hardware, basis: ProjectionBasis, reference: ReferenceDecode, shape: DecodeShape): BasisDecode;

  /** The duty cycle of a given LLM projection at a query rate and answer kind, with the engine's defaults and checks. */
  llmDuty(llm: LlmProjection, args: LoadArgs): LlmDuty;
  /** Vision FPS per stream left when this LLM time-slices the NPU at that query rate. */
  visionFpsUnderLlm(visionFps: number, llm: LlmProjection, args: LoadArgs): number;
  duty(hw: Hardware, args: DutyArgs): DutyResult;
  visionBudgetRow(hw: Hardware, args: VisionBudgetArgs): BudgetRow;
  llmBudgetRow(hw: Hardware, args: LlmBudgetArgs): BudgetRow;
  /** The reference's full platform-budget matrix. */
  matrix(onProgress?: MatrixProgress): BudgetRow[];

  /** The most streams (1..max) at or above a target FPS per stream; 0 when one stream misses it. */
  maxStreams(hw: Hardware, args: VisionArgs & { readonly targetFps: number }): number;
  /** The smallest ladder tier meeting a decode tok/s target for a model (runnable tiers only), or null. */
  minTierForTokps(model: string, target: number, args: ModelArgs): TierRecord | null;
  /** The smallest ladder tier meeting an FPS-per-stream target for a pipeline, or null. */
  minTierForFps(target: number, args: VisionArgs): TierRecord | null;
  /** Memory bandwidth a custom tier of a silicon class needs for a decode target (cross-class path). */
  requiredBandwidth(model: string, targetTokS: number, siliconClass: string, args: ModelArgs): RequiredBandwidth;
}
