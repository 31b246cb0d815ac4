import { z } from 'zod';
import { parseBasis } from '../../engine';
import { basisFields } from './basis';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, QueryProblem, type QueryKind, REFERENCE_ENGINE_MEMORY_SCOPE } from './common';

const schema = z.strictObject({
  ...lineFields,
  ...hardwareFields,
  npu_share: nullableNumber,
  slot: z.enum(['vision', 'llm']),
  pipeline: nullableName,
  resolution: nullableName,
  streams: nullableNumber,
  duty_cycle: nullableNumber,
  quant: nullableName,
  workload: nullableName,
  queries_per_minute: nullableNumber,
  answer_kind: nullableName,
  ...basisFields,
});

export const budgetKind: QueryKind = {
  kind: 'budget',
  schema,
  help: 'slot "vision" (pipeline, resolution, streams, duty_cycle) or slot "llm" (quant, workload, queries_per_minute, answer_kind, basis: reference|calibrated; a vision row is the same on either basis)',
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'budget');
    if (q.npu_share !== undefined && q.npu_share !== null) {
      throw new QueryProblem('invalid_input', 'budget rows run at the tier default NPU share; leave npu_share out or null');
    }
    const basis = parseBasis(q.basis);
    const hw = hardwareOfQuery(engine, q, REFERENCE_ENGINE_MEMORY_SCOPE);
    if (q.slot === 'vision') {
      if (!q.pipeline) throw new QueryProblem('missing_field', 'a vision budget row needs "pipeline"');
      return { ...engine.visionBudgetRow(hw, { pipeline: q.pipeline, resolution: q.resolution ?? null, streams: q.streams ?? null, dutyCycle: q.duty_cycle ?? null }) };
    }
    return { ...engine.llmBudgetRow(hw, { quant: q.quant ?? null, workload: q.workload ?? null, queriesPerMinute: q.queries_per_minute ?? null, answerKind: q.answer_kind ?? null, basis }) };
  },
};
