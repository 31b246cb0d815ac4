/**
 * One configuration, one set of numbers: the task pane's headline tiles, the This config sheet and
 * `sizer query` kind `config` (through the CLI's query runner) agree for many configurations (every
 * ladder tier, a custom tier, memory upgrades and precision sets; pipelines, resolutions and stream
 * counts; catalog models including a dtype mismatch; each workload toggled; oversubscribed and
 * spilling loads). The query answer is the reference; the pane and the sheet are read back from
 * what they print, at the precision they print it.
 */
import { Readable, Writable } from 'node:stream';
import { runQueries } from '../../src/cli/run-query';
import { formatCustomSpec } from '../../src/engine';
import { buildThisConfigSheet, defaultConfig, type SizingConfig } from '../../src/report';
import { computeHeadline, type Headline } from '../../src/taskpane/app/headline';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
const DEFAULT_CONFIG = defaultConfig(engine.catalog);

const CUSTOM = formatCustomSpec({
  name: 'Custom NPU',
  siliconClass: 'lp5x_128',
  peakTopsInt8: 300,
  peakTopsBf16: 150,
  peakTopsFp8: 300,
  peakTopsFp4: 0,
  memBandwidthGbs: 204.8,
  memCapacityGb: 20,
  memBusWidthBits: 192,
  memType: 'LPDDR5X',
  memDataRateGtps: 8.533,
  precisionSet: null,
  computeEfficiency: null,
  bandwidthEfficiency: null,
  tdpWatts: 40,
});

interface HardwareChoice {
  readonly tier: string;
  readonly memory: string | null;
  readonly precisionSet: string | null;
}

const HARDWARE: HardwareChoice[] = [
  ...engine.catalog.ladder.map((t) => ({ tier: t.name, memory: null, precisionSet: null })),
  { tier: CUSTOM, memory: null, precisionSet: null },
  { tier: 'NPU Mid', memory: 'lpddr6-14', precisionSet: 'int8_fp8' },
  { tier: 'NPU High', memory: 'LPDDR5T @ 11.2 GT/s', precisionSet: null },
];

type Variant = (c: SizingConfig) => SizingConfig;
const VARIANTS: Variant[] = [
  (c) => ({ ...c, llm: { ...c.llm, model: 'skippy_finetune' } }),
  // An FP16 model: a dtype mismatch on the INT8-only tiers.
  (c) => ({ ...c, vision: { ...c.vision, pipeline: 'yolov8n_trt_fp8_1hz_clip', resolution: '720p', streams: 4 }, llm: { ...c.llm, model: 'skippy_7b_v4' } }),
  // Vision off; a dense 32B model at 60 RAG queries a minute (oversubscribed) and a VLA fleet.
  (c) => ({
    ...c,
    vision: { ...c.vision, enabled: false },
    llm: { ...c.llm, model: 'qwen25_32b_dense', quant: 'Q8_0', answerKind: 'rag', queriesPerMinute: 60 },
    vla: { ...c.vla, enabled: true, model: 'openvla_7b_single', fleetSize: 2 },
  }),
  // LLM off, half the NPU, a heavy pipeline at 4K and a two-camera VLA.
  (c) => ({ ...c, npuShare: 0.5, vision: { ...c.vision, pipeline: 'sam3_bf16', resolution: '4K' }, llm: { ...c.llm, enabled: false }, vla: { ...c.vla, enabled: true, model: 'pi_0p5', cameras: 2 } }),
  // Everything on: fits one at a time, spills together on 32 GB.
  (c) => ({
    ...c,
    vision: { ...c.vision, streams: 2 },
    llm: { ...c.llm, model: 'skippy_finetune', workload: 'tool_use', answerKind: 'rag', queriesPerMinute: 1 },
    vla: { ...c.vla, enabled: true, model: 'openvla_7b_single', fleetSize: 2 },
  }),
  // Nothing on.
  (c) => ({ ...c, vision: { ...c.vision, enabled: false }, llm: { ...c.llm, enabled: false } }),
];

