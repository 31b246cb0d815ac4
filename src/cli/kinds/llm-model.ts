import { z } from 'zod';
import { hardwareFields, hardwareOf, lineFields, nullableName, nullableNumber, parseWith, type QueryKind } from './common';

const schema = z.strictObject({
  ...lineFields,
  ...hardwareFields,
  model: z.string(),
  quant: nullableName,
  workload: nullableName,
  npu_share: nullableNumber,
  fp4_maturity: nullableName,
});

export const llmModelKind: QueryKind = {
  kind: 'llm_model',
  help: 'model (a catalog model key or label) + the llm fields; adds the dtype gate and per-model scaling',
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'llm_model');
    const m = engine.llmModel(hardwareOf(engine, q), q.model, {
      quant: q.quant ?? null,
      workload: q.workload ?? null,
      npuShare: q.npu_share ?? null,
      fp4Maturity: q.fp4_maturity ?? null,
    });
    return {
      model: m.model,
      quant: m.quant,
      workload: m.workload,
      measurement_key: m.measurementKey,
      compute_dtype: m.gate.computeDtype,
      dtype_level: m.gate.level,
      dtype_supported: m.gate.supported,
      perf_scale_factor: m.perfScaleFactor,
      decode_tok_s: m.decodeTokS,
      ttft_1k_sec: m.ttft1kSec,
      short_answer_sec: m.shortAnswerSec,
      rag_prefill_sec: m.ragPrefillSec,
      rag_decode_sec: m.ragDecodeSec,
      rag_total_sec: m.ragTotalSec,
      gguf_size_gb: m.ggufSizeGb,
      fits_in_memory: m.fitsInMemory,
      npu_share_used: m.npuShareUsed,
      precision_prefill_scale: m.precisionPrefillScale,
      regime: m.regime,
      source: m.source,
    };
  },
};
