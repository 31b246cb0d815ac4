/**
 * Help text names catalog facts (quants, tiers, models, defaults) by reading the catalog, never by
 * retyping them: render the help from a copy of the catalog with one more quant and one more tier
 * (a memory-upgradable one) and the function help, the generated docs and files follow.
 */
import { createBundledEngine, type Catalog, loadCatalog } from '../../src/engine';
import { renderFunctionsDoc } from '../../src/functions/codegen/docs';
import { renderExcelFunctionsFile } from '../../src/functions/codegen/excel-file';
import { FUNCTION_GROUPS, SIZER_FUNCTIONS } from '../../src/functions/registry';
import { renderText } from '../../src/functions/registry/types';
import { copyOfShippedFiles, extendedCatalog, NEW_QUANT, NEW_TIER } from '../helpers/extended-catalog';

const shipped = createBundledEngine().catalog;
const extended = extendedCatalog();

function helpOf(catalog: Catalog, fn: string, arg: string): string {
  const spec = SIZER_FUNCTIONS.find((f) => f.name === fn)?.args.find((a) => a.name === arg);
  if (!spec) throw new Error(`no argument ${arg} of SIZER.${fn}`);
  return renderText(spec.help, catalog);
}

describe('function help follows the catalog', () => {
  it('the copy really has the new quant and tier, and the shipped catalog does not', () => {
    expect(Object.keys(extended.quantByKey)).toContain(NEW_QUANT);
    expect(extended.ladder.map((t) => t.id)).toContain(NEW_TIER.id);
    expect(Object.keys(shipped.quantByKey)).not.toContain(NEW_QUANT);
    expect(shipped.tiers.map((t) => t.id)).not.toContain(NEW_TIER.id);
  });

  it.each([
    ['TOKPS', 'quant'],
    ['REQUIREDBW', 'quant'],
    ['BUDGETROW', 'workload_name'],
  ])('SIZER.%s %s lists the new quant', (fn, arg) => {
    expect(helpOf(shipped, fn, arg)).not.toContain(NEW_QUANT);
    expect(helpOf(extended, fn, arg)).toContain(NEW_QUANT);
  });

  it('the tier argument lists the new tier, and memory upgrades name it as eligible', () => {
    expect(helpOf(extended, 'TOKPS', 'tier')).toContain(NEW_TIER.id);
    expect(helpOf(shipped, 'TOKPS', 'tier')).not.toContain(NEW_TIER.id);
    expect(helpOf(extended, 'TOKPS', 'memory')).toContain(NEW_TIER.name);
    expect(helpOf(shipped, 'TOKPS', 'memory')).not.toContain(NEW_TIER.name);
  });

  it('the quant default comes from data/llm.json', () => {
    const files = copyOfShippedFiles();
    (files['llm.json'] as { defaults: { quant: string } }).defaults.quant = 'Q8_0';
    const q8Default = loadCatalog(files);
    expect(helpOf(shipped, 'TOKPS', 'quant')).toContain('Q4_K_M (default)');
    expect(helpOf(q8Default, 'TOKPS', 'quant')).toContain('Q8_0 (default)');
    expect(helpOf(q8Default, 'TOKPS', 'quant')).not.toContain('Q4_K_M (default)');
  });

  it('the generated docs and functions.ts follow the catalog', () => {
    const docShipped = renderFunctionsDoc(FUNCTION_GROUPS, shipped);
    const docExtended = renderFunctionsDoc(FUNCTION_GROUPS, extended);
    expect(docShipped).not.toContain(NEW_QUANT);
    expect(docExtended).toContain(NEW_QUANT);
    expect(docExtended).toContain(NEW_TIER.name);
    expect(renderExcelFunctionsFile(SIZER_FUNCTIONS, extended)).toContain(NEW_QUANT);
    expect(renderExcelFunctionsFile(SIZER_FUNCTIONS, shipped)).not.toContain(NEW_QUANT);
  });

  it('lookup examples are the lists the lookups return', () => {
    const engine = createBundledEngine();
    const examples = Object.fromEntries(SIZER_FUNCTIONS.map((f) => [f.name, renderText(f.example.answers, shipped)]));
    expect(examples.QUANTS).toBe(Object.keys(engine.catalog.quantByKey).join(', '));
    expect(examples.RESOLUTIONS).toBe(engine.catalog.files['vision.json'].resolutions.join(', '));
    expect(renderText(SIZER_FUNCTIONS.find((f) => f.name === 'QUANTS')!.example.answers, extended)).toContain(NEW_QUANT);
  });
});

describe('defaults the help states are the engine defaults', () => {
  const engine = createBundledEngine();
  const hw = engine.hardware({ tier: 'mid' });

  it('a blank resolution is data/vision.json defaultResolution', () => {
    // The engine still spells the default out (src/engine/engine.ts); this holds the two together.
    const { defaultResolution } = shipped.files['vision.json'];
    for (const pipeline of ['trt_fp8_1hz_clip', 'yolov8n_only_fp8']) {
      const blank = engine.vision(hw, { pipeline, resolution: null });
      expect(blank.resolution).toBe(defaultResolution);
      expect(blank).toEqual(engine.vision(hw, { pipeline, resolution: defaultResolution }));
    }
  });

  it('the loader rejects a default resolution that is not one of the resolutions', () => {
    const files = copyOfShippedFiles();
    (files['vision.json'] as { resolutions: string[] }).resolutions = ['720p', '4K'];
    expect(() => loadCatalog(files)).toThrow('data/vision.json: defaultResolution: "1080p" is not one of the resolutions');
  });
});
