/**
 * defaultConfig reads the reference tool's defaults from the catalog (tiers.json defaultTier, the
 * default track's canonical pipeline, vision.json defaultResolution, the LLM defaults, vla.json
 * defaultModel) instead of repeating them; the loader refuses defaults that name nothing.
 */
import { loadBundledCatalog, loadCatalog } from '../../src/engine';
import { defaultConfig } from '../../src/report';
import { initialState, memoryUpgradeHint, precisionSetHint, toSizingConfig } from '../../src/taskpane/app/state';
import { testEngine } from '../helpers/engine';
import { copyOfShippedFiles, extendedCatalog, NEW_TIER } from '../helpers/extended-catalog';

const shipped = loadBundledCatalog();

describe('defaultConfig', () => {
  it('is the reference tool default configuration (what DEFAULT_CONFIG spelt out before)', () => {
    expect(defaultConfig(shipped)).toEqual({
      tier: 'NPU High',
      memory: null,
      precisionSet: null,
      npuShare: null,
      vision: { enabled: true, pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 1, compilerQuality: 1 },
      llm: { enabled: true, model: 'skippy_7b_v4', quant: 'Q4_K_M', workload: 'plain_chat', queriesPerMinute: 2, answerKind: 'short', fp4Maturity: 'mature' },
      vla: { enabled: false, model: 'nora_3b', cameras: null, fleetSize: 1, cameraMode: 'native' },
      basis: 'reference',
    });
  });

  it('follows the data', () => {
    const files = copyOfShippedFiles();
    (files['tiers.json'] as { defaultTier: string }).defaultTier = 'low-lp5x';
    (files['pipelines.json'] as { defaultTrack: string }).defaultTrack = 'yolov8n';
    (files['vision.json'] as { defaultResolution: string }).defaultResolution = '4K';
    (files['llm.json'] as { defaults: { workload: string } }).defaults.workload = 'tool_use';
    const d = defaultConfig(loadCatalog(files));
    expect(d.tier).toBe('NPU Low-LP5X');
    expect(d.vision.pipeline).toBe('yolov8n_trt_fp8_1hz_clip');
    expect(d.vision.resolution).toBe('4K');
    expect(d.llm.workload).toBe('tool_use');
  });

  it('the task pane starts from it, with the workloads of the reference layout switched on (Vision and VLA)', () => {
    const engine = testEngine();
    const d = defaultConfig(engine.catalog);
    const on = (w: string): boolean => engine.catalog.files['catalog.json'].paneDefaultWorkloads.some((x) => x === w);
    // The pane has one camera count, shared by vision and the VLA (as in the reference).
    expect(toSizingConfig(engine, initialState(engine))).toEqual({
      ...d,
      vision: { ...d.vision, enabled: on('vision') },
      llm: { ...d.llm, enabled: on('llm') },
      vla: { ...d.vla, enabled: on('vla'), cameras: d.vision.streams },
    });
    expect([on('vision'), on('llm'), on('vla')]).toEqual([true, false, true]);
  });

  it.each([
    ['tiers.json', 'defaultTier', 'npu-huge', 'data/tiers.json: defaultTier: unknown tier "npu-huge"'],
    ['vla.json', 'defaultModel', 'rt2', 'data/vla.json: defaultModel: unknown model "rt2"'],
  ] as const)('the loader refuses a default in %s that names nothing', (file, field, value, message) => {
    const files = copyOfShippedFiles();
    (files[file] as Record<string, unknown>)[field] = value;
    expect(() => loadCatalog(files)).toThrow(message);
  });
});

describe('pane hints name the eligible tiers from the catalog', () => {
  it('memory upgrades and precision sets', () => {
    expect(memoryUpgradeHint(shipped)).toBe('NPU Mid / NPU High only');
    expect(precisionSetHint(shipped)).toBe('NPU Mid / NPU High only');
    expect(memoryUpgradeHint(extendedCatalog())).toBe(`NPU Mid / ${NEW_TIER.name} / NPU High only`);
  });
});
