/**
 * Renders the pane for component tests: the real App over the bundled catalog, with a WorkbookPort
 * made of the real writer on the recording Office.js fake and an in-memory per-user storage.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import { createElement } from 'react';
import { type Catalog, loadBundledCatalog } from '../../../src/engine';
import { App } from '../../../src/taskpane/app/App';
import { createWorkbookPort } from '../../../src/taskpane/excel/office-port';
import type { ExcelRun } from '../../../src/taskpane/excel/writer';
import type { FunctionsRuntimePort, WorkbookPort } from '../../../src/taskpane/ports';
import { fakeExcelRun, FakeStorage, FakeWorkbookState } from '../excel/fake-office';

let catalog: Catalog | undefined;

export function bundledCatalog(): Catalog {
  catalog ??= loadBundledCatalog();
  return catalog;
}

export interface RenderedPane extends RenderResult {
  readonly workbook: FakeWorkbookState;
  readonly storage: FakeStorage;
  readonly port: WorkbookPort;
  readonly runtime: FunctionsRuntimePort & { setAnchors: jest.Mock };
}

export function renderPane(options: { storage?: FakeStorage; port?: WorkbookPort } = {}): RenderedPane {
  const workbook = new FakeWorkbookState();
  const storage = options.storage ?? new FakeStorage();
  const port = options.port ?? createWorkbookPort(fakeExcelRun(workbook) as unknown as ExcelRun, storage);
  const runtime = { setAnchors: jest.fn() };
  const result = render(createElement(FluentProvider, { theme: webLightTheme }, createElement(App, { catalog: bundledCatalog(), port, runtime })));
  return { ...result, workbook, storage, port, runtime };
}
