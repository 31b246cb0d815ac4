/** vision.json: the resolution a blank input takes is one of the catalog's resolutions. */
import { failCatalog } from '../fail';
import type { CatalogFiles } from '../schemas';

export function checkVisionDefaultResolution(files: CatalogFiles): void {
  const vision = files['vision.json'];
  if (!vision.resolutions.includes(vision.defaultResolution)) failCatalog('vision.json', 'defaultResolution', `"${vision.defaultResolution}" is not one of the resolutions`);
}
