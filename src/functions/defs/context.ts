/** Decode speed against context length, and the what-if projector for models without bake-offs. */
import { bundleModelShape, contextCurveModels, listWithDefault } from '../../engine';
import { basisArgs, CALIBRATION_ARG } from './calibration';
import { defineFunction } from '../registry/types';
import { rangedArg, rangedOpt, BASIS_ARG, COMPILER_QUALITY_ARG, FIELD_ARG, MEMORY_ARG, NPU_SHARE_ARG, opt, PRECISION_SET_ARG, recordResult, TIER_ARG } from './common';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'llm';

export const CONTEXTTOKPS = defineFunction({
  name: 'CONTEXTTOKPS',
  description: 'Decode tokens per second at a given context length, interpolated between measured bake-off anchors.',
  args: [
    TIER_ARG,
    rangedArg('contextTokens', 'context_tokens', () => 'Context length (the prompt so far)'),
    opt('model', 'string', (c) => {
      const models = contextCurveModels(c);
      return `Measured model: ${listWithDefault(models.keys, models.defaultKey)}`;
    }),
    NPU_SHARE_ARG,
    COMPILER_QUALITY_ARG,
    MEMORY_ARG,
    PRECISION_SET_ARG,
    BASIS_ARG,
    CALIBRATION_ARG,
  ],
  result: 'number',
  resultHelp: 'Decode tokens per second at that context length.',
  example: { formula: '=SIZER.CONTEXTTOKPS("RTX 5090", 8000)', answers: 'decode tok/s of the MoE model with an 8K-token context' },
  implement: (ctx, a) => {
    const engine = ctx.engine;
    const hw = engine.hardware(a.hardware());
    const model = a.optionalText('model');
    const npuShare = a.optionalNumber('npu_share');
    const point = engine.contextDecode(hw, a.number('context_tokens'), {
      model,
      npuShare,
      compilerQuality: a.optionalNumber('compiler_quality'),
    });
    const shape = bundleModelShape(engine.catalog, engine.bundleModel(model).key, point.contextTokens);
    const { basis, calibration } = basisArgs(ctx, a);
    return engine.decodeOnBasis(hw, basis, { decodeTokS: point.decodeTokS, source: point.source, npuShareGiven: npuShare }, shape, calibration ?? undefined).decodeTokS;
  },
});

export const WHATIF = defineFunction({
  name: 'WHATIF',
  description: 'What-if model: decode tok/s scaled from the nearest measured anchor, and whether weights + KV cache fit.',
  args: [
    TIER_ARG,
    rangedArg('activeParamsB', 'active_params_b', () => 'Active parameters per token'),
    rangedArg('totalParamsB', 'total_params_b', () => 'Total parameters'),
    rangedOpt('whatIfBytesPerParam', 'bytes_per_param', (c) => {
      const table = Object.entries(c.files['llm-models.json'].shapeQuantSchemes.bytesPerParam).map(([scheme, bytes]) => `${scheme} ${bytes}`);
      return `Bytes per parameter (${table.join(', ')})`;
    }),
    opt('is_moe', 'boolean', 'TRUE for a mixture-of-experts model; blank = TRUE when active < total'),
    FIELD_ARG('what-if'),
    rangedOpt('whatIfPromptTokens', 'prompt_tokens', () => 'Prompt tokens (sets the context for decode and the KV cache)'),
    rangedOpt('whatIfDecodeTokens', 'decode_tokens', () => 'Generated tokens (KV cache)'),
    rangedOpt('hiddenDim', 'hidden_dim', () => 'Hidden width (KV cache)'),
    rangedOpt('numLayers', 'num_layers', () => 'Layers (KV cache)'),
    NPU_SHARE_ARG,
    MEMORY_ARG,
    PRECISION_SET_ARG,
    BASIS_ARG,
    CALIBRATION_ARG,
  ],
  result: 'matrix',
  resultHelp: 'A header row and a value row, or the one field asked for.',
  example: { formula: '=SIZER.WHATIF("NPU Mid", 1, 7, 0.57, TRUE, "decode_tok_s")', answers: 'decode tok/s of a 7B-total, 1B-active MoE on Mid' },
  implement: (ctx, a) => {
    const engine = ctx.engine;
    const active = a.number('active_params_b');
    const total = a.number('total_params_b');
    const hw = engine.hardware(a.hardware());
    const r = engine.whatIf(hw, {
      activeParamsB: active,
      totalParamsB: total,
      bytesPerParam: a.optionalNumber('bytes_per_param'),
      isMoe: a.optionalBoolean('is_moe'),
      promptTokens: a.optionalNumber('prompt_tokens'),
      decodeTokens: a.optionalNumber('decode_tokens'),
      hiddenDim: a.optionalNumber('hidden_dim'),
      numLayers: a.optionalNumber('num_layers'),
      npuShare: a.optionalNumber('npu_share'),
    });
    const { basis, calibration } = basisArgs(ctx, a);
    const d = engine.decodeOnBasis(hw, basis, { decodeTokS: r.decode.decodeTokS, source: r.decode.source, npuShareGiven: a.optionalNumber('npu_share') }, {
      activeParamsB: r.activeParamsB,
      bytesPerParam: r.bytesPerParam,
      isMoe: r.isMoe,
      contextTokens: r.promptTokens,
      hiddenDim: r.hiddenDim,
      numLayers: r.numLayers,
      kvHeadRatio: r.memory.kvHeadRatio,
    }, calibration ?? undefined);
    return recordResult('WHATIF', {
      decode_tok_s: d.decodeTokS,
      source: r.decode.source,
      anchor_model: r.decode.anchorModel,
      anchor_decode_tok_s: r.decode.anchorDecodeTokS,
      speedup_vs_anchor: r.decode.speedupVsAnchor,
      speedup_vs_reference: r.decode.speedupVsReference,
      bytes_per_token_gb: r.decode.bytesPerToken / 1e9,
      verdict: r.memory.verdict,
      required_gb: r.memory.requiredGb,
      available_gb: r.memory.availableGb,
      headroom_gb: r.memory.headroomGb,
      basis: d.basis,
      decode_tok_s_low: d.decodeTokSLow,
      decode_tok_s_high: d.decodeTokSHigh,
    }, a.optionalText('field'));
  },
});
