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

export const validationRowSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  device: z.string().min(1),
  memory: z.strictObject({
    type: z.string().min(1),
    busWidthBits: positive,
    dataRateGtps: positive,
    peakGbs: positive,
    /** Null when the source does not say which capacity the device had. */
    capacityGb: nullablePositive,
    factsFrom: memoryFactsFromSchema,
    /** The specification page a vendor_spec figure was checked against (null when unchecked or from the source). */
    specCitation: z.string().min(1).nullable(),
  }),
  compute: z.strictObject({
    topsInt8: nullablePositive,
    factsFrom: z.string().nullable(),
  }),
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
  runtime: z.strictObject({ name: z.string().min(1), version: z.string().min(1), backend: z.string().nullable() }),
  method: z.string().min(1),
  /** Tokens in the KV cache while decoding (the tg length for llama-bench rows). */
  contextTokens: z.number().int().positive(),
  decodeTokS: positive,
  prefillTokS: nullablePositive,
  citation: z.string().min(1),
  confidence: z.enum(['high', 'medium', 'low']),
  notes: z.string(),
});

export const validationFileSchema = z.strictObject({
  $comment: z.string(),
  rows: z.array(validationRowSchema).min(1),
});

export type ValidationRow = z.infer<typeof validationRowSchema>;

export const weightFormats = ['4bit', '8bit', '16bit'] as const;
export type WeightFormat = (typeof weightFormats)[number];

export const bandSchema = z.strictObject({
  /** Measured / projected at the band's low and high ends (10th and 90th percentile of the residuals). */
  lowRatio: positive,
  highRatio: positive,
  /** Rows the band was taken from. */
  rows: z.number().int().positive(),
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
