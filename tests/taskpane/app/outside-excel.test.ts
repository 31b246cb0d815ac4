/**
 * @jest-environment jsdom
 *
 * The pane page outside Excel. Microsoft documents that Office.onReady resolves with host null outside an
 * Office application, and never resolves when the Office.js files are blocked
 * (https://learn.microsoft.com/javascript/api/office, Office.onReady;
 * https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in, "Initialize with Office.onReady()").
 * https://github.com/OfficeDev/office-js/issues/306 reported host "Excel" in a plain browser with Office.context
 * missing. In each case the page must show the "open SIZER from Excel" state, not a blank page or a crash;
 * with Office.js missing altogether (script failed to load) too.
 */
import '@testing-library/jest-dom';
import { act, screen, waitFor } from '@testing-library/react';
import about from '../../../src/support/about.json';
import { mountPane } from '../../../src/taskpane/mount';
import { type PaneHost, whenHostKnown } from '../../../src/taskpane/office-host';
import { fakeExcelRun, FakeStorage, FakeWorkbookState } from '../excel/fake-office';
import type { ExcelRun } from '../../../src/taskpane/excel/writer';

type ReadyInfo = { host: string | null; platform: string | null };

/** An Office global whose onReady answers when the test says so (or never). */
function fakeOffice(options: { context?: boolean } = {}): { office: object; answer(info: ReadyInfo): void } {
  let answer: (info: ReadyInfo) => void = () => undefined;
  const ready = new Promise<ReadyInfo>((resolve) => (answer = resolve));
  const office = {
    HostType: { Excel: 'Excel' },
    ...(options.context === false ? {} : { context: {} }),
    onReady: () => ready,
  };
  return { office, answer: (info) => answer(info) };
}

const flush = (): Promise<void> => new Promise((resolve) => jest.requireActual<typeof import('timers')>('timers').setImmediate(resolve));

describe('whenHostKnown', () => {
  afterEach(() => jest.useRealTimers());

  it('says "outside" at once when Office.js did not load (no Office global) or has no onReady', () => {
    for (const office of [undefined, null, {}, { onReady: 'no' }]) {
      const shown: PaneHost[] = [];
      whenHostKnown(office, (host) => shown.push(host), 10_000);
      expect(shown).toEqual(['outside']);
    }
  });

  it('says "outside" when onReady resolves with host null (a plain browser tab)', async () => {
    const { office, answer } = fakeOffice();
    const shown: PaneHost[] = [];
    whenHostKnown(office, (host) => shown.push(host), 10_000);
    expect(shown).toEqual([]);
    answer({ host: null, platform: null });
    await flush();
    expect(shown).toEqual(['outside']);
  });

  it('says "excel" only for host Excel with an Office.context (office-js#306: host "Excel" without context is a browser)', async () => {
    const inExcel = fakeOffice();
    const claimsExcel = fakeOffice({ context: false });
    const inWord = fakeOffice();
    const shown: Record<string, PaneHost[]> = { inExcel: [], claimsExcel: [], inWord: [] };
    whenHostKnown(inExcel.office, (host) => shown.inExcel!.push(host), 10_000);
    whenHostKnown(claimsExcel.office, (host) => shown.claimsExcel!.push(host), 10_000);
    whenHostKnown(inWord.office, (host) => shown.inWord!.push(host), 10_000);
    inExcel.answer({ host: 'Excel', platform: 'OfficeOnline' });
    claimsExcel.answer({ host: 'Excel', platform: 'PC' });
    inWord.answer({ host: 'Word', platform: 'PC' });
    await flush();
    expect(shown).toEqual({ inExcel: ['excel'], claimsExcel: ['outside'], inWord: ['outside'] });
  });

  it('says "outside" after the timeout when onReady never answers, and "excel" if Excel answers later', async () => {
    jest.useFakeTimers();
    const { office, answer } = fakeOffice();
    const shown: PaneHost[] = [];
    whenHostKnown(office, (host) => shown.push(host), 5000);
    jest.advanceTimersByTime(4999);
    expect(shown).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(shown).toEqual(['outside']);
    answer({ host: 'Excel', platform: 'PC' });
    await flush();
    expect(shown).toEqual(['outside', 'excel']);
    jest.advanceTimersByTime(60_000);
    expect(shown).toEqual(['outside', 'excel']);
  });

  it('does not fall back to "outside" once Excel has answered, and survives an onReady that throws or rejects', async () => {
    jest.useFakeTimers();
    const { office, answer } = fakeOffice();
    const shown: PaneHost[] = [];
    whenHostKnown(office, (host) => shown.push(host), 5000);
    answer({ host: 'Excel', platform: 'PC' });
    await flush();
    jest.advanceTimersByTime(10_000);
    expect(shown).toEqual(['excel']);

    const throwing: PaneHost[] = [];
    whenHostKnown({ context: {}, onReady: () => { throw new Error('boom'); } }, (host) => throwing.push(host), 5000);
    const rejecting: PaneHost[] = [];
    whenHostKnown({ context: {}, onReady: () => Promise.reject(new Error('blocked')) }, (host) => rejecting.push(host), 5000);
    await flush();
    expect(throwing).toEqual(['outside']);
    expect(rejecting).toEqual(['outside']);
  });
});

describe('the pane page outside Excel', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="root"><p id="sizer-status">SIZER for Excel: loading…</p></div>';
  });

  const page = (office: unknown, excelRun: ExcelRun | null = null) => ({
    office,
    excelRun,
    storage: new FakeStorage(),
    runtime: { setAnchors: jest.fn(), setCalibration: jest.fn(), whenReady: () => Promise.resolve() },
    readyTimeoutMs: 10_000,
  });

  function expectOpenFromExcelState(): void {
    expect(screen.getByRole('heading', { name: 'Open SIZER from Excel' })).toBeInTheDocument();
    expect(screen.getByText(about.summary)).toBeInTheDocument();
    for (const step of [...about.openFromExcel, ...about.notInstalled]) expect(screen.getByText(step)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Help and privacy' })).toHaveAttribute('href', 'support.html');
    // Not the pane: no controls, no write actions.
    expect(screen.queryByLabelText('NPU tier')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Write KPI sheet' })).toBeNull();
    expect(document.getElementById('sizer-status')).toBeNull();
    expect(document.getElementById('root')).toHaveAttribute('data-sizer-host', 'outside');
  }

  it('shows what SIZER is and how to open it from Excel when Office.js failed to load', async () => {
    await act(async () => mountPane(document, page(undefined)));
    expectOpenFromExcelState();
  });

  it('shows the same state in a plain browser tab (onReady answers host null)', async () => {
    const { office, answer } = fakeOffice();
    await act(async () => mountPane(document, page(office)));
    // Until Office.js answers, the static "loading" text stays (no blank page).
    expect(document.getElementById('sizer-status')).toHaveTextContent('loading');
    await act(async () => answer({ host: null, platform: null }));
    expectOpenFromExcelState();
  });

  it('in Excel shows the pane itself', async () => {
    const { office, answer } = fakeOffice();
    const run = fakeExcelRun(new FakeWorkbookState()) as unknown as ExcelRun;
    await act(async () => mountPane(document, page(office, run)));
    await act(async () => answer({ host: 'Excel', platform: 'OfficeOnline' }));
    await waitFor(() => expect(screen.getByLabelText('NPU tier')).toBeInTheDocument());
    expect(screen.queryByRole('heading', { name: 'Open SIZER from Excel' })).toBeNull();
    expect(document.getElementById('root')).toHaveAttribute('data-sizer-host', 'excel');
  });
});
