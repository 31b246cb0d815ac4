/**
 * The task pane's Content-Security-Policy (src/taskpane/*.html, and the page webpack builds from it
 * when dist/ exists): scripts only from this origin and the Office.js CDN, no eval of any kind, no
 * inline script, no plugins, and network connections only to this origin and the CDN. The support page
 * (src/support/support.html, dist/support.html) is held to the same rules, and has no script at all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const OFFICE_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

const withoutComments = (html: string): string => html.replace(/<!--[\s\S]*?-->/g, '');

/** The CSP meta tags of a page, each as directive name -> sources. */
function cspPolicies(html: string): Map<string, string[]>[] {
  const policies: Map<string, string[]>[] = [];
  for (const tag of withoutComments(html).match(/<meta\b[^>]*>/gi) ?? []) {
    // Built pages are minified: attribute values may come without quotes.
    if (!/http-equiv\s*=\s*["']?content-security-policy(["'\s>]|$)/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(tag);
    const policy = new Map<string, string[]>();
    for (const directive of (content?.[1] ?? content?.[2] ?? '').split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name) policy.set(name.toLowerCase(), sources);
    }
    policies.push(policy);
  }
  return policies;
}

/** A script source the pane may load from: this origin, or the Office.js CDN (origin or a path on it); or none. */
function allowedScriptSource(source: string): boolean {
  return source === "'none'" || source === "'self'" || source === OFFICE_CDN_ORIGIN || source.startsWith(`${OFFICE_CDN_ORIGIN}/`);
}

function scriptTags(html: string): { src: string | null; body: string }[] {
  const tags: { src: string | null; body: string }[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m = re.exec(withoutComments(html)); m; m = re.exec(withoutComments(html))) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(m[1] ?? '');
    tags.push({ src: src ? (src[1] ?? src[2] ?? src[3] ?? '') : null, body: (m[2] ?? '').trim() });
  }
  return tags;
}

const SOURCE_PAGES = [...htmlFiles(join(ROOT, 'src', 'taskpane')), ...htmlFiles(join(ROOT, 'src', 'support'))];
const BUILT_PAGES = htmlFiles(join(ROOT, 'dist')).filter((f) => !f.includes(`${join('dist', 'assets')}`));

describe('task pane Content-Security-Policy', () => {
  it('has pane pages to check', () => {
    expect(SOURCE_PAGES.length).toBeGreaterThan(0);
  });

  it('(self-check) reads quoted and minified policies and script tags', () => {
    const quoted = `<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-eval' https://cdn.example.com; object-src 'none'">`;
    const minified = `<meta http-equiv=Content-Security-Policy content="default-src 'self'"><script defer src=taskpane.js></script><script>alert(1)</script>`;
    const [policy] = cspPolicies(quoted);
    expect(policy?.get('script-src')).toEqual(["'self'", "'unsafe-eval'", 'https://cdn.example.com']);
    expect((policy?.get('script-src') ?? []).filter((s) => !allowedScriptSource(s))).toEqual(["'unsafe-eval'", 'https://cdn.example.com']);
    expect(cspPolicies(minified)[0]?.get('default-src')).toEqual(["'self'"]);
    expect(scriptTags(minified)).toEqual([
      { src: 'taskpane.js', body: '' },
      { src: null, body: 'alert(1)' },
    ]);
  });

  for (const file of [...SOURCE_PAGES, ...BUILT_PAGES]) {
    const name = relative(ROOT, file);
    describe(name, () => {
      const html = readFileSync(file, 'utf8');
      const policies = cspPolicies(html);

      it('declares exactly one Content-Security-Policy meta tag', () => {
        expect(policies).toHaveLength(1);
      });

      it("allows no 'unsafe-eval' (nor wasm eval) in any directive", () => {
        for (const policy of policies) {
          for (const [directive, sources] of policy) {
            expect({ directive, sources: sources.filter((s) => /unsafe-eval/i.test(s)) }).toEqual({ directive, sources: [] });
          }
        }
      });

      it("limits scripts to 'self' and the Office.js CDN, with no inline script", () => {
        for (const policy of policies) {
          const scripts = policy.get('script-src') ?? policy.get('default-src');
          expect(scripts).toBeDefined();
          expect((scripts ?? []).filter((s) => !allowedScriptSource(s))).toEqual([]);
          for (const extra of ['script-src-elem', 'script-src-attr', 'worker-src']) {
            expect((policy.get(extra) ?? []).filter((s) => !allowedScriptSource(s))).toEqual([]);
          }
        }
      });

      it('blocks plugins and connects only to this origin and the Office.js CDN', () => {
        for (const policy of policies) {
          expect(policy.get('object-src')).toEqual(["'none'"]);
          const connect = policy.get('connect-src') ?? policy.get('default-src') ?? [];
          expect(connect.filter((s) => !allowedScriptSource(s))).toEqual([]);
          expect(policy.get('default-src') ?? []).not.toContain('*');
        }
      });

      it('loads scripts only from this origin or the Office.js CDN, never inline', () => {
        const tags = scriptTags(html);
        for (const tag of tags) {
          expect(tag.body).toBe('');
          expect(tag.src).not.toBeNull();
          const src = tag.src ?? '';
          const remote = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src);
          expect(remote ? src : 'local').toBe(remote ? OFFICE_JS : 'local');
        }
        // A page whose policy allows no script (the support page) has none; the pane pages load Office.js.
        const scriptless = policies.length > 0 && policies.every((p) => (p.get('script-src') ?? []).join(' ') === "'none'");
        if (scriptless) expect(tags).toEqual([]);
        else expect(tags.some((t) => t.src === OFFICE_JS)).toBe(true);
      });
    });
  }
});
