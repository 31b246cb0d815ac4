/**
 * The engine every host uses (the `Engine` interface in api.ts), bound to one validated catalog and
 * an optional private anchors set. Name resolution (facade/names.ts), input defaults and checks
 * (facade/inputs.ts) and hardware construction (facade/hardware.ts) each live in their own module;
 * this file only routes each method to its projection and lays the anchors overlay on top.
 */
import { bandOfSource } from './calibration/bands';
import { decodeOnBasis, DEFAULT_BASIS } from './calibration/basis';
import { type BasisChoice, llmOnBasis, projectionOnBasis, projectionShape } from './calibration/on-basis';
import { bundledCalibration } from './calibration/bundled';
import { type AnchorSet, NO_ANCHORS, overlayCnnAnchor, overlayLlmAnchor } from './anchors';
import type { BasisArgs, Engine, EngineOptions, KpiArgs, LlmArgs, LoadArgs, ModelArgs, VisionArgs } from './api';
import type { Catalog } from './catalog/load';
import { createHardwareBuilder } from './facade/hardware';
import { createEngineInputs } from './facade/inputs';
import { buildEngineNames } from './facade/names';
import { createProcurement } from './facade/procurement';
import { capabilityLevel } from './hardware/capability';
import { effectiveBandwidthGbs, type Hardware } from './hardware/types';
import { allKpiRows, kpiRow } from './kpi/rows';
import { decodeAtContext, decodeContextCurve } from './llm/context-curve';
import { type ModelProjection, orderedModels, projectModel } from './llm/models';
import { projectLlm } from './llm/project';
import { projectShape } from './llm/shape';
import type { LlmProjection } from './llm/types';
import { projectWhatIfModel } from './llm/what-if';
import { llmBudgetRow, visionBudgetRow } from './platform/budget';
import { answerSeconds, llmDutyCycle, visionFpsUnderLlmLoad } from './platform/duty';
import { checkInput, inputOrDefault, optionalInput } from './inputs/check';
import { firstTierMeeting, maxStreamsAtTarget, requiredEffectiveBandwidth } from './platform/inverse';
import { buildMatrix } from './platform/matrix';
import { makeVisionContext } from './vision/context';
import { projectVision } from './vision/project';
import type { VisionProjection } from './vision/types';
import { SizerError } from './util/errors';
import { createVlaProjector } from './vla/projector';
import { explainDuty, explainLlm, explainModel, explainVision, explainVla, hardwareNotesMemo } from './explain';
import { vlaOperatingPoint } from './vla/operating-point';

/** A probe tier for inverse bandwidth sizing: 1 GB/s at efficiency 1, so decode scales linearly from it. */
function bandwidthProbe(siliconClass: string) {
  return {
    name: 'bandwidth probe', siliconClass, peakTopsInt8: 1, peakTopsBf16: 1, peakTopsFp8: 1, peakTopsFp4: 0,
    memBandwidthGbs: 1, memCapacityGb: 1e4, memBusWidthBits: 0, memType: 'probe', memDataRateGtps: 0,
    precisionSet: null, computeEfficiency: null, bandwidthEfficiency: 1, tdpWatts: 0,
  };
}

