import { BUNDLED_CATALOG_FILES } from '../../../src/engine/catalog/bundled';
import { loadCatalog } from '../../../src/engine/catalog/load';
import type { CatalogFiles, RawCatalogFiles } from '../../../src/engine/catalog/schemas';
import { SizerError } from '../../../src/engine/util/errors';

/**
 * A deep copy of the bundled files with one edit applied. The copy is typed as the valid files it starts
 * as; an edit that writes a wrong type on purpose says so with a cast.
 */
function withEdit(edit: (files: CatalogFiles) => void): RawCatalogFiles {
  const copy = JSON.parse(JSON.stringify(BUNDLED_CATALOG_FILES)) as CatalogFiles;
  edit(copy);
  return copy;
}

/** The element at an index the bundled files are known to have (a test fails loudly if they stop having it). */
function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`the bundled files have no element ${index}`);
  return item;
}

function loadError(files: RawCatalogFiles): SizerError {
  try {
    loadCatalog(files);
  } catch (e) {
    if (e instanceof SizerError) return e;
    throw e;
  }
  throw new Error('expected the catalog to be rejected');
}

describe('loadCatalog', () => {
  const catalog = loadCatalog(BUNDLED_CATALOG_FILES);

  it('loads the shipped catalog: the six-tier ladder in order, 23 pipelines, 3 memory upgrades', () => {
    expect(catalog.ladder.map((t) => t.id)).toEqual(['imx95', 'low-lp5-64bit', 'low-lp5x', 'mid', 'high', 'rtx5090']);
    expect(catalog.tiers).toHaveLength(9);
    expect(catalog.pipelines).toHaveLength(23);
    expect(catalog.memoryUpgrades.map((m) => m.id)).toEqual(['lpddr5t-11.2', 'lpddr6-12', 'lpddr6-14']);
    expect(Object.keys(catalog.quantByKey)).toEqual(['Q4_K_M', 'Q5_K_M', 'Q8_0']);
    expect(Object.keys(catalog.workloadByKey)).toHaveLength(5);
  });

  it('is frozen all the way down', () => {
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(Object.isFrozen(catalog.tierById.mid)).toBe(true);
    expect(Object.isFrozen(catalog.tierById.mid?.peakTops)).toBe(true);
    expect(() => {
      (catalog.tierById.mid as { npuShareDefault: number }).npuShareDefault = 1;
    }).toThrow(TypeError);
  });

  it('names the file and JSON path of a wrong type', () => {
    const error = loadError(withEdit((f) => ((nth(f['pipelines.json'].pipelines, 3).edgeMsNpuMid as Record<string, unknown>)['4K'] = 'fast')));
    expect(error.code).toBe('catalog_invalid');
    expect(error.message).toMatch(/^data\/pipelines\.json: pipelines\[3\]\.edgeMsNpuMid\.4K: /);
  });

  it('rejects a misspelt field instead of defaulting it', () => {
    const error = loadError(withEdit((f) => ((nth(f['tiers.json'].tiers, 0) as Record<string, unknown>).npuShareDefualt = 0.5)));
    expect(error.message).toMatch(/^data\/tiers\.json: tiers\[0\]/);
    expect(error.message).toMatch(/npuShareDefualt/);
  });

  it('rejects an out-of-range factor', () => {
    const error = loadError(withEdit((f) => (nth(f['tiers.json'].tiers, 2).bandwidthEfficiency = 1.7)));
    expect(error.message).toMatch(/^data\/tiers\.json: tiers\[2\]\.bandwidthEfficiency: /);
  });

  it('cross-checks: a pipeline in no track', () => {
    const error = loadError(withEdit((f) => nth(f['pipelines.json'].tracks, 0).pipelines.pop()));
    expect(error.message).toMatch(/^data\/pipelines\.json: pipelines\[\d+\]\.track: .* listed under track "none"/);
  });

  it('cross-checks: a track naming an unknown pipeline', () => {
    const error = loadError(withEdit((f) => nth(f['pipelines.json'].tracks, 1).pipelines.push('no_such_pipeline')));
    expect(error.message).toMatch(/tracks\[1\]\.pipelines\[2\]: unknown pipeline "no_such_pipeline"/);
  });

  it('cross-checks: measured cells of an unknown tier, duplicate keys, unknown capability tables', () => {
    expect(loadError(withEdit((f) => (f['measured.json'].visionMs['npu-huge'] = {}))).message).toMatch(/measured\.json: visionMs\.npu-huge: unknown tier/);
    expect(loadError(withEdit((f) => (nth(f['tiers.json'].tiers, 1).id = 'imx95'))).message).toMatch(/duplicate key "imx95"/);
    expect(loadError(withEdit((f) => (nth(f['tiers.json'].tiers, 0).capabilityTable = 'magic'))).message).toMatch(/unknown capability table "magic"/);
  });

  it('cross-checks: two entries answering to the same name', () => {
    const error = loadError(withEdit((f) => nth(f['tiers.json'].tiers, 4).aliases.push('Mid')));
    expect(error.message).toMatch(/the name "Mid" of "high" also names "mid"/);
  });

  it('cross-checks: every pipeline needs a KPI stage, every model alias must resolve', () => {
    expect(loadError(withEdit((f) => delete f['kpi.json'].stages.sam3_bf16)).message).toBe('data/kpi.json: stages: pipeline "sam3_bf16" has no KPI stage entry');
    expect(loadError(withEdit((f) => (nth(f['llm-models.json'].models, 0).measurementAlias = 'ghost'))).message).toMatch(
      /llm-models\.json: models\[0\]\.measurementAlias: "ghost" is neither a model nor a measured cell/,
    );
  });

  it('reports a missing file', () => {
    const error = loadError(withEdit((f) => delete (f as Partial<CatalogFiles>)['vision.json']));
    expect(error.message).toBe('data/vision.json: (root): file is missing');
  });

  it('adding a pipeline is a data edit', () => {
    const files = withEdit((f) => {
      const copy = { ...nth(f['pipelines.json'].pipelines, 9), key: 'my_new_pipeline', label: 'My new pipeline' };
      f['pipelines.json'].pipelines.push(copy);
      const track = f['pipelines.json'].tracks.find((t) => t.id === copy.track);
      if (track === undefined) throw new Error(`no track "${copy.track}" in the bundled files`);
      track.pipelines.push('my_new_pipeline');
      f['kpi.json'].stages.my_new_pipeline = { category: 'one_model', detector: 'My detector', segmenter: null };
    });
    expect(loadCatalog(files).pipelineByKey.my_new_pipeline?.label).toBe('My new pipeline');
  });
});
