/**
 * Fixed lists the catalog schemas validate against and engine modules read at run time. They live here,
 * not in schemas.ts, so reading them does not construct every catalog schema: a built bundle no longer
 * validates the shipped catalog at start (shipped.ts), and webpack leaves the schemas out of it.
 */
export const RESOLUTIONS = ['720p', '1080p', '4K'] as const;
export const CAPABILITY_KEYS = ['int8', 'fp8', 'bf16/fp16', 'q4_km', 'nvfp4'] as const;
