/**
 * One zod schema per data file in data/. Objects are strict so a misspelt field fails at load
 * instead of silently taking a default.
 */
import { z } from 'zod';
import { CAPABILITY_KEYS, RESOLUTIONS } from './enums';
import { anchorKeysFileSchema } from './schemas-anchor-keys';
import { llmBundleFileSchema } from './schemas-llm-bundle';
import { kpiFileSchema, llmModelsFileSchema } from './schemas-llm-models';
import { vlaFileSchema } from './schemas-vla';
import { explanationsFileSchema } from './schemas-explanations';

const comment = { $comment: z.string().optional() };
const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const fraction = z.number().finite().gt(0).lte(1);

export { RESOLUTIONS } from './enums';
export const resolutionSchema = z.enum(RESOLUTIONS);
export const capabilityLevelSchema = z.enum(['tensor_native', 'tensor_compat', 'cuda_core', 'unsupported']);
export const capabilityKeySchema = z.enum(CAPABILITY_KEYS);
export const peakFieldSchema = z.enum(['bf16', 'int8', 'fp8', 'fp4']);
export const precisionSetIdSchema = z.enum(['int8', 'int8_fp8', 'int8_fp8_fp4']);

const peakTopsSchema = z.strictObject({ bf16: nonNegative, int8: nonNegative, fp8: nonNegative, fp4: nonNegative });

export const catalogInfoFileSchema = z.strictObject({
  ...comment,
  version: z.string().min(1),
  reference: z.string().min(1),
  /** The workloads the task pane starts with (the reference tool's live layout). */
  paneDefaultWorkloads: z.array(z.enum(['vision', 'llm', 'vla'])),
});

export const tiersFileSchema = z.strictObject({
  ...comment,
  referenceTierForLegacyScaling: z.string().min(1),
  bandwidthReferenceTier: z.string().min(1),
  /** The tier a new sizing configuration starts from (the reference tool's default). */
  defaultTier: z.string().min(1),
  tiers: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes'),
        name: z.string().min(1),
        aliases: z.array(z.string().min(1)),
        inLadder: z.boolean(),
        peakTops: peakTopsSchema,
        memory: z.strictObject({
          bandwidthGbs: positive,
          capacityGb: positive,
          busWidthBits: z.number().int().positive(),
          type: z.string().min(1),
          dataRateGtps: positive,
        }),
        computeEfficiency: fraction,
        bandwidthEfficiency: fraction,
        tdpWatts: nonNegative,
        family: z.string().min(1),
        computeUtilFactor: fraction,
        llmPrefillUtilFactor: fraction,
        llmDecodeBwRealization: fraction,
        computeOverheadMs: nonNegative,
        npuShareDefault: fraction,
        capabilityTable: z.string().min(1),
        calibration: z.strictObject({ method: z.string().min(1), confidence: z.string().min(1) }),
        uiMemoryUpgrade: z.boolean(),
        cpu: z
          .strictObject({ cores: z.number().int().positive(), microarch: z.string().min(1), clockGhz: positive })
          .optional(),
      }),
    )
    .min(1),
});

const llmCellSchema = z.strictObject({ decodeTokS: positive, prefillTokS: positive.nullable() });

export const measuredFileSchema = z.strictObject({
  ...comment,
  visionMs: z.record(z.string(), z.record(z.string(), z.partialRecord(resolutionSchema, positive))),
  llmTierAnchors: z.record(z.string(), z.record(z.string(), llmCellSchema)),
  llmCells: z.record(z.string(), z.record(z.string(), z.record(z.string(), llmCellSchema))),
});

export const siliconClassesFileSchema = z.strictObject({
  ...comment,
  classes: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        family: z.string().min(1),
        computeEfficiency: fraction,
        bandwidthEfficiency: fraction,
        computeUtilFactor: fraction,
        llmPrefillUtilFactor: fraction,
        llmDecodeBwRealization: fraction,
        computeOverheadMs: nonNegative,
        npuShareDefault: fraction,
        capabilityTable: z.string().min(1).nullable(),
      }),
    )
    .min(1),
});

