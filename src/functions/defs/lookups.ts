/** Lookups that spill a column, for data-validation lists and quick reference. */
import { memoryUpgradeLabels, modelChoiceLabel, quantKeys, registryOnlyTierNames, resolutionNames, workloadKeys } from '../../engine';
import { defineFunction } from '../registry/types';
import { FunctionError } from '../registry/types';
import { column, opt } from './common';
import type { FunctionGroupId } from '../registry/groups';

export const GROUP: FunctionGroupId = 'lookups';

/** The first two and the last of a list, for an example answer. */
function abbreviated(items: readonly string[]): string[] {
  return items.length <= 3 ? [...items] : [items[0]!, items[1]!, '...', items[items.length - 1]!];
}

export const TIERS = defineFunction({
  name: 'TIERS',
  description: 'Lists the preset tiers of the sizing ladder, smallest first, as a column.',
  args: [opt('all', 'boolean', (c) => `TRUE to include the registry-only tiers (${registryOnlyTierNames(c).join(', ')}); blank = ladder only`)],
  result: 'matrix',
  resultHelp: 'A column of tier display names.',
  example: { formula: '=SIZER.TIERS()', answers: (c) => abbreviated(c.ladder.map((t) => t.name)).join(', ') },
  implement: ({ engine }, a) => column((a.optionalBoolean('all') ? engine.catalog.tiers : engine.catalog.ladder).map((t) => t.name)),
});

export const TRACKS = defineFunction({
  name: 'TRACKS',
  description: 'Lists the vision pipeline tracks (families of related pipelines) as a column.',
  args: [],
  result: 'matrix',
  resultHelp: 'A column of track ids.',
  example: { formula: '=SIZER.TRACKS()', answers: (c) => c.files['pipelines.json'].tracks.map((t) => t.id).join(', ') },
  implement: ({ engine }) => column(engine.catalog.files['pipelines.json'].tracks.map((t) => t.id)),
});

export const PIPELINES = defineFunction({
  name: 'PIPELINES',
  description: 'Lists the vision pipelines, all or one track, as a column of keys.',
  args: [opt('track', 'string', 'Track id or label (see SIZER.TRACKS); blank = every pipeline')],
  result: 'matrix',
  resultHelp: 'A column of pipeline keys.',
  example: { formula: '=SIZER.PIPELINES("yolov8n")', answers: (c) => (c.files['pipelines.json'].tracks.find((t) => t.id === 'yolov8n')?.pipelines ?? []).join(', ') },
  implement: ({ engine }, a) => {
    const track = a.optionalText('track');
    const tracks = engine.catalog.files['pipelines.json'].tracks;
    if (track === null) return column(engine.catalog.pipelines.map((p) => p.key));
    const wanted = tracks.find((t) => t.id.toLowerCase() === track.toLowerCase() || t.label.toLowerCase() === track.toLowerCase());
    if (!wanted) throw new FunctionError('value', `SIZER.PIPELINES: unknown track "${track}"; valid: ${tracks.map((t) => t.id).join(', ')}`);
    return column(wanted.pipelines);
  },
});

export const MODELS = defineFunction({
  name: 'MODELS',
  description: "Lists the LLM models; for a tier, the models it can run come first (then production, fine-tunes, stock bases).",
  args: [opt('tier', 'string', 'Tier to order by compatibility; blank = catalog order by role'), opt('format', 'string', 'key (blank) or label: the reference picker labels, role icon first and a red mark on models the tier cannot run')],
  result: 'matrix',
  resultHelp: 'A column of model keys (or picker labels).',
  example: { formula: '=SIZER.MODELS("NPU Mid")', answers: 'the MoE models Mid can run, then the dense FP16 models it cannot' },
  implement: ({ engine }, a) => {
    const tier = a.optionalText('tier');
    const hw = tier === null ? null : engine.hardware({ tier });
    const format = (a.optionalText('format') ?? 'key').trim().toLowerCase();
    if (format !== 'key' && format !== 'label') throw new FunctionError('value', `SIZER.MODELS: format must be key or label, got "${format}"`);
    return column(engine.orderedModels(hw).map((o) => (format === 'label' ? modelChoiceLabel(engine.catalog, o) : o.model.key)));
  },
});

export const QUANTS = defineFunction({
  name: 'QUANTS',
  description: 'Lists the LLM quants the projections accept, as a column.',
  args: [opt('model', 'string', 'A model key (every catalog model takes the same quants); blank = all')],
  result: 'matrix',
  resultHelp: 'A column of quant keys.',
  example: { formula: '=SIZER.QUANTS()', answers: (c) => quantKeys(c).join(', ') },
  implement: ({ engine }, a) => {
    const model = a.optionalText('model');
    if (model !== null) engine.names.models.resolve(model, 'model');
    return column(Object.keys(engine.catalog.quantByKey));
  },
});

export const WORKLOADS = defineFunction({
  name: 'WORKLOADS',
  description: 'Lists the LLM workload patterns (see the example), as a column.',
  args: [],
  result: 'matrix',
  resultHelp: 'A column of workload keys.',
  example: { formula: '=SIZER.WORKLOADS()', answers: (c) => workloadKeys(c).join(', ') },
  implement: ({ engine }) => column(Object.keys(engine.catalog.workloadByKey)),
});

export const MEMORY = defineFunction({
  name: 'MEMORY',
  description: 'Lists the memory-upgrade options, as a column; for a tier that does not offer upgrades, only "stock".',
  args: [opt('tier', 'string', 'Tier to list upgrades for; blank = every option')],
  result: 'matrix',
  resultHelp: 'A column of memory-upgrade labels.',
  example: { formula: '=SIZER.MEMORY("NPU High")', answers: (c) => (c.tierById.high?.uiMemoryUpgrade ? memoryUpgradeLabels(c) : ['stock']).join(', ') },
  implement: ({ engine }, a) => {
    const tier = a.optionalText('tier');
    const labels = engine.catalog.memoryUpgrades.map((m) => m.label);
    if (tier === null) return column(labels);
    const record = engine.names.tiers.resolve(tier, 'tier');
    return column(record.uiMemoryUpgrade ? labels : ['stock']);
  },
});

export const RESOLUTIONS = defineFunction({
  name: 'RESOLUTIONS',
  description: 'Lists the camera resolutions the vision projections accept, as a column.',
  args: [],
  result: 'matrix',
  resultHelp: 'A column of resolutions.',
  example: { formula: '=SIZER.RESOLUTIONS()', answers: (c) => resolutionNames(c).join(', ') },
  implement: ({ engine }) => column(engine.catalog.files['vision.json'].resolutions),
});
