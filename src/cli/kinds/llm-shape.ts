import { shapeModelKeys } from '../../engine';
import { z } from 'zod';
import { shapeRecord } from '../../engine';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, type QueryKind } from './common';

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
  schema,
  help: (c) => `model (${shapeModelKeys(c).join('|')}), quant_scheme, bytes_per_param, gguf_size_gb, compute_dtype, workload, prompt_tokens, decode_tokens, npu_share, fp4_maturity, host_ms`,
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'llm_shape');
    const r = engine.llmShape(hardwareOfQuery(engine, q), {
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
    return shapeRecord(r);
  },
};
