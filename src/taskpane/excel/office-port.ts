/**
 * The WorkbookPort in Excel: sheets through Excel.run (writer.ts, procurement.ts), the anchors file
 * text in OfficeRuntime.storage (per user and per add-in; never the workbook). Nothing here logs what
 * it stores.
 */
import type { Catalog } from '../../engine';
import type { SheetModel } from '../../report';
import type { StoredAnchors, WorkbookPort, WriteOptions, WrittenSheet } from '../ports';
import { type ProcurementInputs, writeProcurementModel } from './procurement';
import { type ExcelRun, writeSheetModels } from './writer';

/** The part of OfficeRuntime.storage the port uses. */
export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export const ANCHORS_STORAGE_KEY = 'sizer.anchors.v1';

function parseStored(raw: string | null): StoredAnchors | null {
  if (raw === null || raw === '') return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredAnchors>;
    if (typeof value.fileName === 'string' && typeof value.text === 'string') return { fileName: value.fileName, text: value.text };
  } catch {
    // An unreadable entry is treated as none; the user loads the file again.
  }
  return null;
}

export function createWorkbookPort(run: ExcelRun, storage: KeyValueStorage): WorkbookPort {
  return {
    writeSheets: (models: readonly SheetModel[], options?: WriteOptions): Promise<WrittenSheet[]> => writeSheetModels(run, models, options),
    insertProcurementModel: (inputs: ProcurementInputs, catalog: Catalog): Promise<WrittenSheet> => writeProcurementModel(run, inputs, catalog),
    loadAnchorsText: async () => parseStored(await storage.getItem(ANCHORS_STORAGE_KEY)),
    storeAnchorsText: (stored: StoredAnchors) => storage.setItem(ANCHORS_STORAGE_KEY, JSON.stringify({ fileName: stored.fileName, text: stored.text })),
    clearAnchorsText: () => storage.removeItem(ANCHORS_STORAGE_KEY),
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
