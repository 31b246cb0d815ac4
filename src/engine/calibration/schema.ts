/**
 * Schemas of the calibration data: the validation set of published measurements
 * (data/validation/*.json) and the fitted constants of the calibrated basis (data/calibration.json).
 * Neither is part of the reference catalog (loadCatalog), so each has its own loader (./load.ts).
 * See docs/decisions/0028-calibrated-basis.md.
 */
import { z } from 'zod';

const positive = z.number().positive();
const nullablePositive = positive.nullable();

/** Where a device's memory figures come from: the benchmark source itself, or the vendor's specification. */
export const memoryFactsFromSchema = z.enum(['source', 'vendor_spec', 'vendor_spec_unchecked']);

/** A validation device's memory system, with where each figure comes from. */
const deviceMemorySchema = z.strictObject({
  type: z.string().min(1),
  busWidthBits: positive,
  dataRateGtps: positive,
  peakGbs: positive,
  /** Null when the source does not say which capacity the device had. */
  capacityGb: nullablePositive,
  factsFrom: memoryFactsFromSchema,
  /** The specification page a vendor_spec figure was checked against (null when unchecked or from the source). */
  specCitation: z.string().min(1).nullable(),
});

const deviceComputeSchema = z.strictObject({
  topsInt8: nullablePositive,
  factsFrom: z.string().nullable(),
});

const runtimeSchema = z.strictObject({ name: z.string().min(1), version: z.string().min(1), backend: z.string().nullable() });
const confidenceSchema = z.enum(['high', 'medium', 'low']);

export const validationRowSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  device: z.string().min(1),
  memory: deviceMemorySchema,
  compute: deviceComputeSchema,
  model: z.strictObject({
    name: z.string().min(1),
    totalParamsB: positive,
    activeParamsB: positive,
    isMoe: z.boolean(),
    quant: z.string().min(1),
    /** Bits read per active parameter: from the weights file's size when the source gives it, else the format's nominal figure. */
    bitsPerWeight: positive,
    bitsFrom: z.enum(['file_size', 'format_nominal']),
    fileSizeGb: nullablePositive,
    hiddenDim: nullablePositive,
    numLayers: nullablePositive,
    kvHeadRatio: nullablePositive,
  }),
  runtime: runtimeSchema,
  method: z.string().min(1),
  /** Tokens in the KV cache while decoding (the tg length for llama-bench rows). */
  contextTokens: z.number().int().positive(),
  decodeTokS: positive,
  prefillTokS: nullablePositive,
  citation: z.string().min(1),
  confidence: confidenceSchema,
  notes: z.string(),
});

export const validationFileSchema = z.strictObject({
  $comment: z.string(),
  rows: z.array(validationRowSchema).min(1),
});

export type ValidationRow = z.infer<typeof validationRowSchema>;

/**
 * A published vision measurement (data/validation/vision.json): a detector's frames per second or
 * latency on a device, with the catalog pipeline that is a fair match for what was measured
 * (checked against the catalog when the file is read) and why it is a fair match.
 */
export const visionValidationRowSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    task: z.literal('vision'),
    device: z.string().min(1),
    memory: deviceMemorySchema,
    compute: deviceComputeSchema,
    model: z.strictObject({
      name: z.string().min(1),
      /** Precision the measured engine ran at (INT8, FP16, ...). */
      precision: z.string().min(1),
      /** Square input side in pixels; null when the source does not say. */
      inputSize: nullablePositive,
    }),
    /** Catalog pipeline key projected for this row. */
    pipeline: z.string().min(1),
    /** Catalog resolution projected for this row. */
    resolution: z.string().min(1),
    /** Why that pipeline and resolution are a fair match, and where they differ from what was measured. */
    matchNotes: z.string().min(1),
    runtime: runtimeSchema,
    method: z.string().min(1),
    /** Frames per second of one stream, as published (null when only a latency is given). */
    fps: nullablePositive,
    /** Milliseconds per frame, as published (null when only FPS is given). */
    latencyMs: nullablePositive,
    citation: z.string().min(1),
    confidence: confidenceSchema,
    /** Held out: reported beside the set, never used for a band or a fit. */
    heldOut: z.boolean(),
    notes: z.string(),
  })
  .refine((row) => row.fps !== null || row.latencyMs !== null, { message: 'give fps or latencyMs', path: ['fps'] });

export const visionValidationFileSchema = z.strictObject({
  $comment: z.string(),
  rows: z.array(visionValidationRowSchema).min(1),
});

export type VisionValidationRow = z.infer<typeof visionValidationRowSchema>;

