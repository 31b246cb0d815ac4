/**
 * The one table of numeric inputs: every number a user can hand SIZER (a query field, a worksheet
 * argument, a custom-tier figure, a what-if shape) is declared here once, with its valid range,
 * whether it must be whole, its default and its unit. The engine checks against it, the worksheet
 * functions and the CLI describe it from it, and docs/functions.md prints it
 * (docs/decisions/0006-input-ranges.md).
 *
 * Limits that are facts of the catalog (at most 16 streams, the VLA fleet and camera limits, the
 * what-if bytes-per-parameter span, the LLM defaults) are read from data/ when the table is built,
 * so a data edit moves the range and every text that describes it.
 */
import type { CatalogFiles } from '../catalog/schemas';

export interface InputRange {
  /** The name the input goes by in queries, worksheet arguments and messages (snake_case). */
  readonly field: string;
  /** What the number is, in words, for help text. */
  readonly label: string;
  /** Unit shown after the value in help text ('' when the number has none). */
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** True: the value must be strictly greater than min. */
  readonly minExclusive: boolean;
  readonly whole: boolean;
  /** True: 0 is also valid although it is below min (a peak TOPS of 0 means "this precision is absent"). */
  readonly zeroAllowed: boolean;
  /** The value a blank input takes, or null when a blank has no single numeric default. */
  readonly default: number | null;
  /** What a blank input gives, in words ("1", "the tier's default share", "required"). */
  readonly defaultText: string;
}

type RangeSpec = Omit<InputRange, 'minExclusive' | 'whole' | 'zeroAllowed' | 'default' | 'defaultText' | 'unit'> &
  Partial<Pick<InputRange, 'minExclusive' | 'whole' | 'zeroAllowed' | 'unit'>> & { readonly default?: number | null; readonly defaultText?: string };

function range(spec: RangeSpec): InputRange {
  const value = spec.default ?? null;
  return Object.freeze({
    field: spec.field,
    label: spec.label,
    unit: spec.unit ?? '',
    min: spec.min,
    max: spec.max,
    minExclusive: spec.minExclusive ?? false,
    whole: spec.whole ?? false,
    zeroAllowed: spec.zeroAllowed ?? false,
    default: value,
    defaultText: spec.defaultText ?? (value === null ? 'required' : String(value)),
  });
}

/*
 * Upper bounds without a catalog fact behind them are far beyond any real part or model (a million
 * TOPS, 100 million tokens of context, 100 trillion parameters); they exist to keep every projection
 * finite: a bandwidth of 1e-300 GB/s or 1e308 TOPS would overflow to 0 or infinity.
 */
const TOKENS_MAX = 100_000_000;
const PARAMS_B_MAX = 100_000;
const DIMENSION_MAX = 1_000_000;
const TOPS_MAX = 1_000_000;
const RATE_MAX = 1_000_000;
/** Prices and counts of devices: far beyond any purchase, so totals stay finite. */
const MONEY_MAX = 1e12;
const COUNT_MAX = 1_000_000;

