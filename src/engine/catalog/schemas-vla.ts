/** Schema of data/vla.json (VLA models and tracks). */
import { z } from 'zod';

// Placeholder until the VLA catalog lands; replaced by the full schema.
export const vlaFileSchema = z.strictObject({ $comment: z.string().optional() });
