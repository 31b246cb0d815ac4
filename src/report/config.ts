/**
 * A sizing configuration: what the task pane's controls (and the CLI's export options) describe.
 * Sheet builders take one and return SheetModels; names are resolved by the engine, so any spelling
 * the engine accepts works here.
 */
import { type Catalog, DEFAULT_BASIS, DEFAULT_CAMERA_MODE, type ProjectionBasis, defaultPipelineKey, defaultTierName, llmDefaults } from '../engine';

export interface VisionSlot {
  readonly enabled: boolean;
  readonly pipeline: string;
  readonly resolution: string;
  readonly streams: number;
  readonly compilerQuality: number;
  /** The vision row's duty cycle in the platform budget (null or absent: 1, the reference's default). */
  readonly budgetDutyCycle?: number | null;
}

export interface LlmSlot {
  readonly enabled: boolean;
  /** A catalog model key (see data/llm-models.json). */
  readonly model: string;
  readonly quant: string;
  readonly workload: string;
  readonly queriesPerMinute: number;
  readonly answerKind: 'short' | 'rag';
  readonly fp4Maturity: 'mature' | 'immature';
}

export interface VlaSlot {
  readonly enabled: boolean;
  readonly model: string;
  readonly cameras: number | null;
  readonly fleetSize: number;
  readonly cameraMode: 'native' | 'stitched';
  /** The VLM and action rates asked for (null or absent: the model's measured defaults); off the default the badge becomes a what-if. */
  readonly vlmHz?: number | null;
  readonly actionHz?: number | null;
  /** A control-rate target the projection is checked against (null or absent: none). */
  readonly targetActionHz?: number | null;
}

export interface SizingConfig {
  /** Preset tier name or id, or a custom tier in its text form (SIZER.CUSTOMTIER). */
  readonly tier: string;
  readonly memory: string | null;
  readonly precisionSet: string | null;
  /** Null: the tier's default share. */
  readonly npuShare: number | null;
  readonly vision: VisionSlot;
  readonly llm: LlmSlot;
  readonly vla: VlaSlot;
  /**
   * The basis LLM decode numbers are on (null or absent: reference, the default; see
   * docs/decisions/0028-calibrated-basis.md). Every sheet states it in its notes.
   */
  readonly basis?: ProjectionBasis | null;
}

/**
 * The reference tool's defaults, read from the catalog: the default tier (data/tiers.json), the
 * default track's canonical pipeline at the default resolution, the LLM defaults (data/llm.json,
 * data/llm-models.json) and the default VLA model (data/vla.json). One stream, stock memory and
 * the tier's own NPU share; the VLA starts off; reference numbers.
 */
export function defaultConfig(catalog: Catalog): SizingConfig {
  const llm = llmDefaults(catalog);
  return Object.freeze({
    tier: defaultTierName(catalog),
    memory: null,
    precisionSet: null,
    npuShare: null,
    vision: Object.freeze({ enabled: true, pipeline: defaultPipelineKey(catalog), resolution: catalog.files['vision.json'].defaultResolution, streams: 1, compilerQuality: 1 }),
    llm: Object.freeze({ enabled: true, ...llm }),
    vla: Object.freeze({ enabled: false, model: catalog.files['vla.json'].defaultModel, cameras: null, fleetSize: 1, cameraMode: DEFAULT_CAMERA_MODE }),
    basis: DEFAULT_BASIS,
  });
}
