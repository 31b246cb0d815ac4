/**
 * Native charts, host-neutral: the reference's palette and reference lines, builders for the chart
 * specs the sheets carry, and where each chart and its helper cells go on the sheet. The task pane
 * (Office.js, src/taskpane/excel/writer.ts) and the CLI (DrawingML parts, src/cli/export/xlsx-charts.ts)
 * both draw from resolveCharts(model), so they plot the same cells and place charts in the same spot.
 * Decision record 0025.
 */
import { columnLetter, sheetLayout } from './layout';
import type { ChartSpec, ChartThreshold, SheetModel } from './types';

/**
 * The reference's chart colours (FEATURES.md §3.3 "_apply_chart_theme" and the horizontal layout):
 * keyhole red accent for the selected tier, neutral blue-grey for the other bars, indigo / green /
 * amber / red series, grey reference lines.
 */
export const PALETTE = {
  accent: '#E1483A',
  neutral: '#9AA7BD',
  indigo: '#6366F1',
  green: '#22C55E',
  amber: '#F59E0B',
  red: '#EF4444',
  reference: '#93A1B5',
  selectedWorkload: '#22A06B',
} as const;

/** The reference's horizontal lines on per-stream FPS charts: y=30 and y=15 (FEATURES.md §2.5.1, §2.7). */
export const FPS_THRESHOLDS: readonly ChartThreshold[] = [
  { value: 30, label: '30 FPS real-time', color: PALETTE.reference },
  { value: 15, label: '15 FPS surveillance', color: PALETTE.amber },
];

/** The 30 FPS line alone (the stream-scaling chart draws only this one, FEATURES.md §2.5.3). */
export const REAL_TIME_THRESHOLD: ChartThreshold = FPS_THRESHOLDS[0]!;

/** The amber duty line: an LLM duty cycle of 0.8 or more turns the reference's banner amber (FEATURES.md proposal 8). */
export const DUTY_AMBER_THRESHOLD: ChartThreshold = { value: 0.8, label: '80% duty (amber)', color: PALETTE.amber, axis: 'secondary' };

/** Top of the duty-cycle axis: at 1 the LLM alone fills the NPU; a little headroom shows the curve crossing it. */
export const DUTY_AXIS_MAX = 1.2;

/** Size of one chart, in sheet rows and columns, and the gap between stacked charts. */
export const CHART_ROWS = 18;
export const CHART_COLUMNS = 8;
const CHART_GAP_ROWS = 2;
/** Horizontal bar charts grow with their categories (one row each, plus room for title, axis and legend) and are wider for long labels. */
const BAR_CHART_EXTRA_ROWS = 8;
const BAR_CHART_COLUMNS = 12;

function chartSize(spec: ChartSpec, categories: number): { rows: number; cols: number } {
  if (spec.kind !== 'bar') return { rows: CHART_ROWS, cols: CHART_COLUMNS };
  return { rows: Math.max(CHART_ROWS, categories + BAR_CHART_EXTRA_ROWS), cols: BAR_CHART_COLUMNS };
}

export interface TierLadderChartArgs {
  readonly title: string;
  /** Column key of the tier labels. */
  readonly categoryColumn: string;
  readonly valueColumn: string;
  readonly yAxisTitle: string;
  /** The configured tier's label (highlighted in the accent colour), or null for none (custom NPU). */
  readonly selectedTier: string | null;
  readonly thresholds?: readonly ChartThreshold[];
  readonly xAxisTitle?: string;
}

/** A per-tier ladder as the reference draws it: neutral columns, the selected tier in the accent colour. */
export function tierLadderChart(args: TierLadderChartArgs): ChartSpec {
  return {
    kind: 'column',
    title: args.title,
    categoryColumn: args.categoryColumn,
    seriesColumns: [args.valueColumn],
    xAxisTitle: args.xAxisTitle ?? 'Tier',
    yAxisTitle: args.yAxisTitle,
    colors: { [args.valueColumn]: PALETTE.neutral },
    ...(args.selectedTier !== null ? { highlightCategory: args.selectedTier, highlightColor: PALETTE.accent } : {}),
    ...(args.thresholds && args.thresholds.length > 0 ? { thresholds: args.thresholds } : {}),
  };
}

/** One plotted series, resolved to sheet cells (0-based columns; rows are the table's data rows). */
export interface ResolvedSeries {
  readonly name: string;
  /** Sheet column holding the values (a table column or a helper column). */
  readonly column: number;
  readonly axis: 'primary' | 'secondary';
  readonly color: string | null;
  readonly dashed: boolean;
  /** True for a threshold line (drawn as a plain line without markers). */
  readonly threshold: boolean;
  /** The threshold's value (every cell of its helper column), or null for a table column. */
  readonly constant: number | null;
}

