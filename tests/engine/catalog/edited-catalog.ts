/** Test helpers: a deep copy of the bundled catalog files with one edit, and the error loading it gives. */
import { BUNDLED_CATALOG_FILES } from '../../../src/engine/catalog/bundled';
import { loadCatalog } from '../../../src/engine/catalog/load';
import type { CatalogFiles, RawCatalogFiles } from '../../../src/engine/catalog/schemas';
import { SizerError } from '../../../src/engine/util/errors';

/**
 * The bundled files, deep-copied, with `edit` applied. The shipped files pass their schemas, so the
 * copy is typed as parsed files and edits are type-checked.
 */
export function editedCatalogFiles(edit: (files: CatalogFiles) => void): RawCatalogFiles {
  const copy = JSON.parse(JSON.stringify(BUNDLED_CATALOG_FILES)) as CatalogFiles;
  edit(copy);
  return copy;
}

/** The catalog_invalid error loading `files` gives; fails the test when they load. */
export function catalogLoadError(files: RawCatalogFiles): SizerError {
  try {
    loadCatalog(files);
  } catch (e) {
    if (e instanceof SizerError) return e;
    throw e;
  }
  throw new Error('expected the catalog to be rejected');
}

/** The message of the error loading the bundled files with `edit` applied. */
export function rejectionOf(edit: (files: CatalogFiles) => void): string {
  const error = catalogLoadError(editedCatalogFiles(edit));
  expect(error.code).toBe('catalog_invalid');
  return error.message;
}
