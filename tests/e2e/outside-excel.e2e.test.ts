/**
 * End to end, outside Excel: the built shared-runtime page (dist/, from `npm test`'s pretest build) in
 * headless Chromium when Office.js cannot be loaded (the CDN answers 404) and when it loads but reports no
 * Office host (a plain browser tab: Office.onReady resolves with host null, as
 * https://learn.microsoft.com/javascript/api/office documents for Office.onReady). Either way the page shows
 * the "open SIZER from Excel" state, functions.js loads without throwing (CustomFunctions may be missing),
 * and nothing throws uncaught.
 */
import type { Page } from 'playwright-core';
import about from '../../src/support/about.json';
import { launchChromium, OFFICE_JS_URL, officeStubScript, requireBuild, requireChromium, serveDist, type StaticServer } from './harness';

jest.setTimeout(120_000);

let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  requireChromium();
  requireBuild();
  server = await serveDist();
  browser = await launchChromium({ width: 460, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  readonly page: Page;
  readonly uncaught: string[];
  readonly consoleErrors: string[];
  readonly external: string[];
}

/** Opens taskpane.html with the Office.js request answered by `officeJs`; every other foreign request is refused. */
async function openPane(officeJs: { status: number; body: string }): Promise<Opened> {
  const page = await browser.context.newPage();
  const opened: Opened = { page, uncaught: [], consoleErrors: [], external: [] };
  page.on('pageerror', (error) => opened.uncaught.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') opened.consoleErrors.push(message.text());
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      await route.fulfill({ status: officeJs.status, contentType: 'text/javascript; charset=utf-8', body: officeJs.body });
    } else if (url.startsWith(`${server.origin}/`)) {
      await route.continue();
    } else {
      opened.external.push(url);
      await route.abort('blockedbyclient');
    }
  });
  await page.goto(`${server.origin}/taskpane.html`, { waitUntil: 'load' });
  return opened;
}

async function expectOpenFromExcelState(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Open SIZER from Excel' }).waitFor({ timeout: 15_000 });
  await page.getByText(about.openFromExcel[1]!).waitFor();
  expect(await page.getByRole('link', { name: 'Help and privacy' }).getAttribute('href')).toBe('support.html');
  expect(await page.getByLabel('NPU tier').count()).toBe(0);
  expect(await page.locator('#sizer-status').count()).toBe(0);
  expect(await page.locator('#root').getAttribute('data-sizer-host')).toBe('outside');
}

describe('task pane page outside Excel, in headless Chromium', () => {
  it('Office.js refused (404): shows the "open SIZER from Excel" state, no uncaught error', async () => {
    const { page, uncaught, consoleErrors, external } = await openPane({ status: 404, body: 'not found' });
    await expectOpenFromExcelState(page);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
    expect(uncaught).toEqual([]);
    // The only error is the browser's own report of the failed script load.
    expect(consoleErrors.filter((text) => !/Failed to load resource: the server responded with a status of 404/.test(text))).toEqual([]);
    expect(consoleErrors.length).toBeLessThanOrEqual(1);
    expect(external).toEqual([]);
    await page.close();
  });

  it('Office.js reports no host (a plain browser tab): shows the same state, no uncaught error', async () => {
    // The recording fake, then Office.onReady as Office.js answers outside an Office application.
    const plainBrowser = `${officeStubScript()}
window.Office.onReady = function (callback) {
  var info = { host: null, platform: null };
  if (callback) callback(info);
  return Promise.resolve(info);
};
`;
    const { page, uncaught, consoleErrors, external } = await openPane({ status: 200, body: plainBrowser });
    await expectOpenFromExcelState(page);
    // functions.js ran (it registered its functions with the stub's CustomFunctions) and the pane did not open.
    const associated = await page.evaluate(() => (window as unknown as { __sizerStub: { associated: string[] } }).__sizerStub.associated);
    expect(associated).toEqual(expect.arrayContaining(['TOKPS', 'VERSION']));
    expect(uncaught).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
