/**
 * Host-neutral sheet models: every sheet a user can put in a workbook is built once here and
 * written by two hosts, the task pane (Office.js) and the CLI (exceljs / CSV). A host only lays the
 * model out (see layout.ts) and translates formats; it never computes a number.
 */

import type { ProjectionBasis } from '../engine';

/** A plain cell value. Null is an empty cell. */
export type CellValue = string | number | boolean | null;

export type ColumnKind = 'text' | 'number' | 'integer' | 'boolean';

export interface ColumnSpec {
  /** Stable key (snake_case), also the CSV header. */
  readonly key: string;
  /** Header shown in the sheet. */
  readonly header: string;
  readonly kind: ColumnKind;
  readonly unit?: string;
  /** Excel number format ("0.00", "#,##0", "0.0%", "@" for text, "General"). */
  readonly numberFormat: string;
  /** Column width in Excel character units. */
  readonly width: number;
  /** What the column means, for the Reference sheet. */
  readonly description?: string;
  /** True when the column may be summed across rows (platform-budget ss_* columns). */
  readonly additive?: boolean;
}

/** Provenance badge colours: measured green, same-class yellow, cross-class orange. */
export interface BadgeRule {
  readonly column: string;
  readonly equals: string;
  /** Fill colour as #RRGGBB. */
  readonly fill: string;
  readonly fontColor: string;
}

export type ChartKind = 'line' | 'column' | 'bar' | 'scatter';

/**
 * A horizontal reference line across the plot (the reference's 30 FPS "real-time" and 15 FPS
 * "surveillance" lines, the amber 80% duty line, a bandwidth ceiling). Both hosts draw it as one more
 * dashed line series whose cells hold the constant value, in a helper column beside the table (see
 * chartHelperColumns in charts.ts), because Office.js series take their values from a range only
 * (ChartSeries.setValues(sourceData: Range), ExcelApi 1.7).
 */
export interface ChartThreshold {
  readonly value: number;
  /** Series name shown in the legend, e.g. "30 FPS real-time". */
  readonly label: string;
  /** Line colour as #RRGGBB. */
  readonly color: string;
  /** The value axis it is measured on (default primary). */
  readonly axis?: 'primary' | 'secondary';
}

/**
 * What a host draws for one sheet. EXTENSION CONTRACT (issue 12, decision 0025): the first six fields
 * are the original shape and every field after them is optional, so a spec written before the
 * extension still means the same chart. Use the builders in src/report/charts.ts (tierLadderChart,
 * PALETTE, FPS_THRESHOLDS, DUTY_AMBER_THRESHOLD) rather than spelling colours out.
 *   - stacked: column/bar series stacked (timing breakdowns);
 *   - secondaryAxisColumns: series columns (also listed in seriesColumns) plotted on a secondary value
 *     axis on the right, titled secondaryAxisTitle (Office.js ChartSeries.axisGroup, ExcelApi 1.8);
 *   - highlightCategory: the category (text of categoryColumn) whose points are drawn in
 *     highlightColor (default PALETTE.accent) while the others keep their series colour (the
 *     reference's selected tier in #E1483A on #9AA7BD bars);
 *   - thresholds: horizontal reference lines (ChartThreshold);
 *   - colors: series colour by column key;
 *   - dashedColumns: series columns drawn with a dashed line (line and scatter charts);
 *   - xAxisLogBase: logarithmic x axis for scatter charts (the context curve);
 *   - secondaryAxisMax: upper bound of the secondary axis (the duty cycle is shown up to 1.2, where
 *     the LLM alone already fills the NPU, so the 80% line stays readable).
 */
export interface ChartSpec {
  readonly kind: ChartKind;
  readonly title: string;
  /** Column whose values label the x axis (categories; the x values of a scatter chart). */
  readonly categoryColumn: string;
  /** Columns plotted as series. */
  readonly seriesColumns: readonly string[];
  readonly xAxisTitle: string;
  readonly yAxisTitle: string;
  readonly stacked?: boolean;
  readonly secondaryAxisColumns?: readonly string[];
  readonly secondaryAxisTitle?: string;
  readonly highlightCategory?: string;
  readonly highlightColor?: string;
  readonly thresholds?: readonly ChartThreshold[];
  readonly colors?: Readonly<Record<string, string>>;
  readonly dashedColumns?: readonly string[];
  readonly xAxisLogBase?: number;
  readonly secondaryAxisMax?: number;
}

export interface TotalsRow {
  readonly label: string;
  /** Keys of the columns summed in the totals row (the additive ss_* columns). */
  readonly sumColumns: readonly string[];
}

export interface SheetModel {
  /** Worksheet name (at most 31 characters, no []:*?/\). */
  readonly name: string;
  readonly title: string;
  /** Caveat and provenance lines shown above the table (CSV: '#' comment lines). */
  readonly notes: readonly string[];
  /** Excel table name (letters, digits, underscores). */
  readonly tableName: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly badges: readonly BadgeRule[];
  readonly charts: readonly ChartSpec[];
  /** How the sheet prints (buildSheet attaches pageSetupOf(model); hosts fall back to it). */
  readonly pageSetup?: PageSetup;
  readonly totals?: TotalsRow;
  /**
   * The basis the sheet's LLM decode numbers are on, set by builders whose numbers follow the
   * configuration's basis (absent: reference). buildSheet states it in the notes (report/basis.ts).
   */
  readonly basis?: ProjectionBasis;
}

/** How a sheet prints; see page-setup.ts. */
export interface PageSetup {
  readonly orientation: 'landscape';
  /** Pages wide the table is fitted to (page-setup.ts: more than one for a wide table, so it stays readable). */
  readonly fitToPagesWide: number;
  /** 0: as many pages tall as the rows need. */
  readonly fitToPagesTall: 0;
  /** 1-based sheet rows repeated at the top of every printed page ("1:1": the table's header row). */
  readonly printTitleRows: string;
  /** Columns repeated at the left of every printed page ("A:A", the row labels) when the table is more than a page wide; else null. */
  readonly printTitleColumns: string | null;
  /** Page header: the sheet title. */
  readonly centerHeader: string;
  /** Page footer, left: SIZER and its version. */
  readonly leftFooter: string;
  /** Page footer, centre: the print date (Excel's &D field). */
  readonly centerFooter: string;
  /** Page footer, right: page x of y. */
  readonly rightFooter: string;
}
