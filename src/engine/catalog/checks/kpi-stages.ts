/** kpi.json: exactly one KPI stage per pipeline (the reference checks the same at import), every category ranked. */
import { failCatalog } from '../fail';
import type { CatalogIndexes } from '../indexes';
import type { CatalogFiles } from '../schemas';

export function checkKpiStages(files: CatalogFiles, { pipelineByKey }: CatalogIndexes): void {
  const kpi = files['kpi.json'];
  for (const key of Object.keys(kpi.stages)) {
    if (!pipelineByKey[key]) failCatalog('kpi.json', `stages.${key}`, `unknown pipeline "${key}"`);
  }
  for (const p of files['pipelines.json'].pipelines) {
    if (!kpi.stages[p.key]) failCatalog('kpi.json', 'stages', `pipeline "${p.key}" has no KPI stage entry`);
  }
  for (const stage of Object.values(kpi.stages)) {
    if (!kpi.categoryOrder.includes(stage.category)) failCatalog('kpi.json', 'categoryOrder', `category "${stage.category}" has no rank`);
  }
}
