/**
 * The query kinds for the numbers read from LLM decode (duty, budget, kpi, plan) take `basis` as the
 * projection kinds do (docs/decisions/0033-functions-on-a-basis.md): left out or "reference", the
 * answer is exactly the one without the field; "calibrated" moves the numbers read from decode to
 * the calibrated decode, worked out here from the engine's basis API and data/llm.json; an unknown
 * basis is an error line naming the valid ones. The worksheet functions are checked against the same
 * numbers in tests/functions/basis-args.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerLine } from '../../src/cli/query';
import { catalogModelShape, referenceModelShape } from '../../src/engine';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
const llmFile = JSON.parse(readFileSync(join(__dirname, '../../data/llm.json'), 'utf8')) as { shortAnswerTokens: number };

const ask = (line: Record<string, unknown>): Record<string, unknown> => answerLine(engine, JSON.stringify(line)) as Record<string, unknown>;

/** NPU Low-LP5X: its LLM decode is projected cross-class, so the calibrated basis replaces it. */
const TIER = 'low-lp5x';
const hw = engine.hardware({ tier: TIER });
const QUANT = 'Q4_K_M';

function calibratedReferenceModel(): number {
  const p = engine.llm(hw, { quant: QUANT });
  return engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: p.decodeTokS, source: p.source, multiplier: 1 }, referenceModelShape(engine.catalog, QUANT)).decodeTokS;
}
const dutyAt = (qpm: number, decode: number): number => (qpm / 60) * (llmFile.shortAnswerTokens / decode);

const LINES: Record<string, Record<string, unknown>> = {
  duty: { kind: 'duty', tier: TIER, pipeline: 'yolo_only_fp8', resolution: '1080p', quant: QUANT, queries_per_minute: 2, answer_kind: 'short' },
  budget: { kind: 'budget', tier: TIER, slot: 'llm', quant: QUANT, queries_per_minute: 2, answer_kind: 'short' },
  kpi: { kind: 'kpi', tier: TIER, pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', llm_enabled: true, quant: QUANT },
  plan: { kind: 'plan', requirements: [{ kind: 'llm', model: 'skippy_finetune', quant: QUANT, queries_per_minute: 2, answer_kind: 'short' }], tiers: [TIER] },
};

describe.each(Object.keys(LINES))('query kind %s and basis', (kind) => {
  const line = LINES[kind]!;
  const plain = ask(line);

  it('without basis, with basis null or "reference", answers exactly as before', () => {
    expect(plain).not.toHaveProperty('error');
    for (const basis of [null, 'reference']) expect(JSON.stringify(ask({ ...line, basis }))).toBe(JSON.stringify(plain));
  });

  it('an unknown basis is an error naming the valid ones', () => {
    expect(JSON.stringify(ask({ ...line, basis: 'measured' }))).toMatch(/unknown basis \\"measured\\"; valid: reference, calibrated/);
  });

  it('"calibrated" moves the numbers read from decode to the calibrated decode', () => {
    const answer = ask({ ...line, basis: 'calibrated' });
    expect(answer).not.toHaveProperty('error');
    const decode = calibratedReferenceModel();
    if (kind === 'duty') {
      expect(answer.decode_tok_s).toBeCloseTo(decode, 9);
      expect(answer.duty_cycle).toBeCloseTo(dutyAt(2, decode), 9);
      expect(answer.vision_fps_under_llm).toBeCloseTo((plain.vision_base_fps_per_stream as number) * (1 - dutyAt(2, decode)), 9);
    } else if (kind === 'budget') {
      expect(answer.ss_throughput).toBeCloseTo(decode, 2);
      expect(answer.ss_duty_cycle_frac).toBeCloseTo(dutyAt(2, decode), 3);
    } else if (kind === 'kpi') {
      expect(answer.llm_ms).toBeCloseTo((llmFile.shortAnswerTokens / decode) * 1000, 2);
      expect(answer.yolo_ms).toBe(plain.yolo_ms);
    } else {
      const p = engine.llmModel(hw, 'skippy_finetune', { quant: QUANT });
      const modelDecode = engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: p.decodeTokS, source: p.source, multiplier: 1 }, catalogModelShape(engine.catalog, 'skippy_finetune', QUANT)).decodeTokS;
      const [row] = answer.rows as Record<string, unknown>[];
      expect(row!.llm_duty).toBeCloseTo(dutyAt(2, modelDecode), 9);
      expect(row!.llm_duty).not.toBeCloseTo((plain.rows as Record<string, unknown>[])[0]!.llm_duty as number, 4);
    }
  });
});
