/**
 * manifest.xml: the facts the add-in depends on (SIZER namespace, shared runtime, ExcelApi 1.12, resources,
 * URLs that match what webpack emits), read with regular expressions so no XML library is needed; plus the
 * offline validator of scripts/validate-manifest.mjs, run as `npm run validate` would run it.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** id -> DefaultValue of every <bt:Image>, <bt:Url> and <bt:String> resource. */
function resources(xml: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"\s+DefaultValue="([^"]*)"\s*\/>/g)) {
    expect(found.has(m[1]!)).toBe(false); // ids are unique
    found.set(m[1]!, m[2]!);
  }
  return found;
}
const defined = resources(manifest);
const urlOf = (resid: string): string => defined.get(resid) ?? '';

function runOfflineValidator(file: string): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ['scripts/validate-manifest.mjs', '--offline', file], { cwd: ROOT, encoding: 'utf8' });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, output: failed.stdout };
  }
}

describe('manifest.xml', () => {
  it('is an Excel task pane add-in with a fixed GUID, the SIZER provider and the package version', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\s*\/>/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(manifest).toMatch(/<ProviderName>SIZER<\/ProviderName>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="SIZER for Excel"\s*\/>/);
    expect(manifest).toContain(`<Version>${version}.0</Version>`);
  });

  it('declares the custom functions namespace SIZER', () => {
    const namespace = /<Namespace resid="([^"]+)"\s*\/>/.exec(manifest);
    expect(namespace).not.toBeNull();
    expect(defined.get(namespace![1]!)).toBe('SIZER');
  });

  it('requires ExcelApi 1.12 (worksheet custom properties mark SIZER sheets) and SharedRuntime 1.1', () => {
    const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(manifest)?.[1] ?? '';
    expect(requirements).toMatch(/<Set Name="ExcelApi" MinVersion="1\.12"\s*\/>/);
    expect(requirements).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\s*\/>/);
  });

  it('runs functions, function file and task pane in one long-lived shared runtime', () => {
    const runtime = /<Runtime resid="([^"]+)" lifetime="long"\s*\/>/.exec(manifest)?.[1];
    expect(runtime).toBe('Taskpane.Url');
    expect(/<Page>\s*<SourceLocation resid="([^"]+)"/.exec(manifest)?.[1]).toBe(runtime);
    expect(/<FunctionFile resid="([^"]+)"/.exec(manifest)?.[1]).toBe(runtime);
    expect(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/.exec(manifest)?.[1]).toBe(runtime);
  });

  it('defines every resid it uses', () => {
    const used = [...manifest.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((resid) => !defined.has(resid))).toEqual([]);
  });

  it('points every URL at the dev server, at files the build emits', () => {
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]!);
    for (const url of urls) expect(url.startsWith('https://localhost:3000/')).toBe(true);
    expect(urlOf('Taskpane.Url')).toBe('https://localhost:3000/taskpane.html');
    expect(urlOf('Functions.Script.Url')).toBe('https://localhost:3000/functions.js');
    expect(urlOf('Functions.Metadata.Url')).toBe('https://localhost:3000/functions.json');
    for (const url of urls.filter((u) => u.includes('/assets/'))) {
      expect(fs.existsSync(path.join(ROOT, url.replace('https://localhost:3000/', '')))).toBe(true);
    }
  });

  it('passes the offline validator, which rejects an undefined resid', () => {
    expect(runOfflineValidator('manifest.xml')).toMatchObject({ status: 0 });
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sizer-manifest-')), 'manifest.xml');
    fs.writeFileSync(broken, fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8').replace('resid="Group.Label"', 'resid="Nope.Label"'));
    const result = runOfflineValidator(broken);
    expect(result.status).toBe(1);
    expect(result.output).toContain('resid "Nope.Label" on <Label> is not defined');
  });
});
