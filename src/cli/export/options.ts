/**
 * `sizer export` options: which sheet, the format and output, and the sizing configuration (the
 * same choices as the task pane's controls). Unknown options are refused by name.
 */
import { type Catalog, isSizerError, parseBasis, type ProjectionBasis } from '../../engine';
import { defaultConfig, SHEET_IDS, type SheetId, type SizingConfig } from '../../report';

export class UsageError extends Error {}

export interface ExportRequest {
  readonly target: SheetId | 'workbook' | 'procurement';
  readonly format: 'xlsx' | 'csv';
  readonly out: string;
  readonly config: SizingConfig;
  readonly anchorsPath: string | null;
  /** `export procurement`: the requirements file (JSON, docs/decisions/0027-procurement-plan.md). */
  readonly requirementsPath: string | null;
  /** False with --no-header-comments: CSV without its '#' comment lines (as the reference's exporter offers). */
  readonly headerComments: boolean;
  /** True with --list: print the pipelines and tiers the options take, write nothing. */
  readonly list: boolean;
  /** Every option given on the command line, by name without "--" (option-checks.ts checks them against the sheet). */
  readonly given: readonly string[];
  /** The values given, by option name, as typed. */
  readonly values: ReadonlyMap<string, string>;
}

const VALUE_OPTIONS = [
  'format', 'out', 'tier', 'custom', 'memory', 'precision-set', 'npu-share',
  'pipeline', 'resolution', 'streams', 'compiler-quality',
  'model', 'quant', 'workload', 'qpm', 'answer-kind', 'fp4-maturity',
  'vla', 'cameras', 'fleet', 'camera-mode', 'anchors', 'requirements', 'duty', 'basis',
] as const;
const FLAG_OPTIONS = ['no-vision', 'no-llm', 'with-vla', 'no-header-comments', 'list'] as const;

/**
 * The options `export matrix` takes: the matrix is the reference's full matrix (every preset tier,
 * pipeline, resolution and stream count, every quant, workload and answer kind at the reference's
 * 2 q/min), so a sizing option would be silently ignored; it is refused instead.
 */
const MATRIX_OPTIONS: readonly string[] = ['format', 'out', 'anchors', 'no-header-comments', 'list', 'basis'];
/** --duty is the vision row's duty cycle in the platform budget (the reference's export_platform_budget --duty). */
const DUTY_TARGETS: readonly string[] = ['this-config', 'workbook'];

