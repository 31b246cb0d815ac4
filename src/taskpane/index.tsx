/*
 * Task pane entry. It runs on the shared-runtime page after functions.js (webpack's `dependOn`), so
 * `sizerRuntime` here is the very instance the custom functions call: loading or clearing anchors in
 * the pane re-anchors the worksheet functions too.
 *
 * Office.js comes from the CDN in a classic script before this one; where it was blocked or unreachable
 * the globals are missing, and mountPane shows the "open SIZER from Excel" state instead of the pane.
 */
import { sizerRuntime } from '../functions/excel/runtime';
import { officeRuntimeStorage } from '../functions/excel/stored-anchors';
import { documentSettings } from '../functions/excel/stored-calibration';
import type { ExcelRun } from './excel/writer';
import { mountPane } from './mount';

function excelRun(): ExcelRun | null {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') return null;
  return (options, batch) => Excel.run(options, batch);
}

mountPane(document, {
  office: typeof Office === 'undefined' ? undefined : Office,
  excelRun: excelRun(),
  storage: officeRuntimeStorage(),
  settings: documentSettings,
  runtime: sizerRuntime,
});
