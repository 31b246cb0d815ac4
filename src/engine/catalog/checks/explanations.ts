/**
 * explanations.json: the texts name nothing the catalog does not know (a renamed key would
 * otherwise leave a description silently unused). A tier, pipeline or model without a text is
 * allowed, so adding one stays a one-file data edit: its explanation simply has no such sentence
 * (tests/engine/explain checks that the shipped catalog has every text).
 */
import { failCatalog } from '../fail';
import type { CatalogFiles } from '../schemas';

function knownKeys(path: string, given: readonly string[], known: readonly string[], what: string): void {
  const unknown = given.find((k) => !known.includes(k));
  if (unknown !== undefined) failCatalog('explanations.json', `${path}.${unknown}`, `"${unknown}" is not a known ${what}`);
}

export function checkExplanations(files: CatalogFiles): void {
  const x = files['explanations.json'];
  knownKeys('tiers', Object.keys(x.tiers), files['tiers.json'].tiers.map((t) => t.id), 'tier');
  knownKeys('pipelines', Object.keys(x.pipelines), files['pipelines.json'].pipelines.map((p) => p.key), 'pipeline');
  knownKeys('workloads', Object.keys(x.workloads), files['llm.json'].workloads.map((w) => w.key), 'workload pattern');
  knownKeys('modelRoles', Object.keys(x.modelRoles), files['llm-models.json'].roleOrder, 'model role');
  knownKeys('vla.notes', Object.keys(x.vla.notes), files['vla.json'].models.map((m) => m.key), 'VLA model');
  knownKeys('capabilityLevels', Object.keys(x.capabilityLevels), files['capability.json'].levels, 'capability level');
  const pipelineKeys = new Set(files['pipelines.json'].pipelines.map((p) => p.key));
  x.resolution.pipelines.forEach((key, i) => {
    if (!pipelineKeys.has(key)) failCatalog('explanations.json', `resolution.pipelines[${i}]`, `"${key}" is not a known pipeline`);
  });
}
