/**
 * The `basis` field every LLM projection kind accepts ("reference", the default, or "calibrated"),
 * and the fields it adds to an answer: the decode number on that basis and its 80% band (and TTFT's).
 * See docs/decisions/0028-calibrated-basis.md.
 */
import { z } from 'zod';
import { ttftBandFields } from './bands';
import { parseBasis, type BasisDecode, type DecodeShape, type Engine, type Hardware, type LlmProjection, type ReferenceDecode } from '../../engine';

export const basisFields = { basis: z.string().nullish() };

/** The answer fields of a decode number on the query's basis (decode_tok_s replaced only on the calibrated basis). */
export function basisDecodeFields(d: BasisDecode): Record<string, unknown> {
  return {
    basis: d.basis,
    decode_tok_s: d.decodeTokS,
    decode_tok_s_low: d.decodeTokSLow,
    decode_tok_s_high: d.decodeTokSHigh,
    provenance_class: d.provenanceClass,
    ...(d.calibrated
      ? {
          weight_format: d.calibrated.weightFormat,
          bw_efficiency: d.calibrated.bwEfficiency,
          weight_ms_per_token: d.calibrated.weightMsPerToken,
          kv_ms_per_token: d.calibrated.kvMsPerToken,
          overhead_ms_per_token: d.calibrated.overheadMsPerToken,
        }
      : {}),
  };
}

export function onBasis(engine: Engine, hw: Hardware, basis: string | null | undefined, reference: ReferenceDecode, shape: DecodeShape): Record<string, unknown> {
  return basisDecodeFields(engine.decodeOnBasis(hw, parseBasis(basis), reference, shape));
}

/** An LLM projection's record on the query's basis: decode and the answer times read from it, plus the band. */
export function llmRecordOnBasis<T extends LlmProjection>(
  engine: Engine,
  hw: Hardware,
  basis: string | null | undefined,
  projection: T,
  npuShareGiven: number | null,
  record: (p: T) => Record<string, unknown>,
): Record<string, unknown> {
  const onBasis = engine.onBasis(hw, projection, parseBasis(basis), npuShareGiven);
  const p = onBasis.projection;
  return { ...record(p), ...basisDecodeFields(onBasis.decode), ...ttftBandFields(engine, onBasis.decode.basis, p.source, 'ttft_1k_sec', p.ttft1kSec) };
}
