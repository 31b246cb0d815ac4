/** Vision projections: frames per second per stream and in total, the record, and stream scaling. */
import { bandAround, DEFAULT_BASIS, type Engine, type VisionArgs, type VisionProjection, visionBandFields, visionRecord } from '../../engine';
import type { ArgReader } from '../registry/args';
import { defineFunction } from '../registry/types';
import { BASIS_ARGS, basisArgs } from './calibration';
import { COMPILER_QUALITY_ARG, FIELD_ARG, onEitherBasis, MEMORY_ARG, NPU_SHARE_ARG, opt, PIPELINE_ARG, PRECISION_SET_ARG, QUANT_ARG, recordResult, RESOLUTION_ARG, STREAMS_ARG, table, TIER_ARG, WITH_HEADER_ARG, WORKLOAD_ARG } from './common';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'vision';

const VISION_ARGS = [TIER_ARG, PIPELINE_ARG, RESOLUTION_ARG, STREAMS_ARG, NPU_SHARE_ARG, MEMORY_ARG, PRECISION_SET_ARG, COMPILER_QUALITY_ARG];

/** A vision projection's arguments as the vision functions take them (pipeline, resolution, streams, npu_share, compiler_quality). */
export function visionArgs(a: ArgReader): VisionArgs {
  return {
    pipeline: a.text('pipeline'),
    resolution: a.optionalText('resolution'),
    streams: a.has('streams') ? a.optionalNumber('streams') : null,
    npuShare: a.has('npu_share') ? a.optionalNumber('npu_share') : null,
    compilerQuality: a.has('compiler_quality') ? a.optionalNumber('compiler_quality') : null,
  };
}

export function visionProjection(engine: Engine, a: ArgReader, hw = engine.hardware(a.hardware())): VisionProjection {
  return engine.vision(hw, visionArgs(a));
}

export const VISIONFPS = defineFunction({
  name: 'VISIONFPS',
  description: onEitherBasis('Projected frames per second for each camera stream of a vision pipeline on a tier.'),
  args: VISION_ARGS,
  result: 'number',
  resultHelp: 'Frames per second per stream.',
  example: { formula: '=SIZER.VISIONFPS("NPU Mid", "trt_fp8_1hz_clip", "1080p", 4)', answers: 'FPS each of 4 streams gets (batched YOLO + CLIP)' },
  implement: ({ engine }, a) => visionProjection(engine, a).fpsPerStream,
});

export const VISIONFPSRANGE = defineFunction({
  name: 'VISIONFPSRANGE',
  description: onEitherBasis('Frames per second per stream with its 80% band: low, expected and high, from the validation residuals of the number\'s provenance class.'),
  args: [...VISION_ARGS, WITH_HEADER_ARG],
  result: 'matrix',
  resultHelp: 'One row: low, expected, high FPS per stream (a header row above unless with_header is FALSE). Vision is not calibrated, so the band is the same on either basis.',
  example: { formula: '=SIZER.VISIONFPSRANGE("NPU Mid", "trt_fp8_1hz_clip", "1080p")', answers: 'low, expected and high FPS per stream' },
  implement: ({ engine }, a) => {
    const v = visionProjection(engine, a);
    const band = bandAround(engine.band('fps', DEFAULT_BASIS, v.source), v.fpsPerStream);
    const values = [band.low, v.fpsPerStream, band.high];
    return a.optionalBoolean('with_header') === false ? [values] : [['fps_per_stream_low', 'fps_per_stream', 'fps_per_stream_high'], values];
  },
});

export const TOTALFPS = defineFunction({
  name: 'TOTALFPS',
  description: onEitherBasis('Projected total frames per second across all streams of a vision pipeline on a tier.'),
  args: VISION_ARGS,
  result: 'number',
  resultHelp: 'Frames per second summed over the streams.',
  example: { formula: '=SIZER.TOTALFPS("NPU High", "yolov8n_only_fp8", "720p", 8)', answers: 'total FPS of 8 batched streams' },
  implement: ({ engine }, a) => visionProjection(engine, a).totalFps,
});

