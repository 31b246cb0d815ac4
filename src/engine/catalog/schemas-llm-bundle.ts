/** Schema of data/llm-bundle.json (the companion LLM sizer's measured bake-off cells and model shapes). */
import { z } from 'zod';

// Placeholder until the context-curve data lands; replaced by the full schema.
export const llmBundleFileSchema = z.strictObject({ $comment: z.string().optional() });
