/**
 * FP4 maturity (ADR 016 of the reference) and the precision rung's effect on prefill: prefill is
 * compute-bound, so a rung whose floor dtype has more peak TOPS than INT8 prefills faster.
 */
import type { Catalog } from '../catalog/load';
import { peakTopsForDtype } from '../hardware/capability';
import type { Hardware } from '../hardware/types';
import type { Fp4Maturity } from './types';

const FP4_DTYPES = new Set(['nvfp4', 'fp4', 'mxfp4']);

/** Immature FP4 runtimes fall back to BF16 kernels. */
export function effectiveComputeDtype(dtype: string, maturity: Fp4Maturity): string {
  return maturity === 'immature' && FP4_DTYPES.has(dtype) ? 'bf16' : dtype;
}

/** The dtype a precision set runs a model at: the set's widest dtype, else the model's own. */
export function resolveFloorDtype(catalog: Catalog, hw: Hardware, modelDtype: string, maturity: Fp4Maturity): string {
  const set = hw.precisionSet === null ? undefined : catalog.files['precision-sets.json'].sets.find((s) => s.id === hw.precisionSet);
  return effectiveComputeDtype(set?.computeDtype ?? modelDtype, maturity);
}

export function precisionPrefillScale(catalog: Catalog, hw: Hardware, maturity: Fp4Maturity): number {
  if (hw.precisionSet === null) return 1;
  const floorPeak = peakTopsForDtype(catalog, hw, resolveFloorDtype(catalog, hw, 'fp16', maturity));
  if (hw.peakTops.int8 === 0 || floorPeak === 0) return 1;
  return hw.peakTops.int8 / floorPeak;
}
