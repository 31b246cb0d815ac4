/**
 * The one sizing projector: everything the task pane's headline shows for a configuration, as plain
 * data (numbers, the engine's source badges and regimes, warnings carrying the engine's own
 * reasons), computed in the reference app's order: hardware, vision (the CNN anchor overlay is inside
 * the engine), the LLM's dtype gate, the model projection, the duty cycle and vision under LLM load,
 * the VLA, then the combined memory fit. The pane formats it into tiles, the This config sheet into
 * notes, and `sizer query` kind `config` answers it as JSON; none of them computes a number itself.
 */
import {
  answerKindText,
  type CapabilityKey,
  type CombinedMemoryFit,
  combinedMemoryFit,
  effectiveBandwidthGbs,
  type Engine,
  explanationOnBasis,
  type Explanation,
  type Hardware,
  isSizerError,
  type LlmDuty,
  llmModelMemoryNeed,
  type ModelProjection,
  type PickedBand,
  type ProjectionBasis,
  type SizerErrorCode,
  type Source,
  type VisionProjection,
  visionMemoryNeed,
  type VlaDetail,
  type VlaProjection,
  type VlaOperatingPoint,
  type VlaSource,
  vlaMemoryNeed,
  type WorkloadMemoryNeed,
} from '../engine';
import { basisOf, type ModelOnBasis } from './basis';
import type { SizingConfig } from './config';

export interface HardwareFacts {
  readonly name: string;
  readonly memBusWidthBits: number;
  readonly memType: string;
  readonly memDataRateGtps: number;
  readonly bandwidthTheoreticalGbs: number;
  readonly bandwidthEffectiveGbs: number;
  readonly memCapacityGb: number;
  readonly tdpWatts: number;
  readonly peakTops: { readonly bf16: number; readonly int8: number; readonly fp8: number; readonly fp4: number };
  /** True when the tier's numbers are scaled by bandwidth from another tier's measurements. */
  readonly bwProjected: boolean;
}

export interface VisionHeadline {
  readonly pipeline: string;
  readonly resolution: string;
  readonly streams: number;
  /** FPS per stream with the NPU to itself. */
  readonly fpsPerStream: number;
  /** FPS per stream left under the LLM's duty cycle (fpsPerStream when no LLM runs). */
  readonly fpsPerStreamUnderLlm: number;
  /** fpsPerStreamUnderLlm x streams. */
  readonly totalFpsUnderLlm: number;
  readonly perStreamMs: number;
  readonly vramMb: number;
  readonly fitsInMemory: boolean;
  /** Null on the multi-stream paths (unbadged, as in the reference). */
  readonly source: Source | null;
  /** DDR bandwidth ratio vs NPU Mid (the reference's fourth vision tile). */
  readonly bandwidthRatioVsRef: number;
  /** How this number was derived (the pane's "How this was derived" detail). */
  readonly explanation: Explanation;
  readonly regime: string | null;
  /** The 80% band of its provenance class, as measured / projected ratios around any FPS figure above (decision 0030). */
  readonly fpsBand: PickedBand;
}

export interface LlmHeadline {
  readonly model: string;
  readonly modelLabel: string;
  readonly quant: string;
  readonly workload: string;
  /** Decode tok/s on the configuration's basis (the reference's, or calibrated to measurements). */
  readonly decodeTokS: number;
  /** The basis decodeTokS is on, and its 80% band (docs/decisions/0028-calibrated-basis.md). */
  readonly basis: ProjectionBasis;
  readonly decodeTokSLow: number;
  readonly decodeTokSHigh: number;
  readonly ttft1kSec: number;
  /** The 80% band of ttft1kSec's provenance class, as ratios (decision 0030). */
  readonly ttftBand: PickedBand;
  /** Prompt tokens behind ttft1kSec (the catalog's TTFT prompt). */
  readonly ttftPromptTokens: number;
  readonly answerKind: 'short' | 'rag';
  /** What that answer is, from the catalog ("200 tokens", "8K prompt + 2K answer"). */
  readonly answerText: string;
  /** End-to-end seconds for one answer of that kind. */
  readonly answerSec: number;
  readonly ggufSizeGb: number;
  readonly fitsInMemory: boolean;
  readonly source: Source;
  /** The model this number is scaled from (its source badge is that model's), or null when it is this model's own. */
  readonly scaledFrom: string | null;
  readonly scaledFromLabel: string | null;
  readonly regime: string;
  readonly bandwidthRatioVsRef: number;
  readonly explanation: Explanation;
}

