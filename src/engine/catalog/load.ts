/**
 * Validates the raw data files once, cross-checks them against each other and returns the frozen
 * catalog every engine function reads. Pure: the caller supplies the parsed JSON (bundled imports in
 * the add-in and CLI, or test fixtures), so the engine never touches the file system.
 *
 * Three steps, each in its own module: read.ts (each file against its zod schema), indexes.ts (the
 * lookup tables, rejecting duplicate keys), checks/ (the cross-checks, listed in checks/index.ts).
 * Every problem is a catalog_invalid SizerError naming the file and JSON path (fail.ts).
 */
import { deepFreeze } from '../util/freeze';
import { CATALOG_CHECKS } from './checks';
import { buildCatalogIndexes, type CatalogIndexes } from './indexes';
import { readCatalogFiles } from './read';
import type {
  CatalogFiles,
  MemoryUpgradeRecord,
  PipelineRecord,
  QuantRecord,
  RawCatalogFiles,
  SiliconClassRecord,
  TierRecord,
  WorkloadRecord,
} from './schemas';
import type { LlmModelRecord } from './schemas-llm-models';
import { buildInputRanges, type InputRanges } from '../inputs/ranges';
import { buildPresetHardware } from '../hardware/preset';
import type { Hardware } from '../hardware/types';
import { type CompiledTemplate, compileTemplates } from '../explain/template';

export interface Catalog {
  readonly version: string;
  readonly reference: string;
  readonly files: CatalogFiles;
  /** Every preset tier: the ladder first, in display order, then the registry-only tiers. */
  readonly tiers: readonly TierRecord[];
  readonly ladder: readonly TierRecord[];
  readonly tierById: Readonly<Record<string, TierRecord>>;
  readonly pipelines: readonly PipelineRecord[];
  readonly pipelineByKey: Readonly<Record<string, PipelineRecord>>;
  readonly siliconClassById: Readonly<Record<string, SiliconClassRecord>>;
  readonly memoryUpgrades: readonly MemoryUpgradeRecord[];
  readonly quantByKey: Readonly<Record<string, QuantRecord>>;
  readonly workloadByKey: Readonly<Record<string, WorkloadRecord>>;
  readonly ncuWorkloadById: Readonly<Record<string, CatalogFiles['ncu-bundle.json']['workloads'][number]>>;
  /** The selectable LLM models, in catalog order. */
  readonly models: readonly LlmModelRecord[];
  readonly modelByKey: Readonly<Record<string, LlmModelRecord>>;
  readonly shapeModelByKey: Readonly<Record<string, CatalogFiles['llm-models.json']['shapeModels'][number]>>;
  /** Every numeric input's range, default and unit, with the catalog's own limits filled in. */
  readonly inputRanges: InputRanges;
  /** Every preset tier's Hardware by tier id, built once (hardware/preset.ts presetHardware reads it). */
  readonly presetHardwareById: Readonly<Record<string, Hardware>>;
  /** data/explanations.json's templates, compiled once, by their text (explain/template.ts fill reads them). Never changed after assembly. */
  readonly explanationTemplates: ReadonlyMap<string, CompiledTemplate>;
}

export function loadCatalog(raw: RawCatalogFiles): Catalog {
  const files = readCatalogFiles(raw);
  const indexes = buildCatalogIndexes(files);
  for (const check of CATALOG_CHECKS) check(files, indexes);
  return assembleCatalog(files, indexes);
}

/**
 * The catalog from files that already passed loadCatalog (the shipped catalog, checked when SIZER was
 * built: catalog/shipped.ts): no zod and no cross-checks, only the lookup tables, ranges and freezing.
 */
export function loadCheckedCatalog(files: CatalogFiles): Catalog {
  return assembleCatalog(files, buildCatalogIndexes(files));
}

function assembleCatalog(files: CatalogFiles, indexes: CatalogIndexes): Catalog {
  return deepFreeze({
    version: files['catalog.json'].version,
    reference: files['catalog.json'].reference,
    files,
    tiers: files['tiers.json'].tiers,
    ladder: indexes.ladder,
    tierById: indexes.tierById,
    pipelines: files['pipelines.json'].pipelines,
    pipelineByKey: indexes.pipelineByKey,
    siliconClassById: indexes.siliconClassById,
    memoryUpgrades: files['memory-upgrades.json'].options,
    quantByKey: indexes.quantByKey,
    workloadByKey: indexes.workloadByKey,
    ncuWorkloadById: indexes.ncuWorkloadById,
    models: files['llm-models.json'].models,
    modelByKey: indexes.modelByKey,
    shapeModelByKey: indexes.shapeModelByKey,
    inputRanges: buildInputRanges(files),
    presetHardwareById: Object.fromEntries(files['tiers.json'].tiers.map((t) => [t.id, buildPresetHardware(files, t)])),
    explanationTemplates: compileTemplates(files['explanations.json']),
  });
}
