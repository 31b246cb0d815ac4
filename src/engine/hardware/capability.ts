/**
 * Dtype capability: can this hardware execute a dtype, and how (tensor cores natively, through a
 * compatibility path, on CUDA cores, or not at all)?
 */
import type { Catalog } from '../catalog/load';
import type { CapabilityKey, CapabilityLevel, PeakField } from '../catalog/schemas';
import { SizerError } from '../util/errors';
import type { Hardware } from './types';

/** Peak TOPS for a dtype name (int8, fp8, bf16, fp16, nvfp4, ...); 0 for a dtype with no peak field. */
export function peakTopsForDtype(catalog: Catalog, hw: Hardware, dtype: string): number {
  const field: PeakField | undefined = catalog.files['capability.json'].dtypeToPeakField[dtype];
  return field === undefined ? 0 : hw.peakTops[field];
}

export function capabilityKeyForDtype(catalog: Catalog, dtype: string): CapabilityKey {
  const map = catalog.files['capability.json'].dtypeToCapabilityKey;
  const key = map[dtype.toLowerCase()];
  if (key === undefined) {
    throw new SizerError('unknown_name', `unknown dtype "${dtype}"; valid: ${Object.keys(map).join(', ')}`, 'dtype');
  }
  return key;
}

/**
 * Without a capability table, a capability key is supported when the hardware has peak compute for
 * it; Q4_K_M probes INT8 when there is any, else BF16 (its dequantisation path).
 */
function heuristicLevel(hw: Hardware, key: CapabilityKey): CapabilityLevel {
  let peak: number;
  switch (key) {
    case 'bf16/fp16':
      peak = hw.peakTops.bf16;
      break;
    case 'q4_km':
      peak = hw.peakTops.int8 > 0 ? hw.peakTops.int8 : hw.peakTops.bf16;
      break;
    case 'nvfp4':
      peak = hw.peakTops.fp4;
      break;
    default:
      peak = hw.peakTops[key];
  }
  return peak > 0 ? 'tensor_native' : 'unsupported';
}

export function capabilityLevelForKey(hw: Hardware, key: CapabilityKey): CapabilityLevel {
  if (hw.capability === null) return heuristicLevel(hw, key);
  return hw.capability[key] ?? 'unsupported';
}

export function capabilityLevel(catalog: Catalog, hw: Hardware, dtype: string): CapabilityLevel {
  return capabilityLevelForKey(hw, capabilityKeyForDtype(catalog, dtype));
}
