/** Platform: duty cycle of an LLM sharing the NPU, vision FPS left over, budget rows and the full matrix. */
import { type Engine, type Hardware, llmDefaults, type LlmProjection, llmReferenceModelLabel, quantKeys } from '../../engine';
import type { ArgReader } from '../registry/args';
import { defineFunction, type FunctionContext, FunctionError } from '../registry/types';
import { BASIS_ARGS, basisArgs, projectionOnBasisArgs } from './calibration';
import { ANSWER_KIND_ARG, arg, blankIfInvalidZero, MEMORY_ARG, NPU_SHARE_ARG, opt, PIPELINE_ARG, PRECISION_SET_ARG, QUANT_ARG, QUERIES_PER_MINUTE_ARG, RESOLUTION_ARG, STREAMS_ARG, table, TIER_ARG, WITH_HEADER_ARG, WORKLOAD_ARG } from './common';
import { visionProjection } from './vision';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'platform';

const LLM_MODEL_ARG = opt('model', 'string', (c) => `LLM model key; blank = the ${llmReferenceModelLabel(c)} perf reference (as the reference sizer does)`);

/** The LLM whose answers load the NPU, on the basis arguments' basis (the user's npu_share as the calibrated model reads it). */
function llmFor(ctx: FunctionContext, hw: Hardware, a: ArgReader): LlmProjection {
  return projectionOnBasisArgs(ctx, a, hw, referenceLlmFor(ctx.engine, hw, a));
}

function referenceLlmFor(engine: Engine, hw: Hardware, a: ArgReader): LlmProjection {
  const model = a.optionalText('model');
  const args = { quant: a.optionalText('quant'), workload: a.optionalText('workload'), npuShare: a.has('npu_share') ? a.optionalNumber('npu_share') : null };
  if (model === null) return engine.llm(hw, args);
  const m = engine.llmModel(hw, model, args);
  if (!m.gate.supported) throw new FunctionError('na', `dtype_mismatch: ${m.gate.reason ?? hw.name}`);
  return m;
}

/** The query rate and answer kind, checked and defaulted by the engine as in every host. */
function loadArgs(a: ArgReader) {
  return { queriesPerMinute: a.optionalNumber('queries_per_minute'), answerKind: a.optionalText('answer_kind') };
}

export const DUTY = defineFunction({
  name: 'DUTY',
  description: 'Share of NPU time an LLM answering queries takes (queries per second x answer time); above 1 the NPU is oversubscribed.',
  args: [TIER_ARG, QUERIES_PER_MINUTE_ARG, ANSWER_KIND_ARG, QUANT_ARG, WORKLOAD_ARG, LLM_MODEL_ARG, NPU_SHARE_ARG, MEMORY_ARG, PRECISION_SET_ARG, ...BASIS_ARGS],
  result: 'number',
  resultHelp: 'Duty cycle as a fraction (0.25 = a quarter of the time).',
  example: { formula: '=SIZER.DUTY("NPU Mid", 2, "short")', answers: 'about 0.23: two short answers a minute keep the NPU busy 23% of the time' },
  implement: (ctx, a) => {
    const hw = ctx.engine.hardware(a.hardware());
    return ctx.engine.llmDuty(llmFor(ctx, hw, a), loadArgs(a)).dutyCycle;
  },
});

export const FPSUNDERLLM = defineFunction({
  name: 'FPSUNDERLLM',
  description: 'Vision frames per second per stream left when an LLM answering queries time-slices the same NPU.',
  args: [TIER_ARG, PIPELINE_ARG, RESOLUTION_ARG, STREAMS_ARG, QUERIES_PER_MINUTE_ARG, ANSWER_KIND_ARG, QUANT_ARG, WORKLOAD_ARG, LLM_MODEL_ARG, NPU_SHARE_ARG, MEMORY_ARG, PRECISION_SET_ARG, ...BASIS_ARGS],
  result: 'number',
  resultHelp: 'Frames per second per stream under the LLM load (0 when the LLM oversubscribes the NPU).',
  example: { formula: '=SIZER.FPSUNDERLLM("NPU Mid", "trt_fp8_1hz_clip", "1080p", 1, 2)', answers: 'per-stream FPS with two LLM queries a minute' },
  implement: (ctx, a) => {
    const engine = ctx.engine;
    const hw = engine.hardware(a.hardware());
    const v = visionProjection(engine, a);
    return engine.visionFpsUnderLlm(v.fpsPerStream, llmFor(ctx, hw, a), loadArgs(a));
  },
});

