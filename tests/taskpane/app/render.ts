/**
 * Renders the pane for component tests: the real App over the bundled catalog, with a WorkbookPort
 * made of the real writer on the recording Office.js fake, an in-memory per-user storage and the
 * fake's document settings.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import { createElement } from 'react';
import { type AnchorSet, type Catalog, type Engine, loadBundledCatalog } from '../../../src/engine';
import { initialState, type PaneState } from '../../../src/taskpane/app/state';
import { App } from '../../../src/taskpane/app/App';
import { createWorkbookPort } from '../../../src/taskpane/excel/office-port';
import type { ExcelRun } from '../../../src/taskpane/excel/writer';
import type { FunctionsRuntimePort, WorkbookPort } from '../../../src/taskpane/ports';
import type { NamedCalibration } from '../../../src/functions/registry/types';
import { fakeExcelRun, FakeSettings, FakeStorage, FakeWorkbookState } from '../excel/fake-office';

let catalog: Catalog | undefined;

export function bundledCatalog(): Catalog {
  catalog ??= loadBundledCatalog();
  return catalog;
}

export interface RenderedPane extends RenderResult {
  readonly workbook: FakeWorkbookState;
  readonly storage: FakeStorage;
  readonly port: WorkbookPort;
  readonly settings: FakeSettings;
  readonly runtime: FunctionsRuntimePort & { setAnchors: jest.Mock; setCalibration: jest.Mock };
  /** For each setAnchors or setCalibration call, how many recalculations the workbook had seen before it. */
  readonly recalculationsBeforeSet: number[];
}

/**
 * The pane opens with Vision and VLA, as the reference's live layout (data/catalog.json
 * paneDefaultWorkloads); most tests drive the vision and LLM tiles, so they start from Vision + LLM
 * unless they ask for the real opening state (`initial: initialState`).
 */
export function visionAndLlm(engine: Engine): PaneState {
  const state = initialState(engine);
  return { ...state, vision: { ...state.vision, enabled: true }, llm: { ...state.llm, enabled: true }, vla: { ...state.vla, enabled: false } };
}

export function renderPane(
  options: { storage?: FakeStorage; settings?: FakeSettings; port?: WorkbookPort; workbook?: FakeWorkbookState; runtime?: FunctionsRuntimePort; initial?: (engine: Engine) => PaneState } = {},
): RenderedPane {
  const workbook = options.workbook ?? new FakeWorkbookState();
  const storage = options.storage ?? new FakeStorage();
  const settings = options.settings ?? new FakeSettings();
  const port = options.port ?? createWorkbookPort(fakeExcelRun(workbook) as unknown as ExcelRun, storage, settings);
  // Records every set and hands it to the real runtime when one is given; else reports a change, as
  // the real runtime does for anchors it does not have yet.
  const real = options.runtime;
  const recalculationsBeforeSet: number[] = [];
  const runtime = {
    setAnchors: jest.fn((anchors: AnchorSet) => {
      recalculationsBeforeSet.push(workbook.calculations.length);
      return real ? real.setAnchors(anchors) : true;
    }),
    setCalibration: jest.fn((named: NamedCalibration | null) => {
      recalculationsBeforeSet.push(workbook.calculations.length);
      return real ? real.setCalibration(named) : true;
    }),
    whenReady: () => real?.whenReady() ?? Promise.resolve(),
  };
  const result = render(createElement(FluentProvider, { theme: webLightTheme }, createElement(App, { catalog: bundledCatalog(), port, runtime, initial: options.initial ?? visionAndLlm })));
  return { ...result, workbook, storage, settings, port, runtime, recalculationsBeforeSet };
}
