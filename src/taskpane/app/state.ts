/**
 * What the pane's controls describe, and how it becomes the report layer's SizingConfig. Pure: no
 * React, no Office. The custom-tier builder keeps its own fields and yields the custom tier text
 * form (SIZER.CUSTOMTIER) that every tier argument accepts.
 */
import { type Catalog, DEFAULT_BASIS, type Engine, formatCustomSpec, type ProjectionBasis, memoryUpgradeTierNames, precisionSetTierNames, type PrecisionSetId, theoreticalBandwidthGbs } from '../../engine';
import { defaultConfig, type SizingConfig } from '../../report';

export interface CustomTierForm {
  readonly name: string;
  readonly siliconClass: string;
  readonly busWidthBits: number;
  readonly memType: string;
  readonly dataRateGtps: number;
  readonly bandwidthEfficiency: number;
  readonly capacityGb: number;
  readonly topsInt8: number;
  readonly topsBf16: number;
  readonly topsFp8: number;
  readonly topsFp4: number;
  readonly computeEfficiency: number;
  readonly tdpWatts: number;
  readonly precisionSet: PrecisionSetId | null;
}

export interface PaneState {
  /** Preset tier id (mid, high, ...), used when the custom tier is off. */
  readonly tierId: string;
  readonly customOn: boolean;
  readonly custom: CustomTierForm;
  /** Memory upgrade id, or null for stock. */
  readonly memory: string | null;
  readonly precisionSet: PrecisionSetId | null;
  /** Null: the tier's default share. */
  readonly npuShare: number | null;
  readonly compilerQuality: number;
  /** Camera streams for vision, and cameras for VLA (shared, as in the reference). */
  readonly cameras: number;
  readonly vision: {
    readonly enabled: boolean;
    readonly track: string;
    /** Each track remembers its own pick. */
    readonly pipelineByTrack: Readonly<Record<string, string>>;
    readonly resolution: string;
  };
  readonly llm: {
    readonly enabled: boolean;
    readonly model: string;
    readonly quant: string;
    readonly workload: string;
    readonly queriesPerMinute: number;
    readonly answerKind: 'short' | 'rag';
    readonly fp4Maturity: 'mature' | 'immature';
  };
  readonly vla: {
    readonly enabled: boolean;
    readonly model: string;
    readonly fleetSize: number;
    readonly cameraMode: 'native' | 'stitched';
    /** The VLA track the model list is scoped to (data/vla.json tracks). */
    readonly track: string;
    /** Rates asked for; null: the model's measured defaults (off the default the badge becomes a what-if). */
    readonly vlmHz: number | null;
    readonly actionHz: number | null;
    /** A control-rate target to check; null: none. */
    readonly targetActionHz: number | null;
  };
  readonly kpiScope: 'all' | 'this';
  /** The basis the LLM tiles and every sheet the pane writes are on (docs/decisions/0028-calibrated-basis.md). */
  readonly basis: ProjectionBasis;
}

/** The reference's custom-NPU builder defaults (128-bit LPDDR5X @ 8.4 GT/s, 70 % / 65 % efficiency). */
export const DEFAULT_CUSTOM: CustomTierForm = {
  name: 'Custom NPU',
  siliconClass: 'lp5x_128',
  busWidthBits: 128,
  memType: 'LPDDR5X',
  dataRateGtps: 8.4,
  bandwidthEfficiency: 0.7,
  capacityGb: 16,
  topsInt8: 400,
  topsBf16: 200,
  topsFp8: 400,
  topsFp4: 0,
  computeEfficiency: 0.65,
  tdpWatts: 25,
  precisionSet: null,
};

export const BUS_WIDTHS = [32, 64, 96, 128, 192, 256, 384, 512] as const;
export const MEMORY_TYPES = ['LPDDR4X', 'LPDDR5', 'LPDDR5X', 'LPDDR5T', 'LPDDR6', 'GDDR6', 'GDDR7', 'HBM3'] as const;
export const NPU_SHARES = [1, 0.75, 0.5, 0.25] as const;

/** Theoretical bandwidth of the custom tier's bus, GB/s. */
export function customBandwidthGbs(form: CustomTierForm): number {
  return theoreticalBandwidthGbs(form.busWidthBits, form.dataRateGtps);
}

/** The custom tier as the text form every tier argument (and SIZER.CUSTOMTIER) uses. */
export function customTierText(form: CustomTierForm): string {
  return formatCustomSpec({
    name: form.name.trim() || 'Custom NPU',
    siliconClass: form.siliconClass,
    peakTopsInt8: form.topsInt8,
    peakTopsBf16: form.topsBf16,
    peakTopsFp8: form.topsFp8,
    peakTopsFp4: form.topsFp4,
    memBandwidthGbs: customBandwidthGbs(form),
    memCapacityGb: form.capacityGb,
    memBusWidthBits: form.busWidthBits,
    memType: form.memType,
    memDataRateGtps: form.dataRateGtps,
    precisionSet: form.precisionSet,
    computeEfficiency: form.computeEfficiency,
    bandwidthEfficiency: form.bandwidthEfficiency,
    tdpWatts: form.tdpWatts,
  });
}

