/**
 * Every catalog name a user can type, resolved once per engine: display names, keys and short ids,
 * case-insensitively (src/engine/util/names.ts). Unknown names fail listing the valid choices.
 */
import type { Catalog } from '../catalog/load';
import type { MemoryUpgradeRecord, PipelineRecord, PrecisionSetId, Resolution, TierRecord } from '../catalog/schemas';
import { RESOLUTIONS } from '../catalog/enums';
import type { VlaModelRecord } from '../catalog/schemas-vla';
import { makeNameResolver, type NameResolver } from '../util/names';
import { makeVlaModelResolver } from '../vla/args';

export interface EngineNames {
  readonly tiers: NameResolver<TierRecord>;
  readonly memoryUpgrades: NameResolver<MemoryUpgradeRecord>;
  readonly pipelines: NameResolver<PipelineRecord>;
  readonly precisionSets: NameResolver<PrecisionSetId>;
  readonly quants: NameResolver<string>;
  readonly workloads: NameResolver<string>;
  readonly resolutions: NameResolver<Resolution>;
  /** The selectable LLM models (alias path). */
  readonly models: NameResolver<string>;
  /** The token-shaped models (SIZER.LLMSHAPE, kind llm_shape). */
  readonly shapeModels: NameResolver<string>;
  /** The context-curve and what-if bundle models. */
  readonly bundleModels: NameResolver<string>;
  /** The VLA models (key, name or alias). */
  readonly vlaModels: NameResolver<VlaModelRecord>;
}

/** Other spellings people use for the three resolutions. */
const RESOLUTION_ALIASES: Readonly<Record<Resolution, readonly string[]>> = {
  '720p': ['1280x720'],
  '1080p': ['1920x1080'],
  '4K': ['2160p', '3840x2160'],
};

export function buildEngineNames(catalog: Catalog): EngineNames {
  return Object.freeze({
    tiers: makeNameResolver('tier', catalog.tiers.map((t) => ({ key: t.id, label: t.name, names: t.aliases, value: t }))),
    memoryUpgrades: makeNameResolver('memory upgrade', catalog.memoryUpgrades.map((m) => ({ key: m.id, label: m.label, names: [], value: m }))),
    pipelines: makeNameResolver('pipeline', catalog.pipelines.map((p) => ({ key: p.key, label: p.label, names: [], value: p }))),
    precisionSets: makeNameResolver(
      'precision set',
      catalog.files['precision-sets.json'].sets.map((s) => ({ key: s.id, label: s.label, names: [], value: s.id })),
    ),
    quants: makeNameResolver('quant', Object.values(catalog.quantByKey).map((q) => ({ key: q.key, label: q.key, names: [], value: q.key }))),
    workloads: makeNameResolver('workload', Object.values(catalog.workloadByKey).map((w) => ({ key: w.key, label: w.label, names: [], value: w.key }))),
    resolutions: makeNameResolver('resolution', RESOLUTIONS.map((r) => ({ key: r, label: r, names: RESOLUTION_ALIASES[r], value: r }))),
    models: makeNameResolver('model', catalog.models.map((m) => ({ key: m.key, label: m.label, names: [], value: m.key }))),
    shapeModels: makeNameResolver('model', Object.values(catalog.shapeModelByKey).map((m) => ({ key: m.key, label: m.base, names: [], value: m.key }))),
    bundleModels: makeNameResolver(
      'model',
      catalog.files['llm-bundle.json'].models.map((m) => ({ key: m.key, label: m.displayName, names: m.aliases, value: m.key })),
    ),
    vlaModels: makeVlaModelResolver(catalog),
  });
}
