/** An LLM projection as a flat snake_case record (the query contract's fields), shared by every host. */
import type { ModelProjection } from './models';
import type { ShapeResult } from './shape';
import type { LlmProjection } from './types';
import { withNotes, type RecordNotes } from '../explain/types';

/** With notes: also the bandwidth ratio vs NPU Mid and how the number was derived (engine.explainLlm). */
export function llmRecord(l: LlmProjection, notes?: RecordNotes): Record<string, unknown> {
  const record: Record<string, unknown> = {
    quant: l.quant,
    workload: l.workload,
    decode_tok_s: l.decodeTokS,
    ttft_1k_sec: l.ttft1kSec,
    decode_ceiling_tok_s: l.decodeCeilingTokS,
    short_answer_sec: l.shortAnswerSec,
    rag_prefill_sec: l.ragPrefillSec,
    rag_decode_sec: l.ragDecodeSec,
    rag_total_sec: l.ragTotalSec,
    gguf_size_gb: l.ggufSizeGb,
    fits_in_memory: l.fitsInMemory,
    npu_share_used: l.npuShareUsed,
    precision_prefill_scale: l.precisionPrefillScale,
    regime: l.regime,
    source: l.source,
  };
  return withNotes(record, notes);
}

/** A catalog-model projection: the LLM record plus the model, its measurement key, scaling and dtype gate. */
export function llmModelRecord(m: ModelProjection, notes?: RecordNotes): Record<string, unknown> {
  return {
    model: m.model,
    measurement_key: m.measurementKey,
    compute_dtype: m.gate.computeDtype,
    dtype_level: m.gate.level,
    dtype_supported: m.gate.supported,
    perf_scale_factor: m.perfScaleFactor,
    scaled_from: m.scaledFrom,
    ...llmRecord(m, notes),
  };
}

/** A token-shaped projection in the query contract's fields, plus the memory breakdown for every verdict. */
export function shapeRecord(r: ShapeResult): Record<string, unknown> {
  const projected = r.resultType === 'Projected' ? r : null;
  const wontFit = r.resultType === 'WontFit';
  return {
    model: r.model,
    quant_scheme: r.quantScheme,
    result_type: r.resultType,
    source: projected?.source ?? null,
    regime: projected?.regime ?? null,
    decode_tok_s: projected?.decodeTokS ?? null,
    prefill_tok_s: projected?.prefillTokS ?? null,
    ttft_s: projected?.ttftS ?? null,
    decode_s: projected?.decodeS ?? null,
    prefill_s: projected?.prefillS ?? null,
    total_s: projected?.totalS ?? null,
    host_ms: projected?.hostMs ?? null,
    decode_ceiling_tok_s: projected?.decodeCeilingTokS ?? null,
    fit_verdict: r.feasibility.verdict,
    // The reference reports the memory figures only on a won't-fit verdict; we keep that shape
    // and add the breakdown fields for every verdict.
    required_gb: wontFit ? r.feasibility.requiredGb : null,
    available_gb: wontFit ? r.feasibility.availableGb : null,
    headroom_gb: wontFit ? r.feasibility.headroomGb : null,
    memory_required_gb: r.feasibility.requiredGb,
    memory_available_gb: r.feasibility.availableGb,
    memory_headroom_gb: r.feasibility.headroomGb,
    weights_gb: r.feasibility.weightsGb,
    kv_cache_gb: r.feasibility.kvCacheGb,
    required_dtype: r.resultType === 'DtypeMismatch' ? r.requiredDtype : null,
  };
}
