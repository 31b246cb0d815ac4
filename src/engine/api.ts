/**
 * The engine's public surface: the `Engine` every host (worksheet functions, task pane, CLI, report
 * layer, bench) is handed, and the argument and result types of its methods. Hosts import these
 * only through src/engine/index.ts. Arguments are as users give them: names in any accepted
 * spelling, null for "the default"; the engine resolves, defaults and range-checks them.
 */
import type { BasisDecode, DecodeShape, ProjectionBasis, ReferenceDecode } from './calibration/basis';
import type { BandedQuantity, PickedBand } from './calibration/bands';
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
import type { PlanRow } from './platform/plan';
import type { Ownership } from './platform/power';
import type { EngineNames } from './facade/names';
import type { VisionProjection } from './vision/types';
import type { VlaArgs } from './vla/args';
import type { VlaProjection } from './vla/types';
import type { Explanation } from './explain/types';
import type { MeasuredDram } from './platform/measured-dram';
import type { VlaOperatingPoint, VlaRates } from './vla/operating-point';

/** Which hardware to project on: a preset tier (or a custom tier as SIZER.CUSTOMTIER text) or a custom tier object, optionally upgraded. */
export interface HardwareSpec {
  readonly tier?: string | null;
  readonly custom?: CustomTierInput | null;
  readonly memory?: string | null;
  readonly precisionSet?: string | null;
  /**
   * Which tiers a memory upgrade applies to. 'ui' (default): the reference tool's rule, the preset
   * tiers marked uiMemoryUpgrade in data/tiers.json (NPU Mid and High) and custom tiers; anything
   * else is a not_applicable error. 'any': every tier with a bus width, as the reference engine's
   * hw_with_memory allows and its parity sets exercise (sizer query's reference kinds only).
   * The clone is named as the same side names it: 'ui' "NPU Mid (LPDDR6-14)", 'any' "NPU Mid (LPDDR6 @ 14.0 GT/s)".
   */
  readonly memoryScope?: 'ui' | 'any' | null;
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

/**
 * Which basis an LLM decode, and every number read from it, is on, and which calibration the
 * calibrated basis reads (docs/decisions/0033-functions-on-a-basis.md).
 */
export interface BasisArgs {
  /** Null or absent: reference, the default (the reference path never enters the calibration code). */
  readonly basis?: ProjectionBasis | null;
  /** The calibrated basis's constants for this call (a user's SIZER.CALIBRATE result); null or absent: the engine's. */
  readonly calibration?: CalibrationFile | null;
}

export interface DutyArgs extends VisionArgs, LlmArgs, LoadArgs, BasisArgs {}

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

export interface KpiArgs extends BasisArgs {
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

export interface LlmBudgetArgs extends LoadArgs, BasisArgs {
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

/** The workloads one device runs, for its average power (a slot left null is not running). */
export interface PowerArgs {
  /** Vision: dutyCycle is the share of time the NPU runs it (null: the time the LLM leaves). */
  readonly vision?: (VisionArgs & { readonly dutyCycle?: number | null }) | null;
  /** LLM: a catalog model (null: the MoE perf reference, as SIZER.DUTY) at a query rate. */
  readonly llm?: (ModelArgs & LoadArgs & BasisArgs & { readonly model?: string | null }) | null;
}

export interface PowerDraw {
  readonly tdpWatts: number;
  readonly visionDuty: number;
  readonly llmDuty: number;
  /** visionDuty + llmDuty, capped at 1. */
  readonly dutyCycle: number;
  readonly avgWatts: number;
}

export interface EnergyArgs extends PowerArgs {
  readonly hoursPerDay?: number | null;
  readonly pricePerKwh?: number | null;
}

export interface EnergyResult {
  readonly avgWatts: number;
  readonly hoursPerDay: number;
  readonly kwhPerYear: number;
  /** Null without an electricity price. */
  readonly costPerYear: number | null;
}

export interface OwnershipArgs extends PowerArgs {
  readonly unitPrice: number;
  readonly devices?: number | null;
  readonly years?: number | null;
  readonly pricePerKwh: number;
  readonly hoursPerDay?: number | null;
}

/** A camera group of the plan's requirements: cameras per site at one pipeline, resolution and FPS target. */
export interface PlanVisionRequirement {
  readonly pipeline: string;
  readonly resolution?: string | null;
  readonly cameras: number;
  readonly targetFps: number;
  /** How errors and the plan's text name this group ("requirements row 2"); null: "camera group N". */
  readonly label?: string | null;
}

/** The assistant every site runs: a catalog model at a query rate per site. */
export interface PlanLlmRequirement extends LoadArgs {
  readonly model: string;
  readonly quant?: string | null;
  readonly workload?: string | null;
  readonly label?: string | null;
}

export interface PlanRequirements {
  readonly vision?: readonly PlanVisionRequirement[] | null;
  readonly llm?: PlanLlmRequirement | null;
  readonly sites?: number | null;
}

export interface PlanPrices {
  /** Price of one device of any tier without a price of its own. */
  readonly unitPrice?: number | null;
  /** Prices by tier (a preset name or id, or a SIZER.CUSTOMTIER text). */
  readonly unitPrices?: readonly { readonly tier: string; readonly unitPrice: number }[] | null;
  readonly pricePerKwh?: number | null;
  readonly years?: number | null;
  readonly hoursPerDay?: number | null;
}

export interface PlanOptions extends BasisArgs {
  /** Candidate tiers (preset names or ids, or SIZER.CUSTOMTIER texts); null or empty: every preset tier. */
  readonly tiers?: readonly string[] | null;
  readonly prices?: PlanPrices | null;
}

/** What the reference's UI derives around a VLA projection, and how it was all derived. */
export interface VlaDetail {
  readonly operatingPoint: VlaOperatingPoint;
  readonly explanation: Explanation;
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

