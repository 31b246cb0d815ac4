import { z } from 'zod';
import { parseBasis } from '../../engine';
import { basisFields } from './basis';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, QueryProblem, type QueryKind, REFERENCE_ENGINE_MEMORY_SCOPE } from './common';

const schema = z.strictObject({
  ...lineFields,
  ...hardwareFields,
  npu_share: nullableNumber,
  pipeline: z.string(),
  resolution: nullableName,
  llm_enabled: z.boolean().nullish(),
  quant: nullableName,
  workload: nullableName,
  compiler_quality: nullableNumber,
  ...basisFields,
});

export const kpiKind: QueryKind = {
  kind: 'kpi',
  schema,
  help: 'pipeline, resolution, llm_enabled, quant, workload, compiler_quality, basis (reference|calibrated: the LLM time; the vision stages are the same on either basis) (one KPI spreadsheet row)',
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'kpi');
    if (q.npu_share !== undefined && q.npu_share !== null) {
      throw new QueryProblem('invalid_input', 'KPI rows run at the tier default NPU share; leave npu_share out or null');
    }
    return {
      ...engine.kpiRow(hardwareOfQuery(engine, q, REFERENCE_ENGINE_MEMORY_SCOPE), q.pipeline, {
        resolution: q.resolution ?? null,
        llmEnabled: q.llm_enabled ?? null,
        quant: q.quant ?? null,
        workload: q.workload ?? null,
        compilerQuality: q.compiler_quality ?? null,
        basis: parseBasis(q.basis),
      }),
    };
  },
};