export const memoryUpgradesFileSchema = z.strictObject({
  ...comment,
  options: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
        label: z.string().min(1),
        type: z.string().min(1),
        dataRateGtps: positive,
      }),
    )
    .min(1),
});

export const precisionSetsFileSchema = z.strictObject({
  ...comment,
  sets: z
    .array(
      z.strictObject({
        id: precisionSetIdSchema,
        label: z.string().min(1),
        computeDtype: z.string().min(1),
        capabilityTable: z.string().min(1),
        zeroes: z.array(peakFieldSchema),
      }),
    )
    .min(1),
  variantSuffix: z.record(precisionSetIdSchema, z.string().min(1)),
  ladders: z.array(z.strictObject({ tier: z.string().min(1), siliconClass: z.string().min(1), peakTops: peakTopsSchema })),
  /** The precision what-if view's notes per set; the FP4 set has one per runtime maturity. */
  whatIfNotes: z
    .array(z.strictObject({ set: precisionSetIdSchema, maturity: z.enum(['any', 'mature', 'immature']), speed: z.string().min(1), accuracy: z.string().min(1) }))
    .min(1),
  /** The FP4 runtime maturity the what-if view's FP4 column assumes (the reference: immature). */
  whatIfDefaultFp4Maturity: z.enum(['mature', 'immature']),
});

export const capabilityFileSchema = z.strictObject({
  ...comment,
  levels: z.array(capabilityLevelSchema),
  tables: z.record(z.string(), z.record(capabilityKeySchema, capabilityLevelSchema)),
  dtypeToCapabilityKey: z.record(z.string(), capabilityKeySchema),
  dtypeToPeakField: z.record(z.string(), peakFieldSchema),
  quantSchemeToCapabilityKey: z.record(z.string(), capabilityKeySchema),
  visionPrecisionToPeakField: z.record(z.string(), peakFieldSchema),
});

export const pipelinesFileSchema = z.strictObject({
  ...comment,
  tracks: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        label: z.string().min(1),
        canonical: z.string().min(1),
        pipelines: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
  defaultTrack: z.string().min(1),
  pipelines: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z0-9_]+$/, 'pipeline keys are lower-case snake_case'),
        label: z.string().min(1),
        track: z.string().min(1),
        precision: z.string().min(1).nullable(),
        vramMb: positive,
        dramPerForwardMb: positive.nullable(),
        gopsPerForward: positive.nullable(),
        edgeMsNpuMid: z.strictObject({ '720p': positive, '1080p': positive, '4K': positive }),
        composed: z
          .strictObject({
            detectorCurve: z.string().min(1),
            clip: z.string().min(1).nullable(),
            clipFiresPerFrame: nonNegative,
          })
          .optional(),
        ncu: z.array(z.strictObject({ workload: z.string().min(1), firesPerFrame: positive })).min(1).optional(),
      }),
    )
    .min(1),
});

const batchCurveSchema = z.record(z.string().regex(/^\d+$/, 'batch sizes are whole numbers'), positive);

export const visionFileSchema = z.strictObject({
  ...comment,
  resolutions: z.array(resolutionSchema).min(1),
  /** What a blank resolution takes, in every host's help and in the engine. */
  defaultResolution: resolutionSchema,
  batchCurvesMsNpuMid: z.record(z.string(), batchCurveSchema),
  batchResolutionFactor: z.strictObject({ '720p': positive, '1080p': positive, '4K': positive }),
  clipMsNpuMid: z.record(z.string(), positive),
  edgeOverheadMs: nonNegative,
  batchedVramPerStreamMb: nonNegative,
  maxStreams: z.number().int().positive(),
});

export const ncuBundleFileSchema = z.strictObject({
  ...comment,
  bundleVersion: z.string().min(1),
  exportTimestampIso: z.string().min(1),
  measurementHost: z.string().min(1),
  workloads: z
    .array(z.strictObject({ id: z.string().min(1), nForwards: z.number().int().positive(), dramBytesPerForward: positive }))
    .min(1),
});

