/**
 * Reads a private anchors file (TOML in the reference's secrets shape, or the same structure as
 * JSON) into a frozen AnchorSet. Pure: the host reads the file and hands over its text.
 *
 * Privacy rule: an error names the first problem by key path and position only. No value from the
 * file reaches a message or a `cause`: parser messages (smol-toml quotes the offending lines, newer
 * V8 quotes a JSON excerpt) are never passed on, only the line and column, and unknown keys are
 * echoed only when they look like identifiers. See docs/decisions/0012-private-anchors.md.
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import { SizerError } from '../util/errors';
import { deepFreeze } from '../util/freeze';
import { describeAnchorCoverage } from './coverage';
import {
  ANCHOR_SECTIONS,
  anchorsFileSchema,
  CNN_ANCHOR_FIELDS,
  CNN_ANCHOR_KEYS,
  LLM_ANCHOR_FIELDS,
  LLM_ANCHOR_MODELS,
  TIER_CELLS,
  type AnchorSet,
  type AnchorsFile,
  type CnnAnchorCell,
  type CnnAnchorFileCell,
  type CnnAnchorKey,
  type LlmAnchorCell,
  type LlmAnchorFileCell,
  type LlmAnchorModel,
  type TierCell,
} from './schema';

export type AnchorFileFormat = 'toml' | 'json';

/** A real anchors file is a few kilobytes; anything this large is the wrong file. */
export const MAX_ANCHORS_FILE_CHARS = 1_000_000;
/** Deeper nesting than the grid's four levels is never valid; the cap keeps a hostile file cheap to refuse. */
const MAX_TOML_DEPTH = 8;
/** The `field` of every SizerError raised here, so hosts can point at the anchors input. */
const ERROR_FIELD = 'anchors';
/** Keys shaped like identifiers can be echoed; anything else (a stray number, say) might be a value. */
const ECHOABLE_KEY = /^[A-Za-z_$][A-Za-z0-9_]{0,63}$/;
const NODE_INSPECT = Symbol.for('nodejs.util.inspect.custom');

function reject(problem: string): never {
  throw new SizerError('invalid_input', `anchors file: ${problem}`, ERROR_FIELD);
}

/** `.toml` or `.json`, from a file name or path (case-insensitive). */
export function formatFromFileName(name: string): AnchorFileFormat {
  const lower = name.trim().toLowerCase();
  if (lower.endsWith('.toml')) return 'toml';
  if (lower.endsWith('.json')) return 'json';
  throw new SizerError('invalid_input', 'anchors file name must end in .toml or .json', ERROR_FIELD);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function readToml(text: string): unknown {
  try {
    // Unsafe keys (__proto__, constructor) are refused by the parser rather than carried into objects.
    return parseToml(text, { unsafeKeyBehaviour: 'throw', maxDepth: MAX_TOML_DEPTH });
  } catch (error) {
    // smol-toml's message embeds the offending lines, which may hold measurements: position only.
    if (error instanceof TomlError) reject(`not valid TOML at line ${error.line}, column ${error.column}`);
    reject('not valid TOML');
  }
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // V8 messages may quote the text around the error; take only the offset, when it gives one.
    const offset = error instanceof Error ? /\bposition (\d+)/.exec(error.message)?.[1] : undefined;
    if (offset === undefined) reject('not valid JSON');
    const { line, column } = lineAndColumn(text, Number(offset));
    reject(`not valid JSON at line ${line}, column ${column}`);
  }
}

function keyText(key: PropertyKey): string {
  const text = String(key);
  return ECHOABLE_KEY.test(text) ? text : '(a key that is not a plain name)';
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map(keyText).join('.');
}

function unknownKeyProblem(parentPath: readonly PropertyKey[]): string {
  const list = (items: readonly string[]): string => items.join(', ');
  switch (parentPath.length) {
    case 0:
      return `unknown section; expected ${list(ANCHOR_SECTIONS)}`;
    case 1:
      return `unknown tier cell; expected one of ${list(TIER_CELLS)}`;
    case 2:
      return parentPath[0] === 'npu_llm_anchors'
        ? `unknown model key; expected one of ${list(LLM_ANCHOR_MODELS)}`
        : `unknown CNN key; expected one of ${list(CNN_ANCHOR_KEYS)}`;
    default:
      return `unknown field; expected ${list(parentPath[0] === 'npu_llm_anchors' ? LLM_ANCHOR_FIELDS : CNN_ANCHOR_FIELDS)}`;
  }
}

/** Issue codes whose messages come from the constant texts in schema.ts. */
const SCHEMA_WORDED_CODES = new Set(['invalid_type', 'too_small', 'too_big', 'invalid_value', 'invalid_format', 'not_multiple_of']);

