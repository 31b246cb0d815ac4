/**
 * `sizer query`: one JSON query per input line, one JSON result per line. A line that cannot be
 * answered gets `{"id", "error": {"code", "message"}}` and the run goes on.
 */
import { type Engine, isSizerError } from '../engine';
import { type AnswerOptions, DEFAULT_ANSWER_OPTIONS, QueryProblem, type QueryErrorCode, type QueryResult } from './kinds/common';
import { QUERY_KINDS } from './kinds';

export type { AnswerOptions, QueryErrorCode, QueryResult } from './kinds/common';

export interface QueryError {
  readonly id: string | number | null;
  readonly error: { readonly code: QueryErrorCode; readonly message: string };
}

const KIND_BY_NAME = new Map(QUERY_KINDS.map((k) => [k.kind, k]));
const KIND_NAMES = QUERY_KINDS.map((k) => k.kind).join(', ');

function answer(engine: Engine, raw: Record<string, unknown>, options: AnswerOptions): QueryResult {
  const kind = raw.kind;
  const handler = typeof kind === 'string' ? KIND_BY_NAME.get(kind) : undefined;
  if (!handler) {
    throw new QueryProblem(
      kind === undefined ? 'missing_field' : 'unknown_kind',
      kind === undefined ? `a query needs "kind"; valid: ${KIND_NAMES}` : `unknown kind ${JSON.stringify(kind)}; valid: ${KIND_NAMES}`,
    );
  }
  return handler.answer(engine, raw, options);
}

function idOf(raw: unknown): string | number | null {
  if (raw !== null && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

function errorOf(id: string | number | null, code: QueryErrorCode, message: string): QueryError {
  return { id, error: { code, message } };
}

/** The first top-level field holding a number JSON cannot print (NaN, Infinity), or null. */
function nonFiniteField(result: QueryResult): string | null {
  // A plain loop: this runs on every answer, and a closure per line showed in the profile.
  for (const key of Object.keys(result)) {
    const value = result[key];
    if (typeof value === 'number' && !Number.isFinite(value)) return key;
  }
  return null;
}

/** A line's answer before its id is put in front: the line's id and the kind's result, or the error. */
export type LineOutcome = { readonly id: string | number | null; readonly result: QueryResult } | QueryError;

/** Answers one input line; never throws. */
export function answerLine(engine: Engine, line: string, options: AnswerOptions = DEFAULT_ANSWER_OPTIONS): QueryResult | QueryError {
  const outcome = answerLineOutcome(engine, line, options);
  return 'error' in outcome ? outcome : { id: outcome.id, ...outcome.result };
}

/**
 * Answers one input line, leaving the id beside the result rather than copying the result behind it
 * (the run writes the two as one JSON object: see run-query.ts); never throws.
 */
export function answerLineOutcome(engine: Engine, line: string, options: AnswerOptions = DEFAULT_ANSWER_OPTIONS): LineOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return errorOf(null, 'invalid_json', `line is not JSON: ${(e as Error).message}`);
  }
  const id = idOf(raw);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return errorOf(id, 'invalid_json', 'each line must be one JSON object');
  }
  try {
    const result = answer(engine, raw as Record<string, unknown>, options);
    // JSON would print NaN or Infinity as null, silently: say there is no finite answer instead.
    const nonFinite = nonFiniteField(result);
    if (nonFinite !== null) return errorOf(id, 'out_of_range', `the projection has no finite ${nonFinite} for these inputs`);
    return { id, result };
  } catch (e) {
    if (e instanceof QueryProblem) return errorOf(id, e.code, e.message);
    if (isSizerError(e)) return errorOf(id, e.code === 'catalog_invalid' ? 'internal_error' : e.code, e.message);
    return errorOf(id, 'internal_error', `unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
  }
}
