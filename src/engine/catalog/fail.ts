/**
 * The one form of a catalog error: a `catalog_invalid` SizerError naming the data file and the JSON
 * path of the problem, e.g. `data/tiers.json: tiers[2].capabilityTable: unknown capability table "x"`.
 * Every loader step and cross-check reports through here.
 */
import { SizerError } from '../util/errors';
import type { CatalogFileName } from './schemas';

/** A zod issue path as the catalog's messages write it: `tiers[2].memory.type`, `(root)` when empty. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text === '' ? '(root)' : text;
}

export function failCatalog(file: CatalogFileName, path: string, message: string): never {
  throw new SizerError('catalog_invalid', `data/${file}: ${path}: ${message}`);
}
