/** LLM projections for a catalog model on a tier (anchor-model path with per-model scaling). */
import { bandFields, type BasisDecode, type Engine, type Hardware, listWithDefault, llmDefaults, llmModelRecord, type ModelProjection } from '../../engine';
import type { ArgReader } from '../registry/args';
import { defineFunction, type FunctionContext, FunctionError } from '../registry/types';
import { basisArgs, CALIBRATION_ARG } from './calibration';
import { BASIS_ARG, FIELD_ARG, WITH_HEADER_ARG, MEMORY_ARG, MODEL_ARG, NPU_SHARE_ARG, opt, PRECISION_SET_ARG, QUANT_ARG, recordResult, TIER_ARG, WORKLOAD_ARG, onEitherBasis } from './common';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'llm';

const FP4_MATURITY_ARG = opt('fp4_maturity', 'string', (c) => `FP4 runtime maturity: ${listWithDefault(['mature', 'immature'], llmDefaults(c).fp4Maturity)} (immature: FP4 falls back to BF16 kernels)`);
const LLM_ARGS = [TIER_ARG, MODEL_ARG, QUANT_ARG, WORKLOAD_ARG, NPU_SHARE_ARG, MEMORY_ARG, PRECISION_SET_ARG, FP4_MATURITY_ARG];

export function modelProjection(engine: Engine, a: ArgReader, hw: Hardware = engine.hardware(a.hardware())): ModelProjection {
  return engine.llmModel(hw, a.text('model'), {
    quant: a.has('quant') ? a.optionalText('quant') : null,
    workload: a.has('workload') ? a.optionalText('workload') : null,
    npuShare: a.has('npu_share') ? a.optionalNumber('npu_share') : null,
    fp4Maturity: a.has('fp4_maturity') ? a.optionalText('fp4_maturity') : null,
  });
}

/** The projection on the basis argument's basis (reference when the function has no basis argument or it is blank), with the calibration argument's constants. */
export function modelProjectionOnBasis(ctx: FunctionContext, a: ArgReader, hw: Hardware): { readonly projection: ModelProjection; readonly decode: BasisDecode } {
  const m = modelProjection(ctx.engine, a, hw);
  const { basis, calibration } = basisArgs(ctx, a);
  return ctx.engine.onBasis(hw, m, basis, a.has('npu_share') ? a.optionalNumber('npu_share') : null, calibration);
}

/** The projection, or #N/A when the tier cannot execute the model's compute dtype. */
export function runnable(fn: string, m: ModelProjection, hw: Hardware): ModelProjection {
  if (!m.gate.supported) {
    throw new FunctionError('na', `SIZER.${fn}: dtype_mismatch: ${m.gate.reason ?? hw.name}`);
  }
  return m;
}

export const TOKPS = defineFunction({
  name: 'TOKPS',
  description: 'Projected LLM decode speed in tokens per second for a model on a tier.',
  args: [...LLM_ARGS, BASIS_ARG, CALIBRATION_ARG],
  result: 'number',
  resultHelp: 'Decode tokens per second (#N/A when the tier cannot run the model).',
  example: { formula: '=SIZER.TOKPS("NPU Mid", "skippy_finetune", "Q4_K_M")', answers: 'about 28.4 tok/s (the 37.85 tok/s MoE anchor at the default 0.75 NPU share)' },
  implement: (ctx, a) => {
    const hw = ctx.engine.hardware(a.hardware());
    return runnable('TOKPS', modelProjectionOnBasis(ctx, a, hw).projection, hw).decodeTokS;
  },
});

export const TTFT = defineFunction({
  name: 'TTFT',
  description: onEitherBasis('Projected time to first token, in seconds, for a 1,024-token prompt.'),
  args: LLM_ARGS,
  result: 'number',
  resultHelp: 'Seconds to the first token (#N/A when the tier cannot run the model).',
  example: { formula: '=SIZER.TTFT("NPU High", "skippy_7b_v4")', answers: 'seconds to first token of the production 7B model on High' },
  implement: ({ engine }, a) => {
    const hw = engine.hardware(a.hardware());
    return runnable('TTFT', modelProjection(engine, a, hw), hw).ttft1kSec;
  },
});

export const LLM = defineFunction({
  name: 'LLM',
  description: 'The full LLM projection record: decode, TTFT, answer latencies, fit, source badge and regime.',
  args: [TIER_ARG, MODEL_ARG, QUANT_ARG, WORKLOAD_ARG, NPU_SHARE_ARG, FIELD_ARG('LLM'), MEMORY_ARG, PRECISION_SET_ARG, FP4_MATURITY_ARG, BASIS_ARG, CALIBRATION_ARG],
  result: 'matrix',
  resultHelp: 'A header row and a value row, or the one field asked for.',
  example: { formula: '=SIZER.LLM("NPU High", "skippy_finetune", , , , "source")', answers: 'measured_anchor' },
  implement: (ctx, a) => {
    const engine = ctx.engine;
    const hw = engine.hardware(a.hardware());
    const onBasis = modelProjectionOnBasis(ctx, a, hw);
    const m = runnable('LLM', onBasis.projection, hw);
    const d = onBasis.decode;
    const notes = { bandwidthRatioVsRef: engine.bandwidthRatio(hw), explanation: engine.explainModel(hw, m) };
    const ttftBand = bandFields(engine.band('ttft', d.basis, m.source), 'ttft_1k_sec', m.ttft1kSec);
    const record = { ...llmModelRecord(m, notes), basis: d.basis, decode_tok_s_low: d.decodeTokSLow, decode_tok_s_high: d.decodeTokSHigh, provenance_class: d.provenanceClass, ...ttftBand };
    return recordResult('LLM', record, a.optionalText('field'));
  },
});

export const FITS = defineFunction({
  name: 'FITS',
  description: onEitherBasis("Whether the model's weights fit in the tier's memory."),
  args: [TIER_ARG, MODEL_ARG, QUANT_ARG, MEMORY_ARG, PRECISION_SET_ARG],
  result: 'boolean',
  resultHelp: 'TRUE when the model fits in memory.',
  example: { formula: '=SIZER.FITS("NPU i.MX 95", "qwen25_32b_dense")', answers: 'FALSE (17.88 GB of weights, 16 GB of memory)' },
  implement: ({ engine }, a) => modelProjection(engine, a).fitsInMemory,
});

export const TOKPSRANGE = defineFunction({
  name: 'TOKPSRANGE',
  description: 'Decode tokens per second with its 80% band: low, expected and high, from the validation residuals of the basis.',
  args: [...LLM_ARGS, BASIS_ARG, WITH_HEADER_ARG, CALIBRATION_ARG],
  result: 'matrix',
  resultHelp: 'One row: low, expected, high decode tok/s (a header row above unless with_header is FALSE).',
  example: { formula: '=SIZER.TOKPSRANGE("NPU High", "skippy_7b_v4", , , , , , , "calibrated")', answers: 'low, expected and high decode tok/s on the calibrated basis' },
  implement: (ctx, a) => {
    const hw = ctx.engine.hardware(a.hardware());
    const onBasis = modelProjectionOnBasis(ctx, a, hw);
    runnable('TOKPSRANGE', onBasis.projection, hw);
    const d = onBasis.decode;
    const values = [d.decodeTokSLow, d.decodeTokS, d.decodeTokSHigh];
    return a.optionalBoolean('with_header') === false ? [values] : [['decode_tok_s_low', 'decode_tok_s', 'decode_tok_s_high'], values];
  },
});
