/**
 * Schema of data/vla.json: the VLA (vision-language-action) models, their RTX 5090 measurements,
 * the dtypes the projection knows and the tracks that group the models.
 *
 * A model's measurements differ by architecture (a single loop has a per-token decode time, a dual
 * loop a denoise loop, an OFT model one parallel forward per chunk), so models are a union on
 * `architecture` and each branch carries exactly the anchors its projection reads.
 * Cross-file and cross-entry checks (tracks name known models, ...) live in src/engine/vla/check.ts.
 */
import { z } from 'zod';

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const wholePositive = z.number().int().positive();
/** Measured utilisations are fractions of peak compute or bandwidth. */
const utilization = z.number().finite().min(0).max(1);

/** The dtype-specific DRAM figures a model carries (GB of weights and runtime state). */
export const VLA_DRAM_FOOTPRINTS = ['bf16', 'int8', 'int4'] as const;

const dtypeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+$/, 'dtype ids are lower-case letters and digits'),
  /** Weight bytes per parameter: scales the bandwidth-bound decode against the anchor dtype. */
  bytesPerParam: positive,
  /** Which of the model's DRAM figures applies when running at this dtype. */
  dramFootprint: z.enum(VLA_DRAM_FOOTPRINTS),
});

const componentSchema = z.strictObject({
  paramsB: nonNegative,
  gflopsPerCall: nonNegative,
  /** The dtypes this component can run at. */
  dtypes: z.array(z.string().min(1)).min(1),
  arithmeticIntensity: positive,
});

const commonModelFields = {
  key: z.string().regex(/^[a-z0-9_]+$/, 'VLA keys are lower-case snake_case'),
  label: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  sourcePaper: z.string().min(1).nullable(),
  arxivId: z.string().min(1),
  citationYear: z.number().int().min(2000).max(2100),
  hfRepo: z.string().min(1),
  liberoSuccessPct: z.number().finite().min(0).max(100).nullable(),
  /** The reference's dtype path labels ("int8", "int8+fp8", "int_only"); the projection derives dtypes from them. */
  dtypePath: z.strictObject({ default: z.string().min(1), alt: z.string().min(1) }),
  nActionTokens: wholePositive,
  rates: z.strictObject({
    defaultVlmHz: positive,
    defaultActionHz: positive,
    vlmHzMin: positive,
    vlmHzMax: positive,
    actionHzMin: positive,
    actionHzMax: positive,
  }),
  inferenceDramGb: z.strictObject({ bf16: positive, int8: positive, int4: positive }),
  cameras: z.strictObject({
    maxNative: wholePositive,
    /** Cameras the 5090 anchors were measured with. */
    measured: wholePositive,
    /** False when the LLM prefill grows with the camera count (more image tokens). */
    backboneInvariant: z.boolean(),
    prefillMsPerCamera: nonNegative,
  }),
  components: z.strictObject({ visionEncoder: componentSchema, llmBackbone: componentSchema, actionHead: componentSchema }),
};

/** What every model's 5090 measurement block has, whatever the architecture. */
const commonMeasuredFields = {
  /** True when the anchors below were measured (false: a what-if entry with nothing to calibrate from). */
  calibrated: z.boolean(),
  msPerAction: positive.nullable(),
  /** The measured VLM forward (vision plus prefill) in ms. */
  prefillMs: positive.nullable(),
  physicalGflops: z.record(z.string(), nonNegative).nullable(),
  utilization: z.record(z.string(), utilization).nullable(),
};

const singleLoopModelSchema = z.strictObject({
  ...commonModelFields,
  architecture: z.literal('single_loop'),
  measured5090: z.strictObject({
    ...commonMeasuredFields,
    components: z.strictObject({ visionMs: positive, llmPrefillMs: positive, decodeMsPerToken: positive }).nullable(),
  }),
});

const dualLoopAnchorSchema = z.strictObject({
  vlmBackboneMs: positive,
  denoiseStepMs: positive,
  numDenoiseSteps: wholePositive,
  actionChunkLength: wholePositive,
  chunkLatencyMs: positive,
  amortizedMsPerAction: positive,
  controlHzAmortized: positive,
  fastLoopOnlyHz: positive,
  denoiseBottleneck: z.string().min(1),
  /** DRAM traffic rate of one denoise step; null: no telemetry, the measured step is carried unchanged. */
  denoiseStepEffectiveBwGbs: positive.nullable(),
  weightBytesPerParam: positive.optional(),
});

const dualLoopModelSchema = z.strictObject({
  ...commonModelFields,
  architecture: z.enum(['dual_loop_native', 'dual_loop_capable']),
  measured5090: z.strictObject({
    ...commonMeasuredFields,
    components: z.strictObject({ visionMs: positive, llmPrefillMs: positive }).nullable(),
    dualLoop: dualLoopAnchorSchema.nullable(),
  }),
});

const oftAnchorSchema = z.strictObject({
  forwardMs: positive,
  visionMs: positive,
  llmForwardMs: positive,
  actionChunkLength: wholePositive,
  msPerAction: positive,
  actionHz: positive,
});

const oftModelSchema = z.strictObject({
  ...commonModelFields,
  architecture: z.literal('oft_parallel_chunk'),
  measured5090: z.strictObject({ ...commonMeasuredFields, oft: oftAnchorSchema.nullable() }),
});

export const vlaModelSchema = z.discriminatedUnion('architecture', [singleLoopModelSchema, dualLoopModelSchema, oftModelSchema]);

export const vlaFileSchema = z.strictObject({
  $comment: z.string().optional(),
  /** The dtype the 5090 anchors were measured at: the reference peak, decode bytes and expert label use it. */
  anchorDtype: z.string().min(1),
  /** The VLA model a new sizing configuration starts from (the reference tool's default). */
  defaultModel: z.string().min(1),
  /** Headroom kept free when checking that the model (or fleet) fits in memory, GB. */
  fitMarginGb: nonNegative,
  dtypes: z.array(dtypeSchema).min(1),
  limits: z.strictObject({
    maxCameras: wholePositive,
    maxFleetSize: wholePositive,
    maxActionTokens: wholePositive,
  }),
  models: z.array(vlaModelSchema).min(1),
  tracks: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9_]+$/, 'track ids are lower-case snake_case'),
      label: z.string().min(1),
      models: z.array(z.string().min(1)).min(1),
    }),
  ),
});

export type VlaFile = z.infer<typeof vlaFileSchema>;
export type VlaModelRecord = z.infer<typeof vlaModelSchema>;
export type VlaSingleLoopModel = z.infer<typeof singleLoopModelSchema>;
export type VlaDualLoopModel = z.infer<typeof dualLoopModelSchema>;
export type VlaOftModel = z.infer<typeof oftModelSchema>;
export type VlaComponentRecord = z.infer<typeof componentSchema>;
export type VlaDtypeRecord = z.infer<typeof dtypeSchema>;
export type VlaArchitecture = VlaModelRecord['architecture'];
