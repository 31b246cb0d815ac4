/**
 * Build time (webpack.config.js): data/calibration.json validated with its zod schema, as the text the
 * bundles embed (util/shipped-json.ts), so functions.js and the CLI start without zod's validation of it.
 */
import calibrationJson from '../../../data/calibration.json';
import { shipJson, type ShippedJson } from '../util/shipped-json';
import { parseCalibrationFile } from './load';

export function shipCalibration(): ShippedJson {
  return shipJson(parseCalibrationFile(calibrationJson), 'calibration');
}
