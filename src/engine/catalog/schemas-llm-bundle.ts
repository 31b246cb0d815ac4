/**
 * Schema of data/llm-bundle.json: the companion LLM sizer's RTX 5090 bake-off (model shapes and
 * per-workload p50 cells), the token-shaped workload defaults, and the constants of the decode x
 * context-length curve, the what-if projector and the memory-feasibility check. Cross-file checks
 * (tier ids, measured keys, quant schemes) live in src/engine/llm/bundle-check.ts.
 */
import { z } from 'zod';

const positive = z.number().finite().positive();
const wholePositive = z.number().int().positive();
const fraction = z.number().finite().gt(0).lte(1);
/** Bundle model keys are the companion sizer's canonical ones, e.g. "qwen2.5-14b-q4-dense". */
const modelKey = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'bundle model keys are lower-case letters, digits, dots and dashes');
const workloadKey = z.string().regex(/^[a-z0-9_]+$/, 'workload keys are lower-case snake_case');

export const llmBundleModelSchema = z.strictObject({
  key: modelKey,
  displayName: z.string().min(1),
  /** Other names a user may type (the reference catalog's keys, short labels). */
  aliases: z.array(z.string().min(1)),
  family: z.string().min(1),
  isMoe: z.boolean(),
  totalParams: positive,
  activeParams: positive,
  bytesPerParam: positive,
  quantScheme: z.string().min(1),
  ggufBytes: wholePositive,
  hiddenDim: wholePositive,
  numLayers: wholePositive,
  numAttentionHeads: wholePositive,
  numKvHeads: wholePositive,
  /** Keys under which per-tier decode anchors for this model are stored (measured.json llmTierAnchors), most specific first. */
  tierAnchorKeys: z.array(z.string().min(1)),
});

/** One bake-off cell: p50 over `samples` requests of one workload on the measuring tier. */
export const llmBundleCellSchema = z.strictObject({
  samples: wholePositive,
  promptTokensP50: wholePositive,
  decodeTokSP50: positive,
  prefillTokSP50: positive,
});

export const tokenWorkloadSchema = z.strictObject({
  key: workloadKey,
  label: z.string().min(1),
  promptTokens: wholePositive,
  decodeTokens: wholePositive,
});

const rangeSchema = z
  .strictObject({ min: positive, max: positive })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });

export const llmBundleFileSchema = z.strictObject({
  $comment: z.string().optional(),
  schemaVersion: wholePositive,
  generatedAt: z.string().min(1),
  /** The preset tier the bake-off ran on: the only tier whose curve is measured rather than anchored. */
  measuredOnTier: z.string().min(1),
  models: z.array(llmBundleModelSchema).min(1),
  /** By bundle model key, then token-shaped workload key. */
  cells: z.record(modelKey, z.record(workloadKey, llmBundleCellSchema)),
  workloads: z.array(tokenWorkloadSchema).min(1),
  defaultWorkload: workloadKey,
  contextCurve: z.strictObject({
    defaultModel: modelKey,
    /** A context within this fraction of an anchor's prompt length reads the anchor itself ("measured"). */
    measuredSnapFraction: z.number().finite().min(0).lt(1),
    grid: z.array(wholePositive).min(1),
    /** Most points one curve request may ask for. */
    maxPoints: wholePositive,
  }),
  whatIf: z.strictObject({
    moeAnchorModel: modelKey,
    denseAnchorModel: modelKey,
    /** The MoE model the what-if speed-up is quoted against ("the current model"). */
    referenceMoeModel: modelKey,
    bytesPerParamRange: rangeSchema,
    /** KV heads / attention heads assumed for a what-if model (GQA-style 1:4). */
    kvHeadRatio: fraction,
    defaults: z.strictObject({
      name: z.string().min(1),
      isMoe: z.boolean(),
      activeParamsB: positive,
      totalParamsB: positive,
      bytesPerParam: positive,
      hiddenDim: wholePositive,
      numLayers: wholePositive,
    }),
  }),
});

export type LlmBundleFile = z.infer<typeof llmBundleFileSchema>;
export type LlmBundleModel = z.infer<typeof llmBundleModelSchema>;
export type LlmBundleCell = z.infer<typeof llmBundleCellSchema>;
export type TokenWorkload = z.infer<typeof tokenWorkloadSchema>;
