import { llmDefaults, quantKeys } from '../../engine';
import { z } from 'zod';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, type QueryKind } from './common';
import { llmRecord } from '../../engine';

export const llmQueryFields = {
  quant: nullableName,
  workload: nullableName,
  npu_share: nullableNumber,
  measurement_key: nullableName,
  fp4_maturity: nullableName,
};

const schema = z.strictObject({ ...lineFields, ...hardwareFields, ...llmQueryFields });

export const llmKind: QueryKind = {
  kind: 'llm',
  schema,
  help: (c) => `quant (${quantKeys(c).join('|')}, default ${llmDefaults(c).quant}), workload (default ${llmDefaults(c).workload}), npu_share, measurement_key, fp4_maturity (mature|immature)`,
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'llm');
    const l = engine.llm(hardwareOfQuery(engine, q), {
      quant: q.quant ?? null,
      workload: q.workload ?? null,
      npuShare: q.npu_share ?? null,
      measurementKey: q.measurement_key ?? null,
      fp4Maturity: q.fp4_maturity ?? null,
    });
    return llmRecord(l);
  },
};
