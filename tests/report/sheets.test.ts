/** Sheet models against the engine: every cell of a sheet is the engine's number for that cell. */
import { join } from 'node:path';
import {
  buildCrossModelSheet,
  buildCrossTierLlmSheet,
  buildCrossTierVisionSheet,
  buildCrossTierVlaSheet,
  buildDutyCurveSheet,
  buildKpiSheet,
  buildMatrixSheet,
  buildReferenceSheet,
  buildStreamScalingSheet,
  buildThisConfigSheet,
  buildSheet,
  buildWorkbook,
  defaultConfig,
  projectConfig,
  dutyCurveQpm,
  type SheetModel,
  type SizingConfig,
  sheetLayout,
} from '../../src/report';
import { mismatches } from '../helpers/compare';
import { testEngine } from '../helpers/engine';
import { HAS_REFERENCE, REFERENCE_DIR, readCells } from '../helpers/reference';

const engine = testEngine();
const DEFAULTS = defaultConfig(engine.catalog);
const config: SizingConfig = { ...DEFAULTS, tier: 'NPU Mid', llm: { ...DEFAULTS.llm, model: 'skippy_finetune' } };

function column(model: SheetModel, key: string): unknown[] {
  const i = model.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`${model.name} has no column ${key}`);
  return model.rows.map((r) => r[i]);
}

function asRecords(model: SheetModel): Record<string, unknown>[] {
  return model.rows.map((r) => Object.fromEntries(model.columns.map((c, i) => [c.key, r[i]])));
}