export interface DutyHeadline {
  readonly queriesPerMinute: number;
  readonly answerKind: 'short' | 'rag';
  readonly answerSec: number;
  /** Share of NPU time the LLM takes (may exceed 1: oversubscribed). */
  readonly dutyCycle: number;
  /** The query rate at which the LLM alone fills the NPU. */
  readonly maxQueriesPerMinute: number;
  readonly source: Source;
  readonly explanation: Explanation;
}

/** The operating point's figures the headline shows under the engine's own names (engine.vlaDetail). */
type VlaOperatingFigures = Pick<VlaOperatingPoint, 'displaySource' | 'vlmHz' | 'cameraFps' | 'aggregateCameraFps' | 'ddrDemandGbs' | 'ddrAvailableGbs' | 'targetActionHz' | 'targetExceeded'>;

export interface VlaHeadline extends VlaOperatingFigures {
  readonly model: string;
  readonly label: string;
  readonly runs: boolean | null;
  readonly deferred: boolean;
  readonly reason: string | null;
  readonly cameras: number;
  readonly fleetSize: number;
  readonly actionHz: number | null;
  readonly msPerAction: number | null;
  readonly dramGb: number | null;
  readonly fleetMemoryGb: number | null;
  readonly fitsInMemory: boolean | null;
  readonly source: VlaSource | null;
  readonly regime: string | null;
  /** The action rate asked for (the operating point's actionHz; actionHz above is the projected rate). */
  readonly actionHzSetting: number;
  /** The operating point's offDefault: a rate moved off the measured default makes the number a what-if. */
  readonly offDefaultRate: boolean;
  readonly bandwidthRatioVsRef: number;
  readonly explanation: Explanation;
}

export type ConfigWarning =
  | { readonly id: 'invalid-config'; readonly workload: 'hardware' | 'vision' | 'llm' | 'llm-load' | 'vla'; readonly code: SizerErrorCode | 'internal_error'; readonly reason: string }
  | {
      readonly id: 'dtype-mismatch';
      readonly model: string;
      readonly modelLabel: string;
      readonly hardware: string;
      readonly computeDtype: string;
      /** The engine's dtype gate reason. */
      readonly reason: string;
      /** Capability keys (int8, fp8, bf16/fp16, nvfp4) this hardware can execute. */
      readonly supportedCapabilities: readonly CapabilityKey[];
      /** Ladder tiers that can run the model. */
      readonly tiersThatRunModel: readonly string[];
      /** Catalog models (labels) this hardware can run. */
      readonly modelsThatRunHere: readonly string[];
    }
  | {
      readonly id: 'llm-oversubscribed';
      readonly hardware: string;
      readonly quant: string;
      readonly queriesPerMinute: number;
      readonly answerKind: 'short' | 'rag';
      readonly answerSec: number;
      readonly dutyCycle: number;
      readonly maxQueriesPerMinute: number;
      /** True when vision runs too: it gets no NPU time left. */
      readonly visionStarved: boolean;
    }
  | { readonly id: 'llm-wont-fit'; readonly modelLabel: string; readonly hardware: string; readonly footprintGb: number; readonly capacityGb: number }
  | { readonly id: 'vla-does-not-run'; readonly label: string; readonly hardware: string; readonly reason: string | null }
  | { readonly id: 'memory-spills'; readonly hardware: string; readonly neededGb: number; readonly capacityGb: number };

export type ConfigWarningId = ConfigWarning['id'];

export interface ConfigProjection {
  /** Null when the hardware cannot be built (an invalid-config warning says why). */
  readonly hardware: HardwareFacts | null;
  /** The NPU share used (the tier's default when the configuration leaves it unset). */
  readonly npuShare: number | null;
  readonly vision: VisionHeadline | null;
  /** Null when the LLM is off, cannot run here (dtype gate) or cannot be sized. */
  readonly llm: LlmHeadline | null;
  readonly duty: DutyHeadline | null;
  readonly vla: VlaHeadline | null;
  /** Null when no workload was sized. */
  readonly memoryFit: CombinedMemoryFit | null;
  readonly warnings: readonly ConfigWarning[];
}

