/**
 * Engine bugs the fuzzers found that are not fixed yet, as predicates over the query line that
 * triggers them. A fuzz failure is tolerated (and counted in FUZZ_VERBOSE output) only when its input
 * matches one of these; each has a minimal test in regressions.test.ts, marked it.failing while open.
 *
 * When a fix lands: its regression test starts passing, Jest reports the it.failing as failed, so turn
 * it into a plain it() and delete the entry here; the fuzzers then check those inputs again.
 *
 * None is open: bugs 1 to 3 (memory upgrade on a bus-less custom tier, extreme custom-tier figures,
 * what_if without upper bounds) are fixed. Bug 4 (NaN from visionFpsUnderLlmLoad) is only reachable
 * through them, so no query line triggers it any more.
 */
export interface KnownBug {
  readonly name: string;
  readonly matches: (query: Record<string, unknown>) => boolean;
}

export const KNOWN_QUERY_BUGS: readonly KnownBug[] = [];

/** Which known bug (if any) explains a failure on this query line. */
export function knownQueryBug(line: string): string | null {
  let query: unknown;
  try {
    query = JSON.parse(line);
  } catch {
    return null;
  }
  if (query === null || typeof query !== 'object' || Array.isArray(query)) return null;
  return KNOWN_QUERY_BUGS.find((bug) => bug.matches(query as Record<string, unknown>))?.name ?? null;
}
