/**
 * Kind `what_if`: decode tok/s and memory feasibility of a model described only by its shape,
 * scaled from the nearest bake-off model. See docs/query-kinds.md (fields) and docs/query-kinds-details.md (outputs, examples).
 */
import { z } from 'zod';
import { shortRange } from '../../engine';
import { basisFields, onBasis } from './basis';
import { hardwareFields, hardwareOfQuery, lineFields, nullableNumber, parseWith, type QueryKind } from './common';

const schema = z.strictObject({
  ...lineFields,
  ...hardwareFields,
  name: z.string().max(200).nullish(),
  is_moe: z.boolean().nullish(),
  active_params_b: nullableNumber,
  total_params_b: nullableNumber,
  bytes_per_param: nullableNumber,
  hidden_dim: nullableNumber,
  num_layers: nullableNumber,
  prompt_tokens: nullableNumber,
  decode_tokens: nullableNumber,
  npu_share: nullableNumber,
  compiler_quality: nullableNumber,
  ...basisFields,
});

export const whatIfKind: QueryKind = {
  kind: 'what_if',
  schema,
  help: (c) => `name, is_moe, active_params_b, total_params_b, bytes_per_param (${shortRange(c.inputRanges.whatIfBytesPerParam)}), hidden_dim, num_layers, prompt_tokens, decode_tokens, npu_share, compiler_quality, basis (reference|calibrated)`,
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'what_if');
    const hw = hardwareOfQuery(engine, q);
    const w = engine.whatIf(hw, {
      name: q.name ?? null,
      isMoe: q.is_moe ?? null,
      activeParamsB: q.active_params_b ?? null,
      totalParamsB: q.total_params_b ?? null,
      bytesPerParam: q.bytes_per_param ?? null,
      hiddenDim: q.hidden_dim ?? null,
      numLayers: q.num_layers ?? null,
      promptTokens: q.prompt_tokens ?? null,
      decodeTokens: q.decode_tokens ?? null,
      npuShare: q.npu_share ?? null,
      compilerQuality: q.compiler_quality ?? null,
    });
    const d = w.decode;
    const m = w.memory;
    return {
      name: w.name,
      is_moe: w.isMoe,
      active_params_b: w.activeParamsB,
      total_params_b: w.totalParamsB,
      bytes_per_param: w.bytesPerParam,
      hidden_dim: w.hiddenDim,
      num_layers: w.numLayers,
      prompt_tokens: w.promptTokens,
      decode_tokens: w.decodeTokens,
      decode_tok_s: d.decodeTokS,
      source: d.source,
      regime: d.regime,
      interp_source: d.interpolation,
      npu_share_used: d.npuShareUsed,
      anchor_model: d.anchorModel,
      anchor_display_name: d.anchorDisplayName,
      anchor_decode_tok_s: d.anchorDecodeTokS,
      bytes_per_token: d.bytesPerToken,
      anchor_bytes_per_token: d.anchorBytesPerToken,
      speedup_vs_anchor: d.speedupVsAnchor,
      reference_model: d.referenceModel,
      reference_decode_tok_s: d.referenceDecodeTokS,
      speedup_vs_reference: d.speedupVsReference,
      verdict: m.verdict,
      fits_in_memory: m.verdict !== 'wont_fit',
      required_gb: m.requiredGb,
      available_gb: m.availableGb,
      headroom_gb: m.headroomGb,
      weights_gb: m.weightsGb,
      kv_cache_gb: m.kvCacheGb,
      overhead_gb: m.overheadGb,
      kv_context_tokens: m.contextTokens,
      kv_head_ratio: m.kvHeadRatio,
      ...onBasis(engine, hw, q.basis, { decodeTokS: d.decodeTokS, source: d.source, npuShareGiven: q.npu_share ?? null }, {
        activeParamsB: w.activeParamsB,
        bytesPerParam: w.bytesPerParam,
        isMoe: w.isMoe,
        contextTokens: w.promptTokens,
        hiddenDim: w.hiddenDim,
        numLayers: w.numLayers,
        kvHeadRatio: m.kvHeadRatio,
      }),
    };
  },
};
