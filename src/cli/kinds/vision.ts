import { resolutionNames, shortRange, visionRecord } from '../../engine';
import { z } from 'zod';
import { visionBandFields } from './bands';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, type QueryKind, REFERENCE_ENGINE_MEMORY_SCOPE } from './common';

export const visionQueryFields = {
  pipeline: z.string(),
  resolution: nullableName,
  streams: nullableNumber,
  npu_share: nullableNumber,
  compiler_quality: nullableNumber,
};

const schema = z.strictObject({ ...lineFields, ...hardwareFields, ...visionQueryFields });

export const visionKind: QueryKind = {
  kind: 'vision',
  schema,
  help: (c) => `pipeline, resolution (${resolutionNames(c).join('|')}, default ${c.files['vision.json'].defaultResolution}), streams (${shortRange(c.inputRanges.streams)}), npu_share (${shortRange(c.inputRanges.npuShare)}), compiler_quality (${shortRange(c.inputRanges.compilerQuality)})`,
  answer(engine, raw, options) {
    const q = parseWith(schema, raw, 'vision');
    const hw = hardwareOfQuery(engine, q, REFERENCE_ENGINE_MEMORY_SCOPE);
    const v = engine.vision(hw, {
      pipeline: q.pipeline,
      resolution: q.resolution ?? null,
      streams: q.streams ?? null,
      npuShare: q.npu_share ?? null,
      compilerQuality: q.compiler_quality ?? null,
    });
    // Added in place, not spread: every line of a bulk vision run builds one of these.
    const record = visionRecord(v, {
      bandwidthRatioVsRef: engine.bandwidthRatio(hw),
      explanation: options.explanations ? engine.explainVision(hw, v, q.compiler_quality ?? null) : undefined,
    });
    return Object.assign(record, visionBandFields(engine, v));
  },
};