  /** Effective bandwidth relative to the reference tier's (NPU Mid = 1.00). */
  bandwidthRatio(hw: Hardware): number;
  /** How a vision projection was derived (give the compiler quality it was projected with; null: 1). */
  explainVision(hw: Hardware, projection: VisionProjection, compilerQuality?: number | null): Explanation;
  /** How an anchor-model LLM projection was derived. */
  explainLlm(hw: Hardware, projection: LlmProjection): Explanation;
  /** How a catalog model's projection was derived (borrowed measurement, per-model scaling, dtype). */
  explainModel(hw: Hardware, projection: ModelProjection): Explanation;
  /** A VLA projection's operating point (rates, camera FPS, DDR demand, target check) and its explanation. */
  vlaDetail(hw: Hardware, projection: VlaProjection, rates?: VlaRates): VlaDetail;
  /** The operating point alone, for answers that leave the explanation out (vlaDetail without building its prose). */
  vlaOperatingPoint(hw: Hardware, projection: VlaProjection, rates?: VlaRates): VlaOperatingPoint;
  /** A pipeline's measured DRAM traffic per frame (Nsight Compute bytes per forward x fires per frame), as the budget rows read it; null when unmeasured. */
  measuredDram(pipeline: string): MeasuredDram | null;
  /** How the LLM's duty cycle was derived and the vision FPS it leaves (null: no vision running). */
  explainDuty(load: LlmDuty, visionFps: number | null, visionFpsUnderLlm: number | null): Explanation;
  /** The calibrated basis's constants and bands this engine uses. */
  readonly calibration: CalibrationFile;
  /**
   * A decode number on a basis, with its 80% band: the reference number as is, or (calibrated) the
   * calibrated model's number for this hardware and model shape; a measured number is kept on both.
   * `calibration` replaces this engine's calibration for this one number (a user's SIZER.CALIBRATE result).
   */
  decodeOnBasis(hw: Hardware, basis: ProjectionBasis, reference: ReferenceDecode, shape: DecodeShape, calibration?: CalibrationFile): BasisDecode;
  /**
   * An LLM projection on a basis: on the calibrated basis its decode is the calibrated model's for the
   * projection's own shape (its catalog model's, or the perf reference's), times its workload multiplier
   * and an NPU share the user gave (null: none, the whole device's number), and the answer times follow;
   * on the reference basis the projection as it is. `calibration` replaces this engine's for this call.
   * One home for every host (query kinds, worksheet functions, sheets, the pane).
   */
  onBasis<T extends LlmProjection>(hw: Hardware, projection: T, basis: ProjectionBasis, npuShareGiven: number | null, calibration?: CalibrationFile | null): { readonly projection: T; readonly decode: BasisDecode };
  /** The 80% band of a projected number of this quantity, from its source badge's provenance class, on a basis. */
  band(quantity: BandedQuantity, basis: ProjectionBasis, source: string | null): PickedBand;

  /** The duty cycle of a given LLM projection at a query rate and answer kind, with the engine's defaults and checks. */
  llmDuty(llm: LlmProjection, args: LoadArgs): LlmDuty;
  /** Vision FPS per stream left when this LLM time-slices the NPU at that query rate. */
  visionFpsUnderLlm(visionFps: number, llm: LlmProjection, args: LoadArgs): number;
  duty(hw: Hardware, args: DutyArgs): DutyResult;
  visionBudgetRow(hw: Hardware, args: VisionBudgetArgs): BudgetRow;
  llmBudgetRow(hw: Hardware, args: LlmBudgetArgs): BudgetRow;
  /** The reference's full platform-budget matrix (basis null or reference: the reference's numbers; calibrated: its LLM rows' decode on that basis, read with `calibration` when given, else the engine's). */
  matrix(onProgress?: MatrixProgress, basis?: ProjectionBasis | null, calibration?: CalibrationFile | null): BudgetRow[];

  /** The most streams (1..max) at or above a target FPS per stream; 0 when one stream misses it. */
  maxStreams(hw: Hardware, args: VisionArgs & { readonly targetFps: number }): number;
  /** The smallest ladder tier meeting a decode tok/s target for a model (runnable tiers only), or null. */
  minTierForTokps(model: string, target: number, args: ModelArgs & BasisArgs): TierRecord | null;
  /** The smallest ladder tier meeting an FPS-per-stream target for a pipeline, or null. */
  minTierForFps(target: number, args: VisionArgs): TierRecord | null;
  /** Memory bandwidth a custom tier of a silicon class needs for a decode target (cross-class path). */
  requiredBandwidth(model: string, targetTokS: number, siliconClass: string, args: ModelArgs): RequiredBandwidth;

  /** Average power of one device running these workloads: TDP x their added duty cycles (#N/A without a TDP). */
  powerDraw(hw: Hardware, args: PowerArgs): PowerDraw;
  /** Energy a year of one device, and its cost at an electricity price. */
  energy(hw: Hardware, args: EnergyArgs): EnergyResult;
  /** Capex plus running cost over the years, for devices that all run the same workloads. */
  ownership(hw: Hardware, args: OwnershipArgs): Ownership;
  /** Total vision FPS per watt of TDP (frames per joule; the duty cycle scales both and cancels). */
  fpsPerWatt(hw: Hardware, args: VisionArgs): number;
  /** Decode tok/s per watt of TDP for a catalog model (null: the perf reference); #N/A behind the dtype gate. */
  tokpsPerWatt(hw: Hardware, model: string | null, args: ModelArgs & BasisArgs): number;
  /** The procurement plan: one row per candidate tier (docs/decisions/0027-procurement-plan.md). */
  plan(requirements: PlanRequirements, options?: PlanOptions): PlanRow[];
}