function number(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got "${text}"`);
  return value;
}

/** --basis: the engine's basis names (reference, calibrated), refused with the valid list. */
function basisOption(text: string): ProjectionBasis {
  try {
    return parseBasis(text);
  } catch (error) {
    if (isSizerError(error)) throw new UsageError(`--basis: ${error.message}`);
    throw error;
  }
}

/** Options left out take the catalog's defaults (defaultConfig). */
export function parseExportArgs(args: readonly string[], catalog: Catalog): ExportRequest {
  const [target, ...rest] = args;
  const targets: readonly string[] = [...SHEET_IDS, 'workbook', 'procurement'];
  if (target === undefined || !targets.includes(target)) {
    throw new UsageError(`export needs a sheet or "workbook" first; valid: ${targets.join(', ')}`);
  }
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const name = arg.slice(2);
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      flags.add(name);
    } else if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      const value = rest[i + 1];
      if (value === undefined || (value.startsWith('--') && value !== '-')) throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
      i++;
    } else {
      throw new UsageError(`unknown option --${name}; valid: ${[...VALUE_OPTIONS, ...FLAG_OPTIONS].map((o) => `--${o}`).join(' ')}`);
    }
  }
  if (target === 'matrix') {
    const ignored = [...values.keys(), ...flags].filter((name) => !MATRIX_OPTIONS.includes(name));
    if (ignored.length > 0) {
      throw new UsageError(
        `export matrix builds the reference's full matrix (every preset tier, pipeline, resolution and stream count; every quant, workload and answer kind at 2 q/min), so ${ignored.map((o) => `--${o}`).join(' ')} would be ignored; valid: ${MATRIX_OPTIONS.map((o) => `--${o}`).join(' ')}`,
      );
    }
  }
  if (values.has('duty') && !DUTY_TARGETS.includes(target)) throw new UsageError(`--duty sets the vision row's duty cycle of the platform budget: export ${DUTY_TARGETS.join(' or ')}`);
  const list = flags.has('list');
  const headerComments = !flags.has('no-header-comments');
  const format = values.get('format') ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'csv') throw new UsageError(`unknown format "${format}"; valid: xlsx, csv`);
  if (format === 'csv' && target === 'workbook') throw new UsageError('a workbook has several sheets: use --format xlsx, or export one sheet as CSV');
  const out = values.get('out') ?? (list ? '-' : undefined);
  if (out === undefined) throw new UsageError('export needs --out FILE (or --out - for standard output)');
  if (values.has('tier') && values.has('custom')) throw new UsageError('give --tier or --custom, not both');
  if (target === 'procurement' && !values.has('requirements')) throw new UsageError('export procurement needs --requirements FILE (a JSON requirements file)');
  if (target !== 'procurement' && values.has('requirements')) throw new UsageError('--requirements is for export procurement only');

  const d = defaultConfig(catalog);
  const answerKind = values.get('answer-kind') ?? d.llm.answerKind;
  if (answerKind !== 'short' && answerKind !== 'rag') throw new UsageError(`--answer-kind must be short or rag, got "${answerKind}"`);
  const maturity = values.get('fp4-maturity') ?? d.llm.fp4Maturity;
  if (maturity !== 'mature' && maturity !== 'immature') throw new UsageError(`--fp4-maturity must be mature or immature, got "${maturity}"`);
  const cameraMode = values.get('camera-mode') ?? d.vla.cameraMode;
  if (cameraMode !== 'native' && cameraMode !== 'stitched') throw new UsageError(`--camera-mode must be native or stitched, got "${cameraMode}"`);
  const basis = values.has('basis') ? basisOption(values.get('basis') ?? '') : null;
  const opt = (name: string): number | undefined => (values.has(name) ? number(name, values.get(name) ?? '') : undefined);

  const config: SizingConfig = {
    tier: values.get('custom') ?? values.get('tier') ?? d.tier,
    memory: values.get('memory') ?? null,
    precisionSet: values.get('precision-set') ?? null,
    npuShare: opt('npu-share') ?? null,
    vision: {
      enabled: !flags.has('no-vision'),
      pipeline: values.get('pipeline') ?? d.vision.pipeline,
      resolution: values.get('resolution') ?? d.vision.resolution,
      streams: opt('streams') ?? d.vision.streams,
      compilerQuality: opt('compiler-quality') ?? d.vision.compilerQuality,
      ...(values.has('duty') ? { budgetDutyCycle: opt('duty') ?? null } : {}),
    },
    llm: {
      enabled: !flags.has('no-llm'),
      model: values.get('model') ?? d.llm.model,
      quant: values.get('quant') ?? d.llm.quant,
      workload: values.get('workload') ?? d.llm.workload,
      queriesPerMinute: opt('qpm') ?? d.llm.queriesPerMinute,
      answerKind,
      fp4Maturity: maturity,
    },
    vla: {
      enabled: flags.has('with-vla') || values.has('vla'),
      model: values.get('vla') ?? d.vla.model,
      cameras: opt('cameras') ?? d.vla.cameras,
      fleetSize: opt('fleet') ?? d.vla.fleetSize,
      cameraMode,
    },
    // Only when asked for: without --basis the configuration is the reference default, as before.
    ...(basis !== null ? { basis } : {}),
  };
  return { target: target as ExportRequest['target'], format, out, config, anchorsPath: values.get('anchors') ?? null, requirementsPath: values.get('requirements') ?? null, headerComments, list, given: [...values.keys(), ...flags], values };
}
