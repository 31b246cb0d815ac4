/**
 * `sizer --help` and the export defaults are rendered from the catalog: a copy of the catalog with
 * one more quant and one more (memory-upgradable) tier shows up in the help; changed defaults in
 * data/ become the export's defaults.
 */
import { parseExportArgs } from '../../src/cli/export/options';
import { renderHelp } from '../../src/cli/help';
import { loadBundledCatalog, loadCatalog } from '../../src/engine';
import { copyOfShippedFiles, extendedCatalog, NEW_QUANT, NEW_TIER } from '../helpers/extended-catalog';

const shipped = loadBundledCatalog();
const extended = extendedCatalog();

function line(help: string, start: string): string {
  const found = help.split('\n').find((l) => l.trimStart().startsWith(start));
  if (found === undefined) throw new Error(`no help line starting with ${start}`);
  return found;
}

describe('sizer --help follows the catalog', () => {
  it('lists a new quant for the llm kind and the --quant option', () => {
    expect(line(renderHelp(shipped), 'llm ')).not.toContain(NEW_QUANT);
    expect(line(renderHelp(extended), 'llm ')).toContain(NEW_QUANT);
    expect(line(renderHelp(extended), '--model KEY')).toContain(`|${NEW_QUANT}`);
    expect(line(renderHelp(shipped), '--model KEY')).not.toContain(NEW_QUANT);
  });

  it('lists a new tier, and names it among the tiers that take a memory upgrade', () => {
    expect(renderHelp(shipped)).not.toContain(NEW_TIER.id);
    expect(renderHelp(extended)).toContain(NEW_TIER.id);
    expect(renderHelp(extended)).toMatch(new RegExp(`memory upgrade of [^:]*${NEW_TIER.name}`));
  });

  it('states the export defaults the catalog holds', () => {
    const files = copyOfShippedFiles();
    (files['tiers.json'] as { defaultTier: string }).defaultTier = 'mid';
    (files['llm-models.json'] as { defaultModel: string }).defaultModel = 'skippy_finetune';
    const changed = loadCatalog(files);
    expect(renderHelp(shipped)).toContain('defaults as the reference tool: NPU High, trt_fp8_1hz_clip at 1080p, skippy_7b_v4');
    expect(renderHelp(changed)).toContain('defaults as the reference tool: NPU Mid, trt_fp8_1hz_clip at 1080p, skippy_finetune');
  });
});

describe('sizer export takes its defaults from the catalog', () => {
  it('an option left out takes the catalog default', () => {
    const files = copyOfShippedFiles();
    (files['llm.json'] as { defaults: { quant: string; queriesPerMinute: number } }).defaults.quant = 'Q8_0';
    (files['llm.json'] as { defaults: { quant: string; queriesPerMinute: number } }).defaults.queriesPerMinute = 5;
    (files['vla.json'] as { defaultModel: string }).defaultModel = 'nora_3b';
    const changed = loadCatalog(files);
    const args = ['kpi', '--format', 'csv', '--out', '-'];
    expect(parseExportArgs(args, shipped).config.llm).toMatchObject({ quant: 'Q4_K_M', queriesPerMinute: 2 });
    expect(parseExportArgs(args, changed).config.llm).toMatchObject({ quant: 'Q8_0', queriesPerMinute: 5 });
    expect(parseExportArgs(args, changed).config.vla.model).toBe('nora_3b');
    expect(parseExportArgs([...args, '--quant', 'Q5_K_M'], changed).config.llm.quant).toBe('Q5_K_M');
  });
});
