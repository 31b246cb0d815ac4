/**
 * Object's functions, bound once: deepFreeze visits every object of the catalog at start, and a global
 * lookup per visit cost more than the freezing where globals are slow to reach (a vm context, as
 * npm run bench evaluates functions.js).
 */
const { freeze, isFrozen, keys } = Object;

/** Deep-freezes plain data so the catalog and everything derived from it cannot be mutated. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !isFrozen(value)) {
    freeze(value);
    for (const key of keys(value as object)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