/** Every numeric input, built from the validated catalog files when the catalog loads (frozen). */
export function buildInputRanges(files: CatalogFiles) {
  const llmDefaults = files['llm.json'].defaults;
  const shapeDefaults = files['llm-models.json'].shapeDefaults;
  const bundle = files['llm-bundle.json'];
  const whatIf = bundle.whatIf;
  const vlaLimits = files['vla.json'].limits;
  const whatIfWorkload = bundle.workloads.find((w) => w.key === bundle.defaultWorkload);
  const maxStreams = files['vision.json'].maxStreams;
  const tops = (field: string, precision: string): InputRange =>
    range({ field, label: `peak ${precision} TOPS (0: the tier has no ${precision} compute)`, unit: 'TOPS', min: 0.001, max: TOPS_MAX, zeroAllowed: true, default: 0 });
  const efficiency = (field: string, what: string): InputRange =>
    range({ field, label: `${what} efficiency`, unit: 'fraction', min: 0.01, max: 1, default: null, defaultText: "the silicon class's default" });

  return Object.freeze({
    // Shared by vision, LLM, VLA and the platform budget.
    npuShare: range({ field: 'npu_share', label: 'share of the NPU', unit: 'fraction', min: 0, max: 1, minExclusive: true, default: null, defaultText: "the tier's default share" }),
    compilerQuality: range({ field: 'compiler_quality', label: 'compiler quality relative to TensorRT', min: 0, max: 10, minExclusive: true, default: 1 }),
    // Vision.
    streams: range({ field: 'streams', label: 'camera streams', unit: 'streams', min: 1, max: maxStreams, whole: true, default: 1 }),
    dutyCycle: range({ field: 'duty_cycle', label: 'share of time the NPU runs vision', unit: 'fraction', min: 0, max: 1, default: 1 }),
    targetFps: range({ field: 'target_fps', label: 'target frames per second per stream', unit: 'FPS', min: 0, max: RATE_MAX, minExclusive: true }),
    // LLM.
    queriesPerMinute: range({ field: 'queries_per_minute', label: 'LLM queries per minute', unit: 'q/min', min: 0, max: 1e6, default: llmDefaults.queriesPerMinute }),
    targetTokps: range({ field: 'target_tokps', label: 'target decode tokens per second', unit: 'tok/s', min: 0, max: RATE_MAX, minExclusive: true }),
    promptTokens: range({ field: 'prompt_tokens', label: 'prompt tokens', unit: 'tokens', min: 1, max: TOKENS_MAX, whole: true, default: shapeDefaults.promptTokens }),
    decodeTokens: range({ field: 'decode_tokens', label: 'generated tokens', unit: 'tokens', min: 1, max: TOKENS_MAX, whole: true, default: shapeDefaults.decodeTokens }),
    // The what-if projector takes its blank token counts from the bundle's default workload instead.
    whatIfPromptTokens: range({ field: 'prompt_tokens', label: 'prompt tokens (the context decode is read at)', unit: 'tokens', min: 1, max: TOKENS_MAX, whole: true, default: whatIfWorkload?.promptTokens ?? 1 }),
    whatIfDecodeTokens: range({ field: 'decode_tokens', label: 'generated tokens (KV cache)', unit: 'tokens', min: 1, max: TOKENS_MAX, whole: true, default: whatIfWorkload?.decodeTokens ?? 1 }),
    contextTokens: range({ field: 'context_tokens', label: 'context length', unit: 'tokens', min: 1, max: TOKENS_MAX, whole: true, default: null, defaultText: 'the chart grid (a curve)' }),
    contextPoints: range({ field: 'context_tokens', label: 'context lengths in one curve', unit: 'lengths', min: 1, max: bundle.contextCurve.maxPoints, whole: true }),
    bytesPerParam: range({ field: 'bytes_per_param', label: 'bytes per weight parameter', unit: 'bytes', min: whatIf.bytesPerParamRange.min, max: whatIf.bytesPerParamRange.max, default: null, defaultText: "the quant scheme's" }),
    whatIfBytesPerParam: range({ field: 'bytes_per_param', label: 'bytes per weight parameter', unit: 'bytes', min: whatIf.bytesPerParamRange.min, max: whatIf.bytesPerParamRange.max, default: whatIf.defaults.bytesPerParam }),
    ggufSizeGb: range({ field: 'gguf_size_gb', label: 'weights file size', unit: 'GB', min: 0, max: 100_000, minExclusive: true, default: null, defaultText: "the catalog's size for the quant" }),
    hostMs: range({ field: 'host_ms', label: 'host time added per answer', unit: 'ms', min: 0, max: 3_600_000, default: null, defaultText: "the tier's host time" }),
    activeParamsB: range({ field: 'active_params_b', label: 'active parameters per token', unit: 'billion', min: 0, max: PARAMS_B_MAX, minExclusive: true, default: whatIf.defaults.activeParamsB }),
    totalParamsB: range({ field: 'total_params_b', label: 'total parameters', unit: 'billion', min: 0, max: PARAMS_B_MAX, minExclusive: true, default: whatIf.defaults.totalParamsB }),
    hiddenDim: range({ field: 'hidden_dim', label: 'hidden width', unit: '', min: 1, max: DIMENSION_MAX, whole: true, default: whatIf.defaults.hiddenDim }),
    numLayers: range({ field: 'num_layers', label: 'layers', unit: '', min: 1, max: DIMENSION_MAX, whole: true, default: whatIf.defaults.numLayers }),
    kvHeadRatio: range({ field: 'kv_head_ratio', label: 'KV heads over attention heads', unit: 'fraction', min: 0, max: 1, minExclusive: true, default: whatIf.kvHeadRatio }),
    // VLA. Zero cameras and an empty fleet are valid questions with a "does not run" answer.
    cameras: range({ field: 'cameras', label: 'cameras per robot', unit: 'cameras', min: 0, max: vlaLimits.maxCameras, whole: true, default: null, defaultText: "the model's camera count" }),
    fleetSize: range({ field: 'fleet_size', label: 'robots sharing the NPU', unit: 'robots', min: 0, max: vlaLimits.maxFleetSize, whole: true, default: 1 }),
    nActionTokens: range({ field: 'n_action_tokens', label: 'action tokens per step', unit: 'tokens', min: 1, max: vlaLimits.maxActionTokens, whole: true, default: null, defaultText: "the model's action chunk" }),
    // Custom tiers (the reference custom-tier factory's fields).
    peakTopsInt8: tops('peak_tops_int8', 'INT8'),
    peakTopsBf16: tops('peak_tops_bf16', 'BF16'),
    peakTopsFp8: tops('peak_tops_fp8', 'FP8'),
    peakTopsFp4: tops('peak_tops_fp4', 'FP4'),
    memBandwidthGbs: range({ field: 'mem_bandwidth_gbs', label: 'memory bandwidth', unit: 'GB/s', min: 0.001, max: RATE_MAX, default: null, defaultText: 'bus width x data rate / 8' }),
    memCapacityGb: range({ field: 'mem_capacity_gb', label: 'memory capacity', unit: 'GB', min: 0.001, max: 100_000 }),
    memBusWidthBits: range({ field: 'mem_bus_width_bits', label: 'memory bus width', unit: 'bits', min: 0, max: 65_536, default: 0 }),
    memDataRateGtps: range({ field: 'mem_data_rate_gtps', label: 'memory data rate', unit: 'GT/s', min: 0, max: 1_000, default: 0 }),
    computeEfficiency: efficiency('compute_efficiency', 'compute'),
    bandwidthEfficiency: efficiency('bandwidth_efficiency', 'bandwidth'),
    tdpWatts: range({ field: 'tdp_watts', label: 'power (TDP)', unit: 'W', min: 0, max: 100_000, default: 0 }),
    // Buying and running devices (the buyer metrics and the procurement plan, docs/decisions/0027-procurement-plan.md).
    // Money has no currency: prices are in whatever unit the buyer types, and results are in the same unit.
    visionDutyShare: range({ field: 'duty_cycle', label: 'share of time the NPU runs vision', unit: 'fraction', min: 0, max: 1, default: null, defaultText: 'the time the LLM leaves (1 without an LLM)' }),
    hoursPerDay: range({ field: 'hours_per_day', label: 'hours a day the devices run', unit: 'h', min: 0, max: 24, minExclusive: true, default: 24 }),
    pricePerKwh: range({ field: 'price_per_kwh', label: 'electricity price per kWh', unit: 'per kWh', min: 0, max: MONEY_MAX, default: null, defaultText: 'no price (energy in kWh only)' }),
    unitPrice: range({ field: 'unit_price', label: 'price of one device', unit: '', min: 0, max: MONEY_MAX }),
    devices: range({ field: 'devices', label: 'devices bought', unit: 'devices', min: 1, max: COUNT_MAX, whole: true, default: 1 }),
    years: range({ field: 'years', label: 'years the devices run', unit: 'years', min: 0, max: 100, minExclusive: true, default: 5 }),
    sites: range({ field: 'sites', label: 'sites, each with the same requirements', unit: 'sites', min: 1, max: COUNT_MAX, whole: true, default: 1 }),
    siteCameras: range({ field: 'cameras', label: 'cameras per site at one pipeline and resolution', unit: 'cameras', min: 1, max: COUNT_MAX, whole: true }),
  });
}

export type InputRanges = ReturnType<typeof buildInputRanges>;
export type InputRangeId = keyof InputRanges;
