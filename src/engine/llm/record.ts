/** An LLM projection as a flat snake_case record (the query contract's fields), shared by every host. */
import type { LlmProjection } from './types';

export function llmRecord(l: LlmProjection): Record<string, unknown> {
  return {
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
}