/** Inputs the engine rejects: the pane and the query say why; the sheet refuses a workload it has rows for. */
const INVALID: SizingConfig[] = [
  { ...DEFAULT_CONFIG, vision: { ...DEFAULT_CONFIG.vision, streams: 99 } },
  { ...DEFAULT_CONFIG, vla: { ...DEFAULT_CONFIG.vla, enabled: true, model: 'no_such_vla' } },
  { ...DEFAULT_CONFIG, llm: { ...DEFAULT_CONFIG.llm, queriesPerMinute: -1 } },
];

const CONFIGS: SizingConfig[] = [...HARDWARE.flatMap((h) => VARIANTS.map((v) => v({ ...DEFAULT_CONFIG, ...h }))), ...INVALID];

/** The configuration as a `config` query line (snake_case, every field given). */
function queryLine(id: number, c: SizingConfig): Record<string, unknown> {
  return {
    id,
    kind: 'config',
    tier: c.tier,
    memory: c.memory,
    precision_set: c.precisionSet,
    npu_share: c.npuShare,
    vision: { enabled: c.vision.enabled, pipeline: c.vision.pipeline, resolution: c.vision.resolution, streams: c.vision.streams, compiler_quality: c.vision.compilerQuality },
    llm: {
      enabled: c.llm.enabled,
      model: c.llm.model,
      quant: c.llm.quant,
      workload: c.llm.workload,
      queries_per_minute: c.llm.queriesPerMinute,
      answer_kind: c.llm.answerKind,
      fp4_maturity: c.llm.fp4Maturity,
    },
    vla: { enabled: c.vla.enabled, model: c.vla.model, cameras: c.vla.cameras, fleet_size: c.vla.fleetSize, camera_mode: c.vla.cameraMode },
  };
}

/** The fields of a `config` answer this test reads (snake_case, as the CLI prints them). */
interface Warning {
  readonly id: string;
  readonly workload?: string;
  readonly reason?: string;
  readonly tiers_that_run_model?: string[];
  readonly models_that_run_here?: string[];
}
interface Answer {
  readonly error?: unknown;
  readonly vision: { fps_per_stream: number; fps_per_stream_under_llm: number; total_fps_under_llm: number } | null;
  readonly llm: { decode_tok_s: number; ttft_1k_sec: number; answer_sec: number } | null;
  readonly duty: { duty_cycle: number } | null;
  readonly vla: { action_hz: number | null } | null;
  readonly memory_fit: { needed_gb: number; capacity_gb: number; fits: boolean; needs: { workload: string }[] } | null;
  readonly warnings: Warning[];
}

async function queryAll(lines: readonly Record<string, unknown>[]): Promise<Answer[]> {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  await runQueries(engine, Readable.from(lines.map((l) => JSON.stringify(l) + '\n')), sink);
  return text.trim().split('\n').map((l) => JSON.parse(l) as Answer);
}

/** A number as printed ("1,234.5 tok/s" -> 1234.5). */
function printed(text: string): number {
  const match = /-?[\d,]+(?:\.\d+)?/.exec(text);
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0].replace(/,/g, ''));
}

/** Equal at the precision it was printed with (half a unit in the last place, plus float slack). */
function expectShown(shown: number, digits: number, value: number): void {
  expect(Math.abs(shown - value)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9);
}

function tileOf(headline: Headline, id: string): { value: string; caption: string } {
  const tile = headline.tiles.find((t) => t.id === id);
  if (!tile) throw new Error(`no ${id} tile`);
  return tile;
}

function note(notes: readonly string[], pattern: RegExp): RegExpExecArray {
  for (const n of notes) {
    const m = pattern.exec(n);
    if (m) return m;
  }
  throw new Error(`no note matches ${pattern}:\n${notes.join('\n')}`);
}

