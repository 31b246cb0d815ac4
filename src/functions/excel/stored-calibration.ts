/**
 * The workbook's named calibration, kept with the workbook in the document's add-in settings
 * (Office.context.document.settings): one setting holding the calibration's name (the calibration
 * sheet it was fitted from) and the cells of its SIZER.CALIBRATE result, which the one parser of that
 * result (src/report/calibration-table.ts) reads back. The task pane's "Use this calibration" is the
 * only writer; the functions runtime reads it when it starts (no worksheet function answers before
 * that read is done, see runtime.ts), and the pane tells the runtime when it changes.
 *
 * Why the document and not per-user storage, as the private anchors: a calibration belongs to the
 * workbook whose rows it was fitted from, and whoever opens the workbook must get the same numbers.
 * What Microsoft documents (https://learn.microsoft.com/javascript/api/office/office.settings):
 * settings are "stored in the host document as name/value pairs", "saved per add-in and per
 * document", "automatically loaded as part of the Document object" when the add-in is activated, a
 * value can be an object or array, and "The developer is responsible for calling the saveAsync
 * method after adding or deleting settings to save the settings in the document".
 * The lab rows themselves are not stored here (they are in the sheet the user typed them in), and
 * nothing here is ever logged. See docs/decisions/0031-calibration-from-lab-rows-in-excel.md.
 */
import type { CalibrationFile } from '../../engine';
import { calibrationFromResult, type CalibrationCell } from '../../report/calibration-table';
import type { NamedCalibration } from '../registry/types';

/** The part of Office.Settings SIZER uses. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { readonly status: unknown; readonly error?: { readonly message?: string } }) => void): void;
}

/** A named calibration as kept in the document: its name and its SIZER.CALIBRATE result cells. */
export interface StoredCalibration {
  readonly name: string;
  readonly result: readonly (readonly (string | number)[])[];
}

export const CALIBRATION_SETTING = 'sizer.calibration.v1';

/** A calibration's name: a sheet name, at most 31 characters in Excel; a longer text is not one SIZER wrote. */
const MAX_NAME_LENGTH = 100;
/** The result is a dozen rows; anything much larger is not a SIZER.CALIBRATE result. */
const MAX_RESULT_ROWS = 100;

/** The stored setting, or null when there is none or it is not one SIZER wrote (then the workbook has no named calibration). */
export function parseStoredCalibration(raw: unknown): StoredCalibration | null {
  if (raw === null || typeof raw !== 'object') return null;
  const { name, result } = raw as { name?: unknown; result?: unknown };
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) return null;
  if (!Array.isArray(result) || result.length > MAX_RESULT_ROWS) return null;
  const rows: (string | number)[][] = [];
  for (const row of result) {
    if (!Array.isArray(row) || row.length > 2 || !row.every((c) => typeof c === 'string' || typeof c === 'number')) return null;
    rows.push([...(row as (string | number)[])]);
  }
  return { name: name.trim(), result: rows };
}

/** The named calibration of a stored setting; throws (the parser's message, naming the row) when its cells are not a SIZER.CALIBRATE result. */
export function namedCalibrationOf(stored: StoredCalibration, base: CalibrationFile): NamedCalibration {
  const cells: readonly (readonly CalibrationCell[])[] = stored.result;
  return { name: stored.name, calibration: calibrationFromResult(base, cells, `the workbook's calibration "${stored.name}"`, `workbook calibration "${stored.name}"`) };
}

/** Office.context.document.settings on this page, or null (a plain browser, Office.js not ready or unreachable, tests). */
export function documentSettings(): DocumentSettings | null {
  const office = (globalThis as { Office?: { context?: { document?: { settings?: DocumentSettings } } } }).Office;
  return office?.context?.document?.settings ?? null;
}

/** Office.AsyncResultStatus.Succeeded's value ("succeeded"). */
const SUCCEEDED = 'succeeded';

/** settings.saveAsync as a promise: rejects with Office's message when the save failed. */
export function saveSettings(settings: DocumentSettings): Promise<void> {
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => {
      if (String(result.status).toLowerCase() === SUCCEEDED) resolve();
      else reject(new Error(result.error?.message ?? 'the workbook did not save the setting'));
    }),
  );
}

/** Settings that live only in memory, for a page opened outside Office (nothing persists). */
export function memorySettings(): DocumentSettings {
  const values = new Map<string, unknown>();
  return {
    get: (name) => values.get(name) ?? null,
    set: (name, value) => {
      values.set(name, value);
    },
    remove: (name) => {
      values.delete(name);
    },
    saveAsync: (callback) => callback?.({ status: SUCCEEDED }),
  };
}
