/**
 * `sizer query`: every projection kind answers with its explanation and the bandwidth ratio vs NPU
 * Mid; the reference's own kinds keep its engine's any-tier memory upgrades (its parity sets use
 * them), SIZER's config kind follows the tool's Mid/High rule and names the clone as the tool does.
 */
import { answerLine } from '../../src/cli/query';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
type Answer = Record<string, unknown> & { error?: { code: string; message: string } };
const ask = (query: unknown): Answer => answerLine(engine, JSON.stringify(query)) as Answer;

describe('explanation and bandwidth ratio in query answers', () => {
  it.each([
    ['vision', { kind: 'vision', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip' }, /^Cross-class extrapolation: Per-frame time/],
    ['llm', { kind: 'llm', tier: 'NPU Mid' }, /^Tier-level anchor: LLM decode \(Q4_K_M\) = 28\.4 tok\/s on NPU Mid/],
    ['llm_model', { kind: 'llm_model', tier: 'NPU High', model: 'skippy_7b_v4' }, /Borrowed from the measured cell skippy_finetune/],
    ['vla', { kind: 'vla', tier: 'NPU High', vla: 'nora_3b' }, /LIBERO success 72%/],
  ])('%s', (_kind, query, pattern) => {
    const a = ask({ id: 1, ...query });
    expect(a.error).toBeUndefined();
    expect(String(a.explanation)).toMatch(pattern);
    expect(a.bandwidth_ratio_vs_ref).toBeCloseTo(1, 12);
  });

  it('vla takes the rates and a target', () => {
    const a = ask({ id: 2, kind: 'vla', tier: 'NPU High', vla: 'nora_3b', target_action_hz: 30 });
    expect(a.target_exceeded).toBe(true);
    expect(ask({ id: 3, kind: 'vla', tier: 'NPU High', vla: 'nora_3b', vlm_hz: 10 }).error?.message).toMatch(/vlm_hz is fixed at 30 Hz/);
  });
});

describe('memory upgrades in sizer query', () => {
  it("the reference's kinds upgrade any tier with a bus, as its engine (and its parity sets) do", () => {
    const a = ask({ id: 4, kind: 'vision', tier: 'NPU Low-LP5X', memory: 'LPDDR6 @ 14 GT/s', pipeline: 'trt_fp8_1hz_clip' });
    expect(a.error).toBeUndefined();
    expect(String(a.explanation)).toContain('(1.67x vs stock)');
  });

  it('the config kind follows the tool: Mid and High only', () => {
    const low = ask({ id: 5, kind: 'config', tier: 'NPU Low-LP5X', memory: 'lpddr6-14' });
    expect(JSON.stringify(low)).toMatch(/memory upgrades apply to NPU Mid and NPU High only/);
  });
});

describe('config kind: the VLA operating point and the explanations', () => {
  it('takes the rates and target and answers the what-if badge, the target check and each headline explanation', () => {
    const a = ask({ id: 6, kind: 'config', tier: 'rtx5090', vision: { streams: 3 }, vla: { enabled: true, model: 'pi_0p5', cameras: 3, vlm_hz: 3, target_action_hz: 1000 } }) as Answer & {
      vla: { display_source: string; target_exceeded: boolean; explanation: { text: string } };
      vision: { explanation: { text: string }; bandwidth_ratio_vs_ref: number };
    };
    expect(a.error).toBeUndefined();
    expect(a.vla.display_source).toBe('cross_class (what-if)');
    expect(a.vla.target_exceeded).toBe(true);
    expect(a.vla.explanation.text).toMatch(/Target action rate 1000 Hz exceeds/);
    // Three streams share the batched path, which the reference leaves unbadged: the explanation says so.
    expect(a.vision.explanation.text).toMatch(/^Per-frame time = [0-9.]+ ms .* the batched multi-stream path/);
    expect(a.vision.bandwidth_ratio_vs_ref).toBeCloseTo(1523.2 / 94.08, 10);
  });
});
