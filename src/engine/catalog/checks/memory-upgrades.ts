/** memory-upgrades.json: unique ids, and every label names one option. */
import type { CatalogFiles } from '../schemas';
import { checkNameCollisions, checkUniqueKeys } from './helpers';

export function checkMemoryUpgrades(files: CatalogFiles): void {
  const options = files['memory-upgrades.json'].options;
  checkUniqueKeys('memory-upgrades.json', 'options', options, (m) => m.id);
  checkNameCollisions('memory-upgrades.json', 'options', options.map((m) => ({ key: m.id, names: [m.label] })));
}
