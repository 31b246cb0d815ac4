/** Schema of data/anchor-keys.json (how catalog models and pipelines map to private-anchor keys). */
import { z } from 'zod';

// Placeholder until the anchors layer lands; replaced by the full schema.
export const anchorKeysFileSchema = z.strictObject({ $comment: z.string().optional() });
