/** Decode speed against context length, and the what-if projector for models without bake-offs. */
import { contextCurveModels, listWithDefault } from '../../engine';
import { defineFunction } from '../registry/types';
import { arg, COMPILER_QUALITY_ARG, FIELD_ARG, MEMORY_ARG, NPU_SHARE_ARG, opt, PRECISION_SET_ARG, recordResult, TIER_ARG } from './common';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'llm';

export const CONTEXTTOKPS = defineFunction({
  name: 'CONTEXTTOKPS',
  description: 'Decode tokens per second at a given context length, interpolated between measured bake-off anchors.',
  args: [
    TIER_ARG,
    arg('context_tokens', 'number', 'Context length in tokens (prompt so far)'),
    opt('model', 'string', (c) => {
      const models = contextCurveModels(c);
      return `Measured model: ${listWithDefault(models.keys, models.defaultKey)}`;
    }),
    NPU_SHARE_ARG,
    COMPILER_QUALITY_ARG,
    MEMORY_ARG,
    PRECISION_SET_ARG,
  ],
  result: 'number',
  resultHelp: 'Decode tokens per second at that context length.',
  example: { formula: '=SIZER.CONTEXTTOKPS("RTX 5090", 8000)', answers: 'decode tok/s of the MoE model with an 8K-token context' },
  implement: ({ engine }, a) => {
    const hw = engine.hardware(a.hardware());
    return engine.contextDecode(hw, a.number('context_tokens'), {
      model: a.optionalText('model'),
      npuShare: a.optionalNumber('npu_share'),
      compilerQuality: a.optionalNumber('compiler_quality'),
    }).decodeTokS;
  },
});

export const WHATIF = defineFunction({
  name: 'WHATIF',
  description: 'What-if model: decode tok/s scaled from the nearest measured anchor, and whether weights + KV cache fit.',
  args: [
    TIER_ARG,
    arg('active_params_b', 'number', 'Active parameters per token, billions'),
    arg('total_params_b', 'number', 'Total parameters, billions'),
    opt('bytes_per_param', 'number', (c) => {
      const table = Object.entries(c.files['llm-models.json'].shapeQuantSchemes.bytesPerParam).map(([scheme, bytes]) => `${scheme} ${bytes}`);
      return `Bytes per parameter (${table.join(', ')}); blank = ${c.files['llm-bundle.json'].whatIf.defaults.bytesPerParam}`;
    }),
    opt('is_moe', 'boolean', 'TRUE for a mixture-of-experts model; blank = TRUE when active < total'),
    FIELD_ARG('what-if'),
    opt('prompt_tokens', 'number', 'Prompt tokens (sets the context for decode and the KV cache); blank = 750'),
    opt('decode_tokens', 'number', 'Generated tokens (KV cache); blank = 150'),
    opt('hidden_dim', 'number', 'Hidden width (KV cache); blank = 4096'),
    opt('num_layers', 'number', 'Layers (KV cache); blank = 32'),
    NPU_SHARE_ARG,
    MEMORY_ARG,
    PRECISION_SET_ARG,
  ],
  result: 'matrix',
  resultHelp: 'A header row and a value row, or the one field asked for.',
  example: { formula: '=SIZER.WHATIF("NPU Mid", 1, 7, 0.57, TRUE, "decode_tok_s")', answers: 'decode tok/s of a 7B-total, 1B-active MoE on Mid' },
  implement: ({ engine }, a) => {
    const active = a.number('active_params_b');
    const total = a.number('total_params_b');
    const r = engine.whatIf(engine.hardware(a.hardware()), {
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
    return recordResult('WHATIF', {
      decode_tok_s: r.decode.decodeTokS,
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
    }, a.optionalText('field'));
  },
});
