/** VLA (vision-language-action) models on a tier: action rate, latency, memory, fleet. */
import { DEFAULT_CAMERA_MODE, listText, vlaDtypeIds, vlaModelKeys, vlaRecord } from '../../engine';
import { defineFunction, FunctionError } from '../registry/types';
import { arg, rangedOpt, FIELD_ARG, MEMORY_ARG, NPU_SHARE_ARG, opt, PRECISION_SET_ARG, recordResult, TIER_ARG } from './common';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'vla';

export const VLA = defineFunction({
  name: 'VLA',
  description: 'Projects a VLA model on a tier: ms per action, action rate, memory, per camera and per fleet.',
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
  ],
  result: 'matrix',
  resultHelp: 'A header row and a value row, or the one field asked for (#N/A with the reason when the setup does not run).',
  example: { formula: '=SIZER.VLA("NPU High", "pi_0p5", "action_hz")', answers: 'actions per second of pi0.5 on High' },
  implement: ({ engine }, a) => {
    const p = engine.vla(engine.hardware(a.hardware()), {
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
    return recordResult('VLA', vlaRecord(p), field);
  },
});
