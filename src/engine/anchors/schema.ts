/**
 * The private anchors file: a user's own measurements on real NPU silicon, in the reference tool's
 * secrets shape (`[npu_llm_anchors.<tier>_<precision>.<model>]`, `[cnn_anchors.<tier>_<precision>.<cnn>]`),
 * as TOML or the same structure as JSON. The schema is strict at every level so a misspelt tier cell,
 * model or field is rejected instead of silently anchoring nothing.
 *
 * Every error text here is a constant: zod issues are turned into messages by key path only
 * (src/engine/anchors/parse.ts), and no message may ever carry a value from the file.
 * See docs/decisions/0012-private-anchors.md.
 */
import { z } from 'zod';

/** Tier/precision cells of the anchor grid: NPU Mid at INT8, NPU High at INT8 and on its FP path. */
export const TIER_CELLS = ['mid_int8', 'high_int8', 'high_fp'] as const;
/** The LLMs an anchor can be measured for (Q4_K_M GGUF builds in the reference's labels). */
export const LLM_ANCHOR_MODELS = ['qwen3_30b_a3b_moe', 'qwen25_32b_dense', 'qwen25_7b_dense'] as const;
/** The CNNs an anchor can be measured for (weight bit width in the suffix). */
export const CNN_ANCHOR_KEYS = ['yolov8n_w8', 'yolov8n_w4', 'resnet50_w4'] as const;
/** Where a cell's number came from; only `measured` cells replace a projection. */
export const ANCHOR_SOURCES = ['measured', 'vendor_spec', 'projected'] as const;

export const ANCHOR_SECTIONS = ['npu_llm_anchors', 'cnn_anchors'] as const;
export const LLM_ANCHOR_FIELDS = [
  'tokps',
  'prefill_tokps',
  'mem_gb',
  'seqlen',
  'source',
  'measured_date',
  'peak_bw_gbps',
  'bw_share_frac',
  'bw_efficiency_frac',
  'notes',
] as const;
export const CNN_ANCHOR_FIELDS = [
  'ms_per_inference',
  'fps',
  'mem_mb',
  'input_res',
  'source',
  'measured_date',
  'peak_bw_gbps',
  'bw_share_frac',
  'bw_efficiency_frac',
  'notes',
] as const;

export type TierCell = (typeof TIER_CELLS)[number];
export type LlmAnchorModel = (typeof LLM_ANCHOR_MODELS)[number];
export type CnnAnchorKey = (typeof CNN_ANCHOR_KEYS)[number];
export type AnchorSource = (typeof ANCHOR_SOURCES)[number];

export const tierCellSchema = z.enum(TIER_CELLS);
export const llmAnchorModelSchema = z.enum(LLM_ANCHOR_MODELS);
export const cnnAnchorKeySchema = z.enum(CNN_ANCHOR_KEYS);

/** Longest text accepted in a descriptive string field (notes, input resolution). */
const MAX_TEXT_CHARS = 2000;
const TABLE_MESSAGE = 'must be a table (an object in JSON)';
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** zod reports a missing key as a wrong type; say "is required" instead, which is clearer. */
function requiredOr(message: string) {
  return (issue: { input?: unknown }): string => (issue.input === undefined ? 'is required' : message);
}

/** The headline figure of a cell: a finite number above zero. */
function headlineNumber() {
  const message = 'must be a positive number (remove a cell that was not measured)';
  return z.number({ error: requiredOr(message) }).positive({ error: message });
}

/** An optional figure where 0 keeps the reference's meaning "not measured". */
function optionalNonNegative() {
  const message = 'must be a number of at least 0';
  return z.number({ error: message }).nonnegative({ error: message }).optional();
}

function optionalFraction() {
  const message = 'must be a fraction greater than 0 and at most 1';
  return z.number({ error: message }).gt(0, { error: message }).lte(1, { error: message }).optional();
}

function optionalText() {
  const message = `must be text of at most ${MAX_TEXT_CHARS} characters`;
  return z.string({ error: message }).max(MAX_TEXT_CHARS, { error: message }).optional();
}

/**
 * The file's schema, built at first use: only a host that reads an anchors file needs it, and building
 * zod schemas was a measurable part of functions.js's start-up (docs/decisions/0029-query-throughput-basis.md).
 */
