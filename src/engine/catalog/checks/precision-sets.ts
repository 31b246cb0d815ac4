/** precision-sets.json: each set's table, dtype and suffix are known; each ladder names a known tier and silicon class. */
import { failCatalog } from '../fail';
import type { CatalogIndexes } from '../indexes';
import type { CatalogFiles } from '../schemas';
import { capabilityTableExists } from './helpers';

export function checkPrecisionSets(files: CatalogFiles, { tierById, siliconClassById }: CatalogIndexes): void {
  const capability = files['capability.json'];
  const precision = files['precision-sets.json'];
  precision.sets.forEach((set, i) => {
    if (!capabilityTableExists(files, set.capabilityTable)) failCatalog('precision-sets.json', `sets[${i}].capabilityTable`, `unknown capability table "${set.capabilityTable}"`);
    if (!capability.dtypeToPeakField[set.computeDtype]) failCatalog('precision-sets.json', `sets[${i}].computeDtype`, `no peak field for dtype "${set.computeDtype}"`);
    if (!precision.variantSuffix[set.id]) failCatalog('precision-sets.json', 'variantSuffix', `no suffix for set "${set.id}"`);
  });
  precision.ladders.forEach((ladder, i) => {
    if (!tierById[ladder.tier]) failCatalog('precision-sets.json', `ladders[${i}].tier`, `unknown tier "${ladder.tier}"`);
    if (!siliconClassById[ladder.siliconClass]) failCatalog('precision-sets.json', `ladders[${i}].siliconClass`, `unknown silicon class "${ladder.siliconClass}"`);
  });
}