function validate(document: unknown): AnchorsFile {
  const result = anchorsFileSchema().safeParse(document);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) reject('not valid');
  if (issue.code === 'unrecognized_keys') {
    const first = issue.keys[0] ?? '';
    reject(`${keyPath([...issue.path, first])}: ${unknownKeyProblem(issue.path)}`);
  }
  // Every schema leaf words its own message; anything else gets a generic one rather than zod's text.
  reject(`${keyPath(issue.path)}: ${SCHEMA_WORDED_CODES.has(issue.code) ? issue.message : 'is not valid'}`);
}

/** Makes JSON.stringify and console.log show `summary` instead of the object's numbers. */
function hideFromLogs<T extends object>(target: T, summary: () => unknown): T {
  Object.defineProperty(target, 'toJSON', { value: summary, enumerable: false });
  Object.defineProperty(target, NODE_INSPECT, { value: summary, enumerable: false });
  return target;
}

const CELL_SUMMARY = (): string => '[private anchor cell]';

/** 0 keeps the reference's meaning "not measured" for an optional figure. */
function figureOrNull(value: number | undefined): number | null {
  return value === undefined || value === 0 ? null : value;
}

function llmCell(cell: LlmAnchorFileCell): LlmAnchorCell {
  return hideFromLogs(
    {
      tokps: cell.tokps,
      prefillTokps: figureOrNull(cell.prefill_tokps),
      memGb: figureOrNull(cell.mem_gb),
      seqlen: cell.seqlen ?? null,
      source: cell.source,
      measuredDate: cell.measured_date ?? null,
      peakBwGbps: figureOrNull(cell.peak_bw_gbps),
      bwShareFrac: cell.bw_share_frac ?? null,
      bwEfficiencyFrac: cell.bw_efficiency_frac ?? null,
      notes: cell.notes ?? null,
    },
    CELL_SUMMARY,
  );
}

function cnnCell(cell: CnnAnchorFileCell): CnnAnchorCell {
  return hideFromLogs(
    {
      msPerInference: cell.ms_per_inference,
      fps: figureOrNull(cell.fps),
      memMb: figureOrNull(cell.mem_mb),
      inputRes: cell.input_res ?? null,
      source: cell.source,
      measuredDate: cell.measured_date ?? null,
      peakBwGbps: figureOrNull(cell.peak_bw_gbps),
      bwShareFrac: cell.bw_share_frac ?? null,
      bwEfficiencyFrac: cell.bw_efficiency_frac ?? null,
      notes: cell.notes ?? null,
    },
    CELL_SUMMARY,
  );
}

function buildAnchorSet(file: AnchorsFile): AnchorSet {
  const llm: Partial<Record<TierCell, Partial<Record<LlmAnchorModel, LlmAnchorCell>>>> = {};
  const cnn: Partial<Record<TierCell, Partial<Record<CnnAnchorKey, CnnAnchorCell>>>> = {};
  // Walk the closed key lists (not Object.entries) so only schema-approved keys are ever assigned.
  for (const tierCell of TIER_CELLS) {
    const llmRow = file.npu_llm_anchors?.[tierCell];
    if (llmRow) {
      const row: Partial<Record<LlmAnchorModel, LlmAnchorCell>> = {};
      for (const model of LLM_ANCHOR_MODELS) {
        const cell = llmRow[model];
        if (cell) row[model] = llmCell(cell);
      }
      llm[tierCell] = row;
    }
    const cnnRow = file.cnn_anchors?.[tierCell];
    if (cnnRow) {
      const row: Partial<Record<CnnAnchorKey, CnnAnchorCell>> = {};
      for (const key of CNN_ANCHOR_KEYS) {
        const cell = cnnRow[key];
        if (cell) row[key] = cnnCell(cell);
      }
      cnn[tierCell] = row;
    }
  }
  const set: AnchorSet = { llm, cnn };
  return deepFreeze(hideFromLogs(set, () => ({ anchors: describeAnchorCoverage(set) })));
}

/** The empty set: no cell anchored, every projection unchanged. */
export const NO_ANCHORS: AnchorSet = buildAnchorSet({});

/**
 * Parses and validates an anchors file. Throws SizerError('invalid_input') naming the first problem
 * by key path (or the line and column of a syntax error), never quoting the file.
 */
export function parseAnchors(text: string, format: AnchorFileFormat): AnchorSet {
  if (typeof text !== 'string') reject('expected the text of the file');
  if (format !== 'toml' && format !== 'json') {
    throw new SizerError('invalid_input', 'anchors file format must be "toml" or "json"', ERROR_FIELD);
  }
  if (text.length > MAX_ANCHORS_FILE_CHARS) reject(`larger than ${MAX_ANCHORS_FILE_CHARS} characters; is this the anchors file?`);
  // Editors on Windows may save a byte-order mark, which neither parser accepts.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const document = format === 'toml' ? readToml(body) : readJson(body);
  return buildAnchorSet(validate(document));
}
