/** tiers.json: at least one tier is in the sizing ladder (every host lists the ladder). */
import { failCatalog } from '../fail';
import type { CatalogIndexes } from '../indexes';
import type { CatalogFiles } from '../schemas';

export function checkLadder(_files: CatalogFiles, { ladder }: CatalogIndexes): void {
  if (ladder.length === 0) failCatalog('tiers.json', 'tiers', 'no tier is in the ladder');
}
