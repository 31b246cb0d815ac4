/**
 * The what-if model projector: a model that was never bake-offed, described only by its shape.
 *
 * Decode is bandwidth-bound, so it scales from the nearest measured model by bytes read per token:
 * the MoE anchor for a MoE model, the dense anchor otherwise, each read from the context curve
 * (context-curve.ts) at the prompt length. Memory feasibility adds the weights, an FP16 KV cache for
 * prompt + decode tokens and a fixed runtime overhead, against the tier's capacity in decimal GB.
 * See docs/decisions/0011-context-curve-and-what-if.md.
 */
import type { Catalog } from '../catalog/load';
import type { Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import { pyRound } from '../util/pyround';
import { decodeAtContext, type ContextDecodeSource, type DecodeRegime, type InterpolationSource } from './context-curve';
import { kvCacheBytes, type MemoryFeasibility, memoryFit } from './memory';
import { checkInput, inputOrDefault, optionalInput } from '../inputs/check';

export interface WhatIfDecodeInput {
  readonly activeParamsB: number;
  readonly bytesPerParam: number;
  readonly isMoe: boolean;
  /** Context the decode speed is read at: the prompt length. */
  readonly contextTokens: number;
  readonly compilerQuality?: number | null;
  readonly npuShare?: number | null;
}

export interface WhatIfDecode {
  readonly decodeTokS: number;
  /** Provenance and regime of the anchor model's number this one is scaled from. */
  readonly source: ContextDecodeSource;
  readonly regime: DecodeRegime;
  readonly interpolation: InterpolationSource | null;
  readonly contextTokens: number;
  readonly npuShareUsed: number;
  readonly anchorModel: string;
  readonly anchorDisplayName: string;
  readonly anchorDecodeTokS: number;
  /** Bytes read per decode token: active parameters x bytes per parameter. */
  readonly bytesPerToken: number;
  readonly anchorBytesPerToken: number;
  /** anchor bytes per token / what-if bytes per token (= decodeTokS / anchorDecodeTokS). */
  readonly speedupVsAnchor: number;
  readonly referenceModel: string;
  readonly referenceDecodeTokS: number;
  readonly speedupVsReference: number;
}

export interface WhatIfMemoryInput {
  readonly totalParamsB: number;
  readonly bytesPerParam: number;
  /** Tokens held in the KV cache: prompt + decode. */
  readonly contextTokens: number;
  readonly hiddenDim: number;
  readonly numLayers: number;
  /** KV heads / attention heads; null or omitted takes the bundle default (0.25). */
  readonly kvHeadRatio?: number | null;
}

/**
 * The what-if's fit: the same rule and fields as the token-shaped projection's (./memory), its GB
 * rounded as the reference shows them (2 decimals, the KV cache 3), plus the context and KV-head
 * ratio it was computed for.
 */
export interface WhatIfMemoryFeasibility extends MemoryFeasibility {
  readonly contextTokens: number;
  readonly kvHeadRatio: number;
}

/** Every field nullable: null or omitted takes the bundle's what-if default. */
export interface WhatIfModelInput {
  readonly name?: string | null;
  readonly isMoe?: boolean | null;
  readonly activeParamsB?: number | null;
  readonly totalParamsB?: number | null;
  readonly bytesPerParam?: number | null;
  readonly hiddenDim?: number | null;
  readonly numLayers?: number | null;
  readonly promptTokens?: number | null;
  readonly decodeTokens?: number | null;
  readonly compilerQuality?: number | null;
  readonly npuShare?: number | null;
}

export interface WhatIfModelProjection {
  readonly name: string;
  readonly isMoe: boolean;
  readonly activeParamsB: number;
  readonly totalParamsB: number;
  readonly bytesPerParam: number;
  readonly hiddenDim: number;
  readonly numLayers: number;
  readonly promptTokens: number;
  readonly decodeTokens: number;
  readonly decode: WhatIfDecode;
  readonly memory: WhatIfMemoryFeasibility;
}

export function projectWhatIfDecode(catalog: Catalog, hw: Hardware, input: WhatIfDecodeInput): WhatIfDecode {
  const bundle = catalog.files['llm-bundle.json'];
  const ranges = catalog.inputRanges;
  const activeParamsB = checkInput(ranges.activeParamsB, input.activeParamsB);
  const bytesPerParam = checkInput(ranges.bytesPerParam, input.bytesPerParam);
  const contextTokens = checkInput(ranges.promptTokens, input.contextTokens);
  const options = { compilerQuality: inputOrDefault(ranges.compilerQuality, input.compilerQuality), npuShare: optionalInput(ranges.npuShare, input.npuShare) };

  const anchorKey = input.isMoe ? bundle.whatIf.moeAnchorModel : bundle.whatIf.denseAnchorModel;
  const anchor = bundle.models.find((m) => m.key === anchorKey);
  if (!anchor) throw new SizerError('not_applicable', `the what-if anchor model "${anchorKey}" is not in the bundle`, 'is_moe');
  const anchorBytesPerToken = anchor.activeParams * anchor.bytesPerParam;
  const bytesPerToken = activeParamsB * 1e9 * bytesPerParam;
  const scaling = anchorBytesPerToken / bytesPerToken;

  const anchorDecode = decodeAtContext(catalog, hw, anchor.key, contextTokens, options);
  const reference = decodeAtContext(catalog, hw, bundle.whatIf.referenceMoeModel, contextTokens, options);
  const decodeTokS = anchorDecode.decodeTokS * scaling;
  return {
    decodeTokS,
    source: anchorDecode.source,
    regime: anchorDecode.regime,
    interpolation: anchorDecode.interpolation,
    contextTokens,
    npuShareUsed: anchorDecode.npuShareUsed,
    anchorModel: anchor.key,
    anchorDisplayName: anchor.displayName,
    anchorDecodeTokS: anchorDecode.decodeTokS,
    bytesPerToken,
    anchorBytesPerToken,
    speedupVsAnchor: scaling,
    referenceModel: reference.model,
    referenceDecodeTokS: reference.decodeTokS,
    speedupVsReference: decodeTokS / reference.decodeTokS,
  };
}

export function whatIfMemoryFeasibility(catalog: Catalog, hw: Hardware, input: WhatIfMemoryInput): WhatIfMemoryFeasibility {
  const ranges = catalog.inputRanges;
  const totalParamsB = checkInput(ranges.totalParamsB, input.totalParamsB);
  const bytesPerParam = checkInput(ranges.bytesPerParam, input.bytesPerParam);
  const contextTokens = checkInput(ranges.contextTokens, input.contextTokens);
  const hiddenDim = checkInput(ranges.hiddenDim, input.hiddenDim);
  const numLayers = checkInput(ranges.numLayers, input.numLayers);
  const kvHeadRatio = inputOrDefault(ranges.kvHeadRatio, input.kvHeadRatio);
  const fit = memoryFit(catalog, hw, totalParamsB * 1e9 * bytesPerParam, kvCacheBytes(catalog, numLayers, hiddenDim, kvHeadRatio, contextTokens));
  // The verdict is taken on exact bytes; only the reported GB are rounded.
  return {
    verdict: fit.verdict,
    requiredGb: pyRound(fit.requiredBytes / 1e9, 2),
    availableGb: pyRound(fit.availableBytes / 1e9, 2),
    headroomGb: pyRound(fit.headroomBytes / 1e9, 2),
    weightsGb: pyRound(fit.weightsBytes / 1e9, 2),
    kvCacheGb: pyRound(fit.kvBytes / 1e9, 3),
    overheadGb: pyRound(fit.overheadBytes / 1e9, 2),
    contextTokens,
    kvHeadRatio,
  };
}

/**
 * Both halves for one what-if model, with the bundle defaults filled in. A dense model reads every
 * parameter per token, so its active count defaults to (and must equal) its total.
 */
export function projectWhatIfModel(catalog: Catalog, hw: Hardware, input: WhatIfModelInput): WhatIfModelProjection {
  const bundle = catalog.files['llm-bundle.json'];
  const defaults = bundle.whatIf.defaults;
  const name = (input.name ?? defaults.name).trim();
  if (name === '') throw new SizerError('invalid_input', 'name must not be empty', 'name');
  // Left out: a model whose active parameters are given and below its total is MoE, one whose active
  // equal its total is dense; with neither count given, the bundle's default model decides.
  const countsGiven = input.activeParamsB !== undefined && input.activeParamsB !== null && input.totalParamsB !== undefined && input.totalParamsB !== null;
  const isMoe = input.isMoe ?? (countsGiven ? (input.activeParamsB as number) < (input.totalParamsB as number) : defaults.isMoe);
  const ranges = catalog.inputRanges;
  const totalParamsB = inputOrDefault(ranges.totalParamsB, input.totalParamsB);
  const activeParamsB = checkInput(ranges.activeParamsB, input.activeParamsB ?? (isMoe ? defaults.activeParamsB : totalParamsB));
  if (activeParamsB > totalParamsB) {
    throw new SizerError('out_of_range', `active_params_b must be greater than 0 and at most total_params_b (${totalParamsB}), got ${activeParamsB}`, 'active_params_b');
  }
  if (!isMoe && activeParamsB !== totalParamsB) {
    throw new SizerError('invalid_input', `a dense model (is_moe false) reads every parameter per token: active_params_b must equal total_params_b (${totalParamsB}) or be left out, got ${activeParamsB}`, 'active_params_b');
  }
  const bytesPerParam = inputOrDefault(ranges.whatIfBytesPerParam, input.bytesPerParam);
  const hiddenDim = input.hiddenDim ?? defaults.hiddenDim;
  const numLayers = input.numLayers ?? defaults.numLayers;
  // Blank token counts follow the bundle's default workload here (the shape projector's defaults differ).
  const promptTokens = inputOrDefault(ranges.whatIfPromptTokens, input.promptTokens);
  const decodeTokens = inputOrDefault(ranges.whatIfDecodeTokens, input.decodeTokens);

  const decode = projectWhatIfDecode(catalog, hw, {
    activeParamsB,
    bytesPerParam,
    isMoe,
    contextTokens: promptTokens,
    compilerQuality: input.compilerQuality ?? null,
    npuShare: input.npuShare ?? null,
  });
  const memory = whatIfMemoryFeasibility(catalog, hw, { totalParamsB, bytesPerParam, contextTokens: promptTokens + decodeTokens, hiddenDim, numLayers });
  return { name, isMoe, activeParamsB, totalParamsB, bytesPerParam, hiddenDim, numLayers, promptTokens, decodeTokens, decode, memory };
}
