/**
 * src/functions/functions.ts (what Excel's metadata generator reads) and docs/functions.md are generated
 * from the registry by `npm run generate`. This test only reads: it fails, naming that command, when a
 * committed file differs from what the registry renders now.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFunctionsDoc } from '../../src/functions/codegen/docs';
import { GENERATED_FILES, staleGeneratedFiles } from '../../src/functions/codegen/outputs';
import { loadBundledCatalog } from '../../src/engine';
import { FUNCTION_GROUPS, SIZER_FUNCTIONS } from '../../src/functions/registry';

const ROOT = join(__dirname, '..', '..');
const catalog = loadBundledCatalog();

function readCommitted(path: string): string | null {
  const absolute = join(ROOT, path);
  return existsSync(absolute) ? readFileSync(absolute, 'utf8') : null;
}

describe('generated function files', () => {
  it('are all up to date with the registry (else run `npm run generate`)', () => {
    expect(staleGeneratedFiles(readCommitted).map((file) => file.message)).toEqual([]);
  });

  it('a stale or missing file is reported with the command that regenerates it', () => {
    const [edited, removed] = GENERATED_FILES.map((file) => file.path);
    const read = (path: string): string | null => {
      if (path === removed) return null;
      const text = readCommitted(path);
      return path === edited && text !== null ? text.replace('\n', '\nhand edit\n') : text;
    };
    const messages = staleGeneratedFiles(read).map((file) => file.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(new RegExp(`^${edited} is stale \\(line 2 is "hand edit", .*\\): run \`npm run generate\` and commit the result\\.$`));
    expect(messages[1]).toBe(`${removed} is missing: run \`npm run generate\` and commit the result.`);
  });

  it('documents every function with an example', () => {
    const doc = renderFunctionsDoc(FUNCTION_GROUPS, catalog);
    for (const fn of SIZER_FUNCTIONS) {
      expect(doc).toContain(`### SIZER.${fn.name}`);
      expect(doc).toContain(fn.example.formula);
    }
  });
});
