/**
 * End-to-end harness: a tiny static server for dist/, the Office.js stub script (the recording fake
 * of tests/taskpane/excel/fake-office.ts, transpiled for the browser), and headless Debian Chromium
 * through playwright-core.
 */
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { type BrowserContext, chromium } from 'playwright-core';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const CHROMIUM = process.env.SIZER_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium flags: no sandbox (root in CI), no GPU, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  readonly origin: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves dist/ on a free loopback port (GET only; nothing outside dist/). */
export async function serveDist(): Promise<StaticServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (req.method !== 'GET' || !file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Office.js stub: the recording fake, transpiled to a classic script that installs itself on window. */
export function officeStubScript(): string {
  const source = fs.readFileSync(path.join(ROOT, 'tests/taskpane/excel/fake-office.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, removeComments: true },
  });
  return `(function () {\n  var exports = {};\n${outputText}\n  exports.installFakeOffice(window);\n})();\n`;
}

/** Fails with a clear message when Chromium is missing (CI installs it: see .ci/run). */
export function requireChromium(): string {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the task pane end-to-end test needs Debian's chromium. ` +
        'Install it with `apt-get update && apt-get install -y --no-install-recommends chromium` (.ci/run does), ' +
        'or point SIZER_CHROMIUM at a Chromium binary.',
    );
  }
  return CHROMIUM;
}

export function requireBuild(): void {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')) || !fs.existsSync(path.join(DIST, 'taskpane.js'))) {
    throw new Error('dist/ has no built task pane: run `npm run build` first (`npm test` does it).');
  }
}

/** Headless Chromium with a fresh profile directory, removed again by close(). */
export async function launchChromium(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const executablePath = requireChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sizer-e2e-profile-'));
  // launchPersistentContext is how playwright takes --user-data-dir (it refuses the flag in args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    deviceScaleFactor: 1,
    locale: 'en-US',
    timeout: 60_000,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
