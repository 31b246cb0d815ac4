/**
 * What the task pane's components may ask of their host. Components never call Office.js: they are
 * handed a WorkbookPort (src/taskpane/excel/office-port.ts is the Excel one; tests pass a recording
 * fake), so they render and test without Excel.
 */
import type { AnchorSet, Catalog } from '../engine';
import type { StoredAnchors } from '../functions/excel/stored-anchors';
import type { StoredCalibration } from '../functions/excel/stored-calibration';
import type { NamedCalibration } from '../functions/registry/types';
import type { ActiveLabTable } from './excel/calibration-sheet';
import type { SheetModel } from '../report';
import type { ComparisonInputs } from './excel/comparison';
import type { ProcurementInputs } from './excel/procurement';

/** Progress of a write, in cells: done of total, and the sheet being written. */
export interface WriteProgress {
  readonly done: number;
  readonly total: number;
  readonly sheet: string;
}

export interface WriteOptions {
  readonly onProgress?: (progress: WriteProgress) => void;
}

/** One sheet as written: the name the model asked for and the name it got (differs when that name was taken). */
export interface WrittenSheet {
  readonly requested: string;
  readonly written: string;
  /** True when an existing SIZER-made sheet of that name was rewritten in place. */
  readonly replaced: boolean;
}

export type { ActiveLabTable, StoredAnchors, StoredCalibration };

export interface WorkbookPort {
  /** Writes sheet models into the workbook, never over a sheet SIZER did not create. */
  writeSheets(models: readonly SheetModel[], options?: WriteOptions): Promise<WrittenSheet[]>;
  /** Adds the procurement model: an Inputs sheet with named input cells and live SIZER.* formulas. */
  insertProcurementModel(inputs: ProcurementInputs, catalog: Catalog): Promise<WrittenSheet>;
  /** Adds the procurement comparison: named requirements, a live SIZER.PLAN spill, a capex/TCO chart and a sensitivity block. */
  insertProcurementComparison(inputs: ComparisonInputs, catalog: Catalog): Promise<WrittenSheet>;
  /** Per-user storage of the anchors file text (never the workbook, never logged). */
  loadAnchorsText(): Promise<StoredAnchors | null>;
  storeAnchorsText(stored: StoredAnchors): Promise<void>;
  clearAnchorsText(): Promise<void>;
  /** Asks Excel for a full recalculation, so every SIZER cell recomputes under the anchors now in use. */
  recalculateWorkbook(): Promise<void>;
  /** Adds the calibration sheet: a lab table with example rows and a live SIZER.CALIBRATE (never over an existing sheet). */
  insertCalibrationSheet(): Promise<WrittenSheet>;
  /** The lab table of the active sheet, header row included, or null when it has no table. */
  readActiveLabTable(): Promise<ActiveLabTable | null>;
  /** The workbook's named calibration, kept in the document's settings (with the workbook). */
  loadCalibration(): Promise<StoredCalibration | null>;
  /** Keeps a named calibration with the workbook (saved into the document); rejects when the document refused it. */
  storeCalibration(stored: StoredCalibration): Promise<void>;
  clearCalibration(): Promise<void>;
}

/** The custom functions' runtime, told when the pane loads or clears anchors (sizerRuntime in Excel). */
export interface FunctionsRuntimePort {
  /** Returns false when these anchors were already in use (no cell can change). */
  setAnchors(anchors: AnchorSet): boolean;
  /** Returns false when this named calibration (null: none) was already in use. */
  setCalibration(named: NamedCalibration | null): boolean;
  /** Resolves once the runtime has read the stored anchors and calibration at start. */
  whenReady(): Promise<void>;
}
