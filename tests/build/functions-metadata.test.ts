/**
 * functions.json comes from the JSDoc in the generated src/functions/functions.ts; this runs the same
 * generator the webpack plugin uses (custom-functions-metadata) and checks what Excel will be told,
 * against the registry every function is declared in.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { generateCustomFunctionsMetadata, IGenerateResult } from 'custom-functions-metadata';
import { loadBundledCatalog } from '../../src/engine';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { renderText } from '../../src/functions/registry/types';

const catalog = loadBundledCatalog();
const FUNCTIONS_TS = path.resolve(__dirname, '../../src/functions/functions.ts');

interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result?: { type?: string; dimensionality?: string };
  options?: { volatile?: boolean; stream?: boolean };
}


describe('custom functions metadata', () => {
  let generated: IGenerateResult;
  let byId: Map<string, FunctionMetadata>;

  beforeAll(async () => {
    generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS, false);
    const functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
    byId = new Map(functions.map((f) => [f.id, f]));
  });

  it('generates without errors, one entry per registry function and nothing else', () => {
    expect(generated.errors).toEqual([]);
    expect([...byId.keys()].sort()).toEqual(SIZER_FUNCTIONS.map((f) => f.name).sort());
  });

  it.each(SIZER_FUNCTIONS.map((f) => [f.name, f] as const))('%s: description, parameters with help, optional flags, result shape', (_name, fn) => {
    const meta = byId.get(fn.name);
    expect(meta?.description).toBe(renderText(fn.description, catalog));
    // Excel's formula hints show these names: they are the registry's, as docs/functions.md prints them.
    expect(meta?.parameters.map((p) => p.name)).toEqual(fn.args.map((a) => a.name));
    fn.args.forEach((a, i) => {
      const p = meta?.parameters[i];
      expect(p?.description).toBe(renderText(a.help, catalog));
      expect(p?.optional ?? false).toBe(a.optional);
      // A table argument is any[][]: Excel hands it the range as rows of values (dimensionality matrix).
      if (a.type === 'table') expect([p?.type ?? 'any', p?.dimensionality]).toEqual(['any', 'matrix']);
      else expect(p?.type ?? 'any').toBe(a.type);
    });
    if (fn.result === 'matrix') expect(meta?.result?.dimensionality).toBe('matrix');
    else expect(meta?.result?.type).toBe(fn.result);
    // Nothing is volatile or streaming: cells recalc only when their inputs change.
    expect(meta?.options?.volatile ?? false).toBe(false);
    expect(meta?.options?.stream ?? false).toBe(false);
  });
});

describe('the built functions.json', () => {
  const built = path.resolve(__dirname, '../../dist/functions.json');
  it('lists every registry function (npm test builds first)', () => {
    if (!existsSync(built)) throw new Error(`${built} is missing: run "npm run build" (npm test does it first)`);
    const ids = (JSON.parse(readFileSync(built, 'utf8')) as { functions: { id: string }[] }).functions.map((f) => f.id);
    expect(ids.sort()).toEqual(SIZER_FUNCTIONS.map((f) => f.name).sort());
  });
});
