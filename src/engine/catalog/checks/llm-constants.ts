/** llm.json: the default quant and workload exist, and workload labels are unambiguous. */
import { failCatalog } from '../fail';
import type { CatalogIndexes } from '../indexes';
import type { CatalogFiles } from '../schemas';
import { checkNameCollisions } from './helpers';

export function checkLlmConstants(files: CatalogFiles, { quantByKey, workloadByKey }: CatalogIndexes): void {
  const llm = files['llm.json'];
  if (!quantByKey[llm.defaults.quant]) failCatalog('llm.json', 'defaults.quant', `unknown quant "${llm.defaults.quant}"`);
  if (!workloadByKey[llm.defaults.workload]) failCatalog('llm.json', 'defaults.workload', `unknown workload "${llm.defaults.workload}"`);
  checkNameCollisions('llm.json', 'workloads', llm.workloads.map((w) => ({ key: w.key, names: [w.label] })));
}
