/**
 * What every `sizer query` kind shares: the hardware fields, parsing with a specific error for the
 * first problem, and the QueryProblem a kind throws for a line it cannot answer.
 */
import { z } from 'zod';
import type { CatalogText, Engine, Hardware, HardwareSpec } from '../../engine';
import { customTierSchema, toCustomTierInput } from '../custom-tier';
import { fastCheckOf } from '../fast-parse';
import { describeIssue } from '../zod-errors';

export type QueryErrorCode =
  | 'invalid_json'
  | 'missing_field'
  | 'invalid_input'
  | 'unknown_name'
  | 'not_whole'
  | 'out_of_range'
  | 'not_applicable'
  | 'unknown_kind'
  | 'internal_error';

export type QueryResult = Record<string, unknown>;

/** How a run answers its lines (`sizer query`'s options). */
export interface AnswerOptions {
  /**
   * False (`--no-explanation`): answers carry numbers only, without the `explanation` prose, which is then
   * never built (docs/decisions/0029-query-throughput-basis.md).
   */
  readonly explanations: boolean;
}

export const DEFAULT_ANSWER_OPTIONS: AnswerOptions = { explanations: true };

/** A kind's answer to one parsed query line. */
export interface QueryKind {
  readonly kind: string;
  /**
   * The schema a line of this kind is parsed with (parseWith). docs/query-kinds.md lists its fields from
   * it (src/cli/kinds-doc.ts), and tests/cli/query-kinds-doc.test.ts fails for a kind without one.
   */
  readonly schema?: z.ZodType;
  /** One line of --help: the kind's own fields (lists and defaults read from the catalog). */
  readonly help: CatalogText;
  answer(engine: Engine, raw: Record<string, unknown>, options: AnswerOptions): QueryResult;
}

export class QueryProblem extends Error {
  constructor(
    readonly code: QueryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const nullableName = z.string().nullish();
export const nullableNumber = z.number().nullish();

/** id and kind, accepted on every line. */
export const lineFields = {
  id: z.union([z.string(), z.number()]).nullish(),
  kind: z.string(),
};

export const hardwareFields = {
  tier: nullableName,
  custom: customTierSchema.nullish(),
  memory: nullableName,
  precision_set: nullableName,
};

/**
 * The query line as the kind's schema reads it. A line the fast validator compiled from the same schema
 * certifies is used as it is (zod would return it unchanged); any other goes through zod, which gives the
 * value or the first problem's message (fast-parse.ts).
 */
export function parseWith<T>(schema: z.ZodType<T>, raw: Record<string, unknown>, kind: string): T {
  if (fastCheckOf(schema)(raw)) return raw as T;
  const result = schema.safeParse(raw);
  if (!result.success) {
    const { code, message } = describeIssue(result.error.issues[0], raw, kind);
    throw new QueryProblem(code, message);
  }
  return result.data;
}

export interface HardwareJson {
  tier?: string | null | undefined;
  custom?: z.infer<typeof customTierSchema> | null | undefined;
  memory?: string | null | undefined;
  precision_set?: string | null | undefined;
}

/** Distinct preset hardware kept per engine; more (only hostile input has so many) starts the cache afresh. */
const PRESET_HARDWARE_CACHE_SIZE = 4096;
const presetHardware = new WeakMap<Engine, Map<string, Hardware>>();

/** The hardware a query line names: a preset tier or custom fields, with memory upgrade and precision set. */
/**
 * Which tiers take a memory upgrade in a query kind. The kinds of the reference's query contract
 * (vision, llm, llm_model, llm_shape, capability, duty, budget, kpi, vla) follow the reference
 * engine, which upgrades any tier with a bus width and whose parity sets do so on every tier;
 * SIZER's own kinds (config, llm_context, what_if) follow the reference tool's rule, Mid and High
 * only, as the worksheet functions and the pane do (docs/decisions/0023-vla-defaults-and-reference-rules.md).
 */
export const REFERENCE_ENGINE_MEMORY_SCOPE = 'any' as const;

export function hardwareOfQuery(engine: Engine, q: HardwareJson, memoryScope: 'ui' | 'any' = 'ui'): Hardware {
  // A preset tier's hardware is the same object every time (hardware is immutable), and query sets
  // repeat a handful of tiers: build each once per engine. Custom tiers are built every time.
  if (!q.custom) {
    const key = `${q.tier ?? '\u0000'}\u0001${q.memory ?? '\u0000'}\u0001${q.precision_set ?? '\u0000'}\u0001${memoryScope}`;
    let cache = presetHardware.get(engine);
    if (cache === undefined || cache.size >= PRESET_HARDWARE_CACHE_SIZE) {
      cache = new Map();
      presetHardware.set(engine, cache);
    }
    let hardware = cache.get(key);
    if (hardware === undefined) {
      hardware = engine.hardware({ tier: q.tier ?? null, custom: null, memory: q.memory ?? null, precisionSet: q.precision_set ?? null, memoryScope });
      cache.set(key, hardware);
    }
    return hardware;
  }
  const spec: HardwareSpec = {
    tier: q.tier ?? null,
    custom: q.custom ? toCustomTierInput(q.custom) : null,
    memory: q.memory ?? null,
    precisionSet: q.precision_set ?? null,
    memoryScope,
  };
  return engine.hardware(spec);
}
