/** Argument declarations and result helpers shared by the SIZER function definitions. */
import type { ArgSpec, MatrixResult, ScalarResult } from '../registry/types';
import { FunctionError } from '../registry/types';

export const arg = (name: string, type: ArgSpec['type'], help: string): ArgSpec => ({ name, type, optional: false, help });
export const opt = (name: string, type: ArgSpec['type'], help: string): ArgSpec => ({ name, type, optional: true, help });

export const TIER_ARG = arg('tier', 'string', 'Preset tier ("NPU Mid", mid, high, rtx5090, ...) or a custom tier from SIZER.CUSTOMTIER');
export const MEMORY_ARG = opt('memory', 'string', 'Memory upgrade ("LPDDR6 @ 14 GT/s" or lpddr6-14); blank = stock memory');
export const PRECISION_SET_ARG = opt('precision_set', 'string', 'Precision set for NPU Mid/High: int8, int8_fp8 or int8_fp8_fp4; blank = stock');
export const NPU_SHARE_ARG = opt('npu_share', 'number', "Share of the NPU this workload gets, 0 to 1; blank = the tier's default (0.75 NPU, 1 GPU)");
export const MODEL_ARG = arg('model', 'string', 'LLM model key or label (see SIZER.MODELS)');
export const QUANT_ARG = opt('quant', 'string', 'Quant: Q4_K_M (default), Q5_K_M or Q8_0');
export const WORKLOAD_ARG = opt('workload', 'string', 'Workload pattern (see SIZER.WORKLOADS); blank = plain_chat');
export const PIPELINE_ARG = arg('pipeline', 'string', 'Vision pipeline key or label (see SIZER.PIPELINES)');
export const RESOLUTION_ARG = opt('resolution', 'string', 'Camera resolution: 720p, 1080p (default) or 4K');
export const STREAMS_ARG = opt('streams', 'number', 'Camera streams sharing the NPU, 1 to 16; blank = 1');
export const COMPILER_QUALITY_ARG = opt('compiler_quality', 'number', 'Compiler quality relative to TensorRT (1 = as good); blank = 1');
export const QUERIES_PER_MINUTE_ARG = opt('queries_per_minute', 'number', 'LLM queries per minute; blank = 2');
export const ANSWER_KIND_ARG = opt('answer_kind', 'string', 'Answer length: short (200 tokens, default) or rag (8K prompt + 2K answer)');
export const WITH_HEADER_ARG = opt('with_header', 'boolean', 'TRUE (default) to spill a header row above the values');
export const FIELD_ARG = (what: string): ArgSpec => opt('field', 'string', `One ${what} field to return; blank = the whole record as a header row and a value row`);

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
