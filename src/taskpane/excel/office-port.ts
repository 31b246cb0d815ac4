/**
 * The WorkbookPort in Excel: sheets through Excel.run (writer.ts, procurement.ts), the anchors file
 * text in OfficeRuntime.storage (per user and per add-in; never the workbook; its entry format is
 * src/functions/excel/stored-anchors.ts, shared with the functions runtime that reads it at start),
 * and the workbook's named calibration in the document's settings (with the workbook;
 * src/functions/excel/stored-calibration.ts). Nothing here logs what it stores.
 */
import type { Catalog } from '../../engine';
import { ANCHORS_STORAGE_KEY, type KeyValueStorage, parseStoredEntry, serializeStoredEntry } from '../../functions/excel/stored-anchors';
import type { SheetModel } from '../../report';
import type { StoredAnchors, StoredCalibration, WorkbookPort, WriteOptions, WrittenSheet } from '../ports';
import { type ComparisonInputs, writeProcurementComparison } from './comparison';
import { type ProcurementInputs, writeProcurementModel } from './procurement';
import { type ExcelRun, RUN_OPTIONS, writeSheetModels } from './writer';
import { CALIBRATION_SETTING, type DocumentSettings, memorySettings, parseStoredCalibration, saveSettings } from '../../functions/excel/stored-calibration';
import { readActiveLabTable, writeCalibrationSheet } from './calibration-sheet';

/**
 * Asks Excel to recalculate every formula of the open workbooks. "Full" and not "Recalculate":
 * Recalculate only recomputes cells Excel has marked dirty ("dependents of volatile or changed data"),
 * and a change of anchors changes no cell, so SIZER cells would keep numbers computed under the old
 * anchors; Full "will mark all cells as dirty and then recalculate them"
 * (https://learn.microsoft.com/javascript/api/excel/excel.calculationtype, ExcelApi 1.1).
 */
export async function recalculateWorkbook(run: ExcelRun): Promise<void> {
  await run(RUN_OPTIONS, async (context) => {
    context.workbook.application.calculate('Full' as Excel.CalculationType); // Excel.CalculationType.full
    await context.sync();
  });
}

/** The document's settings: null (outside Office) keeps them in memory for the session. */
export function createWorkbookPort(run: ExcelRun, storage: KeyValueStorage, settings: DocumentSettings | null = null): WorkbookPort {
  const documentSettings = settings ?? memorySettings();
  return {
    writeSheets: (models: readonly SheetModel[], options?: WriteOptions): Promise<WrittenSheet[]> => writeSheetModels(run, models, options),
    insertProcurementModel: (inputs: ProcurementInputs, catalog: Catalog): Promise<WrittenSheet> => writeProcurementModel(run, inputs, catalog),
    insertProcurementComparison: (inputs: ComparisonInputs, catalog: Catalog): Promise<WrittenSheet> => writeProcurementComparison(run, inputs, catalog),
    loadAnchorsText: async () => parseStoredEntry(await storage.getItem(ANCHORS_STORAGE_KEY)),
    storeAnchorsText: (stored: StoredAnchors) => storage.setItem(ANCHORS_STORAGE_KEY, serializeStoredEntry(stored)),
    clearAnchorsText: () => storage.removeItem(ANCHORS_STORAGE_KEY),
    recalculateWorkbook: () => recalculateWorkbook(run),
    insertCalibrationSheet: () => writeCalibrationSheet(run),
    readActiveLabTable: () => readActiveLabTable(run),
    loadCalibration: async () => parseStoredCalibration(documentSettings.get(CALIBRATION_SETTING)),
    // Async, so a settings call that throws arrives as a rejection the panel shows, not as an uncaught error.
    storeCalibration: async (stored: StoredCalibration) => {
      documentSettings.set(CALIBRATION_SETTING, { name: stored.name, result: stored.result });
      await saveSettings(documentSettings);
    },
    clearCalibration: async () => {
      documentSettings.remove(CALIBRATION_SETTING);
      await saveSettings(documentSettings);
    },
  };
}

/** In-memory storage for a page opened outside Office (nothing persists). */
export function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: async (key) => items.get(key) ?? null,
    setItem: async (key, value) => {
      items.set(key, value);
    },
    removeItem: async (key) => {
      items.delete(key);
    },
  };
}

/** An Excel.run stand-in for a page opened outside Excel: every write says where to open the pane. */
export const noExcel: ExcelRun = () => Promise.reject(new Error('Excel is not available: open SIZER from Excel (Home > Open SIZER) to write sheets.'));
