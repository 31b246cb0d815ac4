/**
 * Does an LLM fit: weights + KV cache + a fixed runtime overhead against capacity, in decimal
 * bytes. One rule for the token-shaped projection and the what-if projector; its constants live in
 * data/llm-models.json (shapeDefaults).
 */
import type { Catalog } from '../catalog/load';
import type { Hardware } from '../hardware/types';

export type FitVerdict = 'fits' | 'tight' | 'wont_fit';

export interface MemoryBytes {
  readonly verdict: FitVerdict;
  readonly weightsBytes: number;
  readonly kvBytes: number;
  readonly overheadBytes: number;
  readonly requiredBytes: number;
  readonly availableBytes: number;
  readonly headroomBytes: number;
}

/** The fit in decimal GB, as the token-shaped projection and the what-if projector report it. */
export interface MemoryFeasibility {
  readonly verdict: FitVerdict;
  readonly requiredGb: number;
  readonly availableGb: number;
  readonly headroomGb: number;
  readonly weightsGb: number;
  readonly kvCacheGb: number;
  readonly overheadGb: number;
}

/** K and V, per layer, per cached token: the KV heads' share of the hidden width, at the KV element size. */
export function kvCacheBytes(catalog: Catalog, numLayers: number, hiddenDim: number, kvHeadRatio: number, contextTokens: number): number {
  const { kvBytesPerElement } = catalog.files['llm-models.json'].shapeDefaults;
  return numLayers * 2 * hiddenDim * kvHeadRatio * kvBytesPerElement * contextTokens;
}

/** Fit verdict: no headroom is wont_fit, headroom under the tight fraction of capacity is tight. */
export function memoryFit(catalog: Catalog, hw: Hardware, weightsBytes: number, kvBytes: number): MemoryBytes {
  const { runtimeOverheadBytes, tightHeadroomFraction } = catalog.files['llm-models.json'].shapeDefaults;
  const requiredBytes = weightsBytes + kvBytes + runtimeOverheadBytes;
  const availableBytes = hw.memCapacityGb * 1e9;
  const headroomBytes = availableBytes - requiredBytes;
  const verdict: FitVerdict = headroomBytes < 0 ? 'wont_fit' : headroomBytes < tightHeadroomFraction * availableBytes ? 'tight' : 'fits';
  return { verdict, weightsBytes, kvBytes, overheadBytes: runtimeOverheadBytes, requiredBytes, availableBytes, headroomBytes };
}
