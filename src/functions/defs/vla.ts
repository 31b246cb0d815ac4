/** VLA (vision-language-action) models on a tier: action rate, latency, memory, fleet. */
import { DEFAULT_CAMERA_MODE, listText, vlaDtypeIds, vlaModelKeys, vlaRecord } from '../../engine';
import { defineFunction, FunctionError } from '../registry/types';
import { arg, rangedOpt, FIELD_ARG, MEMORY_ARG, NPU_SHARE_ARG, opt, PRECISION_SET_ARG, recordResult, TIER_ARG, onEitherBasis } from './common';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'vla';

export const VLA = defineFunction({
  name: 'VLA',
  description: onEitherBasis('Projects a VLA model on a tier: ms per action, action rate, memory, per camera and per fleet.'),
  args: [
    TIER_ARG,
    arg('vla', 'string', (c) => `VLA model key or name (${vlaModelKeys(c).join(', ')})`),
    FIELD_ARG('VLA'),
    rangedOpt('cameras', 'cameras', () => 'Cameras per robot'),
    rangedOpt('fleetSize', 'fleet_size', () => 'Robots sharing the chip'),
    opt('camera_mode', 'string', `native (each camera encoded) or stitched (one mosaic image); blank = ${DEFAULT_CAMERA_MODE}`),
    opt('dtype', 'string', (c) => `Execution dtype: ${listText(vlaDtypeIds(c))}; blank = the model's default path`),
    NPU_SHARE_ARG,
    MEMORY_ARG,
    PRECISION_SET_ARG,
    opt('vlm_hz', 'number', "VLM (perception) rate asked for, within the model's range; blank = its measured default (off the default the badge becomes a what-if)"),
    opt('action_hz', 'number', "Action rate asked for, within the model's range; blank = its measured default"),
    opt('target_action_hz', 'number', 'A control-rate target; field target_exceeded says whether the projection misses it'),
  ],
  result: 'matrix',
  resultHelp: 'A header row and a value row, or the one field asked for (#N/A with the reason when the setup does not run).',
  example: { formula: '=SIZER.VLA("NPU High", "pi_0p5", "action_hz")', answers: 'actions per second of pi0.5 on High' },
  implement: ({ engine }, a) => {
    const hw = engine.hardware(a.hardware());
    const p = engine.vla(hw, {
      vla: a.text('vla'),
      cameras: a.optionalNumber('cameras'),
      fleetSize: a.optionalNumber('fleet_size'),
      cameraMode: a.optionalText('camera_mode'),
      dtype: a.optionalText('dtype'),
      npuShare: a.optionalNumber('npu_share'),
    });
    const field = a.optionalText('field');
    // A setup that does not run has no rate to report: say why instead of showing its partial numbers.
    if (field !== null && (p.runs === false || p.deferred)) {
      throw new FunctionError('na', `SIZER.VLA: ${p.reason ?? 'this setup does not run'}`);
    }
    const detail = engine.vlaDetail(hw, p, { vlmHz: a.optionalNumber('vlm_hz'), actionHz: a.optionalNumber('action_hz'), targetActionHz: a.optionalNumber('target_action_hz') });
    return recordResult('VLA', vlaRecord(p, { ...detail, bandwidthRatioVsRef: engine.bandwidthRatio(hw) }), field);
  },
});
