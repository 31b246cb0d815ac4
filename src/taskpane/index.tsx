/*
 * Task pane entry. It runs on the shared-runtime page after functions.js (webpack's `dependOn`), so
 * `sizerRuntime` here is the very instance the custom functions call: loading or clearing anchors in
 * the pane re-anchors the worksheet functions too.
 *
 * The Office boundary is here and in src/taskpane/excel/: components get a WorkbookPort.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { loadBundledCatalog } from '../engine';
import { sizerRuntime } from '../functions/excel/runtime';
import { officeRuntimeStorage } from '../functions/excel/stored-anchors';
import { App } from './app/App';
import { createWorkbookPort, memoryStorage, noExcel } from './excel/office-port';
import type { ExcelRun } from './excel/writer';

function excelRun(): ExcelRun | null {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') return null;
  return (options, batch) => Excel.run(options, batch);
}

/** Marks the pane as rendered once React has committed it (the bench times first render by it). */
function ReadyMarker({ target }: { target: HTMLElement }): null {
  useEffect(() => target.setAttribute('data-sizer-ready', 'true'), [target]);
  return null;
}

function start(inExcel: boolean): void {
  const container = document.getElementById('root');
  if (!container) return;
  const status = document.getElementById('sizer-status');
  let catalog;
  try {
    catalog = loadBundledCatalog();
  } catch (error) {
    if (status) status.textContent = `SIZER could not load its catalog: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  status?.remove();
  const run = inExcel ? excelRun() : null;
  const port = createWorkbookPort(run ?? noExcel, officeRuntimeStorage() ?? memoryStorage());
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App catalog={catalog} port={port} runtime={sizerRuntime} />
      <ReadyMarker target={container} />
    </FluentProvider>,
  );
}

// Office.js comes from the CDN; if it was blocked or unreachable the global is missing, and the pane
// still opens (it can size, but not write).
if (typeof Office === 'undefined') {
  start(false);
} else {
  void Office.onReady((info) => start(String(info.host) === 'Excel'));
}
