/** The rest of the LLM model: the catalog model record and the token-shaped LLM projection. */
import { decodeBytesPerTokenGb, listText, perfScaleFactor, shapeModelKeys, shapeQuantSchemes, shapeRecord, shapeResultOnBasis } from '../../engine';
import { BASIS_ARGS, basisArgs } from './calibration';
import { defineFunction } from '../registry/types';
import { arg, rangedOpt, FIELD_ARG, MEMORY_ARG, NPU_SHARE_ARG, opt, recordResult, TIER_ARG } from './common';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'llm';

export const MODEL = defineFunction({
  name: 'MODEL',
  description: 'A catalog LLM model: parameters, footprint, compute dtype, measurement alias, accuracy and perf scaling.',
  args: [arg('model', 'string', 'LLM model key or label (see SIZER.MODELS)'), FIELD_ARG('model')],
  result: 'matrix',
  resultHelp: 'A header row and a value row, or the one field asked for.',
  example: { formula: '=SIZER.MODEL("skippy_7b_v4", "perf_scale_factor")', answers: '0.43: the dense 7B reads 4.18 GB per token against 1.8 GB for the MoE' },
  implement: ({ engine }, a) => {
    const key = engine.names.models.resolve(a.text('model'), 'model');
    const m = engine.catalog.modelByKey[key];
    if (!m) throw new Error(`model ${key} vanished from the catalog`);
    return recordResult('MODEL', {
      key: m.key,
      label: m.label,
      role: m.role,
      base: m.base,
      total_params_b: m.totalParamsB,
      active_params_b: m.activeParamsB,
      size_gb: m.sizeGb,
      compute_dtype: m.computeDtype,
      measurement_alias: m.measurementAlias,
      decode_gb_per_token: decodeBytesPerTokenGb(m),
      perf_scale_factor: perfScaleFactor(engine.catalog, m),
      pass_rate: m.passRate,
    }, a.optionalText('field'));
  },
});

export const LLMSHAPE = defineFunction({
  name: 'LLMSHAPE',
  description: 'Token-shaped LLM projection with a memory verdict: WontFit, DtypeMismatch or Projected decode, prefill and total time.',
  args: [
    TIER_ARG,
    arg('model', 'string', (c) => `Shape model: ${listText(shapeModelKeys(c))}`),
    opt('quant_scheme', 'string', (c) => `Quant scheme (${shapeQuantSchemes(c).join(', ')}); blank = the model's own`),
    rangedOpt('promptTokens', 'prompt_tokens', () => 'Prompt tokens'),
    rangedOpt('decodeTokens', 'decode_tokens', () => 'Generated tokens'),
    FIELD_ARG('shape'),
    NPU_SHARE_ARG,
    rangedOpt('bytesPerParam', 'bytes_per_param', () => 'Bytes per parameter of the quant'),
    rangedOpt('ggufSizeGb', 'gguf_size_gb', () => 'Weights size'),
    MEMORY_ARG,
    ...BASIS_ARGS,
  ],
  result: 'matrix',
  resultHelp: 'A header row and a value row, or the one field asked for. On the calibrated basis decode_tok_s, decode_s and total_s follow it (as the llm_shape query kind); prefill and TTFT are the same on either basis.',
  example: { formula: '=SIZER.LLMSHAPE("NPU Mid", "qwen3_30b_a3b_moe", , 500, 200, "total_s")', answers: '5.461 s for 500 prompt + 200 generated tokens' },
  implement: (ctx, a) => {
    const engine = ctx.engine;
    const hw = engine.hardware(a.hardware());
    const r = engine.llmShape(hw, {
      model: a.text('model'),
      quantScheme: a.optionalText('quant_scheme'),
      promptTokens: a.optionalNumber('prompt_tokens'),
      decodeTokens: a.optionalNumber('decode_tokens'),
      npuShare: a.optionalNumber('npu_share'),
      bytesPerParam: a.optionalNumber('bytes_per_param'),
      ggufSizeGb: a.optionalNumber('gguf_size_gb'),
    });
    const { basis, calibration } = basisArgs(ctx, a);
    // Only a projected shape has a decode to put on a basis; the reference basis is the projection itself.
    const onBasis =
      r.resultType === 'Projected' && basis === 'calibrated'
        ? shapeResultOnBasis(engine.catalog, calibration ?? engine.calibration, hw, basis, r, { bytesPerParam: a.optionalNumber('bytes_per_param'), promptTokens: a.optionalNumber('prompt_tokens'), npuShareGiven: a.optionalNumber('npu_share') }).result
        : r;
    return recordResult('LLMSHAPE', shapeRecord(onBasis), a.optionalText('field'));
  },
});
