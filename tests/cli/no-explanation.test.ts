/**
 * `sizer query --no-explanation`: numbers only. Every answer is the default answer without its
 * `explanation` (at any depth, for config), field for field and in the same order, and the engine is
 * never asked for an explanation, so the prose is not built and thrown away.
 */
import { answerLine } from '../../src/cli/query';
import type { Engine } from '../../src/engine';
import { testEngine } from '../helpers/engine';

const NUMBERS_ONLY = { explanations: false };

const QUERIES: readonly Record<string, unknown>[] = [
  { id: 1, kind: 'vision', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip', streams: 4 },
  { id: 2, kind: 'vision', tier: 'NPU Low-LP5X', memory: 'LPDDR6 @ 14 GT/s', pipeline: 'trt_fp8_1hz_clip', compiler_quality: 0.8 },
  { id: 3, kind: 'llm', tier: 'NPU Mid', quant: 'Q4_K_M' },
  { id: 4, kind: 'llm', tier: 'NPU Mid', basis: 'calibrated' },
  { id: 5, kind: 'llm_model', tier: 'NPU High', model: 'skippy_7b_v4' },
  { id: 6, kind: 'vla', tier: 'NPU High', vla: 'nora_3b', target_action_hz: 30 },
  { id: 7, kind: 'config', tier: 'NPU Mid' },
  { id: 8, kind: 'duty', tier: 'NPU Mid', pipeline: 'trt_fp8_1hz_clip' },
];

/** The value with every `explanation` key removed, other keys in their order. */
function withoutExplanation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExplanation);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'explanation').map(([key, inner]) => [key, withoutExplanation(inner)]));
}

/** The engine, counting the calls that build prose (a copy: the engine itself is frozen). */
function countingEngine(): { engine: Engine; calls: string[] } {
  const calls: string[] = [];
  const base = testEngine();
  const counted = <K extends 'explainVision' | 'explainLlm' | 'explainModel' | 'explainDuty' | 'vlaDetail'>(name: K): Engine[K] =>
    ((...args: Parameters<Engine[K]>) => {
      calls.push(name);
      return (base[name] as (...a: Parameters<Engine[K]>) => ReturnType<Engine[K]>)(...args);
    }) as Engine[K];
  const engine: Engine = {
    ...base,
    explainVision: counted('explainVision'),
    explainLlm: counted('explainLlm'),
    explainModel: counted('explainModel'),
    explainDuty: counted('explainDuty'),
    vlaDetail: counted('vlaDetail'),
  };
  return { engine, calls };
}

describe('sizer query --no-explanation', () => {
  it.each(QUERIES.map((q) => [q.kind as string, q] as const))('%s: the default answer without its explanation, byte for byte', (_kind, query) => {
    const line = JSON.stringify(query);
    const full = answerLine(testEngine(), line) as Record<string, unknown>;
    expect(full.error).toBeUndefined();
    const numbersOnly = answerLine(testEngine(), line, NUMBERS_ONLY);
    expect(JSON.stringify(numbersOnly)).toBe(JSON.stringify(withoutExplanation(full)));
    expect(JSON.stringify(numbersOnly)).not.toContain('"explanation"');
  });

  it('the projection kinds carry their explanation by default, and the bandwidth ratio either way', () => {
    for (const query of QUERIES.filter((q) => ['vision', 'llm', 'llm_model', 'vla'].includes(q.kind as string))) {
      const line = JSON.stringify(query);
      expect(typeof (answerLine(testEngine(), line) as Record<string, unknown>).explanation).toBe('string');
      expect(typeof (answerLine(testEngine(), line, NUMBERS_ONLY) as Record<string, unknown>).bandwidth_ratio_vs_ref).toBe('number');
    }
  });

  it('never asks the engine for an explanation of a record kind', () => {
    const { engine, calls } = countingEngine();
    for (const query of QUERIES.filter((q) => q.kind !== 'config')) {
      expect((answerLine(engine, JSON.stringify(query), NUMBERS_ONLY) as { error?: unknown }).error).toBeUndefined();
    }
    expect(calls).toEqual([]);
    // The counter works: the default path asks for one per record answer.
    for (const query of QUERIES.filter((q) => ['vision', 'llm', 'llm_model', 'vla'].includes(q.kind as string))) answerLine(engine, JSON.stringify(query));
    expect(calls).toEqual(['explainVision', 'explainVision', 'explainLlm', 'explainLlm', 'explainModel', 'vlaDetail']);
  });
});
