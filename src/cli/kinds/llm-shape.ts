import { z } from 'zod';
import { hardwareFields, hardwareOf, lineFields, nullableName, nullableNumber, parseWith, type QueryKind } from './common';

const schema = z.strictObject({
  ...lineFields,
  ...hardwareFields,
  model: z.string(),
  quant_scheme: nullableName,
  bytes_per_param: nullableNumber,
  gguf_size_gb: nullableNumber,
  compute_dtype: nullableName,
  workload: nullableName,
  prompt_tokens: nullableNumber,
  decode_tokens: nullableNumber,
  npu_share: nullableNumber,
  fp4_maturity: nullableName,
  compiler_quality: nullableNumber,
  host_ms: nullableNumber,
});

export const llmShapeKind: QueryKind = {
  kind: 'llm_shape',
  help: 'model (qwen3_30b_a3b_moe|qwen25_32b_dense|qwen25_7b_dense), quant_scheme, bytes_per_param, gguf_size_gb, compute_dtype, workload, prompt_tokens, decode_tokens, npu_share, fp4_maturity, host_ms',
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'llm_shape');
    const r = engine.llmShape(hardwareOf(engine, q), {
      model: q.model,
      quantScheme: q.quant_scheme ?? null,
      bytesPerParam: q.bytes_per_param ?? null,
      ggufSizeGb: q.gguf_size_gb ?? null,
      computeDtype: q.compute_dtype ?? null,
      workload: q.workload ?? null,
      promptTokens: q.prompt_tokens ?? null,
      decodeTokens: q.decode_tokens ?? null,
      npuShare: q.npu_share ?? null,
      fp4Maturity: q.fp4_maturity ?? null,
      compilerQuality: q.compiler_quality ?? null,
      hostMs: q.host_ms ?? null,
    });
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
  },
};
