/** The measured-silicon overlay on LLM and vision projections, checked by hand from the example anchors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  anchorBandwidthRatio,
  describeAnchorCoverage,
  NO_ANCHORS,
  overlayCnnAnchor,
  overlayLlmAnchor,
  parseAnchors,
  resolveLlmAnchor,
  type LlmAnchorTarget,
} from '../../../src/engine/anchors';
import type { Hardware } from '../../../src/engine/hardware/types';
import { llmDutyCycle } from '../../../src/engine/platform/duty';
import { testEngine } from '../../helpers/engine';
import { customTierInput } from '../../helpers/fixtures';

const engine = testEngine();
const catalog = engine.catalog;
const anchors = parseAnchors(readFileSync(join(__dirname, '../../../data/anchors.example.json'), 'utf8'), 'json');

// The example file's fake figures.
const MID_MOE_TOKPS = 12.345;
const MID_MOE_PREFILL_TOKPS = 1234.5;
const HIGH_FP_7B_TOKPS = 23.456;
const MID_YOLO_W8_MS = 3.4567;
const HIGH_RESNET_W4_MS = 4.5678;

const ANCHOR_MODEL_PATH: LlmAnchorTarget = { modelKey: null, computeDtype: null };

const mid = engine.hardware({ tier: 'mid' });
const high = engine.hardware({ tier: 'high' });
const midLpddr6 = engine.hardware({ tier: 'mid', memory: 'lpddr6-14' });

function workloadMultipliers(key: string): { decode: number; ttft: number } {
  const workload = catalog.workloadByKey[key];
  if (!workload) throw new Error(`no workload ${key}`);
  return { decode: workload.decodeMultiplier, ttft: workload.ttftMultiplier };
}

function stockBandwidthRatio(hw: Hardware): number {
  const stock = catalog.tierById[hw.presetId ?? '']?.memory.bandwidthGbs ?? NaN;
  return hw.memBandwidthGbs / stock;
}

describe('LLM overlay', () => {
  it('replaces decode and TTFT on an anchored cell, badged measured_silicon_anchor', () => {
    const projected = engine.llm(mid, {});
    const anchored = overlayLlmAnchor(catalog, anchors, mid, projected, ANCHOR_MODEL_PATH);
    expect(anchored.source).toBe('measured_silicon_anchor');
    expect(anchored.decodeTokS).toBeCloseTo(MID_MOE_TOKPS, 12);
    expect(anchored.ttft1kSec).toBeCloseTo(1024 / MID_MOE_PREFILL_TOKPS, 12);
    expect(anchored.baseDecodeTokS).toBeCloseTo(MID_MOE_TOKPS, 12);
    // Everything that is not decode or TTFT is the projection's.
    expect(anchored.ggufSizeGb).toBe(projected.ggufSizeGb);
    expect(anchored.decodeCeilingTokS).toBe(projected.decodeCeilingTokS);
    expect(anchored.npuShareUsed).toBe(projected.npuShareUsed);
    expect(anchored.regime).toBe('bw_bound');
  });

  it('applies the workload decode and TTFT multipliers', () => {
    const multipliers = workloadMultipliers('tool_use');
    const anchored = overlayLlmAnchor(catalog, anchors, mid, engine.llm(mid, { workload: 'tool_use' }), ANCHOR_MODEL_PATH);
    expect(anchored.decodeTokS).toBeCloseTo(MID_MOE_TOKPS * multipliers.decode, 12);
    expect(anchored.ttft1kSec).toBeCloseTo((1024 / MID_MOE_PREFILL_TOKPS) * multipliers.ttft, 12);
    expect(anchored.workload).toBe('tool_use');
  });

  it('takes the workload from the target when given', () => {
    const multipliers = workloadMultipliers('long_form_reasoning');
    const anchored = overlayLlmAnchor(catalog, anchors, mid, engine.llm(mid, {}), { ...ANCHOR_MODEL_PATH, workload: 'long_form_reasoning' });
    expect(anchored.workload).toBe('long_form_reasoning');
    expect(anchored.decodeTokS).toBeCloseTo(MID_MOE_TOKPS * multipliers.decode, 12);
  });

  it('scales decode (not TTFT) by the bandwidth ratio on a memory-upgrade clone', () => {
    const ratio = stockBandwidthRatio(midLpddr6);
    expect(ratio).toBeGreaterThan(1);
    expect(anchorBandwidthRatio(catalog, midLpddr6)).toBeCloseTo(ratio, 12);
    expect(anchorBandwidthRatio(catalog, mid)).toBe(1);
    const multipliers = workloadMultipliers('tool_use');
    const anchored = overlayLlmAnchor(catalog, anchors, midLpddr6, engine.llm(midLpddr6, { workload: 'tool_use' }), ANCHOR_MODEL_PATH);
    expect(anchored.source).toBe('measured_silicon_anchor');
    expect(anchored.decodeTokS).toBeCloseTo(MID_MOE_TOKPS * multipliers.decode * ratio, 12);
    expect(anchored.ttft1kSec).toBeCloseTo((1024 / MID_MOE_PREFILL_TOKPS) * multipliers.ttft, 12);
  });

  it('resolves precision variants of Mid, and of its memory clone with the bandwidth ratio', () => {
    const variant = engine.hardware({ tier: 'mid', precisionSet: 'int8_fp8' });
    expect(overlayLlmAnchor(catalog, anchors, variant, engine.llm(variant, {}), ANCHOR_MODEL_PATH).decodeTokS).toBeCloseTo(MID_MOE_TOKPS, 12);
    const upgradedVariant = engine.hardware({ tier: 'mid', memory: 'lpddr6-14', precisionSet: 'int8_fp8_fp4' });
    expect(upgradedVariant.bwProjected).toBe(false); // the variant is not flagged, yet its memory is the clone's
    const anchored = overlayLlmAnchor(catalog, anchors, upgradedVariant, engine.llm(upgradedVariant, {}), ANCHOR_MODEL_PATH);
    expect(anchored.decodeTokS).toBeCloseTo(MID_MOE_TOKPS * stockBandwidthRatio(midLpddr6), 12);
  });

  it('scales an anchor measured at Q4_K_M by bytes per parameter for another quant', () => {
    const anchored = overlayLlmAnchor(catalog, anchors, mid, engine.llm(mid, { quant: 'Q8_0' }), ANCHOR_MODEL_PATH);
    expect(anchored.decodeTokS).toBeCloseTo(MID_MOE_TOKPS * (0.57 / 1.04), 12);
    expect(anchored.ttft1kSec).toBeCloseTo(1024 / MID_MOE_PREFILL_TOKPS, 12);
  });

  it('recomputes the answer latencies, so the duty cycle follows the anchor', () => {
    const anchored = overlayLlmAnchor(catalog, anchors, mid, engine.llm(mid, { workload: 'rag_long_context' }), ANCHOR_MODEL_PATH);
    expect(anchored.shortAnswerSec).toBeCloseTo(200 / anchored.decodeTokS, 12);
    expect(anchored.ragPrefillSec).toBeCloseTo((8192 * anchored.ttft1kSec) / 1000, 12);
    expect(anchored.ragDecodeSec).toBeCloseTo(2048 / anchored.decodeTokS, 12);
    expect(anchored.ragTotalSec).toBeCloseTo(anchored.ragPrefillSec + anchored.ragDecodeSec, 12);
    expect(llmDutyCycle(anchored, 2, 'short')).toBeCloseTo((2 / 60) * (200 / anchored.decodeTokS), 12);
    expect(llmDutyCycle(anchored, 2, 'rag')).toBeCloseTo((2 / 60) * anchored.ragTotalSec, 12);
  });

  it('routes a catalog model by its compute dtype: fp16 on High reads high_fp, and keeps the projected TTFT without a prefill figure', () => {
    const projected = engine.llm(high, {});
    const anchored = overlayLlmAnchor(catalog, anchors, high, projected, { modelKey: 'skippy_7b_v4', computeDtype: 'fp16' });
    expect(anchored.source).toBe('measured_silicon_anchor');
    expect(anchored.decodeTokS).toBeCloseTo(HIGH_FP_7B_TOKPS, 12);
    expect(anchored.ttft1kSec).toBe(projected.ttft1kSec);
    expect(resolveLlmAnchor(catalog, anchors, high, { modelKey: 'qwen25_7b_dense_int8', computeDtype: 'Q4_K_M' })?.tierCell).toBe('high_fp');
    expect(resolveLlmAnchor(catalog, anchors, high, { modelKey: 'qwen25_7b_dense', computeDtype: 'bf16/fp16' })?.model).toBe('qwen25_7b_dense');
  });

  it('leaves the projection untouched (the same object) when no measured cell applies', () => {
    const cases: [Hardware, LlmAnchorTarget][] = [
      [high, ANCHOR_MODEL_PATH], // high_int8 has no MoE cell
      [mid, { modelKey: 'skippy_7b_v4', computeDtype: 'fp16' }], // Mid has no FP cell
      [mid, { modelKey: 'qwen25_7b_dense', computeDtype: 'int8' }], // a vendor_spec cell, not measured
      [high, { modelKey: 'thinking_stock', computeDtype: 'int8' }], // a model with no anchor key
      [high, { modelKey: 'skippy_7b_v4', computeDtype: 'nvfp4' }], // no FP4 cell
      [high, { modelKey: 'constructor', computeDtype: 'fp16' }],
      [mid, { modelKey: null, computeDtype: 'not-a-dtype' }],
      [engine.hardware({ tier: 'rtx5090' }), ANCHOR_MODEL_PATH],
      [engine.hardware({ tier: 'low-lp5x' }), ANCHOR_MODEL_PATH],
      [engine.hardware({ custom: customTierInput() }), ANCHOR_MODEL_PATH],
    ];
    for (const [hw, target] of cases) {
      const projected = engine.llm(hw, {});
      const snapshot = { ...projected };
      expect(overlayLlmAnchor(catalog, anchors, hw, projected, target)).toBe(projected);
      expect(projected).toEqual(snapshot);
    }
    const projected = engine.llm(mid, {});
    expect(overlayLlmAnchor(catalog, NO_ANCHORS, mid, projected, ANCHOR_MODEL_PATH)).toBe(projected);
  });

  it('needs a compute dtype for a catalog model, on any hardware', () => {
    for (const hw of [high, engine.hardware({ tier: 'rtx5090' })]) {
      expect(() => overlayLlmAnchor(catalog, anchors, hw, engine.llm(hw, {}), { modelKey: 'thinking_stock', computeDtype: null })).toThrow(
        expect.objectContaining({ code: 'invalid_input', field: 'compute_dtype' }),
      );
    }
  });

  it('does not touch the input projection or the preset hardware', () => {
    const projected = engine.llm(mid, {});
    const snapshot = { ...projected };
    overlayLlmAnchor(catalog, anchors, mid, projected, ANCHOR_MODEL_PATH);
    expect(projected).toEqual(snapshot);
    expect(engine.hardware({ tier: 'mid' }).memBandwidthGbs).toBe(mid.memBandwidthGbs);
  });
});

describe('CNN overlay', () => {
  it('replaces the single-stream frame time on an anchored cell', () => {
    const projected = engine.vision(mid, { pipeline: 'yolov8n_trt_int8_coco128', resolution: '1080p' });
    const anchored = overlayCnnAnchor(catalog, anchors, mid, projected);
    expect(anchored.source).toBe('measured_silicon_anchor');
    expect(anchored.regime).toBeNull();
    expect(anchored.perStreamMs).toBeCloseTo(MID_YOLO_W8_MS, 12);
    expect(anchored.fpsPerStream).toBeCloseTo(1000 / MID_YOLO_W8_MS, 10);
    expect(anchored.totalFps).toBe(anchored.fpsPerStream);
    expect(anchored.vramMb).toBe(projected.vramMb);
    expect(anchored.bwFloorMs).toBe(projected.bwFloorMs);
  });

  it('takes the anchor as measured, whatever the NPU share (as the reference does)', () => {
    const projected = engine.vision(mid, { pipeline: 'yolov8n_trt_int8_coco128', npuShare: 0.5 });
    expect(overlayCnnAnchor(catalog, anchors, mid, projected).perStreamMs).toBeCloseTo(MID_YOLO_W8_MS, 12);
  });

  it('divides the frame time by the bandwidth ratio on a memory-upgrade clone', () => {
    const ratio = stockBandwidthRatio(midLpddr6);
    const anchored = overlayCnnAnchor(catalog, anchors, midLpddr6, engine.vision(midLpddr6, { pipeline: 'yolov8n_trt_int8_coco128' }));
    expect(anchored.source).toBe('measured_silicon_anchor');
    expect(anchored.perStreamMs).toBeCloseTo(MID_YOLO_W8_MS / ratio, 12);
    expect(anchored.fpsPerStream).toBeCloseTo((1000 / MID_YOLO_W8_MS) * ratio, 10);
  });

  it('maps the INT4 ResNet pipeline to resnet50_w4 on NPU High', () => {
    const anchored = overlayCnnAnchor(catalog, anchors, high, engine.vision(high, { pipeline: 'resnet50v1_int4_224', resolution: '4K' }));
    expect(anchored.perStreamMs).toBeCloseTo(HIGH_RESNET_W4_MS, 12);
  });

  it('leaves the projection untouched (the same object) when no measured cell applies', () => {
    const cases: [Hardware, string, number][] = [
      [mid, 'yolov8n_trt_int8_coco128', 2], // several streams follow the batching model
      [mid, 'resnet50v1_int4_224', 1], // no mid_int8 ResNet cell
      [high, 'resnet50v1_int8_224', 1], // the INT8 ResNet has no anchor key
      [high, 'yolov8n_trt_int8_coco128', 1], // no high_int8 YOLO cell
      [engine.hardware({ tier: 'low-lp5x' }), 'yolov8n_trt_int8_coco128', 1],
      [engine.hardware({ custom: customTierInput() }), 'yolov8n_trt_int8_coco128', 1],
    ];
    for (const [hw, pipeline, streams] of cases) {
      const projected = engine.vision(hw, { pipeline, streams });
      expect(overlayCnnAnchor(catalog, anchors, hw, projected)).toBe(projected);
    }
  });
});

describe('describeAnchorCoverage', () => {
  it('lists the filled cells by key, in grid order, without values', () => {
    const coverage = describeAnchorCoverage(anchors);
    expect(coverage).toEqual({
      llm: [
        { tierCell: 'mid_int8', model: 'qwen3_30b_a3b_moe', measured: true },
        { tierCell: 'mid_int8', model: 'qwen25_7b_dense', measured: false },
        { tierCell: 'high_fp', model: 'qwen25_7b_dense', measured: true },
      ],
      cnn: [
        { tierCell: 'mid_int8', cnn: 'yolov8n_w8', measured: true },
        { tierCell: 'high_int8', cnn: 'resnet50_w4', measured: true },
      ],
    });
    expect(Object.isFrozen(coverage.llm[0])).toBe(true);
    expect(describeAnchorCoverage(NO_ANCHORS)).toEqual({ llm: [], cnn: [] });
  });
});

