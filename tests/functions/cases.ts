/**
 * One case per registry function: a normal call with the equivalent direct engine call, the same
 * call with optional arguments omitted (null) against the defaults written out, and calls that must
 * fail with #VALUE! (wrong type, unknown name, out of range). Kept apart from the test so a
 * function added to the registry without a case fails the coverage check.
 */
import { bundledCalibration, calibrateFromRows, catalogModelShape, type Engine, formatCustomSpec, parseUserCalibrationRows, planRecord } from '../../src/engine';
import { calibrationResultCells, userFitOf } from '../../src/report/calibration-table';
import type { CellInput, FunctionResult } from '../../src/functions/registry/types';
import calibrationJson from '../../data/calibration.json';
import { workloadDecodeMultiplier } from '../helpers/workloads';

export interface FunctionCase {
  readonly normal: readonly CellInput[];
  /** The value the normal call must return, from the engine directly. */
  readonly engine: (engine: Engine) => FunctionResult;
  /** Optional arguments left out (null), and the same call with the defaults spelt out. */
  readonly omitted?: { readonly withNulls: readonly CellInput[]; readonly withDefaults: readonly CellInput[] };
  readonly wrongType?: readonly CellInput[];
  readonly unknownName?: readonly CellInput[];
  readonly outOfRange?: readonly CellInput[];
}

const hw = (engine: Engine, tier: string, memory: string | null = null) => engine.hardware({ tier, memory });
const col = (values: readonly (string | number)[]) => values.map((v) => [v]);

export const CUSTOM_TIER_TEXT = formatCustomSpec({
  name: 'Test NPU', siliconClass: 'lp5x_128', peakTopsInt8: 100, peakTopsBf16: 50, peakTopsFp8: 100, peakTopsFp4: 0,
  memBandwidthGbs: (96 * 8.533) / 8, memCapacityGb: 16, memBusWidthBits: 96, memType: 'LPDDR5X', memDataRateGtps: 8.533,
  precisionSet: null, computeEfficiency: null, bandwidthEfficiency: null, tdpWatts: 12,
});

/** Three lab rows of the validation set (GDDR6X, LPDDR5X, LPDDR4X), as a SIZER.CALIBRATE table with its header row. */
export const CALIBRATION_TABLE = [
  ['device', 'mem_bandwidth_gbs', 'mem_bus_width_bits', 'mem_type', 'active_params_b', 'total_params_b', 'bytes_per_param', 'context_tokens', 'decode_tok_s'],
  ['RTX 4090', 1008, 384, 'GDDR6X', 8.03, 8.03, 0.570375, 512, 130.58],
  ['Strix Halo', 256, 256, 'LPDDR5X', 3.3, 30.5, 0.575, 128, 78],
  ['Pi 5', 17.1, 32, 'LPDDR4X', 3.3, 30.53, 0.337, 128, 7.99],
];

/** 40 cameras at 15 FPS on each of 12 sites, as a SIZER.PLAN requirements table with its header row. */
export const PLAN_REQUIREMENTS = [
  ['kind', 'name', 'option', 'amount', 'target', 'answer_kind'],
  ['vision', 'trt_fp8_1hz_clip', '1080p', 40, 15, ''],
  ['sites', '', '', 12, '', ''],
];