function buildAnchorsFileSchema() {
  const sourceSchema = z.enum(ANCHOR_SOURCES, { error: requiredOr(`must be one of ${ANCHOR_SOURCES.join(', ')}`) });

  /** A TOML local date (`measured_date = 2026-05-14`) arrives as a Date; a quoted one as text. */
  const measuredDateSchema = z
    .preprocess((value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value), z.string({ error: 'must be a date written YYYY-MM-DD' }).regex(ISO_DATE, { error: 'must be a date written YYYY-MM-DD' }))
    .optional();

  /** The fields every cell ends with: where its number came from and how it was measured. */
  const provenanceFields = {
    source: sourceSchema,
    measured_date: measuredDateSchema,
    peak_bw_gbps: optionalNonNegative(),
    bw_share_frac: optionalFraction(),
    bw_efficiency_frac: optionalFraction(),
    notes: optionalText(),
  };

  const llmAnchorFileCellSchema = z.strictObject(
    {
      tokps: headlineNumber(),
      prefill_tokps: optionalNonNegative(),
      mem_gb: optionalNonNegative(),
      seqlen: z.number({ error: 'must be a whole number of tokens above 0' }).int({ error: 'must be a whole number of tokens above 0' }).positive({ error: 'must be a whole number of tokens above 0' }).optional(),
      ...provenanceFields,
    },
    { error: TABLE_MESSAGE },
  );

  const cnnAnchorFileCellSchema = z.strictObject(
    {
      ms_per_inference: headlineNumber(),
      fps: optionalNonNegative(),
      mem_mb: optionalNonNegative(),
      input_res: optionalText(),
      ...provenanceFields,
    },
    { error: TABLE_MESSAGE },
  );

  /** The whole file. Both sections are optional; other top-level keys (e.g. a password kept in the same secrets.toml) are refused, not carried along. */
  return z.strictObject(
    {
      $comment: optionalText(),
      npu_llm_anchors: z
        .partialRecord(tierCellSchema, z.partialRecord(llmAnchorModelSchema, llmAnchorFileCellSchema, { error: TABLE_MESSAGE }), { error: TABLE_MESSAGE })
        .optional(),
      cnn_anchors: z
        .partialRecord(tierCellSchema, z.partialRecord(cnnAnchorKeySchema, cnnAnchorFileCellSchema, { error: TABLE_MESSAGE }), { error: TABLE_MESSAGE })
        .optional(),
    },
    { error: TABLE_MESSAGE },
  );
}

type AnchorsFileSchema = ReturnType<typeof buildAnchorsFileSchema>;
let builtAnchorsFileSchema: AnchorsFileSchema | null = null;

export function anchorsFileSchema(): AnchorsFileSchema {
  builtAnchorsFileSchema ??= buildAnchorsFileSchema();
  return builtAnchorsFileSchema;
}

export type AnchorsFile = z.infer<AnchorsFileSchema>;
export type LlmAnchorFileCell = NonNullable<NonNullable<NonNullable<AnchorsFile['npu_llm_anchors']>[TierCell]>[LlmAnchorModel]>;
export type CnnAnchorFileCell = NonNullable<NonNullable<NonNullable<AnchorsFile['cnn_anchors']>[TierCell]>[CnnAnchorKey]>;

/** One LLM cell as the engine reads it. Optional fields the file leaves out (or sets to 0 where 0 means "not measured") are null. */
export interface LlmAnchorCell {
  /** Decode tokens per second on the stock silicon. */
  readonly tokps: number;
  readonly prefillTokps: number | null;
  readonly memGb: number | null;
  readonly seqlen: number | null;
  readonly source: AnchorSource;
  readonly measuredDate: string | null;
  readonly peakBwGbps: number | null;
  readonly bwShareFrac: number | null;
  readonly bwEfficiencyFrac: number | null;
  readonly notes: string | null;
}

/** One CNN cell as the engine reads it. */
export interface CnnAnchorCell {
  /** Milliseconds per inference (one frame) on the stock silicon. */
  readonly msPerInference: number;
  readonly fps: number | null;
  readonly memMb: number | null;
  readonly inputRes: string | null;
  readonly source: AnchorSource;
  readonly measuredDate: string | null;
  readonly peakBwGbps: number | null;
  readonly bwShareFrac: number | null;
  readonly bwEfficiencyFrac: number | null;
  readonly notes: string | null;
}

/**
 * A validated, deep-frozen anchors file. JSON.stringify and Node's inspector show only which cells
 * are anchored, never the numbers, so an accidental log line cannot leak a measurement.
 */
export interface AnchorSet {
  readonly llm: Readonly<Partial<Record<TierCell, Readonly<Partial<Record<LlmAnchorModel, LlmAnchorCell>>>>>>;
  readonly cnn: Readonly<Partial<Record<TierCell, Readonly<Partial<Record<CnnAnchorKey, CnnAnchorCell>>>>>>;
}
