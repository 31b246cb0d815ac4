import { llmDefaults, parseBasis } from '../../engine';
import { basisFields } from './basis';
import { z } from 'zod';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, type QueryKind, REFERENCE_ENGINE_MEMORY_SCOPE } from './common';
import { llmQueryFields } from './llm';
import { visionQueryFields } from './vision';

const schema = z.strictObject({
  ...lineFields,
  ...hardwareFields,
  ...visionQueryFields,
  ...llmQueryFields,
  queries_per_minute: nullableNumber,
  answer_kind: nullableName,
  ...basisFields,
});

export const dutyKind: QueryKind = {
  kind: 'duty',
  schema,
  help: (c) => `the vision and llm fields + queries_per_minute (default ${llmDefaults(c).queriesPerMinute}), answer_kind (short|rag, default ${llmDefaults(c).answerKind}), basis (reference|calibrated: the LLM's decode, hence the duty cycle and the FPS it leaves)`,
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'duty');
    const d = engine.duty(hardwareOfQuery(engine, q, REFERENCE_ENGINE_MEMORY_SCOPE), {
      pipeline: q.pipeline,
      resolution: q.resolution ?? null,
      streams: q.streams ?? null,
      npuShare: q.npu_share ?? null,
      compilerQuality: q.compiler_quality ?? null,
      quant: q.quant ?? null,
      workload: q.workload ?? null,
      measurementKey: q.measurement_key ?? null,
      fp4Maturity: q.fp4_maturity ?? null,
      queriesPerMinute: q.queries_per_minute ?? null,
      answerKind: q.answer_kind ?? null,
      basis: parseBasis(q.basis),
    });
    return {
      vision_base_fps_per_stream: d.vision.fpsPerStream,
      vision_fps_under_llm: d.visionFpsUnderLlm,
      duty_cycle: d.dutyCycle,
      decode_tok_s: d.llm.decodeTokS,
    };
  },
};
