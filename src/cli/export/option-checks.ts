/**
 * `sizer export` refuses what it would otherwise silently ignore:
 *   - a bad value for any sizing option, checked by the engine (name resolvers, the one range table, the
 *     hardware factory) before anything is built, whichever sheet is asked for;
 *   - an option the sheet does not read. Which options a sheet reads is not listed anywhere by hand: the
 *     sheet is built with a configuration that records which of its fields the builder reads
 *     (trackConfigReads), so a sheet added to the report layer's sheet table is checked with no edit here;
 *   - an --out file name whose extension names the other format.
 */
import { checkInput, type Engine, type InputRange, isSizerError } from '../../engine';
import type { SizingConfig } from '../../report';
import { type ExportRequest, UsageError } from './options';

interface OptionRule {
  /** The configuration field the option sets (dot path); null: the option applies to every export. */
  readonly path: string | null;
  /** Throws (an engine SizerError or a UsageError) when the value is not valid. */
  readonly check?: (engine: Engine, value: string, config: SizingConfig) => void;
}

function numberIn(range: (engine: Engine) => InputRange): OptionRule['check'] {
  return (engine, value) => {
    checkInput(range(engine), Number(value));
  };
}

const hardwareOf = (engine: Engine, config: SizingConfig): void => {
  engine.hardware({ tier: config.tier, memory: config.memory, precisionSet: config.precisionSet });
};

/** Every option parseExportArgs accepts (options.ts), with the configuration field it sets. */
const OPTION_RULES: Readonly<Record<string, OptionRule>> = {
  format: { path: null },
  out: { path: null },
  anchors: { path: null },
  tier: { path: 'tier', check: (engine, _value, config) => hardwareOf(engine, config) },
  custom: { path: 'tier', check: (engine, _value, config) => hardwareOf(engine, config) },
  memory: { path: 'memory', check: (engine, _value, config) => hardwareOf(engine, config) },
  'precision-set': { path: 'precisionSet', check: (engine, _value, config) => hardwareOf(engine, config) },
  'npu-share': { path: 'npuShare', check: numberIn((e) => e.inputRanges.npuShare) },
  pipeline: { path: 'vision.pipeline', check: (engine, value) => void engine.names.pipelines.resolve(value, 'pipeline') },
  resolution: { path: 'vision.resolution', check: (engine, value) => void engine.names.resolutions.resolve(value, 'resolution') },
  streams: { path: 'vision.streams', check: numberIn((e) => e.inputRanges.streams) },
  'compiler-quality': { path: 'vision.compilerQuality', check: numberIn((e) => e.inputRanges.compilerQuality) },
  model: { path: 'llm.model', check: (engine, value) => void engine.names.models.resolve(value, 'model') },
  quant: { path: 'llm.quant', check: (engine, value) => void engine.names.quants.resolve(value, 'quant') },
  workload: { path: 'llm.workload', check: (engine, value) => void engine.names.workloads.resolve(value, 'workload') },
  qpm: { path: 'llm.queriesPerMinute', check: numberIn((e) => e.inputRanges.queriesPerMinute) },
  'answer-kind': { path: 'llm.answerKind' },
  'fp4-maturity': { path: 'llm.fp4Maturity' },
  vla: { path: 'vla.model', check: (engine, value) => void engine.names.vlaModels.resolve(value, 'vla') },
  cameras: { path: 'vla.cameras', check: numberIn((e) => e.inputRanges.cameras) },
  fleet: { path: 'vla.fleetSize', check: numberIn((e) => e.inputRanges.fleetSize) },
  'camera-mode': { path: 'vla.cameraMode' },
  'no-vision': { path: 'vision.enabled' },
  'no-llm': { path: 'llm.enabled' },
  'with-vla': { path: 'vla.enabled' },
  duty: { path: 'vision.budgetDutyCycle', check: numberIn((e) => e.inputRanges.dutyCycle) },
  // Every sheet states its basis (its notes read it), so --basis applies to every export; only sheets with LLM decode change numbers.
  basis: { path: 'basis' },
  // The reference exporters' switches and the procurement file apply to the export as a whole; options.ts
  // refuses them where they have no meaning (--requirements outside export procurement, for example).
  'no-header-comments': { path: null },
  list: { path: null },
  requirements: { path: null },
};

/** The file extensions that name a format. */
const FORMAT_EXTENSIONS: Readonly<Record<string, ExportRequest['format']>> = { '.xlsx': 'xlsx', '.csv': 'csv' };

function ruleOf(option: string): OptionRule {
  const rule = OPTION_RULES[option];
  // An option parseExportArgs accepts without a rule here is a programming error, caught by the tests.
  if (!rule) throw new Error(`sizer export: option --${option} has no rule in option-checks.ts`);
  return rule;
}

/** Before anything is built: every given value valid, and --out's extension agreeing with --format. */
export function checkExportValues(engine: Engine, request: ExportRequest): void {
  if (request.out !== '-') {
    const extension = /\.[^./\\]+$/.exec(request.out)?.[0]?.toLowerCase();
    const named = extension === undefined ? undefined : FORMAT_EXTENSIONS[extension];
    if (named !== undefined && named !== request.format) {
      const how = request.given.includes('format') ? `--format ${request.format}` : `the default format, ${request.format}`;
      throw new UsageError(`--out ${request.out} names a .${named} file but the export is ${how}; use --format ${named}, or an --out ending in .${request.format}`);
    }
  }
  for (const option of request.given) {
    const { check } = ruleOf(option);
    const value = request.values.get(option);
    if (!check || value === undefined) continue;
    try {
      check(engine, value, request.config);
    } catch (error) {
      if (isSizerError(error)) throw new UsageError(`--${option}: ${error.message}`);
      throw error;
    }
  }
}

/** A deep, writable copy of the configuration whose reads are recorded as dot paths ("vision.streams"). */
export function trackConfigReads(config: SizingConfig): { readonly config: SizingConfig; readonly reads: ReadonlySet<string> } {
  const reads = new Set<string>();
  const wrap = (value: unknown, prefix: string): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const copy = { ...(value as Record<string, unknown>) };
    return new Proxy(copy, {
      get(target, key, receiver) {
        const inner = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return inner;
        const path = prefix + key;
        reads.add(path);
        return wrap(inner, `${path}.`);
      },
      ownKeys(target) {
        // Spreading or serialising the object reads every field in it.
        for (const key of Object.keys(target)) reads.add(prefix + key);
        return Reflect.ownKeys(target);
      },
    });
  };
  return { config: wrap(config, '') as SizingConfig, reads };
}

/** After building: refuses each given option whose field no sheet of the export read. */
export function checkOptionsRead(request: ExportRequest, reads: ReadonlySet<string>): void {
  const unused = request.given.filter((option) => {
    const { path } = ruleOf(option);
    return path !== null && !reads.has(path);
  });
  if (unused.length === 0) return;
  const used = Object.entries(OPTION_RULES)
    .filter(([, rule]) => rule.path !== null && reads.has(rule.path))
    .map(([option]) => `--${option}`);
  const sheet = request.target === 'workbook' ? 'the workbook' : `sheet ${request.target}`;
  const list = unused.map((option) => `--${option}`).join(', ');
  throw new UsageError(
    `${list} ${unused.length === 1 ? 'does' : 'do'} not apply to ${sheet} (it would be ignored); ${used.length > 0 ? `options it reads: ${used.join(', ')}` : 'it reads no sizing option'}`,
  );
}
