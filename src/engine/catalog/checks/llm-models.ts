/**
 * llm-models.json: the reference models exist, each role appears once, and each model's alias,
 * dtype, parameter counts and categories are known and sensible; shape models name known quant schemes.
 */
import { failCatalog } from '../fail';
import type { CatalogIndexes } from '../indexes';
import type { CatalogFiles } from '../schemas';
import { checkNameCollisions } from './helpers';

export function checkLlmModels(files: CatalogFiles, { modelByKey, workloadByKey }: CatalogIndexes): void {
  const capability = files['capability.json'];
  const measured = files['measured.json'];
  const modelsFile = files['llm-models.json'];
  checkNameCollisions('llm-models.json', 'models', modelsFile.models.map((m) => ({ key: m.key, names: [m.label] })));
  for (const field of ['defaultModel', 'productionReference', 'perfReference'] as const) {
    if (!modelByKey[modelsFile[field]]) failCatalog('llm-models.json', field, `unknown model "${modelsFile[field]}"`);
  }
  if (new Set(modelsFile.roleOrder).size !== modelsFile.roleOrder.length) failCatalog('llm-models.json', 'roleOrder', 'each role must appear once');
  // An alias names another model or a measured cell / tier anchor that stands in for this model.
  const measuredKeys = new Set<string>();
  for (const byModel of Object.values(measured.llmCells)) Object.keys(byModel).forEach((k) => measuredKeys.add(k));
  for (const byModel of Object.values(measured.llmTierAnchors)) Object.keys(byModel).forEach((k) => measuredKeys.add(k));
  modelsFile.models.forEach((m, i) => {
    if (m.measurementAlias !== null && !modelByKey[m.measurementAlias] && !measuredKeys.has(m.measurementAlias)) {
      failCatalog('llm-models.json', `models[${i}].measurementAlias`, `"${m.measurementAlias}" is neither a model nor a measured cell`);
    }
    if (!capability.dtypeToCapabilityKey[m.computeDtype]) failCatalog('llm-models.json', `models[${i}].computeDtype`, `unknown dtype "${m.computeDtype}"`);
    if (m.activeParamsB > m.totalParamsB) failCatalog('llm-models.json', `models[${i}].activeParamsB`, 'active parameters exceed total parameters');
    for (const category of Object.keys(m.categories)) {
      if (!modelsFile.categoryLabels[category]) failCatalog('llm-models.json', `models[${i}].categories.${category}`, `unknown category "${category}"`);
    }
  });
  modelsFile.shapeModels.forEach((m, i) => {
    if (!capability.quantSchemeToCapabilityKey[m.quantScheme]) failCatalog('llm-models.json', `shapeModels[${i}].quantScheme`, `unknown quant scheme "${m.quantScheme}"`);
  });
  if (!workloadByKey[modelsFile.shapeDefaults.workload]) failCatalog('llm-models.json', 'shapeDefaults.workload', `unknown workload "${modelsFile.shapeDefaults.workload}"`);
}
