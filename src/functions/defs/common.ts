/** Argument declarations and result helpers shared by the SIZER function definitions. */
import { answerKindText, ladderTierIds, npuShareDefaultsText, listText, listWithDefault, llmDefaults, memoryUpgradeLabels, memoryUpgradeTierNames, precisionSetIds, precisionSetTierNames, quantKeys, resolutionNames } from '../../engine';
import { type Catalog, describeInput, type InputRange, type InputRangeId, isInRange } from '../../engine';
import type { ArgSpec, CatalogText, MatrixResult, ScalarResult } from '../registry/types';
import { FunctionError } from '../registry/types';

export const arg = (name: string, type: ArgSpec['type'], help: CatalogText): ArgSpec => ({ name, type, optional: false, help });
export const opt = (name: string, type: ArgSpec['type'], help: CatalogText): ArgSpec => ({ name, type, optional: true, help });

/**
 * A number argument described by the engine's range table: its help says what it is, its valid
 * range and what a blank gives, from the one declaration the engine checks against. `lead`
 * replaces the table's label where the function means something more specific.
 */
function ranged(optional: boolean, id: InputRangeId, name?: string, lead?: (c: Catalog) => string): ArgSpec {
  return {
    name: name ?? id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    type: 'number',
    optional,
    range: id,
    help: (c) => {
      const range = c.inputRanges[id];
      const text = describeInput(range, lead ? lead(c) : capitalize(range.label));
      // A required argument has no blank: drop the "; blank = ..." tail.
      return optional ? text : text.slice(0, text.lastIndexOf('; blank ='));
    },
  };
}
export const rangedArg = (id: InputRangeId, name?: string, lead?: (c: Catalog) => string): ArgSpec => ranged(false, id, name, lead);
export const rangedOpt = (id: InputRangeId, name?: string, lead?: (c: Catalog) => string): ArgSpec => ranged(true, id, name, lead);

/**
 * For an argument that carries several inputs (BUDGETROW's streams_or_qpm): a 0 that is not a valid
 * value of the input it carries here is how Excel desktop passes an empty cell, so it means blank.
 */
export function blankIfInvalidZero(value: number | null, range: InputRange): number | null {
  return value === 0 && !isInRange(range, 0) ? null : value;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const TIER_ARG = arg('tier', 'string', (c) => `Preset tier by name or id (${ladderTierIds(c).join(', ')}; see SIZER.TIERS) or a custom tier from SIZER.CUSTOMTIER`);
export const MEMORY_ARG = opt('memory', 'string', (c) => `Memory upgrade for ${listText(memoryUpgradeTierNames(c), 'and')} (${listText(memoryUpgradeLabels(c))}, or its id); blank = stock memory`);
export const PRECISION_SET_ARG = opt('precision_set', 'string', (c) => `Precision set for ${listText(precisionSetTierNames(c), 'and')}: ${listText(precisionSetIds(c))}; blank = stock`);
export const NPU_SHARE_ARG = rangedOpt('npuShare', 'npu_share', (c) => `Share of the NPU this workload gets (tier defaults: ${npuShareDefaultsText(c)})`);
export const MODEL_ARG = arg('model', 'string', 'LLM model key or label (see SIZER.MODELS)');
export const QUANT_ARG = opt('quant', 'string', (c) => `Quant: ${listWithDefault(quantKeys(c), llmDefaults(c).quant)}`);
export const WORKLOAD_ARG = opt('workload', 'string', (c) => `Workload pattern (see SIZER.WORKLOADS); blank = ${llmDefaults(c).workload}`);
export const PIPELINE_ARG = arg('pipeline', 'string', 'Vision pipeline key or label (see SIZER.PIPELINES)');
export const RESOLUTION_ARG = opt('resolution', 'string', (c) => `Camera resolution: ${listWithDefault(resolutionNames(c), c.files['vision.json'].defaultResolution)}`);
export const STREAMS_ARG = rangedOpt('streams', 'streams', () => 'Camera streams sharing the NPU');
export const COMPILER_QUALITY_ARG = rangedOpt('compilerQuality', 'compiler_quality', () => 'Compiler quality relative to TensorRT (1 = as good)');
export const QUERIES_PER_MINUTE_ARG = rangedOpt('queriesPerMinute', 'queries_per_minute', () => 'LLM queries per minute');
export const ANSWER_KIND_ARG = opt('answer_kind', 'string', (c) => `Answer length: ${answerKinds(c)}`);
export const BASIS_ARG = opt(
  'basis',
  'string',
  "Projection basis: reference (default: the reference tool's numbers) or calibrated (fitted to published measurements, see docs/accuracy.md)",
);
/**
 * The one sentence a function whose numbers the calibrated basis never changes carries in its
 * description, so it says why it has no basis argument (docs/decisions/0033-functions-on-a-basis.md).
 */
export const SAME_ON_EITHER_BASIS = 'The same on either basis: the calibrated basis replaces projected LLM decode only, so this function takes no basis argument.';
/** A description followed by SAME_ON_EITHER_BASIS. */
export const onEitherBasis = (description: string): string => `${description} ${SAME_ON_EITHER_BASIS}`;
export const WITH_HEADER_ARG = opt('with_header', 'boolean', 'TRUE (default) to spill a header row above the values');
export const FIELD_ARG = (what: string): ArgSpec => opt('field', 'string', `One ${what} field to return; blank = the whole record as a header row and a value row`);

/** "short (200 tokens, default) or rag (8K prompt + 2K answer)", from data/llm.json. */
export function answerKinds(c: Catalog): string {
  const text = answerKindText(c);
  const mark = (kind: 'short' | 'rag'): string => (llmDefaults(c).answerKind === kind ? ', default' : '');
  return `short (${text.short}${mark('short')}) or rag (${text.rag}${mark('rag')})`;
}

/** Blank cells for missing values: a spilled record never shows "null". */
export function cell(value: unknown): ScalarResult {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * A record as a header row and a value row, or one field of it. Unknown fields list the valid ones.
 */
export function recordResult(fn: string, record: Readonly<Record<string, unknown>>, field: string | null): ScalarResult | MatrixResult {
  const keys = Object.keys(record);
  if (field === null) return [keys, keys.map((k) => cell(record[k]))];
  const key = keys.find((k) => k.toLowerCase() === field.trim().toLowerCase());
  if (key === undefined) throw new FunctionError('value', `SIZER.${fn}: unknown field "${field}"; valid: ${keys.join(', ')}`);
  const value = record[key];
  if (value === null || value === undefined) throw new FunctionError('na', `SIZER.${fn}: ${key} has no value for these inputs`);
  return cell(value);
}

/** A column of values spilled down (a data-validation list source). */
export function column(values: readonly ScalarResult[]): MatrixResult {
  return values.map((v) => [v]);
}

/** Header row (optional) above rows built from records with the same keys. */
export function table(records: readonly Readonly<Record<string, unknown>>[], withHeader: boolean): MatrixResult {
  const first = records[0];
  if (!first) return [['']];
  const keys = Object.keys(first);
  const rows = records.map((r) => keys.map((k) => cell(r[k])));
  return withHeader ? [keys, ...rows] : rows;
}
