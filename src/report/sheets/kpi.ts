/** The KPI spreadsheet: the reference layout (columns, headers, widths, row order) from data/kpi.json. */
import type { Engine } from '../../engine';
import { timingBreakdownChart } from '../charts';
import { FORMAT } from '../columns';
import type { SizingConfig } from '../config';
import type { CellValue, ColumnSpec, SheetModel } from '../types';
import { hardwareOfConfig } from './shared';

const NUMERIC = new Set(['ingest_ms', 'yolo_ms', 'seg_ms', 'llm_ms', 'total_fps']);

export function buildKpiSheet(engine: Engine, config: SizingConfig, scope: 'all' | 'this'): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const kpi = engine.catalog.files['kpi.json'];
  const args = {
    resolution: config.vision.resolution,
    llmEnabled: config.llm.enabled,
    quant: config.llm.quant,
    workload: config.llm.workload,
    compilerQuality: config.vision.compilerQuality,
  };
  const rows = scope === 'all' ? engine.kpiRows(hw, args) : [engine.kpiRow(hw, config.vision.pipeline, args)];
  const columns: ColumnSpec[] = kpi.columns.map((c) => ({
    key: c.name,
    header: c.header,
    kind: NUMERIC.has(c.name) ? 'number' : 'text',
    numberFormat: NUMERIC.has(c.name) ? FORMAT.two : FORMAT.text,
    width: c.width,
    ...(c.name.endsWith('_ms') ? { unit: 'ms' } : c.name === 'total_fps' ? { unit: 'FPS' } : {}),
  }));
  const values: CellValue[][] = rows.map((r) => {
    const record: Record<string, CellValue> = { ...r };
    return columns.map((c) => record[c.key] ?? null);
  });
  return {
    name: kpi.sheetTitle,
    title: `KPI breakdown: ${hw.name} at ${args.resolution}${config.llm.enabled ? `, LLM ${config.llm.quant}` : ''}`,
    notes: [
      'Per-frame stages of one stream at the tier default NPU share. Total FPS counts ingest and vision stages only, not the LLM.',
      'Composed pipelines split into the batch-1 YOLO and CLIP terms; SAM pipelines assume a 30 ms detector (as the reference KPI sheet does).',
    ],
    tableName: 'SizerKpi',
    columns,
    rows: values,
    badges: [],
    charts: [timingBreakdownChart({ title: 'Per-frame timing by pipeline', categoryColumn: 'model', stageColumns: ['ingest_ms', 'yolo_ms', 'seg_ms'], axisTitle: 'Edge ms per frame', horizontal: true })],
  };
}
