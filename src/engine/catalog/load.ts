/**
 * Validates the raw data files once, cross-checks them against each other and returns the frozen
 * catalog every engine function reads. Pure: the caller supplies the parsed JSON (bundled imports in
 * the add-in and CLI, or test fixtures), so the engine never touches the file system.
 */
import type { z } from 'zod';
import { SizerError } from '../util/errors';
import { deepFreeze } from '../util/freeze';
import { normalizeName } from '../util/names';
import {
  CATALOG_FILES,
  type CatalogFileName,
  type CatalogFiles,
  type MemoryUpgradeRecord,
  type PipelineRecord,
  type QuantRecord,
  type RawCatalogFiles,
  type SiliconClassRecord,
  type TierRecord,
  type WorkloadRecord,
} from './schemas';
import type { LlmModelRecord } from './schemas-llm-models';
import { checkLlmBundle } from '../llm/bundle-check';
import { checkVlaCatalog } from '../vla/check';

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
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text === '' ? '(root)' : text;
}

function fail(file: string, path: string, message: string): never {
  throw new SizerError('catalog_invalid', `data/${file}: ${path}: ${message}`);
}

function parseFile<K extends CatalogFileName>(file: K, raw: unknown): CatalogFiles[K] {
  // The mapped type cannot be narrowed per key by the compiler; CATALOG_FILES pairs them by construction.
  const schema = CATALOG_FILES[file] as unknown as z.ZodType<CatalogFiles[K]>;
  const result = schema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    fail(file, formatPath(first?.path ?? []), first?.message ?? 'invalid');
  }
  return result.data;
}

function indexBy<T>(file: string, what: string, items: readonly T[], keyOf: (item: T) => string): Record<string, T> {
  const index: Record<string, T> = {};
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (Object.prototype.hasOwnProperty.call(index, key)) fail(file, `${what}[${i}]`, `duplicate key "${key}"`);
    index[key] = item;
  });
  return index;
}

/** Names users type must resolve to exactly one entry. */
function checkNameCollisions(file: string, what: string, entries: readonly { key: string; names: readonly string[] }[]): void {
  const owner = new Map<string, string>();
  for (const entry of entries) {
    for (const name of [entry.key, ...entry.names]) {
      const normal = normalizeName(name);
      const previous = owner.get(normal);
      if (previous !== undefined && previous !== entry.key) {
        fail(file, what, `the name "${name}" of "${entry.key}" also names "${previous}"`);
      }
      owner.set(normal, entry.key);
    }
  }
}

