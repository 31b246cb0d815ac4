/**
 * Schema of data/explanations.json: the sentence templates and fixed texts the explain module
 * (src/engine/explain) fills in to say how each projected number was derived, plus the per-tier,
 * per-pipeline and per-workload descriptions and the model-role legend. Cross-file checks (every
 * ladder tier, pipeline and workload has its text) are in checks/explanations.ts.
 */
import { z } from 'zod';

const text = z.string().min(1);
const roleSchema = z.strictObject({ icon: text, short: text, legend: text });
const vlaSourceSchema = z.strictObject({ icon: text, text });

export const explanationsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  regime: z.record(z.string(), text),
  share: text,
  sources: z.record(z.string(), z.strictObject({ text, suffixes: z.array(z.enum(['regime', 'share'])) })),
  unlabelledSource: text,
  kinds: z.strictObject({ vision: text, llm: text }),
  siliconAttribution: z.array(z.strictObject({ match: text, text })),
  siliconAttributionDefault: text,
  perModelScaling: text,
  scaledFrom: text,
  memoryUpgrade: text,
  bandwidthRatio: text,
  capability: text,
  capabilityLevels: z.record(z.string(), z.strictObject({ label: text, description: text })),
  compilerQuality: text,
  cpuPreprocessing: text,
  resolution: z.strictObject({ pipelines: z.array(text), text }),
  duty: text,
  dutyNoVision: text,
  tiers: z.record(z.string(), text),
  pipelines: z.record(z.string(), text),
  workloads: z.record(z.string(), z.strictObject({ description: text, note: text })),
  modelRoles: z.record(z.string(), roleSchema),
  incompatibleModel: z.strictObject({ icon: text, legend: text }),
  vla: z.strictObject({
    sources: z.record(z.string(), vlaSourceSchema),
    whatIf: z.strictObject({ icon: text, label: text, text }),
    paper: text,
    paperNoLibero: text,
    controlLoop: text,
    fleet: text,
    ddr: text,
    overBudget: z.string(),
    cameras: text,
    targetExceeded: text,
    targetMet: text,
    notes: z.record(z.string(), text),
  }),
});

export type ExplanationsFile = z.infer<typeof explanationsFileSchema>;