export function createEngine(catalog: Catalog, options: EngineOptions = {}): Engine {
  const anchors: AnchorSet = options.anchors ?? NO_ANCHORS;
  const calibration = options.calibration ?? bundledCalibration();
  // Without any anchor cell the overlays can only return their input: skip them on the hot path.
  const hasAnchors = Object.keys(anchors.llm).length > 0 || Object.keys(anchors.cnn).length > 0;
  const names = buildEngineNames(catalog);
  const inputs = createEngineInputs(catalog, names);
  const hardware = createHardwareBuilder(catalog, names);
  const visionContext = makeVisionContext(catalog);
  const vlaProjector = createVlaProjector(catalog);
  const ranges = catalog.inputRanges;
  const maxStreams = ranges.streams.max;
  const shapeDefaults = catalog.files['llm-models.json'].shapeDefaults;
  const contextDefaultModel = catalog.files['llm-bundle.json'].contextCurve.defaultModel;
  // What an explanation says about a piece of hardware, built once per Hardware object.
  const hardwareNotes = hardwareNotesMemo(catalog);

  function vision(hw: Hardware, args: VisionArgs): VisionProjection {
    if (typeof args.pipeline !== 'string') throw new SizerError('invalid_input', 'pipeline is required', 'pipeline');
    const projection = projectVision(visionContext, hw, {
      pipeline: names.pipelines.resolve(args.pipeline, 'pipeline').key,
      resolution: inputs.resolution(args.resolution),
      streams: inputs.streams(args.streams),
      npuShare: inputs.npuShare(args.npuShare),
      compilerQuality: inputs.compilerQuality(args.compilerQuality),
    });
    return hasAnchors ? overlayCnnAnchor(catalog, anchors, hw, projection) : projection;
  }

  function llm(hw: Hardware, args: LlmArgs): LlmProjection {
    const projection = projectLlm(catalog, hw, {
      quant: inputs.quant(args.quant),
      workload: inputs.workload(args.workload),
      npuShare: inputs.npuShare(args.npuShare),
      measurementKey: args.measurementKey ?? null,
      fp4Maturity: inputs.fp4Maturity(args.fp4Maturity),
    });
    // The anchor-model path projects the MoE perf reference, whatever cell stood in for it.
    return hasAnchors ? overlayLlmAnchor(catalog, anchors, hw, projection, { modelKey: null, computeDtype: null }) : projection;
  }

  function llmModel(hw: Hardware, model: string, args: ModelArgs): ModelProjection {
    const modelKey = names.models.resolve(model, 'model');
    const projection = projectModel(catalog, hw, modelKey, {
      quant: inputs.quant(args.quant),
      workload: inputs.workload(args.workload),
      npuShare: inputs.npuShare(args.npuShare),
      fp4Maturity: inputs.fp4Maturity(args.fp4Maturity),
    });
    if (!hasAnchors) return projection;
    const record = catalog.modelByKey[modelKey];
    // Private anchors are the top layer: after alias resolution and per-model scaling.
    const anchored = overlayLlmAnchor(catalog, anchors, hw, projection, { modelKey, computeDtype: record?.computeDtype ?? null });
    // An anchor of this model on this silicon is its own measurement: nothing is borrowed any more.
    return anchored === projection ? projection : { ...projection, ...anchored, scaledFrom: null };
  }

  /** A call's basis: none on the reference basis, so the reference path (every parity row) runs as it always has. */
  function budgetBasis(args: BasisArgs): BasisChoice | null {
    const basis = args.basis;
    return basis === undefined || basis === null || basis === DEFAULT_BASIS ? null : { file: args.calibration ?? calibration, basis };
  }

  /** An LLM projection on a call's basis (the user's npu_share, when given, as the calibrated model reads it). */
  function onCallBasis<T extends LlmProjection>(hw: Hardware, projection: T, args: BasisArgs, npuShareGiven: number | null): T {
    return projectionOnBasis(catalog, budgetBasis(args), hw, projection, npuShareGiven);
  }

  function llmDuty(projection: LlmProjection, args: LoadArgs) {
    const queriesPerMinute = inputs.queriesPerMinute(args.queriesPerMinute);
    const answerKind = inputs.answerKind(args.answerKind);
    const answerSec = answerSeconds(projection, answerKind);
    return {
      queriesPerMinute,
      answerKind,
      answerSec,
      dutyCycle: llmDutyCycle(projection, queriesPerMinute, answerKind),
      maxQueriesPerMinute: answerSec > 0 ? 60 / answerSec : 0,
    };
  }

  function maxStreamsAt(hw: Hardware, args: VisionArgs & { readonly targetFps: number }): number {
    const target = inputs.targetFps(args.targetFps);
    return maxStreamsAtTarget(maxStreams, target, (streams) => vision(hw, { ...args, streams }).fpsPerStream);
  }

  const procurement = createProcurement(catalog, names, inputs, { hardware, vision, llm, llmModel, llmDuty, maxStreams: maxStreamsAt, onCallBasis });

  const engine: Engine = {
    catalog,
    anchors,
    names,
    inputRanges: ranges,
    hardware,
    capability: (hw, dtype) => capabilityLevel(catalog, hw, dtype),

    vision,
    streamScaling: (hw, args) => Array.from({ length: maxStreams }, (_, i) => vision(hw, { ...args, streams: i + 1 })),
    kpiRow: (hw, pipeline, args) => kpiRow(visionContext, hw, { ...kpiQuery(args), pipeline: names.pipelines.resolve(pipeline, 'pipeline').key }),
    kpiRows: (hw, args) => allKpiRows(visionContext, hw, kpiQuery(args)),

    llm,
    llmModel,
    orderedModels: (hw) => orderedModels(catalog, hw),
    llmShape: (hw, args) =>
      projectShape(catalog, hw, {
        model: names.shapeModels.resolve(args.model, 'model'),
        quantScheme: args.quantScheme ?? null,
        bytesPerParam: optionalInput(ranges.bytesPerParam, args.bytesPerParam),
        ggufSizeGb: optionalInput(ranges.ggufSizeGb, args.ggufSizeGb),
        computeDtype: args.computeDtype ?? null,
        workload: names.workloads.resolve(args.workload ?? shapeDefaults.workload, 'workload'),
        promptTokens: inputOrDefault(ranges.promptTokens, args.promptTokens),
        decodeTokens: inputOrDefault(ranges.decodeTokens, args.decodeTokens),
        npuShare: inputs.npuShare(args.npuShare),
        fp4Maturity: inputs.fp4Maturity(args.fp4Maturity),
        compilerQuality: inputs.compilerQuality(args.compilerQuality),
        hostMs: optionalInput(ranges.hostMs, args.hostMs),
      }),
    bundleModel: (name) => {
      const key = bundleModelKey(name);
      const model = catalog.files['llm-bundle.json'].models.find((m) => m.key === key);
      return { key, displayName: model?.displayName ?? key };
    },
    contextDecode: (hw, contextTokens, args) =>
      decodeAtContext(catalog, hw, bundleModelKey(args.model), contextTokens, { npuShare: args.npuShare ?? null, compilerQuality: args.compilerQuality ?? null }),
    contextCurve: (hw, contextTokens, args) => {
      const modelName = engine.bundleModel(args.model);
      const curve = decodeContextCurve(catalog, hw, modelName.key, contextTokens, { npuShare: args.npuShare ?? null, compilerQuality: args.compilerQuality ?? null });
      return { ...curve, modelName };
    },
    whatIf: (hw, input) => projectWhatIfModel(catalog, hw, input),

    vla: (hw, args) => vlaProjector.project(hw, args),

    bandwidthRatio: (hw) => hardwareNotes(hw).bandwidthRatio,
    explainVision: (hw, projection, compilerQuality) => explainVision(catalog, hw, hardwareNotes(hw), projection, inputs.compilerQuality(compilerQuality ?? null)),
    explainLlm: (hw, projection) => explainLlm(catalog, hw, hardwareNotes(hw), projection),
    explainModel: (hw, projection) => explainModel(catalog, hw, hardwareNotes(hw), projection),
    explainDuty: (load, visionFps, visionFpsUnderLlm) => explainDuty(catalog, load, visionFps, visionFpsUnderLlm),
    vlaDetail: (hw, projection, rates) => {
      const model = vlaProjector.models.resolve(projection.vla, 'vla');
      const operatingPoint = vlaOperatingPoint(catalog, model, hw, projection, rates);
      return { operatingPoint, explanation: explainVla(catalog, hw, hardwareNotes(hw), model, projection, operatingPoint) };
    },
    measuredDram: (pipeline) => visionContext.measuredDram.get(names.pipelines.resolve(pipeline, 'pipeline').key) ?? null,
    vlaOperatingPoint: (hw, projection, rates) => vlaOperatingPoint(catalog, vlaProjector.models.resolve(projection.vla, 'vla'), hw, projection, rates),
    calibration,
    decodeOnBasis: (hw, basis, reference, shape, other) => decodeOnBasis(other ?? calibration, hw, basis, reference, shape),
    onBasis: (hw, projection, basis, npuShareGiven, other) => llmOnBasis(catalog, other ?? calibration, hw, basis, projection, projectionShape(catalog, projection), npuShareGiven),
    band: (quantity, basis, source) => bandOfSource(calibration, quantity, basis, source),

    llmDuty,
    visionFpsUnderLlm: (visionFps, projection, args) =>
      visionFpsUnderLlmLoad(visionFps, projection, inputs.queriesPerMinute(args.queriesPerMinute), inputs.answerKind(args.answerKind)),
    duty: (hw, args) => {
      const v = vision(hw, args);
      const l = onCallBasis(hw, llm(hw, args), args, args.npuShare ?? null);
      const queriesPerMinute = inputs.queriesPerMinute(args.queriesPerMinute);
      const answerKind = inputs.answerKind(args.answerKind);
      return { vision: v, llm: l, dutyCycle: llmDutyCycle(l, queriesPerMinute, answerKind), visionFpsUnderLlm: visionFpsUnderLlmLoad(v.fpsPerStream, l, queriesPerMinute, answerKind) };
    },
    visionBudgetRow: (hw, args) =>
      visionBudgetRow(visionContext, hw, {
        pipeline: names.pipelines.resolve(args.pipeline, 'pipeline').key,
        resolution: inputs.resolution(args.resolution),
        streams: inputs.streams(args.streams),
        dutyCycle: inputs.dutyCycle(args.dutyCycle),
      }),
    llmBudgetRow: (hw, args) =>
      llmBudgetRow(catalog, hw, {
        quant: inputs.quant(args.quant),
        workload: inputs.workload(args.workload),
        queriesPerMinute: inputs.queriesPerMinute(args.queriesPerMinute),
        answerKind: inputs.answerKind(args.answerKind),
        basis: budgetBasis(args),
      }),
    matrix: (onProgress, basis, other) => buildMatrix(visionContext, onProgress, budgetBasis({ basis, calibration: other ?? null })),

    maxStreams: maxStreamsAt,
    minTierForTokps: (model, target, args) =>
      firstTierMeeting(catalog.ladder, inputs.targetTokps(target), (tier) => {
        const hw = hardware({ tier: tier.id });
        const m = onCallBasis(hw, llmModel(hw, model, args), args, args.npuShare ?? null);
        return m.gate.supported ? m.decodeTokS : null;
      }),
    minTierForFps: (target, args) =>
      firstTierMeeting(catalog.ladder, inputs.targetFps(target), (tier) => vision(hardware({ tier: tier.id }), args).fpsPerStream),
    requiredBandwidth: (model, targetTokS, siliconClass, args) => {
      const target = checkInput(ranges.targetTokps, targetTokS);
      const probe = hardware({ custom: bandwidthProbe(siliconClass) });
      const effectiveGbs = requiredEffectiveBandwidth(target, probe, llmModel(probe, model, args).decodeTokS, effectiveBandwidthGbs(probe));
      // The probe is built with efficiency 1, so the class's own default comes from the class.
      const efficiency = catalog.siliconClassById[siliconClass]?.bandwidthEfficiency ?? 1;
      return { effectiveGbs, theoreticalGbs: effectiveGbs / efficiency };
    },

    ...procurement,
  };
  return Object.freeze(engine);

  function kpiQuery(args: KpiArgs) {
    return {
      resolution: inputs.resolution(args.resolution),
      llmEnabled: args.llmEnabled ?? false,
      quant: inputs.quant(args.quant),
      workload: inputs.workload(args.workload),
      compilerQuality: inputs.compilerQuality(args.compilerQuality),
      basis: budgetBasis(args),
    };
  }

  function bundleModelKey(model: string | null | undefined): string {
    return names.bundleModels.resolve(model ?? contextDefaultModel, 'model');
  }
}
