/**
 * A sizing configuration: what the task pane's controls (and the CLI's export options) describe.
 * Sheet builders take one and return SheetModels; names are resolved by the engine, so any spelling
 * the engine accepts works here.
 */
export interface VisionSlot {
  readonly enabled: boolean;
  readonly pipeline: string;
  readonly resolution: string;
  readonly streams: number;
  readonly compilerQuality: number;
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
}

/** The reference tool's defaults: NPU High, the default pipeline at 1080p, the production model. */
export const DEFAULT_CONFIG: SizingConfig = Object.freeze({
  tier: 'NPU High',
  memory: null,
  precisionSet: null,
  npuShare: null,
  vision: Object.freeze({ enabled: true, pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 1, compilerQuality: 1 }),
  llm: Object.freeze({ enabled: true, model: 'skippy_7b_v4', quant: 'Q4_K_M', workload: 'plain_chat', queriesPerMinute: 2, answerKind: 'short' as const, fp4Maturity: 'mature' as const }),
  vla: Object.freeze({ enabled: false, model: 'pi_0p5', cameras: null, fleetSize: 1, cameraMode: 'native' as const }),
});
