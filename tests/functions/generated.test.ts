/**
 * src/functions/functions.ts (what Excel's metadata generator reads) and docs/functions.md are
 * generated from the registry. This test fails when either is stale; `npm run gen:functions`
 * (UPDATE_GENERATED=1) rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFunctionsDoc } from '../../src/functions/codegen/docs';
import { renderExcelFunctionsFile } from '../../src/functions/codegen/excel-file';
import { loadBundledCatalog } from '../../src/engine';
import { FUNCTION_GROUPS, SIZER_FUNCTIONS } from '../../src/functions/registry';

const ROOT = join(__dirname, '..', '..');
const catalog = loadBundledCatalog();
const outputs = [
  { path: join(ROOT, 'src', 'functions', 'functions.ts'), render: () => renderExcelFunctionsFile(SIZER_FUNCTIONS, catalog) },
  { path: join(ROOT, 'docs', 'functions.md'), render: () => renderFunctionsDoc(FUNCTION_GROUPS, catalog) },
];

describe('generated function files', () => {
  it.each(outputs.map((o) => [o.path.slice(ROOT.length + 1), o] as const))('%s is up to date with the registry', (_name, output) => {
    const wanted = output.render();
    if (process.env.UPDATE_GENERATED === '1') writeFileSync(output.path, wanted);
    expect(readFileSync(output.path, 'utf8')).toBe(wanted);
  });

  it('documents every function with an example', () => {
    const doc = renderFunctionsDoc(FUNCTION_GROUPS, catalog);
    for (const fn of SIZER_FUNCTIONS) {
      expect(doc).toContain(`### SIZER.${fn.name}`);
      expect(doc).toContain(fn.example.formula);
    }
  });
});