export const VISION = defineFunction({
  name: 'VISION',
  description: onEitherBasis('The full vision projection record: frame time, FPS, memory, source badge, regime and diagnostics.'),
  args: [TIER_ARG, PIPELINE_ARG, RESOLUTION_ARG, STREAMS_ARG, NPU_SHARE_ARG, FIELD_ARG('vision'), MEMORY_ARG, PRECISION_SET_ARG, COMPILER_QUALITY_ARG],
  result: 'matrix',
  resultHelp: 'A header row and a value row, or the one field asked for.',
  example: { formula: '=SIZER.VISION("NPU Low-LP5X", "yolov8n_trt_int8_coco128", "1080p", 1, , "source")', answers: 'measured (field "explanation" says how the number was derived)' },
  implement: ({ engine }, a) => {
    const hw = engine.hardware(a.hardware());
    const v = visionProjection(engine, a, hw);
    const notes = { bandwidthRatioVsRef: engine.bandwidthRatio(hw), explanation: engine.explainVision(hw, v, a.optionalNumber('compiler_quality')) };
    const bands = visionBandFields(engine.band('fps', DEFAULT_BASIS, v.source), v);
    return recordResult('VISION', { ...visionRecord(v, notes), ...bands }, a.optionalText('field'));
  },
});

export const STREAMSCALING = defineFunction({
  name: 'STREAMSCALING',
  description: onEitherBasis('How a vision pipeline scales from 1 to 16 camera streams on a tier (frame time, FPS per stream, total FPS, memory).'),
  args: [TIER_ARG, PIPELINE_ARG, RESOLUTION_ARG, NPU_SHARE_ARG, WITH_HEADER_ARG, MEMORY_ARG, PRECISION_SET_ARG, COMPILER_QUALITY_ARG],
  result: 'matrix',
  resultHelp: 'One row per stream count, 1 to 16, under a header row.',
  example: { formula: '=SIZER.STREAMSCALING("NPU Mid", "trt_fp8_1hz_clip")', answers: 'a 17 x 6 table; note the step between 1 and 2 streams where batching starts' },
  implement: ({ engine }, a) => {
    const scaling = engine.streamScaling(engine.hardware(a.hardware()), visionArgs(a));
    const rows = scaling.map((v) => ({ streams: v.streams, per_stream_ms: v.perStreamMs, fps_per_stream: v.fpsPerStream, total_fps: v.totalFps, vram_mb: v.vramMb, fits_in_memory: v.fitsInMemory }));
    return table(rows, a.optionalBoolean('with_header') ?? true);
  },
});

export const KPIROW = defineFunction({
  name: 'KPIROW',
  description: 'One row of the KPI spreadsheet: ingest, detector, segmenter and LLM times and total FPS for a pipeline on a tier.',
  args: [TIER_ARG, PIPELINE_ARG, RESOLUTION_ARG, opt('llm_enabled', 'boolean', 'TRUE to add the LLM short-answer time; blank = FALSE'), QUANT_ARG, WORKLOAD_ARG, WITH_HEADER_ARG, MEMORY_ARG, PRECISION_SET_ARG, ...BASIS_ARGS],
  result: 'matrix',
  resultHelp: 'A 1 x 13 row, under a header row unless with_header is FALSE. The LLM time follows the basis; the vision stages are the same on either basis.',
  example: { formula: '=SIZER.KPIROW("NPU Mid", "trt_fp8_1hz_clip", "1080p", TRUE)', answers: 'ingest 2.5 ms, YOLO, CLIP and LLM times, total FPS' },
  implement: (ctx, a) => {
    const engine = ctx.engine;
    const row = engine.kpiRow(engine.hardware(a.hardware()), a.text('pipeline'), {
      ...basisArgs(ctx, a),
      resolution: a.optionalText('resolution'),
      llmEnabled: a.optionalBoolean('llm_enabled'),
      quant: a.optionalText('quant'),
      workload: a.optionalText('workload'),
    });
    return table([{ ...row }], a.optionalBoolean('with_header') ?? true);
  },
});
