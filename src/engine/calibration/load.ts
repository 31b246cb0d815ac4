/**
 * Loading the calibration data with zod, outside the reference catalog: the validation set is read by
 * the accuracy script and tests only; the fitted constants ship with the engine (./bundled.ts).
 */
import { formatPath } from '../catalog/fail';
import { SizerError } from '../util/errors';
import { calibrationFileSchema, validationFileSchema, visionValidationFileSchema, type CalibrationFile, type ValidationRow, type VisionValidationRow } from './schema';

function fail(file: string, error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): never {
  const issue = error.issues[0];
  throw new SizerError('catalog_invalid', `${file}: ${issue ? `${formatPath(issue.path)}: ${issue.message}` : 'invalid'}`);
}

/** Refuses a second row with an id already seen (the row's index and the id named). */
function checkUniqueIds(file: string, rows: readonly { readonly id: string }[]): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (seen.has(row.id)) throw new SizerError('catalog_invalid', `${file}: rows[${i}].id: duplicate id "${row.id}"`);
    seen.add(row.id);
  });
}

/** The rows of a validation file (data/validation/*.json), checked; ids must be unique. */
export function parseValidationFile(raw: unknown, file: string): ValidationRow[] {
  const parsed = validationFileSchema.safeParse(raw);
  if (!parsed.success) fail(file, parsed.error);
  checkUniqueIds(file, parsed.data.rows);
  parsed.data.rows.forEach((row, i) => {
    if (row.model.activeParamsB > row.model.totalParamsB) {
      throw new SizerError('catalog_invalid', `${file}: rows[${i}].model.activeParamsB: above totalParamsB`);
    }
    if (!row.model.isMoe && row.model.activeParamsB !== row.model.totalParamsB) {
      throw new SizerError('catalog_invalid', `${file}: rows[${i}].model.activeParamsB: a dense model's active parameters equal its total`);
    }
  });
  return parsed.data.rows;
}

/** The catalog names a vision row must use. */
export interface VisionRowNames {
  readonly pipelines: readonly string[];
  readonly resolutions: readonly string[];
}

/** The rows of a vision validation file (data/validation/vision.json), checked against the catalog's pipelines and resolutions; ids must be unique. */
export function parseVisionValidationFile(raw: unknown, file: string, names: VisionRowNames): VisionValidationRow[] {
  const parsed = visionValidationFileSchema.safeParse(raw);
  if (!parsed.success) fail(file, parsed.error);
  checkUniqueIds(file, parsed.data.rows);
  parsed.data.rows.forEach((row, i) => {
    if (!names.pipelines.includes(row.pipeline)) throw new SizerError('catalog_invalid', `${file}: rows[${i}].pipeline: "${row.pipeline}" is not a catalog pipeline`);
    if (!names.resolutions.includes(row.resolution)) {
      throw new SizerError('catalog_invalid', `${file}: rows[${i}].resolution: "${row.resolution}" is not one of ${names.resolutions.join(', ')}`);
    }
  });
  return parsed.data.rows;
}

export function parseCalibrationFile(raw: unknown, file = 'data/calibration.json'): CalibrationFile {
  const parsed = calibrationFileSchema.safeParse(raw);
  if (!parsed.success) fail(file, parsed.error);
  return parsed.data;
}
