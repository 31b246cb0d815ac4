/**
 * The engine facade every host uses: name resolution (display names, keys and short ids), hardware
 * construction (preset, custom, memory upgrade, precision set) and the projections, bound to one
 * validated catalog. The only state is a small memo of constructed hardware, owned by the instance.
 */
import { type AnchorSet, NO_ANCHORS, overlayCnnAnchor, overlayLlmAnchor } from './anchors';
import type { Catalog } from './catalog/load';
import type { MemoryUpgradeRecord, PipelineRecord, PrecisionSetId, Resolution, TierRecord } from './catalog/schemas';
import { RESOLUTIONS } from './catalog/schemas';
import { capabilityLevel } from './hardware/capability';
import { customHardware } from './hardware/custom';
import { isCustomSpec, parseCustomSpec } from './hardware/custom-spec';
import { withMemoryUpgrade } from './hardware/memory';
import { withPrecisionSet } from './hardware/precision';
import { presetHardware } from './hardware/preset';
import { effectiveBandwidthGbs } from './hardware/types';
import type { CustomTierInput, Hardware } from './hardware/types';
import { type ModelProjection, orderedModels, projectModel } from './llm/models';
import { projectLlm } from './llm/project';
import { projectShape, type ShapeResult } from './llm/shape';
import { allKpiRows, type KpiRow, kpiRow } from './kpi/rows';
import type { AnswerKind, Fp4Maturity, LlmProjection } from './llm/types';
import { type BudgetRow, llmBudgetRow, visionBudgetRow } from './platform/budget';
import { answerSeconds, llmDutyCycle, visionFpsUnderLlmLoad } from './platform/duty';
import { firstTierMeeting, maxStreamsAtTarget, requiredEffectiveBandwidth } from './platform/inverse';
import { buildMatrix, type MatrixProgress } from './platform/matrix';
import { SizerError } from './util/errors';
import { makeNameResolver, type NameResolver } from './util/names';
import { makeVisionContext, type VisionContext } from './vision/context';
import { projectVision } from './vision/project';
import { createVlaProjector } from './vla/projector';
import type { VisionProjection } from './vision/types';

/** Which hardware to project on: a preset tier or a custom tier, optionally upgraded. */
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

export interface DutyArgs extends VisionArgs, LlmArgs {
  readonly queriesPerMinute?: number | null;
  readonly answerKind?: string | null;
}

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

/** How many constructed hardware descriptions the memo keeps before starting over. */
const HARDWARE_MEMO_LIMIT = 2048;

function checkNumber(value: number, field: string, min: number, max: number, options: { integer?: boolean; minExclusive?: boolean } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SizerError('invalid_input', `${field} must be a finite number, got ${JSON.stringify(value)}`, field);
  }
  if (options.integer && !Number.isInteger(value)) {
    throw new SizerError('invalid_input', `${field} must be a whole number, got ${value}`, field);
  }
  const belowMin = options.minExclusive ? value <= min : value < min;
  if (belowMin || value > max) {
    const lower = options.minExclusive ? `greater than ${min}` : `at least ${min}`;
    throw new SizerError('out_of_range', `${field} must be ${lower} and at most ${max}, got ${value}`, field);
  }
  return value;
}

export interface EngineOptions {
  /** Private measured-silicon anchors: the top layer for anchored LLM and CNN cells. */
  readonly anchors?: AnchorSet;
}

