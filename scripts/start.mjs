#!/usr/bin/env node
/**
 * npm start: build the CLI and manifest (development), make sure the localhost dev certificate exists, serve dist/ on
 * https://localhost:3000 with webpack-dev-server (settings in webpack.config.js `devServer`), then sideload:
 *   - Windows/macOS: `office-addin-debugging start manifest.xml desktop` opens desktop Excel with the add-in,
 *     and Ctrl+C runs `office-addin-debugging stop` to remove it again;
 *   - elsewhere (Linux has no desktop Excel): keep serving and print how to upload manifest.xml to Excel on
 *     the web.
 * Pass --no-sideload to only build and serve.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const PORT = 3000;
const WEBPACK = require.resolve('webpack-cli/bin/cli.js');
const OFFICE_DEBUGGING = require.resolve('office-addin-debugging/cli.js');
const desktopExcel = process.platform === 'win32' || process.platform === 'darwin';
const sideload = desktopExcel && !process.argv.includes('--no-sideload');

const say = (text) => console.log(`[sizer] ${text}`);
// Our tools run under this same Node binary: no shell, no .cmd shims, same behaviour on every OS.
const runNode = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;

function portIsOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: 'localhost' });
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function ensureDevCertificate() {
  const devCerts = require('office-addin-dev-certs');
  try {
    await devCerts.ensureCertificatesAreInstalled();
  } catch (error) {
    const { caCertificatePath } = require('office-addin-dev-certs/lib/defaults');
    say(`could not add the dev certificate to the OS trust store: ${String(error.message).split('\n')[0]}`);
    say(`serving anyway; until you trust ${caCertificatePath}, browsers will warn about https://localhost:${PORT}.`);
  }
}

function printWebSideloadSteps() {
  say(`no desktop Excel on ${process.platform}; sideload into Excel on the web instead:`);
  console.log(`  1. Open https://localhost:${PORT}/taskpane.html in your browser once (accept the certificate if asked).`);
  console.log('  2. Open a workbook in Excel on the web (https://www.office.com).');
  console.log('  3. Insert > Add-ins > Upload My Add-in (or Home > Add-ins > More Add-ins > Upload My Add-in),');
  console.log(`     and choose ${MANIFEST}`);
  console.log('  4. Use the SIZER button on the Home tab, or type =SIZER.VERSION() in a cell.');
  say('press Ctrl+C to stop the server.');
}

if (await portIsOpen(PORT)) {
  say(`port ${PORT} is already in use (another npm start?); stop it first.`);
  process.exit(1);
}

// Each bundle is built once: here only what the dev server does not build (the CLI and dist/manifest.xml);
// the web bundles are built by `webpack serve` below, which writes them to dist/ too (devMiddleware.writeToDisk).
say('building the CLI and the manifest (development); the dev server builds the add-in...');
rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
if (runNode([WEBPACK, '--mode', 'development', '--config-name', 'cli', '--config-name', 'manifest']) !== 0) process.exit(1);

await ensureDevCertificate();

say(`starting the dev server on https://localhost:${PORT} ...`);
const server = spawn(process.execPath, [WEBPACK, 'serve', '--mode', 'development', '--config-name', 'web'], {
  cwd: ROOT,
  stdio: 'inherit',
});
let stopping = false;
server.on('exit', (code) => {
  if (!stopping) say(`dev server exited (${code ?? 'signal'}).`);
  process.exit(stopping ? 0 : code || 1);
});

function stop() {
  if (stopping) return;
  stopping = true;
  if (sideload) runNode([OFFICE_DEBUGGING, 'stop', MANIFEST, 'desktop']);
  server.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** True once the page is served: webpack-dev-server holds requests until its first compilation is done. */
function pageIsServed() {
  return new Promise((resolve) => {
    const request = https.get({ host: 'localhost', port: PORT, path: '/taskpane.html', rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    request.setTimeout(60_000, () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

// Wait until the add-in is actually served before anything tries to load it.
const deadline = Date.now() + 120_000;
while (!stopping && !(await pageIsServed())) {
  if (Date.now() > deadline) {
    say(`the dev server did not serve https://localhost:${PORT}/taskpane.html within 2 minutes.`);
    stop();
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

if (!stopping) {
  if (sideload) {
    say('sideloading into desktop Excel...');
    if (runNode([OFFICE_DEBUGGING, 'start', MANIFEST, 'desktop', '--app', 'excel']) !== 0) {
      say(`sideloading failed; the server keeps running, so you can still load ${MANIFEST} by hand.`);
    }
  } else if (!desktopExcel) {
    printWebSideloadSteps();
  } else {
    say(`serving without sideloading (--no-sideload); manifest: ${MANIFEST}`);
  }
}
