/**
 * Accuracy figures (see pass-records.ts): a stated pass rate is its passes over its total. The data
 * rounds rates to three decimals (80 / 132 = 0.60606... is written 0.606), so a rate may differ from
 * the exact quotient by at most half a unit in the third decimal. A rate whose counts are left out
 * (null) has nothing to be checked against.
 */
import { failCatalog } from '../fail';
import type { CatalogFiles } from '../schemas';
import { passRecords } from './pass-records';

/** Decimals the catalog's pass rates are rounded to. */
export const PASS_RATE_DECIMALS = 3;
/** Half a unit in the last stated decimal, plus room for binary floating point. */
export const PASS_RATE_TOLERANCE = 0.5 * 10 ** -PASS_RATE_DECIMALS + 1e-9;

export function checkPassRates(files: CatalogFiles): void {
  for (const record of passRecords(files)) {
    const { passed, total, rate } = record;
    if (passed === null || total === null || rate === null) continue;
    const path = `${record.path}.${record.rateField}`;
    if (total === 0) failCatalog(record.file, path, `a rate is stated over a ${record.totalField} of 0`);
    const exact = passed / total;
    if (Math.abs(rate - exact) > PASS_RATE_TOLERANCE) {
      failCatalog(
        record.file,
        path,
        `${rate} does not match ${record.passedField} / ${record.totalField} = ${passed} / ${total} = ${exact.toFixed(PASS_RATE_DECIMALS + 1)} ` +
          `(rates are rounded to ${PASS_RATE_DECIMALS} decimals, so they may differ by at most ${0.5 * 10 ** -PASS_RATE_DECIMALS})`,
      );
    }
  }
}
