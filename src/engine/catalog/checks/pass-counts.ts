/** Accuracy figures (see pass-records.ts): no more passes than questions asked. */
import { failCatalog } from '../fail';
import type { CatalogFiles } from '../schemas';
import { passRecords } from './pass-records';

export function checkPassCounts(files: CatalogFiles): void {
  for (const record of passRecords(files)) {
    const { passed, total } = record;
    if (passed !== null && total !== null && passed > total) {
      failCatalog(record.file, `${record.path}.${record.passedField}`, `${record.passedField} ${passed} exceeds ${record.totalField} ${total}`);
    }
  }
}
