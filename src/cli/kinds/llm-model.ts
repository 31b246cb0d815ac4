import { z } from 'zod';
import { llmModelRecord } from '../../engine';
import { basisFields, llmRecordOnBasis } from './basis';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, type QueryKind, REFERENCE_ENGINE_MEMORY_SCOPE } from './common';

const schema = z.strictObject({
  ...lineFields,
  ...hardwareFields,
  model: z.string(),
  quant: nullableName,
  workload: nullableName,
  npu_share: nullableNumber,
  fp4_maturity: nullableName,
  ...basisFields,
});

export const llmModelKind: QueryKind = {
  kind: 'llm_model',
  schema,
  help: 'model (a catalog model key or label) + the llm fields (and basis); adds the dtype gate and per-model scaling',
  answer(engine, raw, options) {
    const q = parseWith(schema, raw, 'llm_model');
    const hw = hardwareOfQuery(engine, q, REFERENCE_ENGINE_MEMORY_SCOPE);
    const m = engine.llmModel(hw, q.model, {
      quant: q.quant ?? null,
      workload: q.workload ?? null,
      npuShare: q.npu_share ?? null,
      fp4Maturity: q.fp4_maturity ?? null,
    });
    return llmRecordOnBasis(engine, hw, q.basis, m, q.npu_share ?? null, (p) =>
      llmModelRecord(p, { bandwidthRatioVsRef: engine.bandwidthRatio(hw), explanation: options.explanations ? engine.explainModel(hw, p) : undefined }),
    );
  },
};
