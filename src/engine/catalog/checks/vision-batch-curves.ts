/** vision.json: every batch curve starts at batch size 1 (the projection scales from that point). */
import { failCatalog } from '../fail';
import type { CatalogFiles } from '../schemas';

export function checkVisionBatchCurves(files: CatalogFiles): void {
  for (const [name, curve] of Object.entries(files['vision.json'].batchCurvesMsNpuMid)) {
    if (!curve['1']) failCatalog('vision.json', `batchCurvesMsNpuMid.${name}`, 'a batch curve needs a point at batch size 1');
  }
}
