/** KPI spreadsheet rows, worked out by hand from the catalog figures. */
import { testEngine } from '../../helpers/engine';

const engine = testEngine();
const mid = engine.hardware({ tier: 'mid' });

describe('KPI rows', () => {
  it('composed pipelines split into the batch-1 YOLO and CLIP terms', () => {
    const row = engine.kpiRow(mid, 'trt_fp8_1hz_clip', { resolution: '720p' });
    expect(row.yolo_ms).toBe(27.2); // yolo11s batch-1 on Mid at 720p
    expect(row.seg_ms).toBe(0.5); // 15.1 ms CLIP once every 30 frames
    expect(row.ingest_ms).toBe(2);
    expect(row.total_fps).toBeCloseTo(1000 / (2 + 27.2 + 15.1 / 30), 2);
    expect(row.llm_type).toBe('off');
    expect(row.seg_type).toBe('CLIP FP8 TRT (1 Hz)');
  });

  it('SAM pipelines assume a fixed 30 ms detector and give the rest to the segmenter', () => {
    const v = engine.vision(mid, { pipeline: 'sam3_bf16', resolution: '4K' });
    const row = engine.kpiRow(mid, 'sam3_bf16', { resolution: '4K' });
    expect(row.yolo_ms).toBe(30);
    expect(row.seg_ms).toBeCloseTo(v.perStreamMs - 30, 2);
    expect(row.ingest_ms).toBe(3);
  });

  it('single-model pipelines put all the time in one stage and report no segmenter', () => {
    const v = engine.vision(mid, { pipeline: 'owlv2_base_pytorch_fp16', resolution: '1080p' });
    const row = engine.kpiRow(mid, 'owlv2_base_pytorch_fp16', {});
    expect(row.yolo_ms).toBeCloseTo(v.perStreamMs, 2);
    expect(row.seg_ms).toBeNull();
    expect(row.seg_type).toBe('n/a');
  });

  it('adds the MoE reference short-answer time when the LLM is on, without counting it in FPS', () => {
    const off = engine.kpiRow(mid, 'yolo_only_fp8', {});
    const on = engine.kpiRow(mid, 'yolo_only_fp8', { llmEnabled: true, quant: 'Q8_0' });
    expect(on.llm_type).toBe('Qwen3-30B-A3B Q8_0');
    expect(on.llm_ms).toBeCloseTo(engine.llm(mid, { quant: 'Q8_0' }).shortAnswerSec * 1000, 2);
    expect(on.total_fps).toBe(off.total_fps);
  });

  it('orders all rows by category (SAM, one-model, composed, detector-only), then key', () => {
    const rows = engine.kpiRows(mid, {});
    expect(rows).toHaveLength(23);
    expect(rows.slice(0, 4).map((r) => r.pipeline_key)).toEqual(['efficientsam3_es_ev_s_bf16', 'efficientsam3p1_es_ev_s_bf16', 'essmall_fp8', 'sam3_bf16']);
    expect(rows[rows.length - 1]?.pipeline_key).toBe('yolov8n_trt_int8_coco128');
  });
});
