/**
 * Cross-checks of data/llm-bundle.json against itself and the other catalog files, run once at load
 * (from loadCatalog). The zod schema checks each value; these check that the values agree: known
 * tiers, measured keys and quant schemes, a cell for every model, anchors of the right architecture.
 */
import { failCatalog } from '../catalog/fail';
import type { CatalogFiles } from '../catalog/schemas';
import { normalizeName } from '../util/names';

function fail(path: string, message: string): never {
  failCatalog('llm-bundle.json', path, message);
}

export function checkLlmBundle(files: CatalogFiles): void {
  const bundle = files['llm-bundle.json'];
  const tierIds = new Set(files['tiers.json'].tiers.map((t) => t.id));
  const quantSchemes = files['capability.json'].quantSchemeToCapabilityKey;
  const measured = files['measured.json'];

  if (!tierIds.has(bundle.measuredOnTier)) fail('measuredOnTier', `unknown tier "${bundle.measuredOnTier}"`);

  // Keys a tier anchor or measured cell is stored under anywhere in measured.json.
  const measuredKeys = new Set<string>();
  for (const byKey of Object.values(measured.llmTierAnchors)) Object.keys(byKey).forEach((k) => measuredKeys.add(k));
  for (const byKey of Object.values(measured.llmCells)) Object.keys(byKey).forEach((k) => measuredKeys.add(k));

  // Models: unique keys, every name a user can type resolves to one model, shapes that add up.
  const modelByKey = new Map<string, (typeof bundle.models)[number]>();
  const nameOwner = new Map<string, string>();
  bundle.models.forEach((model, i) => {
    if (modelByKey.has(model.key)) fail(`models[${i}].key`, `duplicate key "${model.key}"`);
    modelByKey.set(model.key, model);
    for (const name of [model.key, model.displayName, ...model.aliases]) {
      const owner = nameOwner.get(normalizeName(name));
      if (owner !== undefined && owner !== model.key) fail(`models[${i}]`, `the name "${name}" of "${model.key}" also names "${owner}"`);
      nameOwner.set(normalizeName(name), model.key);
    }
    if (model.activeParams > model.totalParams) fail(`models[${i}].activeParams`, 'active parameters exceed total parameters');
    if (model.isMoe && model.activeParams === model.totalParams) fail(`models[${i}].isMoe`, 'a MoE model has fewer active than total parameters');
    if (!model.isMoe && model.activeParams !== model.totalParams) fail(`models[${i}].isMoe`, 'a dense model reads every parameter per token: active must equal total');
    if (model.numKvHeads > model.numAttentionHeads) fail(`models[${i}].numKvHeads`, 'more KV heads than attention heads');
    if (quantSchemes[model.quantScheme] === undefined) fail(`models[${i}].quantScheme`, `unknown quant scheme "${model.quantScheme}"`);
    model.tierAnchorKeys.forEach((key, j) => {
      if (!measuredKeys.has(key)) fail(`models[${i}].tierAnchorKeys[${j}]`, `"${key}" is not a key in measured.json`);
    });
  });
  const knownModel = (path: string, key: string): (typeof bundle.models)[number] => {
    const model = modelByKey.get(key);
    if (!model) fail(path, `unknown model "${key}"`);
    return model;
  };

  // Token-shaped workloads.
  const workloadKeys = new Set<string>();
  bundle.workloads.forEach((w, i) => {
    if (workloadKeys.has(w.key)) fail(`workloads[${i}].key`, `duplicate key "${w.key}"`);
    workloadKeys.add(w.key);
  });
  if (!workloadKeys.has(bundle.defaultWorkload)) fail('defaultWorkload', `unknown workload "${bundle.defaultWorkload}"`);

  // Cells: known models and workloads; every model needs at least one anchor for its curve.
  for (const [modelKey, byWorkload] of Object.entries(bundle.cells)) {
    knownModel(`cells.${modelKey}`, modelKey);
    for (const workload of Object.keys(byWorkload)) {
      if (!workloadKeys.has(workload)) fail(`cells.${modelKey}.${workload}`, `unknown workload "${workload}"`);
    }
  }
  bundle.models.forEach((model, i) => {
    if (Object.keys(bundle.cells[model.key] ?? {}).length === 0) fail(`models[${i}]`, `"${model.key}" has no bake-off cells`);
  });

  // Curve and what-if constants.
  knownModel('contextCurve.defaultModel', bundle.contextCurve.defaultModel);
  bundle.contextCurve.grid.forEach((point, i, grid) => {
    const previous = grid[i - 1];
    if (previous !== undefined && point <= previous) fail(`contextCurve.grid[${i}]`, 'the grid must be strictly ascending');
  });
  const whatIf = bundle.whatIf;
  if (!knownModel('whatIf.moeAnchorModel', whatIf.moeAnchorModel).isMoe) fail('whatIf.moeAnchorModel', `"${whatIf.moeAnchorModel}" is not a MoE model`);
  if (knownModel('whatIf.denseAnchorModel', whatIf.denseAnchorModel).isMoe) fail('whatIf.denseAnchorModel', `"${whatIf.denseAnchorModel}" is not a dense model`);
  if (!knownModel('whatIf.referenceMoeModel', whatIf.referenceMoeModel).isMoe) fail('whatIf.referenceMoeModel', `"${whatIf.referenceMoeModel}" is not a MoE model`);
  const defaults = whatIf.defaults;
  if (defaults.bytesPerParam < whatIf.bytesPerParamRange.min || defaults.bytesPerParam > whatIf.bytesPerParamRange.max) {
    fail('whatIf.defaults.bytesPerParam', `${defaults.bytesPerParam} is outside bytesPerParamRange`);
  }
  if (defaults.activeParamsB > defaults.totalParamsB) fail('whatIf.defaults.activeParamsB', 'active parameters exceed total parameters');
}