/**
 * The starting state: the report layer's defaultConfig (the reference's defaults, from the catalog),
 * with the workloads switched on as the reference tool's live layout starts (data/catalog.json
 * paneDefaultWorkloads: Vision and VLA).
 */
export function initialState(engine: Engine): PaneState {
  const catalog = engine.catalog;
  const DEFAULTS = defaultConfig(catalog);
  const workloads = catalog.files['catalog.json'].paneDefaultWorkloads;
  const tracks = catalog.files['pipelines.json'].tracks;
  const tier = engine.names.tiers.resolve(DEFAULTS.tier, 'tier');
  const pipeline = engine.names.pipelines.resolve(DEFAULTS.vision.pipeline, 'pipeline');
  return {
    tierId: tier.id,
    customOn: false,
    custom: DEFAULT_CUSTOM,
    memory: DEFAULTS.memory,
    precisionSet: null,
    npuShare: DEFAULTS.npuShare,
    compilerQuality: DEFAULTS.vision.compilerQuality,
    cameras: DEFAULTS.vision.streams,
    vision: {
      enabled: workloads.includes('vision'),
      track: pipeline.track,
      pipelineByTrack: Object.fromEntries(tracks.map((t) => [t.id, t.id === pipeline.track ? pipeline.key : t.canonical])),
      resolution: DEFAULTS.vision.resolution,
    },
    llm: {
      enabled: workloads.includes('llm'),
      model: DEFAULTS.llm.model,
      quant: DEFAULTS.llm.quant,
      workload: DEFAULTS.llm.workload,
      queriesPerMinute: DEFAULTS.llm.queriesPerMinute,
      answerKind: DEFAULTS.llm.answerKind,
      fp4Maturity: DEFAULTS.llm.fp4Maturity,
    },
    vla: {
      enabled: workloads.includes('vla'),
      model: DEFAULTS.vla.model,
      fleetSize: DEFAULTS.vla.fleetSize,
      cameraMode: DEFAULTS.vla.cameraMode,
      track: vlaTrackOf(engine, DEFAULTS.vla.model),
      vlmHz: null,
      actionHz: null,
      targetActionHz: null,
    },
    kpiScope: 'all',
    basis: DEFAULT_BASIS,
  };
}

/** Memory upgrades apply where the tier record offers them (Mid, High), never to a custom tier. */
export function memoryUpgradeAllowed(engine: Engine, state: PaneState): boolean {
  return !state.customOn && engine.catalog.tierById[state.tierId]?.uiMemoryUpgrade === true;
}

/** Why the memory-upgrade control is off: the tiers that offer upgrades (data/tiers.json uiMemoryUpgrade). */
export function memoryUpgradeHint(catalog: Catalog): string {
  return `${memoryUpgradeTierNames(catalog).join(' / ')} only`;
}

/** Why the precision-set control is off: the tiers with a precision ladder (data/precision-sets.json). */
export function precisionSetHint(catalog: Catalog): string {
  return `${precisionSetTierNames(catalog).join(' / ')} only`;
}

/** Precision sets apply to tiers with a precision ladder (Mid, High); a custom tier has its own field. */
export function precisionSetAllowed(engine: Engine, state: PaneState): boolean {
  return !state.customOn && engine.catalog.files['precision-sets.json'].ladders.some((l) => l.tier === state.tierId);
}

export function selectedPipeline(state: PaneState): string {
  return state.vision.pipelineByTrack[state.vision.track] ?? '';
}

/** The tier as the config names it: the preset's display name, or the custom tier text. */
export function tierText(engine: Engine, state: PaneState): string {
  if (state.customOn) return customTierText(state.custom);
  return engine.catalog.tierById[state.tierId]?.name ?? state.tierId;
}

export function toSizingConfig(engine: Engine, state: PaneState): SizingConfig {
  const memory = memoryUpgradeAllowed(engine, state) ? state.memory : null;
  return {
    tier: tierText(engine, state),
    memory: memory === null ? null : (engine.catalog.memoryUpgrades.find((m) => m.id === memory)?.label ?? memory),
    precisionSet: precisionSetAllowed(engine, state) ? state.precisionSet : null,
    npuShare: state.npuShare,
    vision: {
      enabled: state.vision.enabled,
      pipeline: selectedPipeline(state),
      resolution: state.vision.resolution,
      streams: state.cameras,
      compilerQuality: state.compilerQuality,
    },
    llm: { ...state.llm },
    vla: {
      enabled: state.vla.enabled,
      model: state.vla.model,
      cameras: state.cameras,
      fleetSize: state.vla.fleetSize,
      cameraMode: state.vla.cameraMode,
      // Only when asked for: a configuration without rates is the reference default.
      ...(state.vla.vlmHz !== null ? { vlmHz: state.vla.vlmHz } : {}),
      ...(state.vla.actionHz !== null ? { actionHz: state.vla.actionHz } : {}),
      ...(state.vla.targetActionHz !== null ? { targetActionHz: state.vla.targetActionHz } : {}),
    },
    basis: state.basis,
  };
}

/** The first VLA track that lists the model (the pane starts on the default model's track). */
export function vlaTrackOf(engine: Engine, model: string): string {
  const tracks = engine.catalog.files['vla.json'].tracks;
  return (tracks.find((t) => t.models.includes(model)) ?? tracks[0])?.id ?? '';
}
