/**
 * Kind `llm_context`: decode tok/s of a bake-off model at one context length, or over a list of
 * them (a curve). See docs/query-kinds.md (fields) and docs/query-kinds-details.md (outputs, examples).
 */
import { z } from 'zod';
import { bundleModelShape, type CalibrationAnchor, type ContextDecode, type Engine, type Hardware } from '../../engine';
import { basisFields, onBasis } from './basis';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, QueryProblem, type QueryKind } from './common';

const schema = z.strictObject({
  ...lineFields,
  ...hardwareFields,
  model: nullableName,
  context_tokens: z.union([z.number(), z.array(z.number())]).nullish(),
  npu_share: nullableNumber,
  compiler_quality: nullableNumber,
  ...basisFields,
});

function anchorFields(a: CalibrationAnchor): Record<string, unknown> {
  return { workload: a.workload, prompt_tokens: a.promptTokens, decode_tok_s: a.decodeTokS, prefill_tok_s: a.prefillTokS };
}

/** One point of the curve, in the query contract's snake_case. */
export function contextDecodeFields(p: ContextDecode): Record<string, unknown> {
  return {
    context_tokens: p.contextTokens,
    decode_tok_s: p.decodeTokS,
    source: p.source,
    regime: p.regime,
    interp_source: p.interpolation,
    anchors_used: p.curveAnchors.map(anchorFields),
    tier_anchor: p.tierAnchor && {
      tier: p.tierAnchor.tierId,
      tier_name: p.tierAnchor.tierName,
      anchor_key: p.tierAnchor.anchorKey,
      decode_tok_s: p.tierAnchor.decodeTokS,
      prefill_tok_s: p.tierAnchor.prefillTokS,
      bandwidth_ratio: p.tierAnchor.bandwidthRatio,
    },
    bw_floor_ms: p.bwFloorMs,
    compute_floor_ms: p.computeFloorMs,
  };
}

/** One point of the curve on the query's basis: the point's fields, then decode and its band on that basis. */
function pointOnBasis(engine: Engine, hw: Hardware, basis: string | null | undefined, npuShareGiven: number | null, modelKey: string, p: ContextDecode): Record<string, unknown> {
  return { ...contextDecodeFields(p), ...onBasis(engine, hw, basis, { decodeTokS: p.decodeTokS, source: p.source, npuShareGiven }, bundleModelShape(engine.catalog, modelKey, p.contextTokens)) };
}

function isNumberOrNumbers(value: unknown): boolean {
  return typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v === 'number'));
}

export const llmContextKind: QueryKind = {
  kind: 'llm_context',
  schema,
  help: 'model, context_tokens (a number, or an array for a curve; default: the chart grid), npu_share, compiler_quality, basis (reference|calibrated)',
  answer(engine, raw) {
    const given = raw.context_tokens;
    if (given !== undefined && given !== null && !isNumberOrNumbers(given)) {
      throw new QueryProblem('invalid_input', `"context_tokens" must be a number or an array of numbers, got ${JSON.stringify(given)}`);
    }
    const q = parseWith(schema, raw, 'llm_context');
    const hw = hardwareOfQuery(engine, q);
    const args = { model: q.model ?? null, npuShare: q.npu_share ?? null, compilerQuality: q.compiler_quality ?? null };
    if (typeof q.context_tokens === 'number') {
      // The model is resolved (and an unknown one refused) before the context length is checked.
      const modelName = engine.bundleModel(args.model);
      const point = engine.contextDecode(hw, q.context_tokens, args);
      return { model: modelName.key, model_name: modelName.displayName, npu_share_used: point.npuShareUsed, compiler_quality: point.compilerQuality, ...pointOnBasis(engine, hw, q.basis, args.npuShare, modelName.key, point) };
    }
    const curve = engine.contextCurve(hw, q.context_tokens ?? null, args);
    const first = curve.points[0];
    return {
      model: curve.modelName.key,
      model_name: curve.modelName.displayName,
      npu_share_used: first?.npuShareUsed ?? null,
      compiler_quality: first?.compilerQuality ?? null,
      calibration_anchors: curve.calibrationAnchors.map(anchorFields),
      points: curve.points.map((p) => pointOnBasis(engine, hw, q.basis, args.npuShare, curve.modelName.key, p)),
    };
  },
};
