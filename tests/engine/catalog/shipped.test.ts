/**
 * The shipped catalog is validated when SIZER is built and only hash-checked at start
 * (src/engine/catalog/shipped.ts, decision 0026): the build refuses a bad catalog with the loader's own
 * message, the start refuses text that is not the text that was checked, and what starts is the same
 * catalog the full loader gives.
 */
import { BUNDLED_CATALOG_FILES } from '../../../src/engine/catalog/bundled';
import { loadCatalog } from '../../../src/engine/catalog/load';
import { loadCatalogFromShipped, shipCatalog } from '../../../src/engine/catalog/shipped';
import { contentHash } from '../../../src/engine/util/content-hash';
import { editedCatalogFiles } from './edited-catalog';

describe('the shipped catalog', () => {
  const shipped = shipCatalog(BUNDLED_CATALOG_FILES);

  it('starts as the same catalog the full loader gives, frozen', () => {
    const started = loadCatalogFromShipped(shipped);
    const full = loadCatalog(BUNDLED_CATALOG_FILES);
    expect(JSON.stringify(started)).toBe(JSON.stringify(full));
    expect(started.tierById.mid?.name).toBe('NPU Mid');
    expect(Object.isFrozen(started.files['tiers.json'].tiers[0])).toBe(true);
  });

  it('is refused at build time when a file breaks its schema, naming the file and path', () => {
    const bad = editedCatalogFiles((files) => {
      (files['tiers.json'].tiers[0] as unknown as Record<string, unknown>).inLadder = 'yes';
    });
    expect(() => shipCatalog(bad)).toThrow(/tiers\.json.*tiers\[0\]/);
  });

  it('is refused at start when its text changed after the build (one digit is enough)', () => {
    const edited = shipped.text.replace('"NPU Mid"', '"NPU Mad"');
    expect(edited).not.toBe(shipped.text);
    expect(() => loadCatalogFromShipped({ text: edited, hash: shipped.hash })).toThrow(/changed after it was checked/);
  });

  it('hashes by content: equal texts agree, a one-character change differs', () => {
    expect(contentHash('abc')).toBe(contentHash('abc'));
    expect(contentHash('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash('abc')).not.toBe(contentHash('abd'));
    expect(contentHash('')).not.toBe(contentHash(' '));
  });
});
