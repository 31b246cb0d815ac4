/**
 * The fitted constants shipped with SIZER (data/calibration.json): in a bundle, checked when it was built
 * and verified by content hash at first use (./shipped.ts); where no bundle was built (jest, tsx),
 * validated now with zod. Loaded once.
 */
import calibrationJson from '../../../data/calibration.json';
import { readShippedJson } from '../util/shipped-json';
import { parseCalibrationFile } from './load';
import type { CalibrationFile } from './schema';

let bundled: CalibrationFile | null = null;

export function bundledCalibration(): CalibrationFile {
  // Two string constants, as for the catalog (catalog/shipped.ts): webpack decides this test while
  // building, so the zod schema and the raw file stay out of the bundles.
  bundled ??=
    typeof __SIZER_SHIPPED_CALIBRATION_TEXT__ === 'string'
      ? (readShippedJson({ text: __SIZER_SHIPPED_CALIBRATION_TEXT__, hash: __SIZER_SHIPPED_CALIBRATION_HASH__ }, 'calibration') as CalibrationFile)
      : parseCalibrationFile(calibrationJson);
  return bundled;
}