export const BUDGETROW = defineFunction({
  name: 'BUDGETROW',
  description: 'One platform-budget row (the columns of the budget CSV) for a vision or LLM workload slot on a tier.',
  args: [
    TIER_ARG,
    arg('slot', 'string', 'vision or llm'),
    arg('workload_name', 'string', (c) => `For vision: the pipeline. For llm: the quant (${quantKeys(c).join(', ')})`),
    opt('resolution_or_workload', 'string', (c) => `For vision: resolution (default ${c.files['vision.json'].defaultResolution}). For llm: workload pattern (default ${llmDefaults(c).workload})`),
    { ...opt('streams_or_qpm', 'number', (c) => `For vision: streams (default 1). For llm: queries per minute (default ${llmDefaults(c).queriesPerMinute}; an empty cell gives 0 on Excel desktop, so leave the argument out for the default)`), carries: ['streams', 'queries_per_minute'] },
    { ...opt('duty_or_answer', 'any', (c) => `For vision: duty cycle 0..1 (default 1; an empty cell gives 0 on Excel desktop, so leave the argument out for the default). For llm: answer kind short or rag (default ${llmDefaults(c).answerKind})`), carries: ['duty_cycle', 'answer_kind'] },
    WITH_HEADER_ARG,
    MEMORY_ARG,
    PRECISION_SET_ARG,
    ...BASIS_ARGS,
  ],
  result: 'matrix',
  resultHelp: 'A 1 x 30 row, under a header row unless with_header is FALSE. A vision row is the same on either basis; an llm row\'s throughput, duty cycle, bandwidth, TOPS, power and per-token time follow the basis.',
  example: { formula: '=SIZER.BUDGETROW("NPU Mid", "vision", "trt_fp8_1hz_clip", "1080p", 4)', answers: 'the budget CSV row for 4 streams at 1080p' },
  implement: (ctx, a) => {
    const engine = ctx.engine;
    const hw = engine.hardware(a.hardware());
    const slot = a.text('slot').toLowerCase();
    const onBasis = basisArgs(ctx, a);
    let row;
    if (slot === 'vision') {
      row = engine.visionBudgetRow(hw, {
        pipeline: a.text('workload_name'),
        resolution: a.optionalText('resolution_or_workload'),
        // An empty cell arrives as 0 on Excel desktop; 0 streams is no valid count, so it means blank.
        streams: blankIfInvalidZero(a.optionalNumber('streams_or_qpm'), engine.inputRanges.streams),
        dutyCycle: a.optionalNumber('duty_or_answer'),
      });
    } else if (slot === 'llm') {
      row = engine.llmBudgetRow(hw, {
        quant: a.text('workload_name'),
        workload: a.optionalText('resolution_or_workload'),
        queriesPerMinute: a.optionalNumber('streams_or_qpm'),
        answerKind: a.optionalText('duty_or_answer'),
        ...onBasis,
      });
    } else {
      throw new FunctionError('value', `SIZER.BUDGETROW: slot must be vision or llm, got "${slot}"`);
    }
    return table([row], a.optionalBoolean('with_header') ?? true);
  },
});

export const MATRIX = defineFunction({
  name: 'MATRIX',
  description: 'The full platform-budget matrix (every preset tier x pipeline x resolution x 1/2/4/8/16 streams, then the LLM rows) as one spill.',
  args: [WITH_HEADER_ARG, ...BASIS_ARGS],
  result: 'matrix',
  resultHelp: 'About 2,250 rows x 28 columns, under a header row unless with_header is FALSE. On the calibrated basis the LLM rows follow it (their ids and columns unchanged); the vision rows are the same on either basis.',
  example: { formula: '=SIZER.MATRIX()', answers: 'the same table as the reference sizer exports as CSV' },
  implement: (ctx, a) => {
    const { basis, calibration } = basisArgs(ctx, a);
    return table(ctx.engine.matrix(undefined, basis, calibration), a.optionalBoolean('with_header') ?? true);
  },
});
