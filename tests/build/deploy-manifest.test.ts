/**
 * The deployable manifest: `npm run build -- --env publicUrl=https://host/path/` writes dist/manifest.xml with
 * every URL under that address, while the development manifest (manifest.xml, used by `npm start`) keeps
 * https://localhost:3000. Only webpack's "manifest" configuration is run here (about a second, into a temporary
 * folder); the files those URLs name are checked in dist/ from `npm test`'s pretest build, which emits the same
 * files whatever publicUrl is.
 *
 * Schema: Microsoft publishes the manifest schemas only as the [MS-OWEMXML] open specification
 * (https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/c6a06390-34b8-4b42-82eb-b28be12494a8);
 * no downloadable XSD could be found, and the official validator (`npm run validate`, office-addin-manifest) needs
 * Microsoft's online service. So these tests run the offline checks of scripts/manifest-offline-check.mjs, not a
 * full XSD validation.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import about from '../../src/support/about.json';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const WEBPACK = require.resolve('webpack-cli/bin/cli.js');
const DEV_PREFIX = 'https://localhost:3000/';
const PUBLIC_URL = 'https://sizer.example.com/addin/';

const withoutComments = (xml: string): string => xml.replace(/<!--[\s\S]*?-->/g, '');

/** Runs webpack's "manifest" configuration; returns the exit status, the output, and the manifest written. */
function buildManifest(publicUrl: string | null): { status: number; output: string; manifest: string | null } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sizer-deploy-'));
  const args = [WEBPACK, '--mode', 'production', '--config-name', 'manifest', '--output-path', out];
  if (publicUrl !== null) args.push('--env', `publicUrl=${publicUrl}`);
  let status = 0;
  let output: string;
  try {
    output = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    status = failed.status;
    output = `${failed.stdout}${failed.stderr}`;
  }
  const file = path.join(out, 'manifest.xml');
  const manifest = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  fs.rmSync(out, { recursive: true, force: true });
  return { status, output, manifest };
}

function distFile(relative: string): string {
  const file = path.join(DIST, relative);
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist/ is not built: run `npm run build` first (`npm test` does it).');
  return file;
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG (no PNG signature)`);
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${file} has no IHDR chunk first`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const attr = (xml: string, element: string): string[] =>
  [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\bDefaultValue="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('dist/manifest.xml built with --env publicUrl', () => {
  let built: string;
  const dev = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

  beforeAll(() => {
    const result = buildManifest(PUBLIC_URL);
    if (result.status !== 0 || result.manifest === null) throw new Error(`manifest build failed:\n${result.output}`);
    built = result.manifest;
  });

  it('has no localhost, and every URL in it starts with the public URL', () => {
    expect(built).not.toMatch(/localhost/i);
    // Namespace declarations (xmlns="http://schemas.microsoft.com/...") are names, not addresses Office loads.
    const urls = [...built.replace(/\sxmlns(:\w+)?="[^"]*"/g, '').matchAll(/[a-z][a-z0-9+.-]*:\/\/[^"<>\s]+/gi)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((url) => !url.startsWith(PUBLIC_URL))).toEqual([]);
  });

  it('moves each kind of URL: icons, support URL, source location, runtime, functions script, metadata and page', () => {
    for (const element of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Image', 'bt:Url']) {
      const values = attr(built, element);
      expect([element, values.length > 0]).toEqual([element, true]);
      for (const value of values) expect(value.startsWith(PUBLIC_URL)).toBe(true);
    }
    const resource = (id: string): string | undefined => new RegExp(`<bt:Url id="${id.replace(/\./g, '\\.')}" DefaultValue="([^"]*)"`).exec(built)?.[1];
    expect(resource('Taskpane.Url')).toBe(`${PUBLIC_URL}taskpane.html`);
    expect(resource('Functions.Script.Url')).toBe(`${PUBLIC_URL}functions.js`);
    expect(resource('Functions.Metadata.Url')).toBe(`${PUBLIC_URL}functions.json`);
    expect(attr(built, 'SupportUrl')).toEqual([`${PUBLIC_URL}support.html`]);
  });

  it('lists no AppDomains: the add-in never leaves its own origin, and listing that origin has no effect', () => {
    // https://learn.microsoft.com/javascript/api/manifest/appdomain: "Listing the same domain as the one specified
    // in the SourceLocation element has no effect and can be misleading."
    expect(built).not.toMatch(/<AppDomain/);
  });

  it('differs from the development manifest only in its URLs (and the leading comment)', () => {
    expect(withoutComments(built).split(PUBLIC_URL).join(DEV_PREFIX)).toBe(withoutComments(dev));
  });

  it('names only files the build emits', () => {
    const urls = [...built.matchAll(/DefaultValue="(https:[^"]*)"/g)].map((m) => m[1]!);
    const missing = urls.map((url) => url.slice(PUBLIC_URL.length)).filter((file) => !fs.existsSync(distFile(file)));
    expect(missing).toEqual([]);
  });

  it('passes the offline manifest check (not the full Office schema, which is not available offline)', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sizer-deploy-')), 'manifest.xml');
    fs.writeFileSync(file, built);
    const output = execFileSync(process.execPath, ['scripts/validate-manifest.mjs', '--offline', file], { cwd: ROOT, encoding: 'utf8' });
    expect(output).toContain('Offline check passed');
  });
});

