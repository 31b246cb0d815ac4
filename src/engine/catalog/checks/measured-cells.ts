/** measured.json: vision cells name known tiers and pipelines; LLM cells and tier anchors known tiers and quants. */
import { failCatalog } from '../fail';
import type { CatalogIndexes } from '../indexes';
import type { CatalogFiles } from '../schemas';

export function checkMeasuredCells(files: CatalogFiles, { tierById, pipelineByKey, quantByKey }: CatalogIndexes): void {
  const measured = files['measured.json'];
  for (const [tierId, byPipeline] of Object.entries(measured.visionMs)) {
    if (!tierById[tierId]) failCatalog('measured.json', `visionMs.${tierId}`, `unknown tier "${tierId}"`);
    for (const key of Object.keys(byPipeline)) {
      if (!pipelineByKey[key]) failCatalog('measured.json', `visionMs.${tierId}.${key}`, `unknown pipeline "${key}"`);
    }
  }
  for (const [tierId, byModel] of Object.entries(measured.llmCells)) {
    if (!tierById[tierId]) failCatalog('measured.json', `llmCells.${tierId}`, `unknown tier "${tierId}"`);
    for (const [model, byQuant] of Object.entries(byModel)) {
      for (const quant of Object.keys(byQuant)) {
        if (!quantByKey[quant]) failCatalog('measured.json', `llmCells.${tierId}.${model}.${quant}`, `unknown quant "${quant}"`);
      }
    }
  }
  for (const tierId of Object.keys(measured.llmTierAnchors)) {
    if (!tierById[tierId]) failCatalog('measured.json', `llmTierAnchors.${tierId}`, `unknown tier "${tierId}"`);
  }
}
