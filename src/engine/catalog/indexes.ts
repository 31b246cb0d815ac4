/**
 * Second loader step: the lookup tables the catalog carries (by id or key) and the ladder. Building
 * an index rejects a duplicate key, so every later step may assume keys are unique.
 */
import { failCatalog } from './fail';
import type {
  CatalogFileName,
  CatalogFiles,
  PipelineRecord,
  QuantRecord,
  SiliconClassRecord,
  TierRecord,
  WorkloadRecord,
} from './schemas';
import type { LlmModelRecord } from './schemas-llm-models';

export type NcuWorkloadRecord = CatalogFiles['ncu-bundle.json']['workloads'][number];
export type ShapeModelRecord = CatalogFiles['llm-models.json']['shapeModels'][number];
export type TrackRecord = CatalogFiles['pipelines.json']['tracks'][number];

export interface CatalogIndexes {
  readonly tierById: Readonly<Record<string, TierRecord>>;
  /** The preset tiers shown as the sizing ladder, in display order. */
  readonly ladder: readonly TierRecord[];
  readonly siliconClassById: Readonly<Record<string, SiliconClassRecord>>;
  readonly pipelineByKey: Readonly<Record<string, PipelineRecord>>;
  readonly trackById: Readonly<Record<string, TrackRecord>>;
  readonly quantByKey: Readonly<Record<string, QuantRecord>>;
  readonly workloadByKey: Readonly<Record<string, WorkloadRecord>>;
  readonly ncuWorkloadById: Readonly<Record<string, NcuWorkloadRecord>>;
  readonly modelByKey: Readonly<Record<string, LlmModelRecord>>;
  readonly shapeModelByKey: Readonly<Record<string, ShapeModelRecord>>;
}

/** `items` by `keyOf`; a second item with the same key is reported at `what[i]`. */
export function indexBy<T>(file: CatalogFileName, what: string, items: readonly T[], keyOf: (item: T) => string): Record<string, T> {
  const index: Record<string, T> = {};
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (Object.prototype.hasOwnProperty.call(index, key)) failCatalog(file, `${what}[${i}]`, `duplicate key "${key}"`);
    index[key] = item;
  });
  return index;
}

export function buildCatalogIndexes(files: CatalogFiles): CatalogIndexes {
  const tiers = files['tiers.json'].tiers;
  return {
    tierById: indexBy('tiers.json', 'tiers', tiers, (t) => t.id),
    ladder: tiers.filter((t) => t.inLadder),
    siliconClassById: indexBy('silicon-classes.json', 'classes', files['silicon-classes.json'].classes, (c) => c.id),
    pipelineByKey: indexBy('pipelines.json', 'pipelines', files['pipelines.json'].pipelines, (p) => p.key),
    trackById: indexBy('pipelines.json', 'tracks', files['pipelines.json'].tracks, (t) => t.id),
    quantByKey: indexBy('llm.json', 'quants', files['llm.json'].quants, (q) => q.key),
    workloadByKey: indexBy('llm.json', 'workloads', files['llm.json'].workloads, (w) => w.key),
    ncuWorkloadById: indexBy('ncu-bundle.json', 'workloads', files['ncu-bundle.json'].workloads, (w) => w.id),
    modelByKey: indexBy('llm-models.json', 'models', files['llm-models.json'].models, (m) => m.key),
    shapeModelByKey: indexBy('llm-models.json', 'shapeModels', files['llm-models.json'].shapeModels, (m) => m.key),
  };
}
