/** Schemas of data/llm-models.json (LLM model catalog) and data/kpi.json (KPI spreadsheet layout). */
import { z } from 'zod';

const positive = z.number().finite().positive();
const fraction01 = z.number().finite().min(0).max(1);
const count = z.number().int().nonnegative();

export const modelRoleSchema = z.enum(['production', 'fine_tune', 'stock_base', 'perf_reference']);

export const llmModelSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]+$/, 'model keys are lower-case snake_case'),
  label: z.string().min(1),
  family: z.string().min(1),
  base: z.string().min(1),
  role: modelRoleSchema,
  totalParamsB: positive,
  activeParamsB: positive,
  quantLabel: z.string().min(1),
  sizeGb: positive,
  computeDtype: z.string().min(1),
  gopsPerToken: z.number().finite().nonnegative(),
  measurementAlias: z.string().min(1).nullable(),
  fineTune: z.string().min(1).nullable(),
  passRate: fraction01.nullable(),
  passCount: count.nullable(),
  passTotal: count.nullable(),
  categories: z.record(z.string(), z.strictObject({ passed: count, total: count, rate: fraction01 })),
});

export const llmModelsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  methodologyVersion: z.string().min(1),
  defaultModel: z.string().min(1),
  productionReference: z.string().min(1),
  perfReference: z.string().min(1),
  roleOrder: z.array(modelRoleSchema).length(4),
  categoryLabels: z.record(z.string(), z.string().min(1)),
  models: z.array(llmModelSchema).min(1),
  quantLevels: z.strictObject({
    fp16Reference: z.string().min(1),
    ladder: z
      .array(
        z.strictObject({
          key: z.string().min(1),
          label: z.string().min(1),
          baseModel: z.string().min(1),
          precision: z.string().min(1),
          ragEnabled: z.boolean(),
          runtime: z.string().min(1),
          measurementHost: z.string().min(1),
          passRate: fraction01,
          passCount: count,
          passTotal: count,
        }),
      )
      .min(1),
    w8a8VsFp16CategoryDeltasPp: z.record(z.string(), z.number().finite()),
  }),
  shapeModels: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z0-9_]+$/),
        family: z.string().min(1),
        base: z.string().min(1),
        totalParamsB: positive,
        activeParamsB: positive,
        quantScheme: z.string().min(1),
        bytesPerParam: positive,
        ggufSizeGb: positive,
        computeDtype: z.string().min(1),
        numLayers: z.number().int().positive(),
        hiddenDim: z.number().int().positive(),
        numAttentionHeads: z.number().int().positive(),
        numKvHeads: z.number().int().positive(),
        isMoe: z.boolean(),
        measurementAlias: z.string().min(1).nullable(),
      }),
    )
    .min(1),
  /** The accuracy view's methodology lines and the W8A8 rung's warning (SM120 kernels blocked). */
  accuracyTexts: z.strictObject({ methodology: z.array(z.string().min(1)).min(1), w8a8Warning: z.string().min(1) }),
  shapeQuantSchemes: z.strictObject({
    bytesPerParam: z.record(z.string(), positive),
    ggufSizeGb: z.record(z.string(), positive),
  }),
  shapeDefaults: z.strictObject({
    promptTokens: z.number().int().positive(),
    decodeTokens: z.number().int().positive(),
    workload: z.string().min(1),
    runtimeOverheadBytes: z.number().finite().nonnegative(),
    tightHeadroomFraction: fraction01,
    kvBytesPerElement: positive,
  }),
});

export const kpiCategorySchema = z.enum(['sam', 'one_model', 'composed', 'yolo_only']);

export const kpiFileSchema = z.strictObject({
  $comment: z.string().optional(),
  ingestLabel: z.string().min(1),
  ingestMs: z.strictObject({ '720p': z.number().nonnegative(), '1080p': z.number().nonnegative(), '4K': z.number().nonnegative() }),
  samDetectorMs: z.number().nonnegative(),
  categoryOrder: z.array(kpiCategorySchema).min(1),
  stages: z.record(z.string(), z.strictObject({ category: kpiCategorySchema, detector: z.string().min(1), segmenter: z.string().min(1).nullable() })),
  columns: z.array(z.strictObject({ name: z.string().regex(/^[a-z_]+$/), header: z.string().min(1), width: positive })).min(1),
  /** SIZER's columns after the reference's. */
  sizerColumns: z.array(z.strictObject({ name: z.string().regex(/^[a-z_]+$/), header: z.string().min(1), width: positive })),
  sheetTitle: z.string().min(1),
});

export type LlmModelRecord = z.infer<typeof llmModelSchema>;
export type ModelRole = z.infer<typeof modelRoleSchema>;
export type KpiCategory = z.infer<typeof kpiCategorySchema>;
