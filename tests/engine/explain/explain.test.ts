/**
 * The explain module: each projection's explanation names how its number was derived, from the
 * catalog's templates (data/explanations.json). Expected figures are worked by hand from the tier
 * data (NPU Mid 134.4 GB/s x 0.70 = 94.08 GB/s effective; RTX 5090 1792 x 0.85 = 1523.2).
 */
import { loadBundledCatalog, loadCatalog } from '../../../src/engine';
import { copyOfShippedFiles } from '../../helpers/extended-catalog';
import { testEngine } from '../../helpers/engine';

const engine = testEngine();
const catalog = loadBundledCatalog();
const mid = engine.hardware({ tier: 'mid' });
const high = engine.hardware({ tier: 'high' });
const rtx = engine.hardware({ tier: 'rtx5090' });
const topics = (e: { parts: readonly { topic: string }[] }): string[] => e.parts.map((p) => p.topic);
const part = (e: { parts: readonly { topic: string; text: string }[] }, topic: string): string => e.parts.find((p) => p.topic === topic)?.text ?? '';

describe('bandwidth ratio vs NPU Mid', () => {
  it('is effective bandwidth over Mid effective bandwidth', () => {
    expect(engine.bandwidthRatio(mid)).toBeCloseTo(1, 12);
    expect(engine.bandwidthRatio(rtx)).toBeCloseTo(1523.2 / 94.08, 10);
    // Low-LP5X: 67.2 x 0.70 = 47.04 GB/s, half of Mid.
    expect(engine.bandwidthRatio(engine.hardware({ tier: 'low-lp5x' }))).toBeCloseTo(0.5, 12);
  });
});

