/*
 * Mounts the page's React root: the "open SIZER from Excel" state until Office.js says the page runs in
 * Excel, then the task pane. index.tsx calls it with the real Office global; tests call it with fakes.
 *
 * The Office boundary is here and in src/taskpane/excel/: components get a WorkbookPort.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { type Catalog, loadBundledCatalog } from '../engine';
import { App } from './app/App';
import { OutsideExcel } from './app/OutsideExcel';
import type { KeyValueStorage } from '../functions/excel/stored-anchors';
import type { DocumentSettings } from '../functions/excel/stored-calibration';
import { createWorkbookPort, memoryStorage, noExcel } from './excel/office-port';
import type { ExcelRun } from './excel/writer';
import { OFFICE_READY_TIMEOUT_MS, type PaneHost, whenHostKnown } from './office-host';
import type { FunctionsRuntimePort } from './ports';

/** What the page needs from its surroundings: the globals Office.js defines, read once at start. */
export interface PageHost {
  /** The Office global, or undefined when Office.js did not load. */
  readonly office: unknown;
  /** Excel.run when the Excel API is present. */
  readonly excelRun: ExcelRun | null;
  /** OfficeRuntime.storage when present. */
  readonly storage: KeyValueStorage | null;
  /** Office.context.document.settings once Office is ready (read when the pane mounts), or null. */
  readonly settings?: () => DocumentSettings | null;
  readonly runtime: FunctionsRuntimePort;
  readonly readyTimeoutMs?: number;
}

/** Marks the pane as rendered once React has committed it (the bench times first render by it). */
function ReadyMarker({ target, host }: { target: HTMLElement; host: PaneHost }): null {
  useEffect(() => {
    target.setAttribute('data-sizer-ready', 'true');
    target.setAttribute('data-sizer-host', host);
  }, [target, host]);
  return null;
}

function loadCatalog(status: HTMLElement | null): Catalog | null {
  try {
    return loadBundledCatalog();
  } catch (error) {
    if (status) status.textContent = `SIZER could not load its catalog: ${error instanceof Error ? error.message : String(error)}`;
    return null;
  }
}

export function mountPane(document: Document, page: PageHost): void {
  const container = document.getElementById('root');
  if (!container) return;
  let root: ReturnType<typeof createRoot> | null = null;
  const render = (content: React.ReactElement, host: PaneHost): void => {
    document.getElementById('sizer-status')?.remove();
    root ??= createRoot(container);
    root.render(
      <FluentProvider theme={webLightTheme}>
        {content}
        <ReadyMarker target={container} host={host} />
      </FluentProvider>,
    );
  };
  whenHostKnown(
    page.office,
    (host) => {
      if (host === 'outside') {
        render(<OutsideExcel />, host);
        return;
      }
      const catalog = loadCatalog(document.getElementById('sizer-status'));
      if (!catalog) return;
      const port = createWorkbookPort(page.excelRun ?? noExcel, page.storage ?? memoryStorage(), page.settings?.() ?? null);
      render(<App catalog={catalog} port={port} runtime={page.runtime} />, host);
    },
    page.readyTimeoutMs ?? OFFICE_READY_TIMEOUT_MS,
  );
}
