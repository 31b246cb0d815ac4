/**
 * The JSON shape of each `sizer query` kind (contract: ../shared/reference/README.md). Schemas check
 * types and field names only; ranges and names are checked by the engine, so every host reports
 * them the same way.
 */
import { z } from 'zod';
import { customTierSchema } from './custom-tier';

const name = z.string().nullish();
const num = z.number().nullish();

const common = {
  id: z.union([z.string(), z.number()]).nullish(),
  kind: z.string(),
};

const hardwareFields = {
  tier: name,
  custom: customTierSchema.nullish(),
  memory: name,
  precision_set: name,
};

const visionFields = {
  pipeline: z.string(),
  resolution: name,
  streams: num,
  npu_share: num,
  compiler_quality: num,
};

const llmFields = {
  quant: name,
  workload: name,
  npu_share: num,
  measurement_key: name,
  fp4_maturity: name,
};

export const visionQuerySchema = z.strictObject({ ...common, ...hardwareFields, ...visionFields });
export const llmQuerySchema = z.strictObject({ ...common, ...hardwareFields, ...llmFields });
export const capabilityQuerySchema = z.strictObject({ ...common, ...hardwareFields, dtype: z.string() });
export const dutyQuerySchema = z.strictObject({
  ...common,
  ...hardwareFields,
  ...visionFields,
  ...llmFields,
  queries_per_minute: num,
  answer_kind: name,
});
export const budgetQuerySchema = z.strictObject({
  ...common,
  ...hardwareFields,
  npu_share: num,
  slot: z.enum(['vision', 'llm']),
  pipeline: name,
  resolution: name,
  streams: num,
  duty_cycle: num,
  quant: name,
  workload: name,
  queries_per_minute: num,
  answer_kind: name,
});

export type VisionQueryJson = z.infer<typeof visionQuerySchema>;
export type LlmQueryJson = z.infer<typeof llmQuerySchema>;
export type CapabilityQueryJson = z.infer<typeof capabilityQuerySchema>;
export type DutyQueryJson = z.infer<typeof dutyQuerySchema>;
export type BudgetQueryJson = z.infer<typeof budgetQuerySchema>;