export const CASES: Readonly<Record<string, FunctionCase>> = {
  TIERS: {
    normal: [],
    engine: (e) => col(e.catalog.ladder.map((t) => t.name)),
    omitted: { withNulls: [null], withDefaults: [false] },
    wrongType: ['maybe'],
  },
  TRACKS: { normal: [], engine: (e) => col(e.catalog.files['pipelines.json'].tracks.map((t) => t.id)) },
  PIPELINES: {
    normal: ['yolov8n'],
    engine: (e) => col(e.catalog.files['pipelines.json'].tracks.find((t) => t.id === 'yolov8n')?.pipelines ?? []),
    omitted: { withNulls: [null], withDefaults: [''] },
    unknownName: ['no_such_track'],
  },
  MODELS: {
    normal: ['NPU Mid'],
    engine: (e) => col(e.orderedModels(hw(e, 'mid')).map((o) => o.model.key)),
    omitted: { withNulls: [null], withDefaults: [''] },
    unknownName: ['NPU Huge'],
    wrongType: [true],
  },
  QUANTS: { normal: ['skippy_7b_v4'], engine: (e) => col(Object.keys(e.catalog.quantByKey)), unknownName: ['gpt-9'] },
  WORKLOADS: { normal: [], engine: (e) => col(Object.keys(e.catalog.workloadByKey)) },
  MEMORY: {
    normal: ['high'],
    engine: (e) => col(e.catalog.memoryUpgrades.map((m) => m.label)),
    unknownName: ['NPU Huge'],
  },
  RESOLUTIONS: { normal: [], engine: () => col(['720p', '1080p', '4K']) },
  HARDWARE: {
    normal: ['NPU Mid', 'effective_bandwidth_gbs'],
    engine: (e) => hw(e, 'mid').memBandwidthGbs * hw(e, 'mid').bandwidthEfficiency,
    omitted: { withNulls: ['mid', 'mem_bandwidth_gbs', null, null], withDefaults: ['mid', 'mem_bandwidth_gbs', '', ''] },
    unknownName: ['mid', 'colour'],
    wrongType: [false],
  },
  CUSTOMTIER: {
    normal: [96, 'LPDDR5X', 8.533, 16, 100, 50, 100, 0, 'lp5x_128', null, null, 12, null, 'Test NPU'],
    engine: () => CUSTOM_TIER_TEXT,
    wrongType: ['wide', 'LPDDR5X', 8.533, 16, 100],
    unknownName: [96, 'LPDDR5X', 8.533, 16, 100, null, null, null, 'quantum'],
    outOfRange: [96, 'LPDDR5X', 8.533, 16, 100, null, null, null, null, 1.5],
  },
  TOKPS: {
    normal: ['NPU High', 'skippy_7b_v4', 'Q5_K_M', 'tool_use', 0.5],
    engine: (e) => e.llmModel(hw(e, 'high'), 'skippy_7b_v4', { quant: 'Q5_K_M', workload: 'tool_use', npuShare: 0.5 }).decodeTokS,
    omitted: { withNulls: ['high', 'skippy_finetune', null, null, null, null, null, null], withDefaults: ['high', 'skippy_finetune', 'Q4_K_M', 'plain_chat', 0.75] },
    wrongType: ['high', 'skippy_finetune', 'Q4_K_M', 'plain_chat', 'half'],
    unknownName: ['high', 'gpt-9'],
    outOfRange: ['high', 'skippy_finetune', 'Q4_K_M', 'plain_chat', 1.5],
  },
  TOKPSRANGE: {
    normal: ['NPU High', 'skippy_7b_v4', 'Q5_K_M', 'tool_use', 0.5, null, null, null, 'calibrated', false],
    engine: (e) => {
      const h = hw(e, 'high');
      const p = e.llmModel(h, 'skippy_7b_v4', { quant: 'Q5_K_M', workload: 'tool_use', npuShare: 0.5 });
      const d = e.decodeOnBasis(h, 'calibrated', { decodeTokS: p.decodeTokS, source: p.source, multiplier: workloadDecodeMultiplier(p.workload) }, catalogModelShape(e.catalog, 'skippy_7b_v4', 'Q5_K_M'));
      return [[d.decodeTokSLow, d.decodeTokS, d.decodeTokSHigh]];
    },
    omitted: {
      withNulls: ['high', 'skippy_finetune', null, null, null, null, null, null, null, null],
      withDefaults: ['high', 'skippy_finetune', 'Q4_K_M', 'plain_chat', 0.75, null, null, null, 'reference', true],
    },
    wrongType: ['high', 'skippy_finetune', 'Q4_K_M', 'plain_chat', 'half'],
    unknownName: ['high', 'skippy_finetune', null, null, null, null, null, null, 'measured'],
    outOfRange: ['high', 'skippy_finetune', 'Q4_K_M', 'plain_chat', 1.5],
  },
  TTFT: {
    normal: ['mid', 'instruct_moe_stock', 'Q8_0', null, null, 'lpddr6-14'],
    engine: (e) => e.llmModel(hw(e, 'mid', 'lpddr6-14'), 'instruct_moe_stock', { quant: 'Q8_0' }).ttft1kSec,
    omitted: { withNulls: ['mid', 'instruct_moe_stock', null], withDefaults: ['mid', 'instruct_moe_stock', 'Q4_K_M'] },
    unknownName: ['mid', 'instruct_moe_stock', 'Q2_K'],
    outOfRange: ['mid', 'instruct_moe_stock', null, null, -1],
  },
  LLM: {
    normal: ['rtx5090', 'qwen25_32b_dense', 'Q8_0', null, null, 'decode_tok_s'],
    engine: (e) => e.llmModel(hw(e, 'rtx5090'), 'qwen25_32b_dense', { quant: 'Q8_0' }).decodeTokS,
    omitted: { withNulls: ['high', 'skippy_finetune', null, null, null, 'source', null, null, null], withDefaults: ['high', 'skippy_finetune', 'Q4_K_M', 'plain_chat', 0.75, 'source'] },
    unknownName: ['high', 'skippy_finetune', null, 'poetry'],
    outOfRange: ['high', 'skippy_finetune', null, null, -0.5, 'source'],
  },
  FITS: {
    normal: ['imx95', 'qwen25_32b_dense'],
    engine: (e) => e.llmModel(hw(e, 'imx95'), 'qwen25_32b_dense', {}).fitsInMemory,
    unknownName: ['imx95', 'qwen25_32b_dense', null, 'HBM9'],
  },
  MODEL: {
    normal: ['skippy_7b_v4', 'perf_scale_factor'],
    engine: () => 1.8 / 4.18,
    unknownName: ['gpt-9'],
  },
  LLMSHAPE: {
    normal: ['NPU Mid', 'qwen3_30b_a3b_moe', null, 500, 200, 'total_s'],
    engine: (e) => {
      const r = e.llmShape(hw(e, 'mid'), { model: 'qwen3_30b_a3b_moe' });
      return r.resultType === 'Projected' ? r.totalS : NaN;
    },
    omitted: { withNulls: ['mid', 'qwen25_7b_dense', null, null, null, 'decode_tok_s'], withDefaults: ['mid', 'qwen25_7b_dense', 'Q4_K_M', 500, 200, 'decode_tok_s'] },
    unknownName: ['mid', 'llama'],
    outOfRange: ['mid', 'qwen3_30b_a3b_moe', null, -1],
  },
  CONTEXTTOKPS: {
    normal: ['rtx5090', 8000],
    engine: (e) => e.contextDecode(hw(e, 'rtx5090'), 8000, { model: 'qwen3-30b-a3b-q4-moe' }).decodeTokS,
    wrongType: ['rtx5090', 'long'],
    unknownName: ['rtx5090', 8000, 'llama'],
    outOfRange: ['rtx5090', 0],
  },
  WHATIF: {
    normal: ['NPU High', 1, 7, 0.57, true, 'decode_tok_s'],
    engine: (e) => e.whatIf(hw(e, 'high'), { activeParamsB: 1, totalParamsB: 7, bytesPerParam: 0.57, isMoe: true }).decode.decodeTokS,
    omitted: { withNulls: ['high', 1, 7, null, null, 'verdict'], withDefaults: ['high', 1, 7, 0.57, true, 'verdict', 750, 150, 4096, 32] },
    wrongType: ['high', 'one', 7],
    outOfRange: ['high', 1, 7, 9],
  },
  VISIONFPS: {
    normal: ['NPU Mid', 'trt_fp8_1hz_clip', '4K', 8],
    engine: (e) => e.vision(hw(e, 'mid'), { pipeline: 'trt_fp8_1hz_clip', resolution: '4K', streams: 8 }).fpsPerStream,
    omitted: { withNulls: ['mid', 'sam3_bf16', null, null, null, null, null, null], withDefaults: ['mid', 'sam3_bf16', '1080p', 1, 0.75, '', '', 1] },
    wrongType: ['mid', 'sam3_bf16', '1080p', 'four'],
    unknownName: ['mid', 'sam4'],
    outOfRange: ['mid', 'sam3_bf16', '1080p', 17],
  },
  VISIONFPSRANGE: {
    // NPU Low-LP5X has a measured yolov8n INT8 cell, so the band is the measured class's (read from the data file).
    normal: ['NPU Low-LP5X', 'yolov8n_trt_int8_coco128', '1080p', 1, null, null, null, null, false],
    engine: (e) => {
      const fps = e.vision(hw(e, 'NPU Low-LP5X'), { pipeline: 'yolov8n_trt_int8_coco128', resolution: '1080p', streams: 1 }).fpsPerStream;
      const band = calibrationJson.classBands.measured;
      return [[fps * band.lowRatio, fps, fps * band.highRatio]];
    },
    omitted: {
      withNulls: ['mid', 'sam3_bf16', null, null, null, null, null, null, null],
      withDefaults: ['mid', 'sam3_bf16', '1080p', 1, 0.75, '', '', 1, true],
    },
    wrongType: ['mid', 'sam3_bf16', '1080p', 'four'],
    unknownName: ['mid', 'sam4'],
    outOfRange: ['mid', 'sam3_bf16', '1080p', 17],
  },
  TOTALFPS: {
    normal: ['high', 'yolov8n_only_fp8', '720p', 4],
    engine: (e) => e.vision(hw(e, 'high'), { pipeline: 'yolov8n_only_fp8', resolution: '720p', streams: 4 }).totalFps,
    unknownName: ['high', 'yolov8n_only_fp8', '8K'],
    outOfRange: ['high', 'yolov8n_only_fp8', '720p', -1],
  },
  VISION: {
    normal: ['low-lp5x', 'yolov8n_trt_int8_coco128', '1080p', 1, null, 'source'],
    engine: () => 'measured',
    unknownName: ['low-lp5x', 'yolov8n_trt_int8_coco128', '1080p', 1, null, 'colour'],
    outOfRange: ['low-lp5x', 'yolov8n_trt_int8_coco128', '1080p', 1, -0.5],
  },
  STREAMSCALING: {
    normal: ['mid', 'trt_fp8_1hz_clip', '720p'],
    engine: (e) => [
      ['streams', 'per_stream_ms', 'fps_per_stream', 'total_fps', 'vram_mb', 'fits_in_memory'],
      ...Array.from({ length: 16 }, (_, i) => {
        const v = e.vision(hw(e, 'mid'), { pipeline: 'trt_fp8_1hz_clip', resolution: '720p', streams: i + 1 });
        return [v.streams, v.perStreamMs, v.fpsPerStream, v.totalFps, v.vramMb, v.fitsInMemory];
      }),
    ],
    unknownName: ['mid', 'trt_fp8_2hz_clip'],
    outOfRange: ['mid', 'trt_fp8_1hz_clip', '720p', 2],
  },
  KPIROW: {
    normal: ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', true, null, null, false],
    engine: (e) => [Object.values(e.kpiRow(hw(e, 'mid'), 'trt_fp8_1hz_clip', { resolution: '1080p', llmEnabled: true })).map((v) => (v === null ? '' : v))],
    unknownName: ['mid', 'trt_fp8_1hz_clip', '1080p', true, 'Q3'],
    wrongType: ['mid', 'trt_fp8_1hz_clip', '1080p', 'sometimes'],
  },
  VLA: {
    normal: ['NPU High', 'pi_0p5', 'action_hz'],
    engine: (e) => e.vla(hw(e, 'high'), { vla: 'pi_0p5' }).actionHz ?? NaN,
    unknownName: ['high', 'rt-2'],
    outOfRange: ['high', 'pi_0p5', 'action_hz', -1],
  },
  DUTY: {
    normal: ['NPU Mid', 2, 'short'],
    engine: (e) => (2 / 60) * e.llm(hw(e, 'mid'), {}).shortAnswerSec,
    omitted: { withNulls: ['mid', null, null, null, null, null, null, null, null], withDefaults: ['mid', 2, 'short', 'Q4_K_M', 'plain_chat'] },
    wrongType: ['mid', 'often'],
    unknownName: ['mid', 2, 'long'],
    outOfRange: ['mid', -1],
  },
  FPSUNDERLLM: {
    normal: ['NPU High', 'yolo_only_fp8', '1080p', 2, 10, 'rag'],
    engine: (e) => e.duty(hw(e, 'high'), { pipeline: 'yolo_only_fp8', resolution: '1080p', streams: 2, queriesPerMinute: 10, answerKind: 'rag' }).visionFpsUnderLlm,
    unknownName: ['high', 'yolo_only_fp8', '1080p', 1, 2, 'short', 'Q4_K_M', 'plain_chat', 'gpt-9'],
    outOfRange: ['high', 'yolo_only_fp8', '1080p', 1, -2],
  },
  BUDGETROW: {
    normal: ['NPU Mid', 'vision', 'trt_fp8_1hz_clip', '1080p', 4, 0.5, false],
    engine: (e) => [Object.values(e.visionBudgetRow(hw(e, 'mid'), { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 4, dutyCycle: 0.5 })).map((v) => (v === null ? '' : v))],
    unknownName: ['mid', 'audio', 'x'],
    outOfRange: ['mid', 'vision', 'trt_fp8_1hz_clip', '1080p', 4, 1.5],
  },
  MATRIX: {
    normal: [false],
    engine: (e) => e.matrix().map((r) => Object.values(r).map((v) => (v === null ? '' : v))),
    wrongType: ['perhaps'],
  },
  MAXSTREAMS: {
    normal: ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', 15],
    engine: (e) => {
      let best = 0;
      for (let n = 1; n <= 16; n++) if (e.vision(hw(e, 'mid'), { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: n }).fpsPerStream >= 15) best = n;
      return best;
    },
    wrongType: ['mid', 'trt_fp8_1hz_clip', '1080p', 'fast'],
    unknownName: ['mid', 'trt_fp8_1hz_clip', '1440p', 15],
    outOfRange: ['mid', 'trt_fp8_1hz_clip', '1080p', 0],
  },
  MINTIER: {
    normal: ['tokps', 20, 'skippy_finetune'],
    engine: (e) => e.catalog.ladder.find((t) => e.llmModel(hw(e, t.id), 'skippy_finetune', {}).decodeTokS >= 20)?.name ?? '',
    unknownName: ['latency', 20, 'skippy_finetune'],
    outOfRange: ['fps', -5, 'trt_fp8_1hz_clip'],
  },
  REQUIREDBW: {
    normal: ['skippy_finetune', 'Q4_K_M', 30],
    // MoE reference: 3e9 active x 0.57 B = 1.71 GB per token; 30 tok/s at the 0.75 default share
    // needs 30 x 1.71 / 0.75 = 68.4 GB/s effective.
    engine: () => (30 * 1.71) / 0.75,
    wrongType: ['skippy_finetune', 'Q4_K_M', 'lots'],
    unknownName: ['gpt-9', 'Q4_K_M', 30],
    outOfRange: ['skippy_finetune', 'Q4_K_M', 0],
  },
  FPSPERWATT: {
    normal: ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', 4],
    // NPU Mid's TDP is 25 W (data/tiers.json).
    engine: (e) => e.vision(hw(e, 'mid'), { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 4 }).totalFps / 25,
    wrongType: ['mid', 'trt_fp8_1hz_clip', '1080p', 'four'],
    unknownName: ['mid', 'sam4'],
    outOfRange: ['mid', 'trt_fp8_1hz_clip', '1080p', 17],
  },
  TOKPSPERWATT: {
    normal: ['NPU High', 'skippy_finetune', 'Q4_K_M'],
    // NPU High's TDP is 40 W.
    engine: (e) => e.llmModel(hw(e, 'high'), 'skippy_finetune', { quant: 'Q4_K_M' }).decodeTokS / 40,
    omitted: { withNulls: ['high', null, null, null, null], withDefaults: ['high', '', 'Q4_K_M', 'plain_chat', 0.75] },
    unknownName: ['high', 'gpt-9'],
    outOfRange: ['high', 'skippy_finetune', null, null, 1.5],
  },
  AVGWATTS: {
    normal: ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', 4, 0.5],
    // Half of NPU Mid's 25 W, as the vision budget row's ss_power_avg_watts at duty 0.5.
    engine: () => 12.5,
    wrongType: ['mid', 'trt_fp8_1hz_clip', '1080p', 4, 'half'],
    unknownName: ['mid', 'sam4'],
    outOfRange: ['mid', 'trt_fp8_1hz_clip', '1080p', 4, 1.5],
  },
  ENERGY: {
    normal: ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', 4, null, null, null, null, null, null, 24, 0.3, 'cost_per_year'],
    // 25 W all day: 25 x 24 x 365 / 1000 = 219 kWh a year, at 0.30 per kWh.
    engine: () => 219 * 0.3,
    omitted: { withNulls: ['mid', 'trt_fp8_1hz_clip', null, null, null, null, null, null, null, null, null, null, 'kwh_per_year'], withDefaults: ['mid', 'trt_fp8_1hz_clip', '1080p', 1, null, null, null, null, null, null, 24, null, 'kwh_per_year'] },
    unknownName: ['mid', 'trt_fp8_1hz_clip', null, null, null, null, null, null, null, null, 24, 0.3, 'colour'],
    outOfRange: ['mid', 'trt_fp8_1hz_clip', null, null, null, null, null, null, null, null, 25],
  },
  TCO: {
    normal: [600, 72, 5, 0.3, 'NPU Mid', 'trt_fp8_1hz_clip', '1080p', 8],
    // 72 x 600 = 43,200 capex; 72 devices x 219 kWh a year x 0.30 x 5 years = 23,652.
    engine: () => 43_200 + 72 * 219 * 0.3 * 5,
    wrongType: ['cheap', 72, 5, 0.3, 'mid'],
    unknownName: [600, 72, 5, 0.3, 'NPU Huge'],
    outOfRange: [600, 2.5, 5, 0.3, 'mid'],
  },
  PLAN: {
    normal: [PLAN_REQUIREMENTS, [['mid'], ['high']], [['unit_price', 600], ['price_per_kwh', 0.3]]],
    engine: (e) => {
      const rows = e.plan({ vision: [{ pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', cameras: 40, targetFps: 15, label: 'requirements row 2' }], sites: 12 }, { tiers: ['mid', 'high'], prices: { unitPrice: 600, pricePerKwh: 0.3 } });
      const records = rows.map((r) => Object.values(planRecord(r)).map((v) => (v === null ? '' : v)));
      return [Object.keys(planRecord(rows[0]!)), ...records];
    },
    omitted: { withNulls: [PLAN_REQUIREMENTS, null, null, null], withDefaults: [PLAN_REQUIREMENTS, null, null, true] },
    unknownName: [[['vision', 'sam4', '1080p', 4, 15]]],
    outOfRange: [[['vision', 'trt_fp8_1hz_clip', '1080p', 0, 15]]],
  },
  CALIBRATE: {
    normal: [CALIBRATION_TABLE],
    // The same rows through the engine's own schema and refit (the CLI's path).
    engine: () => calibrationResultCells(userFitOf(calibrateFromRows(bundledCalibration(), parseUserCalibrationRows(CALIBRATION_TABLE.slice(1).map((row) => Object.fromEntries(row.map((v, i) => [CALIBRATION_TABLE[0]![i], v]))))))),
    wrongType: [[...CALIBRATION_TABLE.slice(0, 3), ['Pi 5', 17.1, 32, 'LPDDR4X', 3.3, 30.53, 'four', 128, 7.99]]],
    unknownName: [[['tier', 'model', 'quant', 'decode_tok_s'], ['NPU Giga', 'skippy_finetune', 'Q4_K_M', 30], ['mid', 'skippy_finetune', 'Q4_K_M', 30], ['high', 'skippy_finetune', 'Q4_K_M', 30]]],
    outOfRange: [[...CALIBRATION_TABLE.slice(0, 3), ['Pi 5', 17.1, 32, 'LPDDR4X', 3.3, 30.53, 0.3, 128, -7.99]]],
  },
  VERSION: { normal: [], engine: (e) => `SIZER 0.0.0-dev (unknown), catalog ${e.catalog.version}` },
};
