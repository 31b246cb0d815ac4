/*
 * Task pane entry. It runs on the shared-runtime page after functions.js (webpack's `dependOn`), so
 * `sizerRuntime` here is the very instance the custom functions call: loading or clearing anchors in
 * the pane re-anchors the worksheet functions too.
 *
 * Office.js comes from the CDN in a classic script before this one; where it was blocked or unreachable
 * the globals are missing, and mountPane shows the "open SIZER from Excel" state instead of the pane.
 */
import { sizerRuntime } from '../functions/excel/runtime';
import type { KeyValueStorage } from './excel/office-port';
import type { ExcelRun } from './excel/writer';
import { mountPane } from './mount';

/** OfficeRuntime has no types in @types/office-js; the pane needs only its storage. */
function officeStorage(): KeyValueStorage | null {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValueStorage } }).OfficeRuntime;
  return runtime?.storage ?? null;
}

function excelRun(): ExcelRun | null {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') return null;
  return (batch) => Excel.run(batch);
}

mountPane(document, {
  office: typeof Office === 'undefined' ? undefined : Office,
  excelRun: excelRun(),
  storage: officeStorage(),
  runtime: sizerRuntime,
});
