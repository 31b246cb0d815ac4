/**
 * Schema of data/anchor-keys.json: how catalog LLM models, vision pipelines and tiers map onto the
 * cells of a private anchors file (see src/engine/anchors and docs/decisions/0012-private-anchors.md).
 */
import { z } from 'zod';
import { cnnAnchorKeySchema, llmAnchorModelSchema, tierCellSchema } from '../anchors/schema';

/**
 * The capability keys of capability.json (the same list as capabilityKeySchema in schemas.ts, which
 * cannot be imported here: schemas.ts imports this file, and the cycle would leave it undefined).
 */
const capabilityKeySchema = z.enum(['int8', 'fp8', 'bf16/fp16', 'q4_km', 'nvfp4']);
const catalogKey = z.string().regex(/^[a-z0-9_]+$/, 'keys are lower-case snake_case');
const tierId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'tier ids are lower-case letters, digits, dots and dashes');

export const anchorKeysFileSchema = z
  .strictObject({
    $comment: z.string().optional(),
    /** Catalog LLM model key -> anchor model key. */
    llmModels: z.record(catalogKey, llmAnchorModelSchema),
    /** The anchor-model path (a projection with no model key) projects this model at this dtype. */
    anchorModelPath: z.strictObject({ anchorModel: llmAnchorModelSchema, computeDtype: z.string().min(1) }),
    /** The quant LLM anchors are measured at; other quants scale by bytes per parameter. */
    llmAnchorQuant: z.string().min(1),
    /** Which tier cell an LLM on a preset tier reads, by the capability key of its compute dtype. */
    llmTierCells: z
      .array(z.strictObject({ tier: tierId, capabilityKeys: z.array(capabilityKeySchema).min(1), cell: tierCellSchema }))
      .min(1),
    /** Vision pipeline key -> CNN anchor key. */
    cnnPipelines: z.record(catalogKey, cnnAnchorKeySchema),
    /** Which tier cell a CNN on a preset tier reads. */
    cnnTierCells: z.record(tierId, tierCellSchema),
  })
  .superRefine((file, ctx) => {
    // One (tier, capability key) pair must resolve to exactly one cell.
    const seen = new Set<string>();
    file.llmTierCells.forEach((rule, i) => {
      rule.capabilityKeys.forEach((key, j) => {
        const pair = `${rule.tier} ${key}`;
        if (seen.has(pair)) {
          ctx.addIssue({ code: 'custom', path: ['llmTierCells', i, 'capabilityKeys', j], message: `"${key}" on tier "${rule.tier}" already maps to a cell` });
        }
        seen.add(pair);
      });
    });
  });

export type AnchorKeysFile = z.infer<typeof anchorKeysFileSchema>;