/** A constant-valued helper column beside the table that a threshold line plots. */
export interface HelperColumn {
  readonly column: number;
  readonly header: string;
  readonly value: number;
}

export interface ResolvedChart {
  readonly spec: ChartSpec;
  readonly categoryColumn: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly headerRow: number;
  readonly series: readonly ResolvedSeries[];
  /** 0-based data point (row offset) drawn in highlightColor, or null. */
  readonly highlightPoint: number | null;
  readonly highlightColor: string;
  /** Top-left and bottom-right cells (0-based) of the chart. */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

function thresholdKey(t: ChartThreshold): string {
  return `${t.label}\u0000${t.value}`;
}

/**
 * The helper columns of a model: one per distinct threshold of its charts, after the table and one
 * empty column, each holding the threshold value on every data row, its label in the header row.
 */
export function chartHelperColumns(model: SheetModel): HelperColumn[] {
  const seen = new Map<string, HelperColumn>();
  if (model.rows.length === 0) return [];
  for (const spec of model.charts) {
    for (const t of spec.thresholds ?? []) {
      const key = thresholdKey(t);
      if (!seen.has(key)) seen.set(key, { column: model.columns.length + 1 + seen.size, header: t.label, value: t.value });
    }
  }
  return [...seen.values()];
}

/** Every chart of a model with the cells it plots and where it goes; charts that name no known column are dropped. */
export function resolveCharts(model: SheetModel): ResolvedChart[] {
  if (model.rows.length === 0) return [];
  const layout = sheetLayout(model);
  const helpers = chartHelperColumns(model);
  const left = model.columns.length + 1 + (helpers.length > 0 ? helpers.length + 1 : 0);
  const columnOf = (key: string): number => model.columns.findIndex((c) => c.key === key);
  const charts: ResolvedChart[] = [];
  let top = layout.headerRow;
  for (const spec of model.charts) {
    const categoryColumn = columnOf(spec.categoryColumn);
    const secondary = new Set(spec.secondaryAxisColumns ?? []);
    const dashed = new Set(spec.dashedColumns ?? []);
    const series: ResolvedSeries[] = spec.seriesColumns
      .map((key) => ({ key, column: columnOf(key) }))
      .filter((s) => s.column >= 0)
      .map(({ key, column }) => ({
        name: model.columns[column]!.header,
        column,
        axis: secondary.has(key) ? 'secondary' : 'primary',
        color: spec.colors?.[key] ?? null,
        dashed: dashed.has(key),
        threshold: false,
        constant: null,
      }));
    if (categoryColumn < 0 || series.length === 0) continue;
    for (const t of spec.thresholds ?? []) {
      const helper = helpers.find((h) => h.header === t.label && h.value === t.value)!;
      series.push({ name: t.label, column: helper.column, axis: t.axis ?? 'primary', color: t.color, dashed: true, threshold: true, constant: t.value });
    }
    const highlight = spec.highlightCategory === undefined ? -1 : model.rows.findIndex((r) => r[categoryColumn] === spec.highlightCategory);
    const size = chartSize(spec, model.rows.length);
    charts.push({
      spec,
      categoryColumn,
      firstRow: layout.firstDataRow,
      lastRow: layout.lastDataRow,
      headerRow: layout.headerRow,
      series,
      highlightPoint: highlight >= 0 ? highlight : null,
      highlightColor: spec.highlightColor ?? PALETTE.accent,
      from: { row: top, col: left },
      to: { row: top + size.rows, col: left + size.cols },
    });
    top += size.rows + CHART_GAP_ROWS;
  }
  return charts;
}

/** A1 reference of a data-row range of one column, sheet-qualified and absolute ('Sheet 1'!$B$2:$B$6). */
export function seriesReference(sheetName: string, column: number, firstRow: number, lastRow: number): string {
  const letter = columnLetter(column);
  return `'${sheetName.replace(/'/g, "''")}'!$${letter}$${firstRow + 1}:$${letter}$${lastRow + 1}`;
}

export interface DutyCurveChartArgs {
  /** Column of the LLM queries per minute (the x values). */
  readonly qpmColumn: string;
  /** Vision FPS columns (short answers first, then RAG), on the left axis with the 30/15 FPS lines. */
  readonly fpsColumns: readonly string[];
  /** Duty-cycle columns, on the right axis with the amber 80% line; empty for none. */
  readonly dutyColumns: readonly string[];
  readonly title?: string;
}

/**
 * The reference's duty-cycle view (FEATURES.md §2.7): effective vision FPS against LLM queries per
 * minute, 30 and 15 FPS lines; SIZER adds the duty cycle on a secondary axis with the amber 80% line.
 * An XY chart, so uneven query rates are spaced to scale.
 */
export function dutyCurveChart(args: DutyCurveChartArgs): ChartSpec {
  const fpsColors = [PALETTE.green, PALETTE.amber];
  const dutyColors = [PALETTE.indigo, PALETTE.red];
  return {
    kind: 'scatter',
    title: args.title ?? 'Vision FPS against LLM queries per minute',
    categoryColumn: args.qpmColumn,
    seriesColumns: [...args.fpsColumns, ...args.dutyColumns],
    xAxisTitle: 'LLM queries per minute',
    yAxisTitle: 'Effective vision FPS',
    colors: Object.fromEntries([...args.fpsColumns.map((c, i) => [c, fpsColors[i % 2]!]), ...args.dutyColumns.map((c, i) => [c, dutyColors[i % 2]!])]),
    thresholds: args.dutyColumns.length > 0 ? [...FPS_THRESHOLDS, DUTY_AMBER_THRESHOLD] : FPS_THRESHOLDS,
    ...(args.dutyColumns.length > 0 ? { secondaryAxisColumns: args.dutyColumns, secondaryAxisTitle: 'LLM duty cycle', dashedColumns: args.dutyColumns, secondaryAxisMax: DUTY_AXIS_MAX } : {}),
  };
}

/** A stacked timing breakdown (one bar per category, one segment per stage column). */
export function timingBreakdownChart(args: { readonly title: string; readonly categoryColumn: string; readonly stageColumns: readonly string[]; readonly axisTitle: string; readonly horizontal?: boolean }): ChartSpec {
  const colors = [PALETTE.reference, PALETTE.indigo, PALETTE.green, PALETTE.amber, PALETTE.red];
  return {
    kind: args.horizontal ? 'bar' : 'column',
    stacked: true,
    title: args.title,
    categoryColumn: args.categoryColumn,
    seriesColumns: args.stageColumns,
    xAxisTitle: '',
    yAxisTitle: args.axisTitle,
    colors: Object.fromEntries(args.stageColumns.map((c, i) => [c, colors[i % colors.length]!])),
  };
}

/**
 * The reference's workload-mix view (FEATURES.md §2.6.4): horizontal bars of decode tok/s per workload
 * category, the selected workload in the reference's green. For the `workload-mix` sheet: pass its
 * column keys and the selected workload's label as written in the category column.
 */
export function workloadMixChart(args: { readonly categoryColumn: string; readonly valueColumn: string; readonly selectedWorkload: string | null; readonly hwName: string; readonly quant: string }): ChartSpec {
  return {
    kind: 'bar',
    title: 'LLM performance across real-workload mixes',
    categoryColumn: args.categoryColumn,
    seriesColumns: [args.valueColumn],
    xAxisTitle: 'Workload',
    yAxisTitle: `Decode tok/s on ${args.hwName} @ ${args.quant}`,
    colors: { [args.valueColumn]: PALETTE.neutral },
    ...(args.selectedWorkload !== null ? { highlightCategory: args.selectedWorkload, highlightColor: PALETTE.selectedWorkload } : {}),
  };
}

/**
 * The reference's DRAM bandwidth view (FEATURES.md §2.5.4): the saturation model (red) against the
 * ncu-measured use (green) per row, with the tier's effective-bandwidth ceiling as a line. For the
 * `dram` sheet: one row per pipeline or component, its saturation and measured GB/s columns.
 */
export function dramSaturationChart(args: { readonly categoryColumn: string; readonly saturationColumn: string; readonly measuredColumn: string; readonly hwName: string; readonly ceilingGbs: number }): ChartSpec {
  return {
    kind: 'column',
    title: 'DRAM bandwidth: saturation model vs ncu measurement',
    categoryColumn: args.categoryColumn,
    seriesColumns: [args.saturationColumn, args.measuredColumn],
    xAxisTitle: '',
    yAxisTitle: 'DRAM GB/s consumed by vision pipeline',
    colors: { [args.saturationColumn]: PALETTE.red, [args.measuredColumn]: PALETTE.green },
    thresholds: [{ value: args.ceilingGbs, label: `${args.hwName} ceiling (${args.ceilingGbs.toFixed(1)} GB/s)`, color: PALETTE.reference }],
  };
}
