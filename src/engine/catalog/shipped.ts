/**
 * The catalog SIZER ships, checked once when it is built instead of at every start
 * (docs/decisions/0026-shipped-catalog-checked-at-build.md).
 *
 * At build time webpack.config.js calls shipCatalog: the data/*.json files go through the full loader
 * (zod schemas and every cross-check; a bad catalog stops the build with the loader's own message), and
 * the validated files are embedded in the bundles as JSON text with its content hash (util/content-hash.ts). At start
 * loadShippedCatalog verifies that hash and builds the lookup tables from the parsed text, with no zod
 * and no cross-checks: the whole-catalog validation that took most of a CLI start, and of functions.js's
 * initialisation, is already done. Where no bundle was built (jest, tsx) the full loader runs instead.
 * Files a user hands in (anchors, calibration) are always validated in full.
 */
import { readShippedJson, type ShippedJson, shipJson } from '../util/shipped-json';
import { BUNDLED_CATALOG_FILES } from './bundled';
import { type Catalog, loadCatalog, loadCheckedCatalog } from './load';
import type { CatalogFiles, RawCatalogFiles } from './schemas';

/** The validated catalog files as JSON text, and that text's content hash (util/content-hash.ts). */
export type ShippedCatalog = ShippedJson;

/**
 * Build time: validates the raw files with the full loader (throws its catalog_invalid error) and returns
 * the validated files as the text to ship. Throws too if the validated files would not survive JSON
 * (a schema that produced a value JSON cannot carry), so the shipped catalog is exactly what was checked.
 */
export function shipCatalog(raw: RawCatalogFiles = BUNDLED_CATALOG_FILES): ShippedCatalog {
  return shipJson(loadCatalog(raw).files, 'catalog');
}

/** Start: the catalog from the text shipCatalog made, after checking it is the text that was hashed. */
export function loadCatalogFromShipped(shipped: ShippedCatalog): Catalog {
  return loadCheckedCatalog(readShippedJson(shipped, 'catalog') as CatalogFiles);
}

let loaded: Catalog | null = null;

/** The shipped catalog: embedded and checked at build time in a bundle, else (jest, tsx) validated now. Loaded once. */
export function loadShippedCatalog(): Catalog {
  // Two string constants rather than one object, so webpack decides this test while building and the
  // full loader (zod schemas, cross-checks, the raw data files) is left out of the bundles entirely.
  loaded ??=
    typeof __SIZER_SHIPPED_CATALOG_TEXT__ === 'string'
      ? loadCatalogFromShipped({ text: __SIZER_SHIPPED_CATALOG_TEXT__, hash: __SIZER_SHIPPED_CATALOG_HASH__ })
      : loadCatalog(BUNDLED_CATALOG_FILES);
  return loaded;
}
