/**
 * The built shared-runtime page (dist/, made by `npm test`'s pretest build): scripts in the right
 * order, one SIZER runtime shared by the functions and the pane, a CSP without eval, and a pane
 * bundle that was tree-shaken.
 */
import fs from 'fs';
import path from 'path';

const DIST = path.resolve(__dirname, '../../dist');

function read(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`dist/${file} is missing: run \`npm run build\` first (\`npm test\` does it).`);
  return fs.readFileSync(full, 'utf8');
}

describe('built task pane page', () => {
  const html = read('taskpane.html');

  it('loads Office.js from its CDN, then boot.js, functions.js and taskpane.js, in that order, and no inline script', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    const sources = scripts.map((m) => /src=["']?([^"'\s>]+)/.exec(m[1]!)?.[1]);
    expect(sources).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'boot.js', 'functions.js', 'taskpane.js']);
    expect(scripts.every((m) => m[2]!.trim() === '')).toBe(true);
  });

  it('keeps a Content-Security-Policy without eval: scripts from itself and the Office CDN, inline styles for Fluent', () => {
    const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });

  it('instantiates the SIZER runtime once: the pane bundle reuses the functions bundle (dependOn)', () => {
    const functions = read('functions.js');
    const pane = read('taskpane.js');
    for (const marker of ['SIZER catalog failed to load', 'unknown tier cell']) {
      expect(functions).toContain(marker);
      expect(pane).not.toContain(marker);
    }
  });

  it('tree-shakes Fluent UI (the pane bundle stays well under 2 MB) and makes zod jitless before anything runs', () => {
    expect(fs.statSync(path.join(DIST, 'taskpane.js')).size).toBeLessThan(2_000_000);
    expect(read('boot.js')).toContain('jitless');
  });
});