export function createEngine(catalog: Catalog, options: EngineOptions = {}) {
  const anchors = options.anchors ?? NO_ANCHORS;
  // Without any anchor cell the overlays can only return their input: skip them on the hot path.
  const hasAnchors = Object.keys(anchors.llm).length > 0 || Object.keys(anchors.cnn).length > 0;
  const vision: VisionContext = makeVisionContext(catalog);
  const llmDefaults = catalog.files['llm.json'].defaults;
  const maxStreams = catalog.files['vision.json'].maxStreams;

  const tiers: NameResolver<TierRecord> = makeNameResolver(
    'tier',
    catalog.tiers.map((t) => ({ key: t.id, label: t.name, names: t.aliases, value: t })),
  );
  const memoryUpgrades: NameResolver<MemoryUpgradeRecord> = makeNameResolver(
    'memory upgrade',
    catalog.memoryUpgrades.map((m) => ({ key: m.id, label: m.label, names: [], value: m })),
  );
  const pipelines: NameResolver<PipelineRecord> = makeNameResolver(
    'pipeline',
    catalog.pipelines.map((p) => ({ key: p.key, label: p.label, names: [], value: p })),
  );
  const precisionSets: NameResolver<PrecisionSetId> = makeNameResolver(
    'precision set',
    catalog.files['precision-sets.json'].sets.map((s) => ({ key: s.id, label: s.label, names: [], value: s.id })),
  );
  const quants: NameResolver<string> = makeNameResolver(
    'quant',
    Object.values(catalog.quantByKey).map((q) => ({ key: q.key, label: q.key, names: [], value: q.key })),
  );
  const workloads: NameResolver<string> = makeNameResolver(
    'workload',
    Object.values(catalog.workloadByKey).map((w) => ({ key: w.key, label: w.label, names: [], value: w.key })),
  );
  const resolutions: NameResolver<Resolution> = makeNameResolver(
    'resolution',
    RESOLUTIONS.map((r) => ({ key: r, label: r, names: r === '4K' ? ['2160p', '3840x2160'] : r === '1080p' ? ['1920x1080'] : ['1280x720'], value: r })),
  );

  const models: NameResolver<string> = makeNameResolver(
    'model',
    catalog.models.map((m) => ({ key: m.key, label: m.label, names: [], value: m.key })),
  );
  const shapeModels: NameResolver<string> = makeNameResolver(
    'model',
    Object.values(catalog.shapeModelByKey).map((m) => ({ key: m.key, label: m.base, names: [], value: m.key })),
  );

  const vlaProjector = createVlaProjector(catalog);
  const memo = new Map<string, Hardware>();

  function buildHardware(spec: HardwareSpec): Hardware {
    const hasTier = spec.tier !== undefined && spec.tier !== null;
    const hasCustom = spec.custom !== undefined && spec.custom !== null;
    if (hasTier === hasCustom) {
      throw new SizerError('invalid_input', hasTier ? 'give either tier or custom, not both' : 'a tier (or a custom tier) is required', 'tier');
    }
    let hw: Hardware;
    const customText = typeof spec.tier === 'string' && isCustomSpec(spec.tier);
    if (hasCustom && spec.custom) {
      hw = customHardware(catalog, spec.custom);
    } else if (customText && typeof spec.tier === 'string') {
      // A custom tier written as text (SIZER.CUSTOMTIER), accepted wherever a tier name is.
      hw = customHardware(catalog, parseCustomSpec(spec.tier));
    } else {
      if (typeof spec.tier !== 'string') throw new SizerError('invalid_input', `tier must be a name, got ${JSON.stringify(spec.tier)}`, 'tier');
      hw = presetHardware(catalog, tiers.resolve(spec.tier, 'tier'));
    }
    if (spec.memory !== undefined && spec.memory !== null) {
      if (typeof spec.memory !== 'string') throw new SizerError('invalid_input', `memory must be a name, got ${JSON.stringify(spec.memory)}`, 'memory');
      hw = withMemoryUpgrade(hw, memoryUpgrades.resolve(spec.memory, 'memory'));
    }
    if (spec.precisionSet !== undefined && spec.precisionSet !== null) {
      if (typeof spec.precisionSet !== 'string') throw new SizerError('invalid_input', `precision_set must be a name, got ${JSON.stringify(spec.precisionSet)}`, 'precision_set');
      if (hasCustom || customText) {
        throw new SizerError('invalid_input', 'a custom tier takes its precision set in its own field (npu_precision_set, or set= in the text form)', 'precision_set');
      }
      hw = withPrecisionSet(catalog, hw, precisionSets.resolve(spec.precisionSet, 'precision_set'));
    }
    return hw;
  }

  function hardware(spec: HardwareSpec): Hardware {
    // A plain string key for named specs (the common case); JSON only when a custom object is given.
    const key =
      spec.custom === undefined || spec.custom === null
        ? `n\u0001${spec.tier ?? ''}\u0001${spec.memory ?? ''}\u0001${spec.precisionSet ?? ''}\u0001${typeof spec.tier}`
        : JSON.stringify([spec.tier ?? null, spec.custom, spec.memory ?? null, spec.precisionSet ?? null]);
    const cached = memo.get(key);
    if (cached) return cached;
    const hw = buildHardware(spec);
    if (memo.size >= HARDWARE_MEMO_LIMIT) memo.clear();
    memo.set(key, hw);
    return hw;
  }

  function share(value: number | null | undefined): number | null {
    if (value === undefined || value === null) return null;
    return checkNumber(value, 'npu_share', 0, 1, { minExclusive: true });
  }

  function visionProjection(hw: Hardware, args: VisionArgs): VisionProjection {
    if (typeof args.pipeline !== 'string') throw new SizerError('invalid_input', 'pipeline is required', 'pipeline');
    const pipeline = pipelines.resolve(args.pipeline, 'pipeline');
    const resolution = resolutions.resolve(args.resolution ?? '1080p', 'resolution');
    const streams = checkNumber(args.streams ?? 1, 'streams', 1, maxStreams, { integer: true });
    const compilerQuality = checkNumber(args.compilerQuality ?? 1, 'compiler_quality', 0, 10, { minExclusive: true });
    const projection = projectVision(vision, hw, { pipeline: pipeline.key, resolution, streams, npuShare: share(args.npuShare), compilerQuality });
    return hasAnchors ? overlayCnnAnchor(catalog, anchors, hw, projection) : projection;
  }

  function fp4Maturity(value: string | null | undefined): Fp4Maturity {
    const maturity = value ?? llmDefaults.fp4Maturity;
    if (maturity !== 'mature' && maturity !== 'immature') {
      throw new SizerError('invalid_input', `fp4_maturity must be "mature" or "immature", got ${JSON.stringify(value)}`, 'fp4_maturity');
    }
    return maturity;
  }

  function llmProjection(hw: Hardware, args: LlmArgs): LlmProjection {
    const projection = projectLlm(catalog, hw, {
      quant: quants.resolve(args.quant ?? llmDefaults.quant, 'quant'),
      workload: workloads.resolve(args.workload ?? llmDefaults.workload, 'workload'),
      npuShare: share(args.npuShare),
      measurementKey: args.measurementKey ?? null,
      fp4Maturity: fp4Maturity(args.fp4Maturity),
    });
    // The anchor-model path projects the MoE perf reference, whatever cell stood in for it.
    return hasAnchors ? overlayLlmAnchor(catalog, anchors, hw, projection, { modelKey: null, computeDtype: null }) : projection;
  }

  function llmModelProjection(hw: Hardware, model: string, args: Omit<LlmArgs, 'measurementKey'>): ModelProjection {
    const modelKey = models.resolve(model, 'model');
    const projection = projectModel(catalog, hw, modelKey, {
      quant: quants.resolve(args.quant ?? llmDefaults.quant, 'quant'),
      workload: workloads.resolve(args.workload ?? llmDefaults.workload, 'workload'),
      npuShare: share(args.npuShare),
      fp4Maturity: fp4Maturity(args.fp4Maturity),
    });
    if (!hasAnchors) return projection;
    const record = catalog.modelByKey[modelKey];
    // Private anchors are the top layer: after alias resolution and per-model scaling.
    const anchored = overlayLlmAnchor(catalog, anchors, hw, projection, { modelKey, computeDtype: record?.computeDtype ?? null });
    return anchored === projection ? projection : { ...projection, ...anchored };
  }

  function shapeProjection(hw: Hardware, args: ShapeArgs): ShapeResult {
    const defaults = catalog.files['llm-models.json'].shapeDefaults;
    const optionalPositive = (value: number | null | undefined, field: string, max: number): number | null =>
      value === undefined || value === null ? null : checkNumber(value, field, 0, max, { minExclusive: true });
    return projectShape(catalog, hw, {
      model: shapeModels.resolve(args.model, 'model'),
      quantScheme: args.quantScheme ?? null,
      bytesPerParam: optionalPositive(args.bytesPerParam, 'bytes_per_param', 8),
      ggufSizeGb: optionalPositive(args.ggufSizeGb, 'gguf_size_gb', 1e5),
      computeDtype: args.computeDtype ?? null,
      workload: workloads.resolve(args.workload ?? defaults.workload, 'workload'),
      promptTokens: checkNumber(args.promptTokens ?? defaults.promptTokens, 'prompt_tokens', 1, 10_000_000, { integer: true }),
      decodeTokens: checkNumber(args.decodeTokens ?? defaults.decodeTokens, 'decode_tokens', 1, 10_000_000, { integer: true }),
      npuShare: share(args.npuShare),
      fp4Maturity: fp4Maturity(args.fp4Maturity),
      compilerQuality: checkNumber(args.compilerQuality ?? 1, 'compiler_quality', 0, 10, { minExclusive: true }),
      hostMs: args.hostMs === undefined || args.hostMs === null ? null : checkNumber(args.hostMs, 'host_ms', 0, 3_600_000),
    });
  }

  function kpiQuery(args: KpiArgs) {
    return {
      resolution: resolutions.resolve(args.resolution ?? '1080p', 'resolution'),
      llmEnabled: args.llmEnabled ?? false,
      quant: quants.resolve(args.quant ?? llmDefaults.quant, 'quant'),
      workload: workloads.resolve(args.workload ?? llmDefaults.workload, 'workload'),
      compilerQuality: checkNumber(args.compilerQuality ?? 1, 'compiler_quality', 0, 10, { minExclusive: true }),
    };
  }

  function answerKind(value: string | null | undefined): AnswerKind {
    const kind = (value ?? llmDefaults.answerKind).trim().toLowerCase();
    if (kind !== 'short' && kind !== 'rag') {
      throw new SizerError('invalid_input', `answer_kind must be "short" or "rag", got ${JSON.stringify(value)}`, 'answer_kind');
    }
    return kind;
  }

  function queriesPerMinute(value: number | null | undefined): number {
    return checkNumber(value ?? llmDefaults.queriesPerMinute, 'queries_per_minute', 0, 1e6);
  }

  return Object.freeze({
    catalog,
    anchors,
    names: Object.freeze({ tiers, memoryUpgrades, pipelines, precisionSets, quants, workloads, resolutions, models, shapeModels }),
    hardware,
    vision: visionProjection,
    llm: llmProjection,
    llmModel: llmModelProjection,
    /** Models for a dropdown on this hardware (null: catalog order by role), runnable ones first. */
    orderedModels(hw: Hardware | null) {
      return orderedModels(catalog, hw);
    },
    llmShape: shapeProjection,
    /** VLA projection (single loop, dual loop, OFT), with the VLA model names. */
    vla: vlaProjector.project,
    vlaModels: vlaProjector.models,
    kpiRow(hw: Hardware, pipeline: string, args: KpiArgs): KpiRow {
      return kpiRow(vision, hw, { ...kpiQuery(args), pipeline: pipelines.resolve(pipeline, 'pipeline').key });
    },
    kpiRows(hw: Hardware, args: KpiArgs): KpiRow[] {
      return allKpiRows(vision, hw, kpiQuery(args));
    },
    capability(hw: Hardware, dtype: string) {
      return capabilityLevel(catalog, hw, dtype);
    },
    /**
     * The duty cycle of a given LLM projection (the MoE reference, a catalog model, an anchored
     * one): queries per second x answer time, with the engine's defaults and input checks.
     */
    llmDuty(llm: LlmProjection, args: { readonly queriesPerMinute?: number | null; readonly answerKind?: string | null }): LlmDuty {
      const qpm = queriesPerMinute(args.queriesPerMinute);
      const kind = answerKind(args.answerKind);
      const answerSec = answerSeconds(llm, kind);
      return { queriesPerMinute: qpm, answerKind: kind, answerSec, dutyCycle: llmDutyCycle(llm, qpm, kind), maxQueriesPerMinute: answerSec > 0 ? 60 / answerSec : 0 };
    },
    /** Vision FPS per stream left when this LLM time-slices the NPU at that query rate. */
    visionFpsUnderLlm(visionFps: number, llm: LlmProjection, args: { readonly queriesPerMinute?: number | null; readonly answerKind?: string | null }): number {
      return visionFpsUnderLlmLoad(visionFps, llm, queriesPerMinute(args.queriesPerMinute), answerKind(args.answerKind));
    },
    duty(hw: Hardware, args: DutyArgs): DutyResult {
      const v = visionProjection(hw, args);
      const l = llmProjection(hw, args);
      const qpm = queriesPerMinute(args.queriesPerMinute);
      const kind = answerKind(args.answerKind);
      return { vision: v, llm: l, dutyCycle: llmDutyCycle(l, qpm, kind), visionFpsUnderLlm: visionFpsUnderLlmLoad(v.fpsPerStream, l, qpm, kind) };
    },
    visionBudgetRow(hw: Hardware, args: { pipeline: string; resolution?: string | null; streams?: number | null; dutyCycle?: number | null }): BudgetRow {
      const pipeline = pipelines.resolve(args.pipeline, 'pipeline');
      return visionBudgetRow(vision, hw, {
        pipeline: pipeline.key,
        resolution: resolutions.resolve(args.resolution ?? '1080p', 'resolution'),
        streams: checkNumber(args.streams ?? 1, 'streams', 1, maxStreams, { integer: true }),
        dutyCycle: checkNumber(args.dutyCycle ?? 1, 'duty_cycle', 0, 1),
      });
    },
    llmBudgetRow(hw: Hardware, args: { quant?: string | null; workload?: string | null; queriesPerMinute?: number | null; answerKind?: string | null }): BudgetRow {
      return llmBudgetRow(catalog, hw, {
        quant: quants.resolve(args.quant ?? llmDefaults.quant, 'quant'),
        workload: workloads.resolve(args.workload ?? llmDefaults.workload, 'workload'),
        queriesPerMinute: queriesPerMinute(args.queriesPerMinute),
        answerKind: answerKind(args.answerKind),
      });
    },
    /** The projection at every stream count, 1 to the catalog's maximum (16). */
    streamScaling(hw: Hardware, args: Omit<VisionArgs, 'streams'>): VisionProjection[] {
      return Array.from({ length: maxStreams }, (_, i) => visionProjection(hw, { ...args, streams: i + 1 }));
    },
    /** The most streams (1..16) at or above a target FPS per stream; 0 when one stream misses it. */
    maxStreams(hw: Hardware, args: VisionArgs & { readonly targetFps: number }): number {
      return maxStreamsAtTarget(maxStreams, args.targetFps, (streams) => visionProjection(hw, { ...args, streams }).fpsPerStream);
    },
    /** The smallest ladder tier meeting a decode tok/s target for a model (runnable tiers only), or null. */
    minTierForTokps(model: string, target: number, args: Omit<LlmArgs, 'measurementKey'>): TierRecord | null {
      return firstTierMeeting(catalog.ladder, target, (tier) => {
        const m = llmModelProjection(hardware({ tier: tier.id }), model, args);
        return m.gate.supported ? m.decodeTokS : null;
      });
    },
    /** The smallest ladder tier meeting an FPS-per-stream target for a pipeline, or null. */
    minTierForFps(target: number, args: VisionArgs): TierRecord | null {
      return firstTierMeeting(catalog.ladder, target, (tier) => visionProjection(hardware({ tier: tier.id }), args).fpsPerStream);
    },
    /**
     * Memory bandwidth a custom tier of a silicon class needs for a decode target (cross-class
     * path): effective GB/s, and theoretical GB/s at the class's bandwidth efficiency.
     */
    requiredBandwidth(model: string, targetTokS: number, siliconClass: string, args: Omit<LlmArgs, 'measurementKey'>): { effectiveGbs: number; theoreticalGbs: number } {
      const probe = hardware({
        custom: {
          name: 'bandwidth probe', siliconClass, peakTopsInt8: 1, peakTopsBf16: 1, peakTopsFp8: 1, peakTopsFp4: 0,
          memBandwidthGbs: 1, memCapacityGb: 1e4, memBusWidthBits: 0, memType: 'probe', memDataRateGtps: 0,
          precisionSet: null, computeEfficiency: null, bandwidthEfficiency: 1, tdpWatts: 0,
        },
      });
      const effectiveGbs = requiredEffectiveBandwidth(targetTokS, probe, llmModelProjection(probe, model, args).decodeTokS, effectiveBandwidthGbs(probe));
      // The probe is built with efficiency 1 above, so the class's own default comes from the class.
      const efficiency = catalog.siliconClassById[siliconClass]?.bandwidthEfficiency ?? 1;
      return { effectiveGbs, theoreticalGbs: effectiveGbs / efficiency };
    },
    matrix(onProgress?: MatrixProgress): BudgetRow[] {
      return buildMatrix(vision, onProgress);
    },
  });
}

export type Engine = ReturnType<typeof createEngine>;
