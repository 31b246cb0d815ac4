/**
 * Worksheet functions and the reference's rules: explanation and bandwidth-ratio fields in the
 * records, memory upgrades on Mid and High only (a clear #N/A elsewhere), the VLA operating point,
 * and the model picker labels.
 */
import { createBundledEngine } from '../../src/engine';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { runFunction } from '../../src/functions/registry/invoke';
import type { CellInput } from '../../src/functions/registry/types';

const engine = createBundledEngine();
const call = (name: string, args: readonly CellInput[]) => {
  const fn = SIZER_FUNCTIONS.find((f) => f.name === name);
  if (!fn) throw new Error(`no function ${name}`);
  return runFunction({ engine }, fn, args);
};
const cellOf = (name: string, args: readonly CellInput[]): unknown => {
  const out = call(name, args);
  if (!out.ok) throw new Error(out.error.message);
  return Array.isArray(out.value) ? out.value[0]?.[0] : out.value;
};

describe('record fields', () => {
  it('SIZER.VISION(..., "explanation") says how the number was derived', () => {
    expect(String(cellOf('VISION', ['NPU Mid', 'trt_fp8_1hz_clip', '1080p', 1, null, 'explanation']))).toMatch(/^Cross-class extrapolation: Per-frame time = 4\.3 ms/);
  });

  it('SIZER.LLM(..., "explanation") names the borrowed measurement and the per-model scaling', () => {
    const text = String(cellOf('LLM', ['NPU High', 'skippy_7b_v4', null, null, null, 'explanation']));
    expect(text).toContain('Borrowed from the measured cell skippy_finetune');
    expect(text).toContain('2.3x the per-token bandwidth load');
  });

  it('SIZER.HARDWARE and SIZER.VISION report the bandwidth ratio vs NPU Mid (1523.2 / 94.08 on the RTX 5090)', () => {
    expect(cellOf('HARDWARE', ['NPU Mid', 'bandwidth_ratio_vs_ref'])).toBeCloseTo(1, 12);
    expect(cellOf('HARDWARE', ['RTX 5090', 'bandwidth_ratio_vs_ref'])).toBeCloseTo(1523.2 / 94.08, 10);
    expect(cellOf('VISION', ['NPU Low-LP5X', 'trt_fp8_1hz_clip', null, null, null, 'bandwidth_ratio_vs_ref'])).toBeCloseTo(0.5, 12);
  });

  it('SIZER.VLA takes the rates and a target: camera FPS, DDR demand, what-if badge and the target check', () => {
    const base = ['NPU High', 'nora_3b'];
    const hz = Number(cellOf('VLA', [...base, 'action_hz']));
    expect(cellOf('VLA', [...base, 'camera_fps'])).toBeCloseTo(hz, 12);
    expect(cellOf('VLA', [...base, 'ddr_bw_available_gbs'])).toBeCloseTo(94.08 * 0.75, 10);
    // pi0.5 on the 5090 it was measured on, at its three cameras: measured; a VLM rate of 3 Hz (default 2) is a what-if.
    const pi: CellInput[] = ['RTX 5090', 'pi_0p5', 'display_source', null, null, null, null, null, null, null];
    expect(cellOf('VLA', pi)).toBe('measured');
    expect(cellOf('VLA', [...pi, 3])).toBe('cross_class (what-if)');
    expect(cellOf('VLA', [...base, 'target_exceeded', null, null, null, null, null, null, null, null, null, 30])).toBe(true);
  });
});

describe('memory upgrades apply to NPU Mid and High only', () => {
  it('a clear error on other tiers; Mid and High take them', () => {
    const low = call('TOKPS', ['NPU Low-LP5X', 'skippy_finetune', null, null, null, 'lpddr6-14']);
    expect(low.ok).toBe(false);
    if (!low.ok) expect(low.error.message).toMatch(/memory upgrades apply to NPU Mid and NPU High only/);
    expect(cellOf('TOKPS', ['NPU High', 'skippy_finetune', null, null, null, 'lpddr6-14'])).toBeGreaterThan(Number(cellOf('TOKPS', ['NPU High', 'skippy_finetune'])));
    expect(cellOf('HARDWARE', ['NPU Mid', 'name', 'lpddr6-14'])).toBe('NPU Mid (LPDDR6-14)');
  });
});

describe('SIZER.MODELS', () => {
  it('format label gives the reference picker labels, the models Mid cannot run last and marked', () => {
    const out = call('MODELS', ['NPU Mid', 'label']);
    if (!out.ok) throw new Error(out.error.message);
    const labels = (out.value as unknown[][]).map((r) => String(r[0]));
    expect(labels[0]).toMatch(/^(🚀|🔬|📚|⚙️) /);
    expect(labels.at(-1)).toMatch(/^🔴 /);
    const firstRed = labels.findIndex((l) => l.startsWith('🔴'));
    expect(labels.slice(firstRed).every((l) => l.startsWith('🔴'))).toBe(true);
  });
});