describe('icons the manifest names', () => {
  // Sizes: IconUrl 32x32 (https://learn.microsoft.com/javascript/api/manifest/iconurl, Remarks),
  // HighResolutionIconUrl 64x64 for task pane add-ins (https://learn.microsoft.com/javascript/api/manifest/highresolutioniconurl),
  // ribbon <Icon> images at the size their bt:Image says, 16, 32 and 80 required
  // (https://learn.microsoft.com/javascript/api/manifest/icon, "Image"). Read from manifest.xml at collection time;
  // the built manifest names the same files under the public URL (its URLs are the only difference, tested above).
  const manifest = withoutComments(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
  const images = new Map([...manifest.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const named: { url: string; size: number; where: string }[] = [
    { url: attr(manifest, 'IconUrl')[0]!, size: 32, where: 'IconUrl' },
    { url: attr(manifest, 'HighResolutionIconUrl')[0]!, size: 64, where: 'HighResolutionIconUrl' },
    ...[...manifest.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)].map((m) => ({ url: images.get(m[2]!) ?? `(undefined resid ${m[2]})`, size: Number(m[1]), where: `bt:Image size ${m[1]}` })),
  ];

  it('covers the icon, the high-resolution icon and the three required ribbon sizes', () => {
    expect(new Set(named.filter((n) => n.where.startsWith('bt:Image')).map((n) => n.size))).toEqual(new Set([16, 32, 80]));
  });

  it.each(named.map((n) => [n.where, n] as const))('%s is a PNG of its stated size, in the build', (_where, icon) => {
    expect(icon.url.startsWith(DEV_PREFIX)).toBe(true);
    expect(pngSize(distFile(icon.url.slice(DEV_PREFIX.length)))).toEqual({ width: icon.size, height: icon.size });
  });
});

describe('the support page', () => {
  it('is built into dist/ with what SIZER is, how to get help and the privacy note, and no script', () => {
    const html = fs.readFileSync(distFile('support.html'), 'utf8');
    const text = html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
    for (const sentence of [about.summary, about.help, about.privacy, ...about.openFromExcel, ...about.notInstalled]) expect(text).toContain(sentence);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('publicUrl', () => {
  it('without it, dist/manifest.xml is the development manifest (localhost)', () => {
    const result = buildManifest(null);
    expect(result.status).toBe(0);
    expect(result.manifest).toBe(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
  });

  it.each([
    ['http://sizer.example.com/addin/', 'must use https'],
    ['https://sizer.example.com/addin', 'must end with "/"'],
    ['sizer.example.com/addin/', 'is not a URL'],
    ['https://sizer.example.com/addin/?v=2/', 'must be a plain folder address'],
  ])('rejects %s: %s', (publicUrl, reason) => {
    const result = buildManifest(publicUrl);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`publicUrl "${publicUrl}" ${reason}`);
    expect(result.manifest).toBeNull();
  });
});
