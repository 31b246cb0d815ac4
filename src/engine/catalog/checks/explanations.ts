/**
 * explanations.json: every preset tier, pipeline, workload pattern, model role, VLA model and
 * capability level has its text, and the texts name nothing the catalog does not know (a renamed
 * key would otherwise leave a description silently unused).
 */
import { failCatalog } from '../fail';
import type { CatalogFiles } from '../schemas';

function sameKeys(path: string, given: readonly string[], known: readonly string[], what: string): void {
  const missing = known.find((k) => !given.includes(k));
  if (missing !== undefined) failCatalog('explanations.json', path, `no text for ${what} "${missing}"`);
  const unknown = given.find((k) => !known.includes(k));
  if (unknown !== undefined) failCatalog('explanations.json', `${path}.${unknown}`, `"${unknown}" is not a known ${what}`);
}

export function checkExplanations(files: CatalogFiles): void {
  const x = files['explanations.json'];
  sameKeys('tiers', Object.keys(x.tiers), files['tiers.json'].tiers.map((t) => t.id), 'tier');
  sameKeys('pipelines', Object.keys(x.pipelines), files['pipelines.json'].pipelines.map((p) => p.key), 'pipeline');
  sameKeys('workloads', Object.keys(x.workloads), files['llm.json'].workloads.map((w) => w.key), 'workload pattern');
  sameKeys('modelRoles', Object.keys(x.modelRoles), files['llm-models.json'].roleOrder, 'model role');
  sameKeys('vla.notes', Object.keys(x.vla.notes), files['vla.json'].models.map((m) => m.key), 'VLA model');
  sameKeys('capabilityLevels', Object.keys(x.capabilityLevels), files['capability.json'].levels, 'capability level');
  const pipelineKeys = new Set(files['pipelines.json'].pipelines.map((p) => p.key));
  x.resolution.pipelines.forEach((key, i) => {
    if (!pipelineKeys.has(key)) failCatalog('explanations.json', `resolution.pipelines[${i}]`, `"${key}" is not a known pipeline`);
  });
}
