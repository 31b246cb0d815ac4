/**
 * A deep copy of the shipped catalog with one more quant and one more ladder tier, for tests that
 * show help text and lists follow the data instead of retyping it.
 */
import { BUNDLED_CATALOG_FILES, type Catalog, loadCatalog, type RawCatalogFiles } from '../../src/engine';

export const NEW_QUANT = 'Q6_K';
/** A memory-upgradable tier (copied from NPU Mid), placed after it on the ladder. */
export const NEW_TIER = { id: 'mid-plus', name: 'NPU Mid Plus' } as const;

export function copyOfShippedFiles(): RawCatalogFiles {
  return structuredClone(BUNDLED_CATALOG_FILES);
}

/** The shipped data plus NEW_QUANT (copied from Q5_K_M) and NEW_TIER. */
export function extendedCatalog(): Catalog {
  const files = copyOfShippedFiles();
  const llm = files['llm.json'] as { quants: { key: string }[] };
  const q5 = llm.quants.find((q) => q.key === 'Q5_K_M');
  llm.quants.push({ ...q5!, key: NEW_QUANT });
  const tiers = files['tiers.json'] as { tiers: { id: string; name: string; aliases: string[] }[] };
  const mid = tiers.tiers.find((t) => t.id === 'mid');
  tiers.tiers.splice(tiers.tiers.indexOf(mid!) + 1, 0, { ...structuredClone(mid!), ...NEW_TIER, aliases: [] });
  return loadCatalog(files);
}
