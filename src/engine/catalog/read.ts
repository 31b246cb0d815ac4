/**
 * First loader step: every data file present and valid against its zod schema. The first issue of
 * the first failing file is reported with its JSON path.
 */
import type { z } from 'zod';
import { failCatalog, formatPath } from './fail';
import { CATALOG_FILES, type CatalogFileName, type CatalogFiles, type RawCatalogFiles } from './schemas';

function parseFile<K extends CatalogFileName>(file: K, raw: unknown): CatalogFiles[K] {
  // The mapped type cannot be narrowed per key by the compiler; CATALOG_FILES pairs them by construction.
  const schema = CATALOG_FILES[file] as unknown as z.ZodType<CatalogFiles[K]>;
  const result = schema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    failCatalog(file, formatPath(first?.path ?? []), first?.message ?? 'invalid');
  }
  return result.data;
}

/** The parsed files, in CATALOG_FILES order (which decides which problem is reported first). */
export function readCatalogFiles(raw: RawCatalogFiles): CatalogFiles {
  const files = {} as CatalogFiles;
  for (const file of Object.keys(CATALOG_FILES) as CatalogFileName[]) {
    if (raw[file] === undefined) failCatalog(file, '(root)', 'file is missing');
    (files as Record<CatalogFileName, unknown>)[file] = parseFile(file, raw[file]);
  }
  return files;
}
