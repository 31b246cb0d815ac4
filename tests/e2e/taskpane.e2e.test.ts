/**
 * End to end: the built pane (dist/, made by `npm test`'s pretest build) served from a loopback port
 * and opened in headless Debian Chromium. The Office.js CDN request is answered with a stub host (the
 * recording fake) that records workbook calls; every other non-local request is refused and counted.
 * The test clicks through a configuration, writes the KPI sheet, checks what reached the stub
 * workbook against the report layer's own model, and saves a screenshot (artifacts/taskpane.png;
 * docs/images/taskpane.png for the README when missing or with UPDATE_SCREENSHOT=1).
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { createBundledEngine } from '../../src/engine';
import { buildKpiSheet, columnLetter, defaultConfig, sheetLayout, type SizingConfig } from '../../src/report';
import { OWNER_MARK } from '../../src/taskpane/excel/writer';
import { launchChromium, OFFICE_JS_URL, officeStubScript, requireBuild, requireChromium, ROOT, serveDist, type StaticServer } from './harness';

jest.setTimeout(180_000);

interface StubCell {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
}

interface StubSummary {
  syncs: number;
  runs: number;
  active: string | null;
  associated: string[];
  storageKeys: string[];
  batches: { commands: number; calculationSuspended: boolean; screenUpdatingSuspended: boolean }[];
  screenSuspensions: number;
  calculationOwed: boolean;
  calculations: string[];
  runOptions: Record<string, unknown>[];
  sheets: {
    name: string;
    names: { name: string; visible: boolean }[];
    tables: { name: string; address: string; style: string | null }[];
    frozenRows: number;
    cells: Record<string, StubCell>;
  }[];
}

const engine = createBundledEngine();
const DEFAULTS = defaultConfig(engine.catalog);
const ARTIFACTS = path.join(ROOT, 'artifacts');
const README_IMAGE = path.join(ROOT, 'docs/images/taskpane.png');

let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const external: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  requireChromium();
  requireBuild();
  server = await serveDist();
  browser = await launchChromium({ width: 460, height: 1400 });
  const stub = officeStubScript();
  await browser.context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: stub });
    } else if (url.startsWith(`${server.origin}/`)) {
      await route.continue();
    } else {
      external.push(url);
      await route.abort('blockedbyclient');
    }
  });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  // Any Content-Security-Policy violation (eval, an inline script, a foreign origin) is recorded.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function stubSummary(): Promise<StubSummary> {
  return page.evaluate(() => (window as unknown as { __sizerStub: { summary(): unknown } }).__sizerStub.summary()) as Promise<StubSummary>;
}

describe('task pane in headless Chromium', () => {
  it('loads the shared-runtime page under its CSP with the stub Office host; only Office.js goes off the machine', async () => {
    await page.goto(`${server.origin}/taskpane.html`, { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'SIZER for Excel' }).waitFor();
    await page.getByTestId('tile-decode-value').waitFor();
    const summary = await stubSummary();
    // functions.js ran first and registered every custom function with the (stub) runtime.
    expect(summary.associated).toEqual(expect.arrayContaining(['TIERS', 'TOKPS', 'VISIONFPS', 'MAXSTREAMS', 'VERSION']));
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(external).toEqual([]);
    expect(server.requests).toEqual(expect.arrayContaining(['/taskpane.html', '/functions.js', '/taskpane.js']));
    expect(pageErrors).toEqual([]);
  });

  it('clicks through a configuration, writes the KPI sheet, and the stub workbook holds the report model', async () => {
    await page.getByLabel('NPU tier').selectOption('mid');
    // The pane opens with Vision and VLA (the reference layout): switch the LLM on to size it.
    await page.getByRole('switch', { name: 'LLM' }).check();
    await page.getByLabel('LLM model').selectOption('skippy_finetune');
    await page.getByLabel('Pipeline track').selectOption('yolov8n');
    await page.getByLabel('Pipeline', { exact: true }).selectOption('yolov8n_trt_fp8_1hz_clip');
    const cameras = page.getByLabel('Cameras', { exact: true });
    await cameras.fill('4');
    await cameras.press('Enter');
    await page.getByLabel('KPI sheet scope').selectOption('all');

    // The tiles follow the configuration (numbers from the engine in Node).
    const mid = engine.hardware({ tier: 'mid' });
    const llm = engine.llmModel(mid, 'skippy_finetune', {});
    const vision = engine.vision(mid, { pipeline: 'yolov8n_trt_fp8_1hz_clip', resolution: '1080p', streams: 4 });
    const duty = (2 / 60) * llm.shortAnswerSec;
    await expectText('tile-decode-value', `${llm.decodeTokS.toFixed(1)} tok/s`);
    await expectText('tile-total-fps-value', Math.round(vision.fpsPerStream * (1 - duty) * 4).toLocaleString('en-US'));

    await page.getByRole('button', { name: 'Write KPI sheet' }).click();
    await page.getByTestId('write-status').filter({ hasText: 'Wrote KPI' }).waitFor();

    const config: SizingConfig = {
      ...DEFAULTS,
      tier: 'NPU Mid',
      vision: { ...DEFAULTS.vision, pipeline: 'yolov8n_trt_fp8_1hz_clip', streams: 4 },
      llm: { ...DEFAULTS.llm, model: 'skippy_finetune' },
      vla: { ...DEFAULTS.vla, cameras: 4 },
    };
    const model = buildKpiSheet(engine, config, 'all');
    const layout = sheetLayout(model);
    const summary = await stubSummary();
    expect(summary.runs).toBe(1);
    // Plan, write (calculation and screen updating suspended), finish (recalculation requested).
    expect(summary.syncs).toBe(3);
    expect(summary.batches[1]).toMatchObject({ calculationSuspended: true, screenUpdatingSuspended: true });
    expect(summary.batches[2]).toMatchObject({ calculationSuspended: false, screenUpdatingSuspended: false });
    expect(summary).toMatchObject({ screenSuspensions: 1, calculationOwed: false, calculations: ['Recalculate'], runOptions: [{ delayForCellEdit: true }] });
    expect(summary.active).toBe('KPI');
    const sheet = summary.sheets.find((s) => s.name === 'KPI')!;
    expect(sheet.names).toEqual([expect.objectContaining({ name: OWNER_MARK, visible: false })]);
    expect(sheet.tables).toEqual([expect.objectContaining({ name: model.tableName, style: 'TableStyleMedium2' })]);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.cells[`A${layout.titleRow + 1}`]!.value).toBe(model.title);
    model.columns.forEach((column, i) => expect(sheet.cells[`${columnLetter(i)}${layout.headerRow + 1}`]!.value).toBe(column.header));
    model.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = sheet.cells[`${columnLetter(c)}${layout.firstDataRow + r + 1}`]!;
        if (typeof value === 'number') expect(cell.value).toBeCloseTo(value, 9);
        else expect(cell.value).toBe(value ?? '');
        expect(cell.formula).toBeNull();
      }),
    );
    // The anchors storage was never touched, and nothing left the machine.
    expect(summary.storageKeys).toEqual([]);
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('saves a screenshot of the pane', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, 'taskpane.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
    if (!fs.existsSync(README_IMAGE) || process.env.UPDATE_SCREENSHOT === '1') {
      fs.mkdirSync(path.dirname(README_IMAGE), { recursive: true });
      fs.copyFileSync(shot, README_IMAGE);
    }
  });
});

async function expectText(testId: string, text: string): Promise<void> {
  const locator = page.getByTestId(testId);
  await locator.filter({ hasText: text }).waitFor({ timeout: 10_000 }).catch(async () => {
    throw new Error(`${testId} shows "${await locator.textContent()}", expected "${text}"`);
  });
}