describe('sheet models', () => {
  it('every sheet is well formed: unique keys, rows as wide as the columns, a valid table and sheet name', () => {
    for (const model of buildWorkbook(engine, config)) {
      expect(new Set(model.columns.map((c) => c.key)).size).toBe(model.columns.length);
      for (const row of model.rows) expect(row).toHaveLength(model.columns.length);
      expect(model.tableName).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(model.name.length).toBeLessThanOrEqual(31);
      expect(model.name).not.toMatch(/[[\]:*?/\\]/);
      for (const chart of model.charts) {
        for (const key of [chart.categoryColumn, ...chart.seriesColumns]) expect(model.columns.map((c) => c.key)).toContain(key);
      }
      for (const badge of model.badges) expect(model.columns.map((c) => c.key)).toContain(badge.column);
    }
  });

  it('full matrix: every cell equals the engine row', () => {
    const model = buildMatrixSheet(engine);
    const rows = engine.matrix();
    expect(model.rows).toHaveLength(rows.length);
    const records = asRecords(model);
    records.forEach((record, i) => {
      for (const [key, value] of Object.entries(record)) expect(value).toBe(rows[i]?.[key] ?? null);
    });
    expect(model.notes.length).toBeGreaterThan(3);
  });

  it('this config: the vision and LLM budget rows, with a totals row over the additive ss_* columns only', () => {
    const model = buildThisConfigSheet(engine, config);
    const hw = engine.hardware({ tier: 'NPU Mid' });
    const budgetKeys = model.columns.map((c) => c.key).filter((k) => k !== 'explanation');
    expect(asRecords(model).map((r) => Object.fromEntries(budgetKeys.map((k) => [k, r[k]])))).toEqual([
      engine.visionBudgetRow(hw, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 1 }),
      engine.llmBudgetRow(hw, { quant: 'Q4_K_M', workload: 'plain_chat', queriesPerMinute: 2, answerKind: 'short' }),
    ].map((r) => Object.fromEntries(budgetKeys.map((k) => [k, r[k] ?? null]))));
    // The last column explains each row as the reference's budget row is computed: the LLM row is the MoE
    // perf reference on its Mid tier anchor (28.39 tok/s at the 0.75 share), not the configured model.
    expect(model.columns.at(-1)?.header).toBe('Explanation');
    const [visionWhy, llmWhy] = column(model, 'explanation').map(String);
    expect(visionWhy).toMatch(/^Cross-class extrapolation: Per-frame time = 4\.3 ms/);
    expect(llmWhy).toMatch(/^Tier-level anchor: LLM decode \(Q4_K_M\) = 28\.4 tok\/s on NPU Mid/);
    expect(model.totals?.sumColumns.every((k) => k.startsWith('ss_'))).toBe(true);
    expect(model.totals?.sumColumns).toContain('ss_duty_cycle_frac');
    expect(model.totals?.sumColumns).not.toContain('ss_throughput');
    expect(sheetLayout(model).totalsRow).toBe(sheetLayout(model).lastDataRow + 1);
  });

  it('this config: no LLM row (and a note saying why) when the tier cannot run the model', () => {
    const model = buildThisConfigSheet(engine, { ...config, llm: { ...config.llm, model: 'skippy_7b_v4' } });
    expect(column(model, 'workload_category')).toEqual(['vision']);
    expect(model.notes.join(' ')).toMatch(/cannot run skippy_7b_v4/);
  });

  it('KPI sheet: all 23 pipelines in the reference order, or this one', () => {
    const all = buildKpiSheet(engine, config, 'all');
    expect(all.rows).toHaveLength(23);
    expect(all.columns.map((c) => c.header)).toEqual([...engine.catalog.files['kpi.json'].columns.map((c) => c.header), 'Total FPS incl. ingest (engine)', 'Explanation']);
    const one = buildKpiSheet(engine, config, 'this');
    const row = engine.kpiRow(engine.hardware({ tier: 'mid' }), 'trt_fp8_1hz_clip', { resolution: '1080p', llmEnabled: true });
    const [record] = asRecords(one);
    expect(record).toEqual({ ...row, total_fps: record?.total_fps, total_fps_with_ingest: row.total_fps, explanation: record?.explanation });
    // total_fps is the pane's Per-camera FPS tile, rounded to 2 places as the reference's export stores it: the
    // vision FPS left under the LLM's duty cycle (2 q/min of short answers), ingest not counted.
    const tile = projectConfig(engine, config).vision?.fpsPerStreamUnderLlm ?? NaN;
    expect(record?.total_fps).toBe(Math.round(tile * 100) / 100);
    expect(record?.total_fps).not.toBeCloseTo(row.total_fps, 1);
    expect(String(record?.explanation)).toMatch(/Per-frame time = 4\.3 ms/);
  });

  const kpiCells = HAS_REFERENCE ? readCells(join(REFERENCE_DIR, 'parity', 'kpi.jsonl')) : [];
  (HAS_REFERENCE ? it : it.skip)('KPI sheet rows match the KPI parity set', () => {
    let checked = 0;
    for (const tier of engine.catalog.ladder) {
      for (const resolution of ['720p', '1080p', '4K']) {
        const model = buildKpiSheet(engine, { ...config, tier: tier.name, vision: { ...config.vision, resolution }, llm: { ...config.llm, enabled: false } }, 'all');
        const byKey = new Map(asRecords(model).map((r) => [r.pipeline_key, r]));
        for (const cell of kpiCells) {
          const q = cell.query;
          if (q.tier !== tier.name || q.resolution !== resolution || q.llm_enabled !== false) continue;
          // The parity set's total_fps is the engine's ingest-inclusive figure, kept in its own column.
          const record = byKey.get(q.pipeline as string);
          expect(mismatches(cell.expect, record && { ...record, total_fps: record.total_fps_with_ingest })).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('cross-tier vision: one row per ladder tier with the engine values and badge colouring', () => {
    const model = buildCrossTierVisionSheet(engine, config);
    expect(column(model, 'tier')).toEqual(engine.catalog.ladder.map((t) => t.name));
    engine.catalog.ladder.forEach((t, i) => {
      const v = engine.vision(engine.hardware({ tier: t.id }), { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 1 });
      expect(column(model, 'fps_per_stream')[i]).toBe(v.fpsPerStream);
      expect(column(model, 'source')[i]).toBe(v.source);
    });
    expect(model.badges.map((b) => b.equals)).toEqual(expect.arrayContaining(['measured', 'same_class_anchor', 'cross_class']));
    expect(model.charts[0]?.seriesColumns).toEqual(['fps_per_stream']);
  });

  it('cross-tier views: an upgraded tier replaces its stock row (as the reference swaps it in); a custom tier is appended', () => {
    const upgraded = buildSheet(engine, 'cross-tier-llm', { ...config, memory: 'lpddr6-14' });
    const tiers = column(upgraded, 'tier').map(String);
    expect(tiers).toHaveLength(engine.catalog.ladder.length);
    const mid = engine.catalog.ladder.findIndex((t) => t.name === 'NPU Mid');
    expect(tiers[mid]).toMatch(/^NPU Mid.*LPDDR6/);
    expect(tiers).not.toContain('NPU Mid');
    // LPDDR6 at 14 GT/s on Mid's 128-bit bus: 128 / 8 x 14 = 224 GB/s theoretical.
    expect(column(upgraded, 'bw_total_gbs')[mid]).toBeCloseTo(224, 6);
    const custom = buildCrossTierVisionSheet(engine, { ...config, tier: 'custom: int8=16; bw=100; cap=16' });
    expect(column(custom, 'tier')).toHaveLength(engine.catalog.ladder.length + 1);
    expect(String(column(custom, 'tier').at(-1))).toMatch(/this config/);
  });

  it('cross-tier LLM: gated tiers show no numbers and say why', () => {
    const model = buildCrossTierLlmSheet(engine, { ...config, llm: { ...config.llm, model: 'skippy_7b_v4' } });
    const mid = asRecords(model).find((r) => r.tier === 'NPU Mid');
    expect(mid?.decode_tok_s).toBeNull();
    expect(mid?.note).toMatch(/dtype mismatch/);
    const high = asRecords(model).find((r) => r.tier === 'NPU High');
    expect(high?.decode_tok_s).toBeCloseTo(engine.llmModel(engine.hardware({ tier: 'high' }), 'skippy_7b_v4', {}).decodeTokS, 12);
  });

  it('cross-tier VLA and cross-model sheets follow the engine', () => {
    // pi0.5 needs an FP expert: it runs on High, not on INT8-only Mid.
    const vla = buildCrossTierVlaSheet(engine, { ...config, vla: { ...config.vla, model: 'pi_0p5' } });
    const high = asRecords(vla).find((r) => r.tier === 'NPU High');
    expect(high?.action_hz).toBeCloseTo(engine.vla(engine.hardware({ tier: 'high' }), { vla: 'pi_0p5' }).actionHz ?? NaN, 12);
    expect(String(high?.explanation)).toMatch(/Control loop \d/);
    const mid = asRecords(vla).find((r) => r.tier === 'NPU Mid');
    expect(mid?.runs).toBe(false);
    expect(String(mid?.reason)).not.toBe('');
    expect(mid?.reason).toEqual(expect.stringMatching(/\S/));
    const models = buildCrossModelSheet(engine, config);
    expect(column(models, 'model')).toEqual(engine.orderedModels(engine.hardware({ tier: 'mid' })).map((o) => o.model.key));
  });

  it('stream scaling and duty curve: a row per step with the engine values and a line chart', () => {
    const scaling = buildStreamScalingSheet(engine, config);
    expect(column(scaling, 'streams')).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(column(scaling, 'total_fps')[3]).toBe(engine.vision(engine.hardware({ tier: 'mid' }), { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 4 }).totalFps);
    expect(scaling.charts[0]?.kind).toBe('line');
    const duty = buildDutyCurveSheet(engine, config);
    // The reference's axis: 0 to 120 q/min (here every 2), short and RAG answers side by side, the amber 80% line.
    const qpm = column(duty, 'queries_per_minute');
    expect(qpm).toEqual(dutyCurveQpm(engine));
    expect([qpm[0], qpm.at(-1), qpm.length]).toEqual([0, 120, 61]);
    const d = engine.duty(engine.hardware({ tier: 'mid' }), { pipeline: 'trt_fp8_1hz_clip', queriesPerMinute: 10 });
    expect(column(duty, 'vision_fps_per_stream')[qpm.indexOf(10)]).toBeCloseTo(d.visionFpsUnderLlm, 10);
    expect(column(duty, 'vision_fps_short')[qpm.indexOf(10)]).toBeCloseTo(d.visionFpsUnderLlm, 10);
    const rag = engine.duty(engine.hardware({ tier: 'mid' }), { pipeline: 'trt_fp8_1hz_clip', queriesPerMinute: 10, answerKind: 'rag' });
    expect(column(duty, 'duty_cycle_rag')[qpm.indexOf(10)]).toBeCloseTo(rag.dutyCycle, 10);
    expect(new Set(column(duty, 'duty_warning'))).toEqual(new Set([0.8]));
  });

  it('reference sheet: column meanings, every badge, the caveats and the versions', () => {
    const model = buildReferenceSheet(engine);
    const names = column(model, 'name');
    for (const badge of ['measured', 'measured_anchor', 'same_class_anchor', 'cross_class', 'projected']) expect(names).toContain(badge);
    expect(names).toContain('ss_ddr_gbs_avg');
    expect(column(model, 'meaning')).toContain(engine.catalog.version);
  });
});
