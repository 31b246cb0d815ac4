/** The fitted constants shipped with SIZER (data/calibration.json), validated once at load. */
import calibrationJson from '../../../data/calibration.json';
import { parseCalibrationFile } from './load';
import type { CalibrationFile } from './schema';

let bundled: CalibrationFile | null = null;

export function bundledCalibration(): CalibrationFile {
  bundled ??= parseCalibrationFile(calibrationJson);
  return bundled;
}
