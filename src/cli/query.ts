/**
 * `sizer query`: one JSON query per input line, one JSON result per line. A line that cannot be
 * answered gets `{"id", "error": {"code", "message"}}` and the run goes on.
 */
import type { z } from 'zod';
import { type Engine, type HardwareSpec, isSizerError, SizerError } from '../engine';
import type { Hardware } from '../engine';
import { toCustomTierInput } from './custom-tier';
import {
  budgetQuerySchema,
  capabilityQuerySchema,
  dutyQuerySchema,
  llmQuerySchema,
  visionQuerySchema,
} from './query-schemas';
import { describeIssue } from './zod-errors';
import { visionFields, llmFields } from './result-fields';

export type QueryErrorCode =
  | 'invalid_json'
  | 'missing_field'
  | 'invalid_input'
  | 'unknown_name'
  | 'out_of_range'
  | 'not_applicable'
  | 'unknown_kind'
  | 'internal_error';

export interface QueryError {
  readonly id: string | number | null;
  readonly error: { readonly code: QueryErrorCode; readonly message: string };
}

export type QueryResult = Record<string, unknown>;

class QueryProblem extends Error {
  constructor(
    readonly code: QueryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function parseWith<T>(schema: z.ZodType<T>, raw: Record<string, unknown>, kind: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const { code, message } = describeIssue(result.error.issues[0], raw, kind);
    throw new QueryProblem(code, message);
  }
  return result.data;
}

interface HardwareJson {
  tier?: string | null | undefined;
  custom?: Parameters<typeof toCustomTierInput>[0] | null | undefined;
  memory?: string | null | undefined;
  precision_set?: string | null | undefined;
}

function hardwareOf(engine: Engine, q: HardwareJson): Hardware {
  const spec: HardwareSpec = {
    tier: q.tier ?? null,
    custom: q.custom ? toCustomTierInput(q.custom) : null,
    memory: q.memory ?? null,
    precisionSet: q.precision_set ?? null,
  };
  return engine.hardware(spec);
}

const KINDS = ['vision', 'llm', 'capability', 'duty', 'budget'] as const;

function answer(engine: Engine, raw: Record<string, unknown>): QueryResult {
  const kind = raw.kind;
  switch (kind) {
    case 'vision': {
      const q = parseWith(visionQuerySchema, raw, kind);
      const v = engine.vision(hardwareOf(engine, q), {
        pipeline: q.pipeline,
        resolution: q.resolution ?? null,
        streams: q.streams ?? null,
        npuShare: q.npu_share ?? null,
        compilerQuality: q.compiler_quality ?? null,
      });
      return visionFields(v);
    }
    case 'llm': {
      const q = parseWith(llmQuerySchema, raw, kind);
      const l = engine.llm(hardwareOf(engine, q), {
        quant: q.quant ?? null,
        workload: q.workload ?? null,
        npuShare: q.npu_share ?? null,
        measurementKey: q.measurement_key ?? null,
        fp4Maturity: q.fp4_maturity ?? null,
      });
      return llmFields(l);
    }
    case 'capability': {
      const q = parseWith(capabilityQuerySchema, raw, kind);
      return { dtype: q.dtype, level: engine.capability(hardwareOf(engine, q), q.dtype) };
    }
    case 'duty': {
      const q = parseWith(dutyQuerySchema, raw, kind);
      const d = engine.duty(hardwareOf(engine, q), {
        pipeline: q.pipeline,
        resolution: q.resolution ?? null,
        streams: q.streams ?? null,
        npuShare: q.npu_share ?? null,
        compilerQuality: q.compiler_quality ?? null,
        quant: q.quant ?? null,
        workload: q.workload ?? null,
        measurementKey: q.measurement_key ?? null,
        fp4Maturity: q.fp4_maturity ?? null,
        queriesPerMinute: q.queries_per_minute ?? null,
        answerKind: q.answer_kind ?? null,
      });
      return {
        vision_base_fps_per_stream: d.vision.fpsPerStream,
        vision_fps_under_llm: d.visionFpsUnderLlm,
        duty_cycle: d.dutyCycle,
        decode_tok_s: d.llm.decodeTokS,
      };
    }
    case 'budget': {
      const q = parseWith(budgetQuerySchema, raw, kind);
      if (q.npu_share !== undefined && q.npu_share !== null) {
        throw new QueryProblem('invalid_input', 'budget rows run at the tier default NPU share; leave npu_share out or null');
      }
      const hw = hardwareOf(engine, q);
      if (q.slot === 'vision') {
        if (!q.pipeline) throw new QueryProblem('missing_field', 'a vision budget row needs "pipeline"');
        return { ...engine.visionBudgetRow(hw, { pipeline: q.pipeline, resolution: q.resolution ?? null, streams: q.streams ?? null, dutyCycle: q.duty_cycle ?? null }) };
      }
      return { ...engine.llmBudgetRow(hw, { quant: q.quant ?? null, workload: q.workload ?? null, queriesPerMinute: q.queries_per_minute ?? null, answerKind: q.answer_kind ?? null }) };
    }
    default:
      throw new QueryProblem(
        kind === undefined ? 'missing_field' : 'unknown_kind',
        kind === undefined ? `a query needs "kind"; valid: ${KINDS.join(', ')}` : `unknown kind ${JSON.stringify(kind)}; valid: ${KINDS.join(', ')}`,
      );
  }
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

/** Answers one input line; never throws. */
export function answerLine(engine: Engine, line: string): QueryResult | QueryError {
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
    return { id, ...answer(engine, raw as Record<string, unknown>) };
  } catch (e) {
    if (e instanceof QueryProblem) return errorOf(id, e.code, e.message);
    if (isSizerError(e)) {
      const code: QueryErrorCode = e.code === 'catalog_invalid' ? 'internal_error' : e.code;
      return errorOf(id, code, e.message);
    }
    return errorOf(id, 'internal_error', `unexpected failure: ${(e as Error).message ?? String(e)}`);
  }
}

export { SizerError };
