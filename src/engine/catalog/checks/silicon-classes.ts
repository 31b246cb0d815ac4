/** silicon-classes.json: a class's capability table, when it names one, exists. */
import { failCatalog } from '../fail';
import type { CatalogFiles } from '../schemas';
import { capabilityTableExists } from './helpers';

export function checkSiliconClasses(files: CatalogFiles): void {
  files['silicon-classes.json'].classes.forEach((c, i) => {
    if (c.capabilityTable !== null && !capabilityTableExists(files, c.capabilityTable)) {
      failCatalog('silicon-classes.json', `classes[${i}].capabilityTable`, `unknown capability table "${c.capabilityTable}"`);
    }
  });
}