function invalid(workload: Extract<ConfigWarning, { id: 'invalid-config' }>['workload'], error: unknown): ConfigWarning {
  return {
    id: 'invalid-config',
    workload,
    code: isSizerError(error) ? error.code : 'internal_error',
    reason: error instanceof Error ? error.message : String(error),
  };
}

function hardwareFacts(hw: Hardware): HardwareFacts {
  return {
    name: hw.name,
    memBusWidthBits: hw.memBusWidthBits,
    memType: hw.memType,
    memDataRateGtps: hw.memDataRateGtps,
    bandwidthTheoreticalGbs: hw.memBandwidthGbs,
    bandwidthEffectiveGbs: effectiveBandwidthGbs(hw),
    memCapacityGb: hw.memCapacityGb,
    tdpWatts: hw.tdpWatts,
    peakTops: { bf16: hw.peakTops.bf16, int8: hw.peakTops.int8, fp8: hw.peakTops.fp8, fp4: hw.peakTops.fp4 },
    bwProjected: hw.bwProjected,
  };
}

/** Capability keys of the catalog's compute dtypes (those with a peak-TOPS field) that this hardware executes. */
function supportedCapabilities(engine: Engine, hw: Hardware): CapabilityKey[] {
  const capability = engine.catalog.files['capability.json'];
  const keys: CapabilityKey[] = [];
  for (const dtype of Object.keys(capability.dtypeToPeakField)) {
    const key = capability.dtypeToCapabilityKey[dtype];
    if (key === undefined || keys.includes(key)) continue;
    if (engine.capability(hw, dtype) !== 'unsupported') keys.push(key);
  }
  return keys;
}

function dtypeMismatch(engine: Engine, hw: Hardware, projection: ModelProjection, modelLabel: string): ConfigWarning {
  const runsOn = (tierHw: Hardware): boolean => engine.orderedModels(tierHw).some((m) => m.model.key === projection.model && m.compatible);
  return {
    id: 'dtype-mismatch',
    model: projection.model,
    modelLabel,
    hardware: hw.name,
    computeDtype: projection.gate.computeDtype,
    reason: projection.gate.reason ?? `${hw.name} cannot run ${projection.model}`,
    supportedCapabilities: supportedCapabilities(engine, hw),
    tiersThatRunModel: engine.catalog.ladder.filter((t) => runsOn(engine.hardware({ tier: t.id }))).map((t) => t.name),
    modelsThatRunHere: engine.orderedModels(hw).filter((m) => m.compatible).map((m) => m.model.label),
  };
}

