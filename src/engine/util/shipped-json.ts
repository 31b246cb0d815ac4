/**
 * Data checked when SIZER is built and embedded in the bundles as JSON text with its content hash
 * (docs/decisions/0026-shipped-catalog-checked-at-build.md): the catalog (catalog/shipped.ts) and the
 * calibrated basis's constants (calibration/shipped.ts). At start the text is verified against its hash
 * and parsed, with no schema validation.
 */
import { contentHash } from './content-hash';
import { SizerError } from './errors';

/** Validated data as JSON text, and that text's content hash (util/content-hash.ts). */
export interface ShippedJson {
  readonly text: string;
  readonly hash: string;
}

/** Where a value differs from its JSON round trip (undefined, NaN, -0, a Date...), or null when it is the same. */
function jsonMismatch(value: unknown, copy: unknown, path: string): string | null {
  if (typeof value === 'number') return Object.is(value, copy) ? null : path;
  if (value === null || typeof value !== 'object') return value === copy ? null : path;
  if (copy === null || typeof copy !== 'object' || Array.isArray(value) !== Array.isArray(copy)) return path;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return path;
  const keys = Object.keys(value);
  const copyKeys = Object.keys(copy);
  if (keys.length !== copyKeys.length || keys.some((key, i) => key !== copyKeys[i])) return path;
  for (const key of keys) {
    const inner = jsonMismatch((value as Record<string, unknown>)[key], (copy as Record<string, unknown>)[key], `${path}.${key}`);
    if (inner !== null) return inner;
  }
  return null;
}

/**
 * Build time: validated data as the text to ship. Throws if the data would not survive JSON (a schema that
 * produced a value JSON cannot carry), so what ships is exactly what was checked.
 */
export function shipJson(validated: unknown, what: string): ShippedJson {
  const text = JSON.stringify(validated);
  const differs = jsonMismatch(validated, JSON.parse(text), `(${what})`);
  if (differs !== null) throw new SizerError('catalog_invalid', `the validated ${what} does not survive JSON at ${differs}`);
  return { text, hash: contentHash(text) };
}

/** Start: the data from the text shipJson made, after checking it is the text that was hashed. */
export function readShippedJson(shipped: ShippedJson, what: string): unknown {
  const actual = contentHash(shipped.text);
  if (actual !== shipped.hash) {
    throw new SizerError('catalog_invalid', `the shipped ${what} was changed after it was checked (content hash ${actual}, built as ${shipped.hash}); rebuild SIZER`);
  }
  return JSON.parse(shipped.text);
}
