/** Small rules several catalog checks share. */
import { normalizeName } from '../../util/names';
import { failCatalog } from '../fail';
import { indexBy } from '../indexes';
import type { CatalogFileName, CatalogFiles } from '../schemas';

/** Rejects a second item with the same key (reported like a duplicate index key) where no index is kept. */
export function checkUniqueKeys<T>(file: CatalogFileName, what: string, items: readonly T[], keyOf: (item: T) => string): void {
  indexBy(file, what, items, keyOf);
}

/** Names users type must resolve to exactly one entry. */
export function checkNameCollisions(
  file: CatalogFileName,
  what: string,
  entries: readonly { key: string; names: readonly string[] }[],
): void {
  const owner = new Map<string, string>();
  for (const entry of entries) {
    for (const name of [entry.key, ...entry.names]) {
      const normal = normalizeName(name);
      const previous = owner.get(normal);
      if (previous !== undefined && previous !== entry.key) {
        failCatalog(file, what, `the name "${name}" of "${entry.key}" also names "${previous}"`);
      }
      owner.set(normal, entry.key);
    }
  }
}

export function capabilityTableExists(files: CatalogFiles, id: string): boolean {
  return Object.prototype.hasOwnProperty.call(files['capability.json'].tables, id);
}
