import { budgetRowsToCsv } from '../../../src/engine/platform/csv';
import { testEngine } from '../../helpers/engine';

const engine = testEngine();
const mid = engine.hardware({ tier: 'mid' });
const imx95 = engine.hardware({ tier: 'imx95' });

describe('duty cycle', () => {
  it('takes time-sliced NPU time from vision and never goes below zero', () => {
    const idle = engine.duty(mid, { pipeline: 'trt_fp8_1hz_clip', queriesPerMinute: 0 });
    expect(idle.visionFpsUnderLlm).toBe(idle.vision.fpsPerStream);
    const busy = engine.duty(mid, { pipeline: 'trt_fp8_1hz_clip', queriesPerMinute: 2, answerKind: 'short' });
    const duty = (2 / 60) * busy.llm.shortAnswerSec;
    expect(busy.dutyCycle).toBeCloseTo(duty, 12);
    expect(busy.visionFpsUnderLlm).toBeCloseTo(busy.vision.fpsPerStream * (1 - duty), 10);
    const swamped = engine.duty(imx95, { pipeline: 'trt_fp8_1hz_clip', queriesPerMinute: 60, answerKind: 'rag' });
    expect(swamped.dutyCycle).toBeGreaterThan(1); // not clamped: the NPU is oversubscribed
    expect(swamped.visionFpsUnderLlm).toBe(0);
    expect(() => engine.duty(mid, { pipeline: 'sam3_bf16', queriesPerMinute: -1 })).toThrow(/queries_per_minute must be from 0 to 1000000, got -1/);
    expect(() => engine.duty(mid, { pipeline: 'sam3_bf16', answerKind: 'long' })).toThrow(/answer_kind must be "short" or "rag"/);
  });
});

describe('platform-budget rows', () => {
  it('vision row: additive steady-state columns scale with duty; peak columns do not', () => {
    const full = engine.visionBudgetRow(mid, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 4, dutyCycle: 1 });
    const half = engine.visionBudgetRow(mid, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 4, dutyCycle: 0.5 });
    expect(full.workload_id).toBe('vision_trt_fp8_1hz_clip_1080p_n4');
    expect(full.config_summary).toBe('TRT FP8 + CLIP @ 1 Hz (DEFAULT) · 4 stream(s) @ 1080p · NPU Mid');
    expect(half.config_summary).toMatch(/ · duty 0\.50$/);
    expect(full.ss_ddr_gbs_avg).toBe(94.08);
    expect(half.ss_ddr_gbs_avg).toBe(47.04);
    expect(half.ss_power_avg_watts).toBe(12.5);
    expect(half.peak_ddr_gbs).toBe(full.peak_ddr_gbs);
    expect(half.peak_per_frame_ms).toBe(full.peak_per_frame_ms);
    expect(full.ss_dram_resident_mb).toBe(250 + 4 * 40);
    // measured DRAM: the YOLO forward every frame plus one CLIP forward every 30 frames
    expect(full.ncu_source_workloads).toBe('yolo_seg_fp8_trt×1.0000, clip_trt×0.0333');
    expect(full.ss_dram_per_forward_mb).toBeCloseTo(231.01, 2);
  });

  it('vision row: blank measured columns when a component has no measurement', () => {
    const row = engine.visionBudgetRow(mid, { pipeline: 'yolov8n_only_fp8', resolution: '1080p', streams: 1 });
    expect(row.ss_ddr_gbs_avg_measured).toBeNull();
    expect(row.ncu_source_workloads).toBeNull();
  });

  it('LLM row: duty from query rate and answer time, capped at 1', () => {
    const row = engine.llmBudgetRow(mid, { quant: 'Q4_K_M', workload: 'plain_chat', queriesPerMinute: 2, answerKind: 'short' });
    const l = engine.llm(mid, {});
    expect(row.ss_duty_cycle_frac).toBeCloseTo((2 / 60) * l.shortAnswerSec, 3);
    expect(row.ss_throughput).toBeCloseTo(l.decodeTokS, 2);
    expect(row.config_summary).toBe('Qwen3-30B-A3B Q4_K_M · Plain chat (warm) · 2.0 q/min · short answer · NPU Mid');
    const capped = engine.llmBudgetRow(imx95, { queriesPerMinute: 60, answerKind: 'rag' });
    expect(capped.ss_duty_cycle_frac).toBe(1);
  });
});

describe('full matrix', () => {
  const rows = engine.matrix();
  it('has every ladder tier x pipeline x resolution x stream count, then the LLM rows', () => {
    expect(rows).toHaveLength(6 * 23 * 3 * 5 + 6 * 3 * 5 * 2);
    expect(new Set(rows.map((r) => `${r.workload_id}|${r.config_summary}`)).size).toBe(rows.length);
    expect(rows[0]?.workload_category).toBe('vision');
    expect(rows[rows.length - 1]?.workload_category).toBe('llm');
  });

  it('each cell equals the single-row builder', () => {
    const hw = engine.hardware({ tier: 'NPU High' });
    const row = rows.find((r) => r.workload_id === 'vision_hybrid_v2_bf16_4K_n8' && r.hw_name === 'NPU High');
    expect(row).toEqual(engine.visionBudgetRow(hw, { pipeline: 'hybrid_v2_bf16', resolution: '4K', streams: 8 }));
  });

  it('reports progress', () => {
    const seen: number[] = [];
    engine.matrix((done, total) => {
      expect(total).toBe(rows.length);
      seen.push(done);
    });
    expect(seen[seen.length - 1]).toBe(rows.length);
  });

  it('CSV: caveats as # lines, then the header, one line per row, quoting only when needed', () => {
    const csv = budgetRowsToCsv(engine.catalog, rows.slice(0, 3), { commitSha: 'abc1234', exportTimestampIso: '2026-11-29T12:00:00+00:00' });
    const lines = csv.split('\r\n');
    const firstData = lines.findIndex((l) => !l.startsWith('#'));
    expect(firstData).toBeGreaterThan(5);
    expect(lines.slice(0, firstData).every((l) => l.startsWith('#'))).toBe(true);
    expect(lines[firstData]?.split(',')).toHaveLength(30);
    expect(lines[firstData + 1]).toMatch(/^vision_sam3_bf16_720p_n1,vision,"SAM 3 BF16 \(baseline, NOT RECOMMENDED\) · 1 stream\(s\) @ 720p · NPU i\.MX 95 \(ground truth\)",/);
    expect(lines[firstData + 1]).toMatch(/,abc1234,2026-11-29T12:00:00\+00:00$/);
  });
});

describe('duty of a given LLM projection (one set of checks for every host)', () => {
  it('defaults, validates and reports the saturating query rate', () => {
    const l = engine.llm(mid, {});
    const d = engine.llmDuty(l, {});
    expect(d).toMatchObject({ queriesPerMinute: 2, answerKind: 'short' });
    expect(d.dutyCycle).toBeCloseTo((2 / 60) * l.shortAnswerSec, 12);
    // duty = 1 at 60 / answer seconds queries per minute
    expect(d.maxQueriesPerMinute).toBeCloseTo(60 / l.shortAnswerSec, 12);
    expect(engine.llmDuty(l, { answerKind: 'RAG' }).answerKind).toBe('rag');
    expect(() => engine.llmDuty(l, { queriesPerMinute: 1e9 })).toThrow(/queries_per_minute must be from 0 to 1000000/);
    expect(engine.visionFpsUnderLlm(100, l, { queriesPerMinute: 0 })).toBe(100);
  });
});
