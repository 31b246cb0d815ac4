/**
 * The calibrated basis's decode model: the physics the reference model leaves out, with constants
 * fitted to published measurements (data/calibration.json, fitted by scripts/accuracy.ts).
 *
 * Seconds per decoded token =
 *     weight bytes / (peak GB/s x efficiency of the weight format x memory factor) x (MoE routing factor if MoE)
 *   + KV-cache bytes at the context / (peak GB/s x 16-bit efficiency x memory factor)
 *   + per-layer overhead x layers (x GDDR overhead factor for GDDR memory),
 * where memory factor = (GDDR factor for GDDR memory, else 1) x (narrow-bus factor for a bus of at most 64 bits, else 1).
 * See docs/decisions/0028-calibrated-basis.md.
 */
import type { CalibrationConstants, CalibrationFile, WeightFormat } from './schema';

/** The model whose decode is projected, as the calibrated model reads it. */
export interface DecodeShape {
  readonly activeParamsB: number;
  readonly bytesPerParam: number;
  readonly isMoe: boolean;
  /** Tokens in the KV cache while decoding. */
  readonly contextTokens: number;
  readonly hiddenDim?: number | null;
  readonly numLayers?: number | null;
  readonly kvHeadRatio?: number | null;
}

/** A decode shape on a memory system. */
export interface CalibratedDecodeInput extends DecodeShape {
  /** The memory system's peak (theoretical) bandwidth, GB/s. */
  readonly peakBandwidthGbs: number;
  readonly memType: string;
  /** Memory bus width, bits; null or 0 when unknown (then not treated as narrow). */
  readonly busWidthBits?: number | null;
}

export interface CalibratedDecode {
  readonly decodeTokS: number;
  readonly weightFormat: WeightFormat;
  readonly bwEfficiency: number;
  readonly weightMsPerToken: number;
  readonly kvMsPerToken: number;
  readonly overheadMsPerToken: number;
}

export function weightFormatOf(file: Pick<CalibrationFile, 'formatBits'>, bytesPerParam: number): WeightFormat {
  const bits = bytesPerParam * 8;
  if (bits <= file.formatBits.max4bit) return '4bit';
  if (bits <= file.formatBits.max8bit) return '8bit';
  return '16bit';
}

/** GDDR memory (discrete GPUs) takes the fitted GDDR factor; LPDDR, unified and anything else take 1. */
export function isGddr(memType: string): boolean {
  return /gddr/i.test(memType);
}

export function calibratedDecode(file: Omit<CalibrationFile, 'constants'>, constants: CalibrationConstants, input: CalibratedDecodeInput): CalibratedDecode {
  const weightFormat = weightFormatOf(file, input.bytesPerParam);
  const gddr = isGddr(input.memType);
  const narrow = input.busWidthBits !== null && input.busWidthBits !== undefined && input.busWidthBits > 0 && input.busWidthBits <= file.narrowBusMaxBits;
  const memoryFactor = (gddr ? constants.gddrFactor : 1) * (narrow ? constants.narrowBusFactor : 1);
  const bytesPerSec = input.peakBandwidthGbs * 1e9 * memoryFactor;
  const bwEfficiency = constants.bwEfficiency[weightFormat] * memoryFactor;
  const weightBytes = input.activeParamsB * 1e9 * input.bytesPerParam;
  const moe = input.isMoe ? constants.moeRoutingFactor : 1;
  const weightMsPerToken = ((weightBytes / (bytesPerSec * constants.bwEfficiency[weightFormat])) * moe) * 1000;
  const shape = file.defaultShape;
  const kvBytes =
    2 * (input.numLayers ?? shape.numLayers) * (input.hiddenDim ?? shape.hiddenDim) * (input.kvHeadRatio ?? shape.kvHeadRatio) * file.kvBytesPerElement * input.contextTokens;
  const kvMsPerToken = (kvBytes / (bytesPerSec * constants.bwEfficiency['16bit'])) * 1000;
  // Launch and synchronisation cost grows with the kernels per token, i.e. with the layer count; discrete
  // GPUs pay less of it per layer than SoCs (the GDDR rows of the validation set need it: decision 0028).
  const overheadMsPerToken = constants.perLayerOverheadMs * (gddr ? constants.gddrOverheadFactor : 1) * (input.numLayers ?? shape.numLayers);
  return {
    decodeTokS: 1000 / (weightMsPerToken + kvMsPerToken + overheadMsPerToken),
    weightFormat,
    bwEfficiency,
    weightMsPerToken,
    kvMsPerToken,
    overheadMsPerToken,
  };
}

/** The 80% band around a projected number: the band's measured/projected ratios applied to it. */
export function bandAround(band: { readonly lowRatio: number; readonly highRatio: number }, value: number): { readonly low: number; readonly high: number } {
  return { low: value * band.lowRatio, high: value * band.highRatio };
}