/** A vision row's measured frames per second: its FPS, else 1000 / its latency. */
export function measuredFpsOf(row: VisionValidationRow): number {
  return row.fps ?? 1000 / (row.latencyMs as number);
}

export const weightFormats = ['4bit', '8bit', '16bit'] as const;
export type WeightFormat = (typeof weightFormats)[number];

export const bandSchema = z.strictObject({
  /** Measured / projected at the band's low and high ends (10th and 90th percentile of the residuals). */
  lowRatio: positive,
  highRatio: positive,
  /** Rows the band was taken from. */
  rows: z.number().int().positive(),
});

/** A band of one provenance class, with how it was taken (its own residuals, or the fallback it pooled with). */
export const classBandSchema = bandSchema.extend({ method: z.string().min(1) });

/** The 80% bands of a projected quantity the calibrated basis does not replace (TTFT, vision FPS), by provenance class. */
const projectedClassBandsSchema = z.strictObject({ sameClass: classBandSchema, crossClass: classBandSchema });

/**
 * 80% bands by provenance class (src/engine/calibration/bands.ts, docs/decisions/0030-bands-by-provenance-class.md).
 * Decode's cross-class band on each basis is `bands.reference` / `bands.calibrated`, and a same-class
 * decode on the calibrated basis is the calibrated model's number, so it takes `bands.calibrated` too.
 */
export const classBandsSchema = z.strictObject({
  /** Fewest residuals a class's band is taken from on its own; a class with fewer pools them with its fallback. */
  minRows: z.number().int().positive(),
  /** A number measured on the hardware, any quantity: the spread of repeated measurements of one thing. */
  measured: classBandSchema,
  /** Same-class decode on the reference basis: a measurement on the same silicon class scaled by bandwidth. */
  decode: z.strictObject({ sameClass: classBandSchema }),
  ttft: projectedClassBandsSchema,
  fps: projectedClassBandsSchema,
});

export const calibrationConstantsSchema = z.strictObject({
  /** Share of peak memory bandwidth decode reaches, by weight format (4-bit kernels reach less than 8/16-bit). */
  bwEfficiency: z.strictObject({ '4bit': positive.max(1.5), '8bit': positive.max(1.5), '16bit': positive.max(1.5) }),
  /** Multiplier on that share for GDDR memory (discrete GPUs), relative to LPDDR / unified memory. */
  gddrFactor: positive,
  /** Fixed time per decoded token per transformer layer (kernel launches, host sync), ms. */
  perLayerOverheadMs: z.number().nonnegative(),
  /**
   * Multiplier on that per-layer overhead on GDDR devices (discrete GPUs, whose runtimes batch kernel
   * launches into graphs), relative to LPDDR / unified-memory SoCs.
   */
  gddrOverheadFactor: positive,
  /** Multiplier on a MoE model's weight-read time (routing, expert gather, smaller less efficient matmuls). */
  moeRoutingFactor: positive,
  /**
   * Multiplier on the share for a narrow memory bus (at most narrowBusMaxBits: single-board computers
   * and phones), whose decode runs on CPU cores or small GPUs that cannot saturate their DRAM.
   */
  narrowBusFactor: positive,
});

export const calibrationFileSchema = z.strictObject({
  $comment: z.string(),
  /** Upper bits-per-weight of the 4-bit and 8-bit classes; anything above is 16-bit. */
  formatBits: z.strictObject({ max4bit: positive, max8bit: positive }),
  /** Bytes per KV-cache element read per token at long context (FP16 cache). */
  kvBytesPerElement: positive,
  /** Widest memory bus (bits) the narrow-bus factor applies to. */
  narrowBusMaxBits: positive,
  /** Shape used for the KV-cache read when a model gives none. */
  defaultShape: z.strictObject({ hiddenDim: positive, numLayers: positive, kvHeadRatio: positive }),
  constants: calibrationConstantsSchema,
  bands: z.strictObject({ reference: bandSchema, calibrated: bandSchema }),
  classBands: classBandsSchema,
  provenance: z.strictObject({
    validationFile: z.string(),
    rows: z.number().int().positive(),
    method: z.string(),
    looMedianAbsErrorPct: z.number(),
    looGeomeanRatio: positive,
  }),
});

export type CalibrationConstants = z.infer<typeof calibrationConstantsSchema>;
export type CalibrationFile = z.infer<typeof calibrationFileSchema>;
export type DecodeBand = z.infer<typeof bandSchema>;
export type ClassBand = z.infer<typeof classBandSchema>;
export type ClassBands = z.infer<typeof classBandsSchema>;