export const llmFileSchema = z.strictObject({
  ...comment,
  referenceModel: z.strictObject({ key: z.string().min(1), label: z.string().min(1), activeParams: positive }),
  quants: z.array(z.strictObject({ key: z.string().min(1), bytesPerParam: positive, ggufSizeGb: positive })).min(1),
  defaults: z.strictObject({
    quant: z.string().min(1),
    workload: z.string().min(1),
    fp4Maturity: z.enum(['mature', 'immature']),
    queriesPerMinute: nonNegative,
    answerKind: z.enum(['short', 'rag']),
  }),
  dutyCurve: z.strictObject({ maxQueriesPerMinute: positive, stepQueriesPerMinute: positive, warningDutyCycle: z.number().gt(0).max(1) }),
  fitMarginGb: nonNegative,
  prefillFlopsPerToken: positive,
  ttftPromptTokens: positive,
  ragPromptTokens: positive,
  ragAnswerTokens: positive,
  shortAnswerTokens: positive,
  workloads: z
    .array(
      z.strictObject({
        key: z.string().min(1),
        label: z.string().min(1),
        decode5090TokSP50: positive,
        decode5090TokSP95: positive,
        ttft5090SecP50: positive,
        ttft5090SecP95: positive,
        samples: z.number().int().positive(),
        decodeMultiplier: positive,
        decodeP95Multiplier: positive,
        ttftMultiplier: positive,
      }),
    )
    .min(1),
});

export const platformBudgetFileSchema = z.strictObject({
  ...comment,
  title: z.string().min(1),
  caveats: z.array(z.string()),
  columns: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z0-9_]+$/),
        kind: z.enum(['text', 'int', 'float']),
        unit: z.string().min(1).optional(),
        additive: z.boolean(),
      }),
    )
    .min(1),
  matrix: z.strictObject({
    streams: z.array(z.number().int().positive()).min(1),
    answerKinds: z.array(z.enum(['short', 'rag'])).min(1),
    queriesPerMinute: nonNegative,
  }),
});

/** The data files, by file name, with their schemas. */
export const CATALOG_FILES = {
  'catalog.json': catalogInfoFileSchema,
  'tiers.json': tiersFileSchema,
  'measured.json': measuredFileSchema,
  'silicon-classes.json': siliconClassesFileSchema,
  'memory-upgrades.json': memoryUpgradesFileSchema,
  'precision-sets.json': precisionSetsFileSchema,
  'capability.json': capabilityFileSchema,
  'pipelines.json': pipelinesFileSchema,
  'vision.json': visionFileSchema,
  'ncu-bundle.json': ncuBundleFileSchema,
  'llm.json': llmFileSchema,
  'platform-budget.json': platformBudgetFileSchema,
  'vla.json': vlaFileSchema,
  'llm-bundle.json': llmBundleFileSchema,
  'anchor-keys.json': anchorKeysFileSchema,
  'llm-models.json': llmModelsFileSchema,
  'kpi.json': kpiFileSchema,
  'explanations.json': explanationsFileSchema,
} as const;

export type CatalogFileName = keyof typeof CATALOG_FILES;
export type CatalogFiles = { [K in CatalogFileName]: z.infer<(typeof CATALOG_FILES)[K]> };
export type RawCatalogFiles = { [K in CatalogFileName]: unknown };

export type Resolution = z.infer<typeof resolutionSchema>;
export type CapabilityLevel = z.infer<typeof capabilityLevelSchema>;
export type CapabilityKey = z.infer<typeof capabilityKeySchema>;
export type PeakField = z.infer<typeof peakFieldSchema>;
export type PrecisionSetId = z.infer<typeof precisionSetIdSchema>;
export type TierRecord = CatalogFiles['tiers.json']['tiers'][number];
export type PipelineRecord = CatalogFiles['pipelines.json']['pipelines'][number];
export type SiliconClassRecord = CatalogFiles['silicon-classes.json']['classes'][number];
export type MemoryUpgradeRecord = CatalogFiles['memory-upgrades.json']['options'][number];
export type QuantRecord = CatalogFiles['llm.json']['quants'][number];
export type WorkloadRecord = CatalogFiles['llm.json']['workloads'][number];
export type LlmCell = z.infer<typeof llmCellSchema>;
