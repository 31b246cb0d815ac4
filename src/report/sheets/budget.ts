/** This config (the configuration's budget rows plus totals) and the full platform-budget matrix. */
import type { BudgetRow, Engine } from '../../engine';
import { FORMAT } from '../columns';
import type { SizingConfig } from '../config';
import type { CellValue, ColumnSpec, SheetModel } from '../types';
import { hardwareOfConfig, llmModelOf } from './shared';

const PROVENANCE_COLUMNS = new Set(['sizer_commit_sha', 'export_timestamp_iso']);

function budgetFormat(name: string, kind: 'text' | 'int' | 'float'): string {
  if (kind === 'text') return FORMAT.text;
  if (kind === 'int') return FORMAT.integer;
  if (name === 'ss_duty_cycle_frac') return FORMAT.three;
  if (name.endsWith('tops_avg') || name === 'peak_tops' || name === 'ss_power_avg_watts') return FORMAT.one;
  return FORMAT.general;
}

/** The budget CSV's columns (less the two provenance columns, which go in the notes). */
export function budgetColumns(engine: Engine): ColumnSpec[] {
  return engine.catalog.files['platform-budget.json'].columns
    .filter((c) => !PROVENANCE_COLUMNS.has(c.name))
    .map((c) => ({
      key: c.name,
      header: c.name,
      kind: c.kind === 'text' ? 'text' : c.kind === 'int' ? 'integer' : 'number',
      numberFormat: budgetFormat(c.name, c.kind),
      width: c.kind === 'text' ? (c.name === 'config_summary' ? 60 : 24) : 14,
      additive: c.additive,
      ...(c.unit ? { unit: c.unit } : {}),
    }));
}

export function budgetNotes(engine: Engine): string[] {
  // The pandas hint is for CSV readers; a worksheet needs only the caveats.
  return engine.catalog.files['platform-budget.json'].caveats.filter((line) => line.trim() !== '' && !line.includes('pandas'));
}

function rowsOf(columns: readonly ColumnSpec[], rows: readonly BudgetRow[]): CellValue[][] {
  return rows.map((r) => columns.map((c) => r[c.key] ?? null));
}

export function buildThisConfigSheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const columns = budgetColumns(engine);
  const rows: BudgetRow[] = [];
  const notes = budgetNotes(engine);
  if (config.vision.enabled) {
    rows.push(engine.visionBudgetRow(hw, { pipeline: config.vision.pipeline, resolution: config.vision.resolution, streams: config.vision.streams, dutyCycle: 1 }));
  }
  if (config.llm.enabled) {
    const model = llmModelOf(engine, hw, config);
    if (model.gate.supported) {
      rows.push(engine.llmBudgetRow(hw, { quant: config.llm.quant, workload: config.llm.workload, queriesPerMinute: config.llm.queriesPerMinute, answerKind: config.llm.answerKind }));
    } else {
      notes.push(`No LLM row: ${model.gate.reason ?? ''}.`);
    }
  }
  return {
    name: 'This config',
    title: `Platform budget: ${hw.name}`,
    notes,
    tableName: 'SizerThisConfig',
    columns,
    rows: rowsOf(columns, rows),
    badges: [],
    charts: [],
    totals: { label: 'Platform total', sumColumns: columns.filter((c) => c.additive).map((c) => c.key) },
  };
}

export function buildMatrixSheet(engine: Engine, onProgress?: (done: number, total: number) => void): SheetModel {
  const columns = budgetColumns(engine);
  return {
    name: 'Full matrix',
    title: 'Platform-budget matrix: every preset tier, pipeline, resolution and stream count, then every LLM slot',
    notes: budgetNotes(engine),
    tableName: 'SizerMatrix',
    columns,
    rows: rowsOf(columns, engine.matrix(onProgress)),
    badges: [],
    charts: [],
  };
}
