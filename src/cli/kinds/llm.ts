import { llmDefaults, quantKeys } from '../../engine';
import { z } from 'zod';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, type QueryKind, REFERENCE_ENGINE_MEMORY_SCOPE } from './common';
import { llmRecord } from '../../engine';
import { basisFields, llmRecordOnBasis } from './basis';

export const llmQueryFields = {
  quant: nullableName,
  workload: nullableName,
  npu_share: nullableNumber,
  measurement_key: nullableName,
  fp4_maturity: nullableName,
};

const schema = z.strictObject({ ...lineFields, ...hardwareFields, ...llmQueryFields, ...basisFields });

export const llmKind: QueryKind = {
  kind: 'llm',
  schema,
  help: (c) => `quant (${quantKeys(c).join('|')}, default ${llmDefaults(c).quant}), workload (default ${llmDefaults(c).workload}), npu_share, measurement_key, fp4_maturity (mature|immature), basis (reference|calibrated)`,
  answer(engine, raw, options) {
    const q = parseWith(schema, raw, 'llm');
    const hw = hardwareOfQuery(engine, q, REFERENCE_ENGINE_MEMORY_SCOPE);
    const l = engine.llm(hw, {
      quant: q.quant ?? null,
      workload: q.workload ?? null,
      npuShare: q.npu_share ?? null,
      measurementKey: q.measurement_key ?? null,
      fp4Maturity: q.fp4_maturity ?? null,
    });
    return llmRecordOnBasis(engine, hw, q.basis, l, q.npu_share ?? null, (p) =>
      llmRecord(p, { bandwidthRatioVsRef: engine.bandwidthRatio(hw), explanation: options.explanations ? engine.explainLlm(hw, p) : undefined }),
    );
  },
};
