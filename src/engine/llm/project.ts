/**
 * LLM projection on the anchor-model path: decode tok/s, time to first token and the answer
 * latencies that follow, for the MoE performance-reference model (3B active parameters) or a
 * measured per-model cell.
 *
 * Decode comes from the first of: a measured per-model cell for this quant; the tier's MoE anchor
 * scaled by quant bytes; the bandwidth ceiling (active weights read once per token) at the NPU share.
 * See docs/decisions/0004-llm-projection.md.
 */
import type { Catalog } from '../catalog/load';
import type { QuantRecord, WorkloadRecord } from '../catalog/schemas';
import { effectiveBandwidthGbs, resolveShare, type Hardware } from '../hardware/types';
import { SizerError } from '../util/errors';
import type { Source } from '../vision/types';
import { precisionPrefillScale } from './precision';
import type { LlmProjection, LlmQuery } from './types';

export function quantRecord(catalog: Catalog, key: string): QuantRecord {
  const quant = catalog.quantByKey[key];
  if (!quant) {
    throw new SizerError('unknown_name', `unknown quant "${key}"; valid: ${Object.keys(catalog.quantByKey).join(', ')}`, 'quant');
  }
  return quant;
}

export function workloadRecord(catalog: Catalog, key: string): WorkloadRecord {
  const workload = catalog.workloadByKey[key];
  if (!workload) {
    throw new SizerError('unknown_name', `unknown workload "${key}"; valid: ${Object.keys(catalog.workloadByKey).join(', ')}`, 'workload');
  }
  return workload;
}

interface BasePoint {
  readonly decodeTokS: number;
  readonly ttftSec: number;
  readonly source: Source;
}

function basePoint(catalog: Catalog, hw: Hardware, q: LlmQuery, quant: QuantRecord, share: number): BasePoint {
  const llm = catalog.files['llm.json'];
  const promptTokens = llm.ttftPromptTokens;
  const referenceKey = llm.referenceModel.key;
  const anchor = hw.llmTierAnchors[referenceKey];
  const anchorSource: Source = hw.bwProjected ? 'same_class_anchor' : 'measured_anchor';

  const cell = q.measurementKey === null ? undefined : hw.llmCells[q.measurementKey]?.[q.quant];
  if (cell) {
    const prefill = cell.prefillTokS ?? anchor?.prefillTokS ?? null;
    return {
      decodeTokS: share < 1 ? cell.decodeTokS * share : cell.decodeTokS,
      ttftSec: prefill ? promptTokens / prefill : 0,
      source: hw.bwProjected ? 'same_class_anchor' : 'measured',
    };
  }
  if (anchor) {
    // The anchor was measured at Q4_K_M: other quants read proportionally more bytes per token.
    const q4 = catalog.quantByKey[llm.defaults.quant];
    const decode = anchor.decodeTokS * ((q4?.bytesPerParam ?? quant.bytesPerParam) / quant.bytesPerParam);
    return {
      decodeTokS: share < 1 ? decode * share : decode,
      ttftSec: anchor.prefillTokS ? promptTokens / anchor.prefillTokS : 0,
      source: anchorSource,
    };
  }
  const effBw = effectiveBandwidthGbs(hw);
  const ceiling = decodeCeilingTokS(catalog, hw, quant);
  const peak = Math.max(hw.peakTops.bf16, hw.peakTops.int8, hw.peakTops.fp8, 1e-9);
  const prefillComputeMs = (promptTokens * llm.prefillFlopsPerToken) / (peak * hw.llmPrefillUtilFactor);
  const weightsGb = (llm.referenceModel.activeParams * quant.bytesPerParam) / 1e9;
  const prefillBwMs = (weightsGb / (effBw * share)) * 1000;
  return {
    decodeTokS: ceiling * hw.llmDecodeBwRealization * share,
    ttftSec: (Math.max(prefillComputeMs, prefillBwMs) + hw.computeOverheadMs) / 1000,
    source: 'cross_class',
  };
}

export function decodeCeilingTokS(catalog: Catalog, hw: Hardware, quant: QuantRecord): number {
  const activeParams = catalog.files['llm.json'].referenceModel.activeParams;
  return (effectiveBandwidthGbs(hw) * 1e9) / (activeParams * quant.bytesPerParam);
}

export function projectLlm(catalog: Catalog, hw: Hardware, q: LlmQuery): LlmProjection {
  const llm = catalog.files['llm.json'];
  const quant = quantRecord(catalog, q.quant);
  const workload = workloadRecord(catalog, q.workload);
  const share = resolveShare(hw, q.npuShare);
  const base = basePoint(catalog, hw, q, quant, share);
  const prefillScale = precisionPrefillScale(catalog, hw, q.fp4Maturity);
  const baseTtft = base.ttftSec * prefillScale;
  const decodeTokS = base.decodeTokS * workload.decodeMultiplier;
  const ttft1kSec = baseTtft * workload.ttftMultiplier;
  const ragPrefillSec = (llm.ragPromptTokens * ttft1kSec) / 1000;
  const ragDecodeSec = llm.ragAnswerTokens / decodeTokS;
  return {
    quant: quant.key,
    workload: workload.key,
    decodeTokS,
    ttft1kSec,
    decodeCeilingTokS: decodeCeilingTokS(catalog, hw, quant),
    shortAnswerSec: decodeTokS > 0 ? llm.shortAnswerTokens / decodeTokS : Infinity,
    ragPrefillSec,
    ragDecodeSec,
    ragTotalSec: ragPrefillSec + ragDecodeSec,
    ggufSizeGb: quant.ggufSizeGb,
    fitsInMemory: quant.ggufSizeGb + llm.fitMarginGb < hw.memCapacityGb,
    npuShareUsed: share,
    precisionPrefillScale: prefillScale,
    regime: 'bw_bound',
    source: base.source,
    baseDecodeTokS: base.decodeTokS,
    baseTtft1kSec: baseTtft,
  };
}