describe('vision explanations', () => {
  it('a cross-class projection: badge sentence with regime and share suffixes, then pipeline, capability, resolution, CPU note, ratio, tier', () => {
    const v = engine.vision(mid, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p' });
    const e = engine.explainVision(mid, v);
    expect(topics(e)).toEqual(['source', 'pipeline', 'capability', 'resolution', 'cpu_preprocessing', 'bandwidth_ratio', 'tier']);
    expect(part(e, 'source')).toMatch(/^Cross-class extrapolation: Per-frame time = 4\.3 ms \(233\.7 FPS per camera\) on NPU Mid\./);
    expect(part(e, 'source')).toMatch(/Regime: bandwidth-bound\. Scaled by NPU share = 75% /);
    expect(part(e, 'capability')).toBe('FP8 kernel path on NPU Mid: unsupported (this silicon cannot execute this precision).');
    expect(part(e, 'bandwidth_ratio')).toBe('DDR bandwidth ratio vs NPU Mid: 1.00x (94.1 GB/s effective vs 94.1 GB/s).');
    expect(e.text).toBe(e.parts.map((p) => p.text).join(' '));
  });

  it('a measured cell names its silicon and takes no suffixes', () => {
    const v = engine.vision(rtx, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p' });
    expect(v.source).toBe('measured');
    const source = part(engine.explainVision(rtx, v), 'source');
    expect(source).toContain('(RTX 5090 Blackwell, TensorRT 10.16 bake-off 2026-04)');
    expect(source).not.toMatch(/Regime|NPU share/);
  });

  it('the compiler-quality haircut appears below 1, the resolution note only for fixed-input pipelines, no capability for fp32', () => {
    const v = engine.vision(mid, { pipeline: 'trt_fp8_1hz_clip', compilerQuality: 0.8 });
    expect(part(engine.explainVision(mid, v, 0.8), 'compiler_quality')).toMatch(/^Applying a 20% compiler-quality haircut/);
    expect(topics(engine.explainVision(mid, v))).not.toContain('compiler_quality');
    const sam = engine.vision(mid, { pipeline: 'sam3_bf16' });
    expect(topics(engine.explainVision(mid, sam))).not.toContain('resolution');
    const dino = engine.vision(mid, { pipeline: 'grounding_dino_tiny_pytorch_fp32' });
    expect(topics(engine.explainVision(mid, dino))).not.toContain('capability');
  });

  it('a batched multi-stream number, unbadged in the reference, says so', () => {
    const v = engine.vision(mid, { pipeline: 'trt_fp8_1hz_clip', streams: 4 });
    expect(v.source).toBeNull();
    expect(part(engine.explainVision(mid, v), 'source')).toMatch(/batched multi-stream path/);
  });

  it('a memory upgrade says x vs stock: LPDDR6 @ 14 on 128 bits = 224 GB/s, 1.67x the stock 134.4', () => {
    const clone = engine.hardware({ tier: 'high', memory: 'lpddr6-14' });
    const e = engine.explainVision(clone, engine.vision(clone, { pipeline: 'trt_fp8_1hz_clip' }));
    expect(part(e, 'memory_upgrade')).toBe('Memory upgrade: LPDDR6 @ 14 GT/s gives 224.0 GB/s peak / 156.8 GB/s effective (1.67x vs stock); the bandwidth is projected, not measured.');
  });
});

describe('LLM explanations', () => {
  it('the anchor model: tier anchor with regime, the workload description and note', () => {
    const e = engine.explainLlm(mid, engine.llm(mid, {}));
    expect(part(e, 'source')).toMatch(/^Tier-level anchor: LLM decode \(Q4_K_M\) = 28\.4 tok\/s on NPU Mid/);
    const workload = catalog.files['explanations.json'].workloads.plain_chat;
    expect(part(e, 'workload')).toBe(`Plain chat (warm): ${workload?.description} ${workload?.note}`);
  });

  it('a scaled model: whose number it borrows and the per-model scaling caption (4.18 GB vs 18 x 3/30 = 1.8 GB per token)', () => {
    const m = engine.llmModel(high, 'skippy_7b_v4', {});
    const e = engine.explainModel(high, m);
    expect(part(e, 'scaled_from')).toContain('skippy_finetune');
    expect(part(e, 'per_model_scaling')).toMatch(/about 4\.2 GB read per decode token vs 1\.8 GB for the MoE reference, so 2\.3x/);
    expect(part(e, 'capability')).toMatch(/^FP16 kernel path on NPU High: tensor-core native/);
  });

  it('the duty cycle: 2 q/min x short answer, and what vision keeps', () => {
    const m = engine.llmModel(mid, 'skippy_finetune', {});
    const load = engine.llmDuty(m, { queriesPerMinute: 2, answerKind: 'short' });
    const text = engine.explainDuty(load, 30, 25).text;
    expect(text).toContain(`2.0 queries/min x ${load.answerSec.toFixed(1)} s per short answer`);
    expect(text).toContain('leaving 25.0 of 30.0 FPS per stream for vision');
    expect(engine.explainDuty(load, null, null).text).not.toContain('vision');
  });
});

describe('VLA operating point and explanation', () => {
  const nora = engine.vla(high, { vla: 'nora_3b' });

  it('camera FPS and DDR demand of NORA-3B on High: one pass per action, weights read 1 + 5 times per action at INT8', () => {
    const { operatingPoint: op } = engine.vlaDetail(high, nora);
    expect(op.cameraFps).toBeCloseTo(nora.actionHz ?? NaN, 12);
    expect(op.aggregateCameraFps).toBeCloseTo(nora.actionHz ?? NaN, 12);
    // 0.669 vision + 3.09 x (1 + 5) backbone + 0.315 head = 19.524 GB per action (data/vla.json components).
    expect(op.ddrDemandGbs).toBeCloseTo(19.524 * (nora.aggregateActionHz ?? NaN), 9);
    expect(op.ddrAvailableGbs).toBeCloseTo(94.08 * 0.75, 12);
    expect(op.offDefault).toBe(false);
    expect(op.displaySource).toBe('calibrated');
  });

  it('a rate off the measured default demotes the badge to a what-if; a rate outside the range is refused', () => {
    const pi = engine.vla(engine.hardware({ tier: 'rtx5090' }), { vla: 'pi_0p5' });
    expect(pi.vlaSource).toBe('measured');
    const moved = engine.vlaDetail(rtx, pi, { vlmHz: 3 });
    expect(moved.operatingPoint.offDefault).toBe(true);
    expect(moved.operatingPoint.displaySource).toBe('cross_class (what-if)');
    expect(part(moved.explanation, 'source')).toMatch(/^🟠 cross_class \(what-if\): The operating point moved off the measured default rate/);
    expect(() => engine.vlaDetail(rtx, pi, { actionHz: 70 })).toThrow(/action_hz must be from 30 to 50 Hz for this model, got 70/);
    expect(() => engine.vlaDetail(high, nora, { vlmHz: 20 })).toThrow(/vlm_hz is fixed at 30 Hz for this model, got 20/);
  });

  it('a chunked model perceives once per chunk: camera FPS = action rate / chunk length, times cameras and fleet in aggregate', () => {
    const pi = engine.vla(rtx, { vla: 'pi_0p5', fleetSize: 2 });
    const op = engine.vlaDetail(rtx, pi).operatingPoint;
    expect(op.cameraFps).toBeCloseTo((pi.actionHz ?? NaN) / (pi.actionChunkLength ?? NaN), 12);
    expect(op.aggregateCameraFps).toBeCloseTo((op.cameraFps ?? NaN) * pi.nCameras * 2, 12);
  });

  it('the target check uses the reference 5% tolerance', () => {
    const hz = nora.actionHz ?? NaN;
    expect(engine.vlaDetail(high, nora, { targetActionHz: hz * 1.04 }).operatingPoint.targetExceeded).toBe(false);
    const missed = engine.vlaDetail(high, nora, { targetActionHz: hz * 1.06 });
    expect(missed.operatingPoint.targetExceeded).toBe(true);
    expect(part(missed.explanation, 'vla_target')).toMatch(/exceeds the projected achievable 1\.8 Hz on NPU High/);
  });

  it('names the paper, LIBERO score and notes from the catalog', () => {
    const e = engine.vlaDetail(high, nora).explanation;
    expect(part(e, 'vla_paper')).toBe('Hung et al arxiv Apr 2025 · single_loop · LIBERO success 72%.');
    expect(part(e, 'vla_notes')).toBe(catalog.files['explanations.json'].vla.notes.nora_3b);
  });
});

describe('the shipped catalog has every text', () => {
  it('every tier, pipeline, workload, model role and VLA model', () => {
    const x = catalog.files['explanations.json'];
    expect(Object.keys(x.tiers).sort()).toEqual(catalog.tiers.map((t) => t.id).sort());
    expect(Object.keys(x.pipelines).sort()).toEqual(catalog.pipelines.map((p) => p.key).sort());
    expect(Object.keys(x.workloads).sort()).toEqual(catalog.files['llm.json'].workloads.map((w) => w.key).sort());
    expect(Object.keys(x.modelRoles).sort()).toEqual([...catalog.files['llm-models.json'].roleOrder].sort());
    expect(Object.keys(x.vla.notes).sort()).toEqual(catalog.files['vla.json'].models.map((m) => m.key).sort());
  });

  it('a text naming an unknown pipeline is refused at load', () => {
    const files = copyOfShippedFiles();
    (files['explanations.json'] as { pipelines: Record<string, string> }).pipelines.gone_pipeline = 'stale';
    expect(() => loadCatalog(files)).toThrow('data/explanations.json: pipelines.gone_pipeline: "gone_pipeline" is not a known pipeline');
  });
});
