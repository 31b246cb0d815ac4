import { shortRange, vlaDtypeIds, vlaRecord } from '../../engine';
import { z } from 'zod';
import { hardwareFields, hardwareOfQuery, lineFields, nullableName, nullableNumber, parseWith, type QueryKind, REFERENCE_ENGINE_MEMORY_SCOPE } from './common';

const schema = z.strictObject({
  ...lineFields,
  ...hardwareFields,
  vla: z.string(),
  dtype: nullableName,
  cameras: nullableNumber,
  fleet_size: nullableNumber,
  camera_mode: nullableName,
  n_action_tokens: nullableNumber,
  npu_share: nullableNumber,
  vlm_hz: nullableNumber,
  action_hz: nullableNumber,
  target_action_hz: nullableNumber,
});

export const vlaKind: QueryKind = {
  kind: 'vla',
  schema,
  help: (c) => `vla (model key or name), dtype (${vlaDtypeIds(c).join('|')}), cameras (${shortRange(c.inputRanges.cameras)}), fleet_size (${shortRange(c.inputRanges.fleetSize)}), camera_mode (native|stitched), n_action_tokens, npu_share, vlm_hz and action_hz (the rates asked for, within the model's range; off the default the badge becomes a what-if), target_action_hz (checked against the projected rate)`,
  answer(engine, raw, options) {
    const q = parseWith(schema, raw, 'vla');
    const hw = hardwareOfQuery(engine, q, REFERENCE_ENGINE_MEMORY_SCOPE);
    // Six models: building the name resolver per line costs next to nothing and keeps the kind stateless.
    const projection = engine.vla(hw, {
      vla: q.vla,
      dtype: q.dtype ?? null,
      cameras: q.cameras ?? null,
      fleetSize: q.fleet_size ?? null,
      cameraMode: q.camera_mode ?? null,
      nActionTokens: q.n_action_tokens ?? null,
      npuShare: q.npu_share ?? null,
    });
    const rates = { vlmHz: q.vlm_hz ?? null, actionHz: q.action_hz ?? null, targetActionHz: q.target_action_hz ?? null };
    const detail = options.explanations ? engine.vlaDetail(hw, projection, rates) : { operatingPoint: engine.vlaOperatingPoint(hw, projection, rates) };
    return vlaRecord(projection, { ...detail, bandwidthRatioVsRef: engine.bandwidthRatio(hw) });
  },
};
