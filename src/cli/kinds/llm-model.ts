import { z } from 'zod';
import { llmModelRecord } from '../../engine';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, type QueryKind } from './common';

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
  schema,
  help: 'model (a catalog model key or label) + the llm fields; adds the dtype gate and per-model scaling',
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'llm_model');
    const m = engine.llmModel(hardwareOfQuery(engine, q), q.model, {
      quant: q.quant ?? null,
      workload: q.workload ?? null,
      npuShare: q.npu_share ?? null,
      fp4Maturity: q.fp4_maturity ?? null,
    });
    return llmModelRecord(m);
  },
};