export function loadCatalog(raw: RawCatalogFiles): Catalog {
  const files = {} as CatalogFiles;
  for (const file of Object.keys(CATALOG_FILES) as CatalogFileName[]) {
    if (raw[file] === undefined) fail(file, '(root)', 'file is missing');
    (files as Record<CatalogFileName, unknown>)[file] = parseFile(file, raw[file]);
  }

  const capability = files['capability.json'];
  const tableExists = (id: string): boolean => Object.prototype.hasOwnProperty.call(capability.tables, id);

  // Tiers.
  const tiersFile = files['tiers.json'];
  const tierById = indexBy('tiers.json', 'tiers', tiersFile.tiers, (t) => t.id);
  indexBy('tiers.json', 'tiers', tiersFile.tiers, (t) => t.name);
  tiersFile.tiers.forEach((tier, i) => {
    if (!tableExists(tier.capabilityTable)) {
      fail('tiers.json', `tiers[${i}].capabilityTable`, `unknown capability table "${tier.capabilityTable}"`);
    }
  });
  for (const field of ['referenceTierForLegacyScaling', 'bandwidthReferenceTier', 'defaultTier'] as const) {
    if (!tierById[tiersFile[field]]) fail('tiers.json', field, `unknown tier "${tiersFile[field]}"`);
  }
  checkNameCollisions(
    'tiers.json',
    'tiers',
    tiersFile.tiers.map((t) => ({ key: t.id, names: [t.name, ...t.aliases] })),
  );

  // Silicon classes and precision sets.
  const siliconClassById = indexBy('silicon-classes.json', 'classes', files['silicon-classes.json'].classes, (c) => c.id);
  files['silicon-classes.json'].classes.forEach((c, i) => {
    if (c.capabilityTable !== null && !tableExists(c.capabilityTable)) {
      fail('silicon-classes.json', `classes[${i}].capabilityTable`, `unknown capability table "${c.capabilityTable}"`);
    }
  });
  const precision = files['precision-sets.json'];
  precision.sets.forEach((set, i) => {
    if (!tableExists(set.capabilityTable)) fail('precision-sets.json', `sets[${i}].capabilityTable`, `unknown capability table "${set.capabilityTable}"`);
    if (!capability.dtypeToPeakField[set.computeDtype]) fail('precision-sets.json', `sets[${i}].computeDtype`, `no peak field for dtype "${set.computeDtype}"`);
    if (!precision.variantSuffix[set.id]) fail('precision-sets.json', 'variantSuffix', `no suffix for set "${set.id}"`);
  });
  precision.ladders.forEach((ladder, i) => {
    if (!tierById[ladder.tier]) fail('precision-sets.json', `ladders[${i}].tier`, `unknown tier "${ladder.tier}"`);
    if (!siliconClassById[ladder.siliconClass]) fail('precision-sets.json', `ladders[${i}].siliconClass`, `unknown silicon class "${ladder.siliconClass}"`);
  });

  // Memory upgrades.
  const memoryUpgrades = files['memory-upgrades.json'].options;
  indexBy('memory-upgrades.json', 'options', memoryUpgrades, (m) => m.id);
  checkNameCollisions('memory-upgrades.json', 'options', memoryUpgrades.map((m) => ({ key: m.id, names: [m.label] })));

  // Pipelines, tracks and vision constants.
  const pipelinesFile = files['pipelines.json'];
  const vision = files['vision.json'];
  const pipelineByKey = indexBy('pipelines.json', 'pipelines', pipelinesFile.pipelines, (p) => p.key);
  const trackById = indexBy('pipelines.json', 'tracks', pipelinesFile.tracks, (t) => t.id);
  if (!trackById[pipelinesFile.defaultTrack]) fail('pipelines.json', 'defaultTrack', `unknown track "${pipelinesFile.defaultTrack}"`);
  const trackOfPipeline = new Map<string, string>();
  pipelinesFile.tracks.forEach((track, i) => {
    if (!track.pipelines.includes(track.canonical)) fail('pipelines.json', `tracks[${i}].canonical`, `"${track.canonical}" is not in the track`);
    track.pipelines.forEach((key, j) => {
      if (!pipelineByKey[key]) fail('pipelines.json', `tracks[${i}].pipelines[${j}]`, `unknown pipeline "${key}"`);
      if (trackOfPipeline.has(key)) fail('pipelines.json', `tracks[${i}].pipelines[${j}]`, `"${key}" is already in track "${trackOfPipeline.get(key)}"`);
      trackOfPipeline.set(key, track.id);
    });
  });
  pipelinesFile.pipelines.forEach((p, i) => {
    if (trackOfPipeline.get(p.key) !== p.track) fail('pipelines.json', `pipelines[${i}].track`, `"${p.key}" is listed under track "${trackOfPipeline.get(p.key) ?? 'none'}", not "${p.track}"`);
    if (p.composed) {
      if (!vision.batchCurvesMsNpuMid[p.composed.detectorCurve]) fail('pipelines.json', `pipelines[${i}].composed.detectorCurve`, `unknown batch curve "${p.composed.detectorCurve}"`);
      if (p.composed.clip !== null && vision.clipMsNpuMid[p.composed.clip] === undefined) fail('pipelines.json', `pipelines[${i}].composed.clip`, `unknown CLIP cost "${p.composed.clip}"`);
    }
  });
  checkNameCollisions('pipelines.json', 'pipelines', pipelinesFile.pipelines.map((p) => ({ key: p.key, names: [p.label] })));
  for (const [name, curve] of Object.entries(vision.batchCurvesMsNpuMid)) {
    if (!curve['1']) fail('vision.json', `batchCurvesMsNpuMid.${name}`, 'a batch curve needs a point at batch size 1');
  }
  if (!vision.resolutions.includes(vision.defaultResolution)) fail('vision.json', 'defaultResolution', `"${vision.defaultResolution}" is not one of the resolutions`);

  // Measured cells refer to known tiers and pipelines.
  const measured = files['measured.json'];
  for (const [tierId, byPipeline] of Object.entries(measured.visionMs)) {
    if (!tierById[tierId]) fail('measured.json', `visionMs.${tierId}`, `unknown tier "${tierId}"`);
    for (const key of Object.keys(byPipeline)) {
      if (!pipelineByKey[key]) fail('measured.json', `visionMs.${tierId}.${key}`, `unknown pipeline "${key}"`);
    }
  }
  const quantByKey = indexBy('llm.json', 'quants', files['llm.json'].quants, (q) => q.key);
  for (const [tierId, byModel] of Object.entries(measured.llmCells)) {
    if (!tierById[tierId]) fail('measured.json', `llmCells.${tierId}`, `unknown tier "${tierId}"`);
    for (const [model, byQuant] of Object.entries(byModel)) {
      for (const quant of Object.keys(byQuant)) {
        if (!quantByKey[quant]) fail('measured.json', `llmCells.${tierId}.${model}.${quant}`, `unknown quant "${quant}"`);
      }
    }
  }
  for (const tierId of Object.keys(measured.llmTierAnchors)) {
    if (!tierById[tierId]) fail('measured.json', `llmTierAnchors.${tierId}`, `unknown tier "${tierId}"`);
  }

  // LLM constants.
  const llm = files['llm.json'];
  const workloadByKey = indexBy('llm.json', 'workloads', llm.workloads, (w) => w.key);
  if (!quantByKey[llm.defaults.quant]) fail('llm.json', 'defaults.quant', `unknown quant "${llm.defaults.quant}"`);
  if (!workloadByKey[llm.defaults.workload]) fail('llm.json', 'defaults.workload', `unknown workload "${llm.defaults.workload}"`);
  checkNameCollisions('llm.json', 'workloads', llm.workloads.map((w) => ({ key: w.key, names: [w.label] })));

  const ncuWorkloadById = indexBy('ncu-bundle.json', 'workloads', files['ncu-bundle.json'].workloads, (w) => w.id);

  // LLM model catalog.
  const modelsFile = files['llm-models.json'];
  const modelByKey = indexBy('llm-models.json', 'models', modelsFile.models, (m) => m.key);
  checkNameCollisions('llm-models.json', 'models', modelsFile.models.map((m) => ({ key: m.key, names: [m.label] })));
  for (const field of ['defaultModel', 'productionReference', 'perfReference'] as const) {
    if (!modelByKey[modelsFile[field]]) fail('llm-models.json', field, `unknown model "${modelsFile[field]}"`);
  }
  if (new Set(modelsFile.roleOrder).size !== modelsFile.roleOrder.length) fail('llm-models.json', 'roleOrder', 'each role must appear once');
  // An alias names another model or a measured cell / tier anchor that stands in for this model.
  const measuredKeys = new Set<string>();
  for (const byModel of Object.values(measured.llmCells)) Object.keys(byModel).forEach((k) => measuredKeys.add(k));
  for (const byModel of Object.values(measured.llmTierAnchors)) Object.keys(byModel).forEach((k) => measuredKeys.add(k));
  modelsFile.models.forEach((m, i) => {
    if (m.measurementAlias !== null && !modelByKey[m.measurementAlias] && !measuredKeys.has(m.measurementAlias)) {
      fail('llm-models.json', `models[${i}].measurementAlias`, `"${m.measurementAlias}" is neither a model nor a measured cell`);
    }
    if (!capability.dtypeToCapabilityKey[m.computeDtype]) fail('llm-models.json', `models[${i}].computeDtype`, `unknown dtype "${m.computeDtype}"`);
    if (m.activeParamsB > m.totalParamsB) fail('llm-models.json', `models[${i}].activeParamsB`, 'active parameters exceed total parameters');
    for (const category of Object.keys(m.categories)) {
      if (!modelsFile.categoryLabels[category]) fail('llm-models.json', `models[${i}].categories.${category}`, `unknown category "${category}"`);
    }
  });
  const shapeModelByKey = indexBy('llm-models.json', 'shapeModels', modelsFile.shapeModels, (m) => m.key);
  modelsFile.shapeModels.forEach((m, i) => {
    if (!capability.quantSchemeToCapabilityKey[m.quantScheme]) fail('llm-models.json', `shapeModels[${i}].quantScheme`, `unknown quant scheme "${m.quantScheme}"`);
  });
  if (!workloadByKey[modelsFile.shapeDefaults.workload]) fail('llm-models.json', 'shapeDefaults.workload', `unknown workload "${modelsFile.shapeDefaults.workload}"`);

  // KPI stages: exactly one per pipeline (the reference checks the same at import).
  const kpi = files['kpi.json'];
  for (const key of Object.keys(kpi.stages)) {
    if (!pipelineByKey[key]) fail('kpi.json', `stages.${key}`, `unknown pipeline "${key}"`);
  }
  for (const p of pipelinesFile.pipelines) {
    if (!kpi.stages[p.key]) fail('kpi.json', 'stages', `pipeline "${p.key}" has no KPI stage entry`);
  }
  for (const stage of Object.values(kpi.stages)) {
    if (!kpi.categoryOrder.includes(stage.category)) fail('kpi.json', 'categoryOrder', `category "${stage.category}" has no rank`);
  }

  checkLlmBundle(files);
  checkVlaCatalog(files);

  const ladder = tiersFile.tiers.filter((t) => t.inLadder);
  if (ladder.length === 0) fail('tiers.json', 'tiers', 'no tier is in the ladder');

  return deepFreeze({
    version: files['catalog.json'].version,
    reference: files['catalog.json'].reference,
    files,
    tiers: tiersFile.tiers,
    ladder,
    tierById,
    pipelines: pipelinesFile.pipelines,
    pipelineByKey,
    siliconClassById,
    memoryUpgrades,
    quantByKey,
    workloadByKey,
    ncuWorkloadById,
    models: modelsFile.models,
    modelByKey,
    shapeModelByKey,
  });
}
