import { parseBasis, shapeModelKeys, shapeResultOnBasis } from '../../engine';
import { z } from 'zod';
import { shapeRecord } from '../../engine';
import { ttftBandFields } from './bands';
import { basisDecodeFields, basisFields } from './basis';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, type QueryKind, REFERENCE_ENGINE_MEMORY_SCOPE } from './common';

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
  ...basisFields,
});

export const llmShapeKind: QueryKind = {
  kind: 'llm_shape',
  schema,
  help: (c) => `model (${shapeModelKeys(c).join('|')}), quant_scheme, bytes_per_param, gguf_size_gb, compute_dtype, workload, prompt_tokens, decode_tokens, npu_share, fp4_maturity, host_ms, basis (reference|calibrated)`,
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'llm_shape');
    const hw = hardwareOfQuery(engine, q, REFERENCE_ENGINE_MEMORY_SCOPE);
    const r = engine.llmShape(hw, {
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
    const record = shapeRecord(r);
    if (r.resultType !== 'Projected') return { ...record, basis: parseBasis(q.basis), decode_tok_s_low: null, decode_tok_s_high: null, provenance_class: null, ttft_s_low: null, ttft_s_high: null };
    const basis = parseBasis(q.basis);
    const ttftBand = ttftBandFields(engine, basis, r.source, 'ttft_s', r.ttftS);
    const on = shapeResultOnBasis(engine.catalog, engine.calibration, hw, basis, r, { bytesPerParam: q.bytes_per_param ?? null, promptTokens: q.prompt_tokens ?? null, npuShareGiven: q.npu_share ?? null });
    const decode = basisDecodeFields(on.decode);
    if (basis === 'reference') return { ...record, ...decode, ...ttftBand };
    // On the calibrated basis the decode time, and the total it is part of, follow the calibrated decode.
    return { ...record, ...decode, decode_s: on.result.decodeS, total_s: on.result.totalS, ...ttftBand };
  },
};
