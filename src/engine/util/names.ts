/**
 * Name matching for everything a user types: display names ("NPU Mid"), keys ("trt_fp8_1hz_clip")
 * and short ids ("mid", "lpddr6-14") all match case-insensitively, ignoring spaces and punctuation
 * other than the decimal point.
 */
import { SizerError } from './errors';

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.]+/g, '');
}

export interface NamedEntry<T> {
  readonly key: string;
  readonly label: string;
  readonly names: readonly string[];
  readonly value: T;
}

export interface NameResolver<T> {
  /** Throws an unknown_name SizerError that lists the valid choices. */
  resolve(name: string, field: string): T;
  tryResolve(name: string): T | undefined;
  readonly entries: readonly NamedEntry<T>[];
}

export function makeNameResolver<T>(what: string, entries: readonly NamedEntry<T>[]): NameResolver<T> {
  const byName = new Map<string, T>();
  // Exact spellings first: most lookups repeat a key or label verbatim, and skip normalising.
  const exact = new Map<string, T>();
  for (const entry of entries) {
    for (const name of [entry.key, entry.label, ...entry.names]) {
      byName.set(normalizeName(name), entry.value);
      exact.set(name, entry.value);
    }
  }
  const lookup = (name: string): T | undefined => exact.get(name) ?? byName.get(normalizeName(name));
  const choices = entries.map((e) => (e.label === e.key ? e.key : `${e.key} ("${e.label}")`)).join(', ');
  return {
    entries,
    tryResolve: lookup,
    resolve(name, field) {
      const value = lookup(name);
      if (value === undefined) {
        throw new SizerError('unknown_name', `unknown ${what} "${name}"; valid: ${choices}`, field);
      }
      return value;
    },
  };
}
