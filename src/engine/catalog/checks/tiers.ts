/** tiers.json: unique display names, known capability tables and reference tiers, unambiguous names. */
import { failCatalog } from '../fail';
import type { CatalogIndexes } from '../indexes';
import type { CatalogFiles } from '../schemas';
import { capabilityTableExists, checkNameCollisions, checkUniqueKeys } from './helpers';

export function checkTiers(files: CatalogFiles, { tierById }: CatalogIndexes): void {
  const tiersFile = files['tiers.json'];
  checkUniqueKeys('tiers.json', 'tiers', tiersFile.tiers, (t) => t.name);
  tiersFile.tiers.forEach((tier, i) => {
    if (!capabilityTableExists(files, tier.capabilityTable)) {
      failCatalog('tiers.json', `tiers[${i}].capabilityTable`, `unknown capability table "${tier.capabilityTable}"`);
    }
  });
  for (const field of ['referenceTierForLegacyScaling', 'bandwidthReferenceTier', 'defaultTier'] as const) {
    if (!tierById[tiersFile[field]]) failCatalog('tiers.json', field, `unknown tier "${tiersFile[field]}"`);
  }
  checkNameCollisions(
    'tiers.json',
    'tiers',
    tiersFile.tiers.map((t) => ({ key: t.id, names: [t.name, ...t.aliases] })),
  );
}