describe('the pane, the This config sheet and sizer query kind config give the same numbers', () => {
  let answers: Answer[] = [];
  beforeAll(async () => {
    answers = await queryAll(CONFIGS.map((c, i) => queryLine(i, c)));
  });

  it(`answers every one of ${CONFIGS.length} configurations with the projector's fields`, () => {
    expect(answers).toHaveLength(CONFIGS.length);
    for (const a of answers) {
      expect(a.error).toBeUndefined();
      expect(Object.keys(a).sort()).toEqual(['duty', 'hardware', 'id', 'llm', 'memory_fit', 'npu_share', 'vision', 'vla', 'warnings']);
    }
  });

  it('the pane tiles show the query answer', () => {
    CONFIGS.forEach((config, i) => {
      const a = answers[i]!;
      const headline = computeHeadline(engine, config);
      expect(headline.warnings.map((w) => w.id)).toEqual(a.warnings.map((w) => w.id));
      if (a.vision) {
        expectShown(printed(tileOf(headline, 'fps-per-stream').value), 1, a.vision.fps_per_stream_under_llm);
        expectShown(printed(tileOf(headline, 'total-fps').value), 0, a.vision.total_fps_under_llm);
      } else {
        expect(tileOf(headline, 'fps-per-stream').value).toBe('—');
      }
      if (a.llm) {
        expectShown(printed(tileOf(headline, 'decode').value), 1, a.llm.decode_tok_s);
        expectShown(printed(tileOf(headline, 'latency').value), 1, a.llm.answer_sec);
        const ttft = tileOf(headline, 'ttft').value;
        if (ttft.endsWith(' ms')) expectShown(printed(ttft), 0, a.llm.ttft_1k_sec * 1000);
        else expectShown(printed(ttft), 2, a.llm.ttft_1k_sec);
        expectShown(printed(tileOf(headline, 'duty').value), 0, a.duty!.duty_cycle * 100);
      } else {
        expect(tileOf(headline, 'decode').value).toBe('—');
        expect(tileOf(headline, 'duty').value).toBe('—');
      }
      const memory = tileOf(headline, 'memory-fit');
      if (a.memory_fit) {
        expect(memory.value).toBe(a.memory_fit.fits ? '✓ fits' : '✗ spills');
        expect(memory.caption).toMatch(new RegExp(`of ${a.memory_fit.capacity_gb} GB$`));
      } else {
        expect(memory.value).toBe('—');
      }
      const vla = headline.tiles.find((t) => t.id === 'vla');
      expect(vla !== undefined).toBe(a.vla !== null);
      if (vla && a.vla && a.vla.action_hz !== null) expectShown(printed(vla.value), 1, a.vla.action_hz);
    });
  });

  it('the This config sheet notes show the query answer, and its rows follow the dtype gate', () => {
    CONFIGS.forEach((config, i) => {
      const a = answers[i]!;
      const broken = a.warnings.find((w) => w.id === 'invalid-config' && w.workload !== 'vla');
      if (broken) {
        expect(() => buildThisConfigSheet(engine, config)).toThrow(broken.reason);
        return;
      }
      const sheet = buildThisConfigSheet(engine, config);
      const categories = sheet.rows.map((r) => r[sheet.columns.findIndex((c) => c.key === 'workload_category')]);
      expect(categories).toEqual([...(a.vision ? ['vision'] : []), ...(a.llm ? ['llm'] : [])]);
      if (a.vision) {
        const m = note(sheet.notes, /^Vision .*?: ([\d.]+) FPS per stream.*?([\d.]+) FPS total/);
        expectShown(Number(m[1]), 2, a.vision.fps_per_stream_under_llm);
        expectShown(Number(m[2]), 2, a.vision.total_fps_under_llm);
      }
      if (a.llm) {
        const m = note(sheet.notes, /^LLM .*?: ([\d.]+) tok\/s decode, TTFT ([\d.]+) s, ([\d.]+) s per/);
        expectShown(Number(m[1]), 2, a.llm.decode_tok_s);
        expectShown(Number(m[2]), 3, a.llm.ttft_1k_sec);
        expectShown(Number(m[3]), 2, a.llm.answer_sec);
        expectShown(Number(note(sheet.notes, /^NPU duty cycle: ([\d.]+) at/)[1]), 3, a.duty!.duty_cycle);
      }
      if (a.vla && a.vla.action_hz !== null) expectShown(Number(note(sheet.notes, /^VLA .*?: ([\d.]+) Hz/)[1]), 2, a.vla.action_hz);
      if (a.memory_fit) {
        const m = note(sheet.notes, /= ([\d.]+) GB needed of ([\d.]+) GB: (fits|spills)/);
        expectShown(Number(m[1]), 2, a.memory_fit.needed_gb);
        expectShown(Number(m[2]), 2, a.memory_fit.capacity_gb);
        expect(m[3]).toBe(a.memory_fit.fits ? 'fits' : 'spills');
      }
      for (const w of a.warnings) {
        if (w.id === 'dtype-mismatch') expect(sheet.notes).toContain(`No LLM row: ${w.reason}.`);
      }
    });
  });

  it('covers what it claims: a dtype mismatch, an oversubscribed LLM, a combined spill, a VLA that does not run, nothing on', () => {
    const ids = new Set(answers.flatMap((a) => a.warnings.map((w) => w.id)));
    expect([...ids].sort()).toEqual(expect.arrayContaining(['dtype-mismatch', 'llm-oversubscribed', 'memory-spills', 'vla-does-not-run']));
    expect(answers.some((a) => a.memory_fit === null)).toBe(true);
    const invalid = answers.flatMap((a) => a.warnings).filter((w) => w.id === 'invalid-config');
    expect(invalid.map((w) => w.workload).sort()).toEqual(['llm-load', 'vision', 'vla']);
    const mismatch = answers.flatMap((a) => a.warnings).find((w) => w.id === 'dtype-mismatch');
    // The gate's own reason, and alternatives from the catalog rather than from code.
    if (!mismatch) throw new Error('no dtype mismatch among the configurations');
    expect(mismatch.reason).toMatch(/cannot run skippy_7b_v4 \(needs fp16 compute\)/);
    expect(mismatch.tiers_that_run_model).toContain('NPU High');
    expect(mismatch.models_that_run_here).toContain(engine.catalog.modelByKey.skippy_finetune?.label);
  });

  it('the LLM a tier cannot run is off downstream: no decode, no duty, vision keeps its whole NPU share', () => {
    const i = CONFIGS.findIndex((c) => c.tier === 'NPU Mid' && c.memory === null && c.llm.model === 'skippy_7b_v4');
    const a = answers[i]!;
    expect(a.llm).toBeNull();
    expect(a.duty).toBeNull();
    expect(a.vision?.fps_per_stream_under_llm).toBe(a.vision?.fps_per_stream);
    expect(a.memory_fit?.needs.map((n) => n.workload)).toEqual(['vision']);
  });
});

describe('a borrowed LLM number is never shown as the model\'s own', () => {
  const config = (tier: string, model: string): SizingConfig => ({ ...DEFAULT_CONFIG, tier, memory: null, precisionSet: null, llm: { ...DEFAULT_CONFIG.llm, enabled: true, model } });

  it('the decode tile names the model the number is scaled from, and not for the reference itself', () => {
    const scaled = computeHeadline(engine, config('NPU High', 'skippy_7b_v4')).tiles.find((t) => t.id === 'decode');
    expect(scaled?.caption).toMatch(/, scaled from /);
    expect(scaled?.badge?.source).toBe('measured_anchor');
    const own = computeHeadline(engine, config('NPU Mid', 'skippy_finetune')).tiles.find((t) => t.id === 'decode');
    expect(own?.caption).not.toMatch(/scaled from/);
  });
});