export function projectConfig(engine: Engine, config: SizingConfig): ConfigProjection {
  let hw: Hardware;
  try {
    hw = engine.hardware({ tier: config.tier, memory: config.memory, precisionSet: config.precisionSet });
  } catch (error) {
    return { hardware: null, npuShare: null, vision: null, llm: null, duty: null, vla: null, memoryFit: null, warnings: [invalid('hardware', error)] };
  }
  const warnings: ConfigWarning[] = [];

  let vision: VisionProjection | null = null;
  if (config.vision.enabled) {
    try {
      vision = engine.vision(hw, {
        pipeline: config.vision.pipeline,
        resolution: config.vision.resolution,
        streams: config.vision.streams,
        npuShare: config.npuShare,
        compilerQuality: config.vision.compilerQuality,
      });
    } catch (error) {
      warnings.push(invalid('vision', error));
    }
  }

  let model: ModelProjection | null = null;
  // The model's reference projection and its numbers on the configuration's basis (the same on the reference basis).
  let reference: ModelProjection | null = null;
  let onBasis: ModelOnBasis | null = null;
  let modelLabel = config.llm.model;
  if (config.llm.enabled) {
    try {
      const projection = engine.llmModel(hw, config.llm.model, {
        quant: config.llm.quant,
        workload: config.llm.workload,
        npuShare: config.npuShare,
        fp4Maturity: config.llm.fp4Maturity,
      });
      modelLabel = engine.catalog.modelByKey[projection.model]?.label ?? projection.model;
      // As the reference does: a model the hardware cannot run is treated as off everywhere downstream.
      if (projection.gate.supported) {
        reference = projection;
        onBasis = engine.onBasis(hw, projection, basisOf(config), config.npuShare);
        model = onBasis.projection;
      } else warnings.push(dtypeMismatch(engine, hw, projection, modelLabel));
    } catch (error) {
      warnings.push(invalid('llm', error));
    }
  }

  // The engine's duty cycle (with its input checks), so the headline matches the sheets and functions.
  let load: LlmDuty | null = null;
  if (model) {
    try {
      load = engine.llmDuty(model, { queriesPerMinute: config.llm.queriesPerMinute, answerKind: config.llm.answerKind });
    } catch (error) {
      warnings.push(invalid('llm-load', error));
      model = null;
    }
  }

  let vla: VlaProjection | null = null;
  let vlaLabel = config.vla.model;
  if (config.vla.enabled) {
    try {
      vla = engine.vla(hw, { vla: config.vla.model, cameras: config.vla.cameras, fleetSize: config.vla.fleetSize, cameraMode: config.vla.cameraMode, npuShare: config.npuShare });
      const key = vla.vla;
      vlaLabel = engine.catalog.files['vla.json'].models.find((m) => m.key === key)?.label ?? key;
    } catch (error) {
      warnings.push(invalid('vla', error));
    }
  }

  let visionOut: VisionHeadline | null = null;
  if (vision) {
    const underLlm = model && load ? engine.visionFpsUnderLlm(vision.fpsPerStream, model, load) : vision.fpsPerStream;
    visionOut = {
      pipeline: vision.pipeline,
      resolution: vision.resolution,
      streams: vision.streams,
      fpsPerStream: vision.fpsPerStream,
      fpsPerStreamUnderLlm: underLlm,
      totalFpsUnderLlm: underLlm * vision.streams,
      perStreamMs: vision.perStreamMs,
      vramMb: vision.vramMb,
      fitsInMemory: vision.fitsInMemory,
      source: vision.source,
      regime: vision.regime,
      bandwidthRatioVsRef: engine.bandwidthRatio(hw),
      explanation: engine.explainVision(hw, vision, config.vision.compilerQuality),
      fpsBand: engine.band('fps', basisOf(config), vision.source),
    };
  }

  const llm: LlmHeadline | null =
    model && load && reference && onBasis
      ? {
          model: model.model,
          modelLabel,
          quant: model.quant,
          workload: model.workload,
          decodeTokS: model.decodeTokS,
          basis: onBasis.decode.basis,
          decodeTokSLow: onBasis.decode.decodeTokSLow,
          decodeTokSHigh: onBasis.decode.decodeTokSHigh,
          ttft1kSec: model.ttft1kSec,
          ttftBand: engine.band('ttft', basisOf(config), model.source),
          ttftPromptTokens: engine.catalog.files['llm.json'].ttftPromptTokens,
          answerKind: load.answerKind,
          answerText: answerKindText(engine.catalog)[load.answerKind],
          answerSec: load.answerSec,
          ggufSizeGb: model.ggufSizeGb,
          fitsInMemory: model.fitsInMemory,
          source: model.source,
          scaledFrom: model.scaledFrom,
          scaledFromLabel: model.scaledFrom === null ? null : (engine.catalog.modelByKey[model.scaledFrom]?.label ?? model.scaledFrom),
          regime: model.regime,
          bandwidthRatioVsRef: engine.bandwidthRatio(hw),
          // How the reference number was derived, then what replaced it on the calibrated basis.
          explanation: explanationOnBasis(engine.calibration, engine.explainModel(hw, reference), reference.decodeTokS, onBasis.decode),
        }
      : null;
  const duty: DutyHeadline | null =
    model && load
      ? {
          queriesPerMinute: load.queriesPerMinute,
          answerKind: load.answerKind,
          answerSec: load.answerSec,
          dutyCycle: load.dutyCycle,
          maxQueriesPerMinute: load.maxQueriesPerMinute,
          source: model.source,
          explanation: engine.explainDuty(load, visionOut?.fpsPerStream ?? null, visionOut?.fpsPerStreamUnderLlm ?? null),
        }
      : null;

  if (duty && duty.dutyCycle >= 1) {
    warnings.push({
      id: 'llm-oversubscribed',
      hardware: hw.name,
      quant: config.llm.quant,
      queriesPerMinute: duty.queriesPerMinute,
      answerKind: duty.answerKind,
      answerSec: duty.answerSec,
      dutyCycle: duty.dutyCycle,
      maxQueriesPerMinute: duty.maxQueriesPerMinute,
      visionStarved: visionOut !== null,
    });
  }
  if (llm && !llm.fitsInMemory) {
    warnings.push({ id: 'llm-wont-fit', modelLabel, hardware: hw.name, footprintGb: llm.ggufSizeGb, capacityGb: hw.memCapacityGb });
  }
  if (vla && vla.runs === false) {
    warnings.push({ id: 'vla-does-not-run', label: vlaLabel, hardware: hw.name, reason: vla.reason });
  }

  const needs: WorkloadMemoryNeed[] = [];
  if (vision) needs.push(visionMemoryNeed(vision));
  if (model) needs.push(llmModelMemoryNeed(model));
  const vlaNeed = vla ? vlaMemoryNeed(engine.catalog, vla) : null;
  if (vlaNeed) needs.push(vlaNeed);
  const memoryFit = needs.length > 0 ? combinedMemoryFit(hw.memCapacityGb, needs) : null;
  // Said once: when a workload already fails its own check, its warning covers the spill.
  const eachFitsAlone = (vision?.fitsInMemory ?? true) && (model?.fitsInMemory ?? true) && (vla?.fitsInMemory ?? true);
  if (memoryFit && !memoryFit.fits && eachFitsAlone) {
    warnings.push({ id: 'memory-spills', hardware: hw.name, neededGb: memoryFit.neededGb, capacityGb: memoryFit.capacityGb });
  }

  let vlaDetail: VlaDetail | null = null;
  if (vla) {
    try {
      vlaDetail = engine.vlaDetail(hw, vla, { vlmHz: config.vla.vlmHz ?? null, actionHz: config.vla.actionHz ?? null, targetActionHz: config.vla.targetActionHz ?? null });
    } catch (error) {
      warnings.push(invalid('vla', error));
      vla = null;
    }
  }
  const vlaOut: VlaHeadline | null = vla && vlaDetail && {
    model: vla.vla,
    label: vlaLabel,
    runs: vla.runs,
    deferred: vla.deferred,
    reason: vla.reason,
    cameras: vla.nCameras,
    fleetSize: vla.fleetSize,
    actionHz: vla.actionHz,
    msPerAction: vla.msPerAction,
    dramGb: vla.dramGb,
    fleetMemoryGb: vla.fleetMemoryGb,
    fitsInMemory: vla.fitsInMemory,
    source: vla.vlaSource,
    regime: vla.regime,
    displaySource: vlaDetail.operatingPoint.displaySource,
    vlmHz: vlaDetail.operatingPoint.vlmHz,
    actionHzSetting: vlaDetail.operatingPoint.actionHz,
    offDefaultRate: vlaDetail.operatingPoint.offDefault,
    cameraFps: vlaDetail.operatingPoint.cameraFps,
    aggregateCameraFps: vlaDetail.operatingPoint.aggregateCameraFps,
    ddrDemandGbs: vlaDetail.operatingPoint.ddrDemandGbs,
    ddrAvailableGbs: vlaDetail.operatingPoint.ddrAvailableGbs,
    targetActionHz: vlaDetail.operatingPoint.targetActionHz,
    targetExceeded: vlaDetail.operatingPoint.targetExceeded,
    bandwidthRatioVsRef: engine.bandwidthRatio(hw),
    explanation: vlaDetail.explanation,
  };

  return {
    hardware: hardwareFacts(hw),
    npuShare: config.npuShare ?? hw.npuShareDefault,
    vision: visionOut,
    llm,
    duty,
    vla: vlaOut,
    memoryFit,
    warnings,
  };
}
