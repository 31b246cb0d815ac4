/**
 * data/calibration.json ships checked at build time, like the catalog (src/engine/calibration/shipped.ts,
 * util/shipped-json.ts): what starts is what zod gave at build, and an edited text is refused.
 */
import calibrationJson from '../../../data/calibration.json';
import { parseCalibrationFile } from '../../../src/engine/calibration/load';
import { shipCalibration } from '../../../src/engine/calibration/shipped';
import { readShippedJson, shipJson } from '../../../src/engine/util/shipped-json';

describe('the shipped calibration', () => {
  const shipped = shipCalibration();

  it('reads back as the validated file', () => {
    expect(readShippedJson(shipped, 'calibration')).toEqual(parseCalibrationFile(calibrationJson));
    expect(shipped.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is refused at start when its text changed after the build', () => {
    const edited = shipped.text.replace(/\d(?=[,}\]])/, (d) => String((Number(d) + 1) % 10));
    expect(edited).not.toBe(shipped.text);
    expect(() => readShippedJson({ text: edited, hash: shipped.hash }, 'calibration')).toThrow(/shipped calibration was changed after it was checked/);
  });

  it('is refused at build time when the validated data would not survive JSON', () => {
    expect(() => shipJson({ a: [1, Number.NaN] }, 'calibration')).toThrow('the validated calibration does not survive JSON at (calibration).a.1');
    expect(() => shipJson({ a: undefined }, 'calibration')).toThrow(/does not survive JSON at \(calibration\)/);
  });
});
