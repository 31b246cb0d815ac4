/** What the fuzz and security tests hold every answer to. */

/** The `sizer query` error codes the README and docs/query-kinds.md promise (internal_error is not one: it means a crash). */
export const DOCUMENTED_CODES: readonly string[] = ['invalid_json', 'missing_field', 'invalid_input', 'unknown_name', 'not_whole', 'out_of_range', 'not_applicable', 'unknown_kind'];

/** Field names of rates and durations, which are never negative: fps, tok/s, Hz, ms, seconds. */
export const RATE_OR_TIME = /(fps|tok_s|tokps|_hz)(_|$)|(^|_)ms(_|$)|_sec$|_s$|^ttft/;
