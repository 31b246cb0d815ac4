/**
 * The KPI spreadsheet: the reference layout (columns, headers, widths, row order) from data/kpi.json,
 * with the reference export's total_fps (the Per-camera FPS tile: the configuration's streams and
 * compiler quality, reduced by the LLM's duty cycle when the LLM is on, ingest left out) and, after
 * the reference's columns, the engine's ingest-inclusive figure and the row's explanation
 * (docs/decisions/0013-kpi-rows.md).
 */
import { type Engine, pyRound } from '../../engine';
import { timingBreakdownChart } from '../charts';
import { FORMAT } from '../columns';
import { basisOf } from '../basis';
import type { SizingConfig } from '../config';
import type { CellValue, ColumnSpec, SheetModel } from '../types';
import { hardwareOfConfig, llmModelOf } from './shared';

const NUMERIC = new Set(['ingest_ms', 'yolo_ms', 'seg_ms', 'llm_ms', 'total_fps', 'total_fps_with_ingest']);

export function buildKpiSheet(engine: Engine, config: SizingConfig, scope: 'all' | 'this'): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const kpi = engine.catalog.files['kpi.json'];
  const args = {
    resolution: config.vision.resolution,
    llmEnabled: config.llm.enabled,
    quant: config.llm.quant,
    workload: config.llm.workload,
    compilerQuality: config.vision.compilerQuality,
    // The LLM time column reads decode: on the configuration's basis, as the sheet states (decision 0033).
    basis: basisOf(config),
  };
  const rows = scope === 'all' ? engine.kpiRows(hw, args) : [engine.kpiRow(hw, config.vision.pipeline, args)];
  // The LLM that slows the tile down: the configuration's model, when the tier can run it (the dtype gate turns it off).
  const model = config.llm.enabled ? llmModelOf(engine, hw, config) : null;
  const llm = model && model.gate.supported ? model : null;
  const load = { queriesPerMinute: config.llm.queriesPerMinute, answerKind: config.llm.answerKind };
  const columns: ColumnSpec[] = [...kpi.columns, ...kpi.sizerColumns].map((c) => ({
    key: c.name,
    header: c.header,
    kind: NUMERIC.has(c.name) ? 'number' : 'text',
    numberFormat: NUMERIC.has(c.name) ? FORMAT.two : FORMAT.text,
    width: c.width,
    ...(c.name.endsWith('_ms') ? { unit: 'ms' } : c.name.startsWith('total_fps') ? { unit: 'FPS' } : {}),
  }));
  const values: CellValue[][] = rows.map((r) => {
    // As the reference's export: the vision projection at the configured streams and compiler quality, tier-default share.
    const v = engine.vision(hw, { pipeline: r.pipeline_key, resolution: config.vision.resolution, streams: config.vision.streams, compilerQuality: config.vision.compilerQuality });
    const tileFps = llm ? engine.visionFpsUnderLlm(v.fpsPerStream, llm, load) : v.fpsPerStream;
    const record: Record<string, CellValue> = {
      ...r,
      total_fps: pyRound(tileFps, 2),
      total_fps_with_ingest: r.total_fps,
      explanation: engine.explainVision(hw, v, config.vision.compilerQuality).text,
    };
    return columns.map((c) => record[c.key] ?? null);
  });
  return {
    basis: basisOf(config),
    name: kpi.sheetTitle,
    title: `KPI breakdown: ${hw.name} at ${args.resolution}${config.llm.enabled ? `, LLM ${config.llm.quant}` : ''}`,
    notes: [
      `Total FPS matches the Per-camera FPS tile, as the reference's export makes it: ${config.vision.streams} stream(s) at the tier default NPU share, ingest not included${llm ? ', reduced by the LLM duty cycle' : ''}. The ingest ms column is for reference; "Total FPS incl. ingest (engine)" is 1000 / (ingest + YOLO + seg) of one stream.`,
      'Composed pipelines split into the batch-1 YOLO and CLIP terms; SAM pipelines assume a 30 ms detector (as the reference KPI sheet does).',
    ],
    tableName: 'SizerKpi',
    columns,
    rows: values,
    badges: [],
    charts: [timingBreakdownChart({ title: 'Per-frame timing by pipeline', categoryColumn: 'model', stageColumns: ['ingest_ms', 'yolo_ms', 'seg_ms'], axisTitle: 'Edge ms per frame', horizontal: true })],
  };
}
