/**
 * The KPI sheet states the configuration's basis, so its LLM time column follows it: on the
 * calibrated basis llm_ms is the short answer (data/llm.json) at the calibrated decode of the perf
 * reference, asked from the engine's basis API directly; the vision stages do not move.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceModelShape } from '../../src/engine';
import { buildSheet, defaultConfig, type SizingConfig } from '../../src/report';
import { testEngine } from '../helpers/engine';
import { workloadDecodeMultiplier } from '../helpers/workloads';

const engine = testEngine();
const llmFile = JSON.parse(readFileSync(join(__dirname, '../../data/llm.json'), 'utf8')) as { shortAnswerTokens: number };

describe('KPI sheet on the calibrated basis', () => {
  const base: SizingConfig = { ...defaultConfig(engine.catalog), tier: 'low-lp5x', llm: { ...defaultConfig(engine.catalog).llm, enabled: true } };
  const reference = buildSheet(engine, 'kpi', base);
  const calibrated = buildSheet(engine, 'kpi', { ...base, basis: 'calibrated' });
  const col = (key: string): number => reference.columns.findIndex((c) => c.key === key);

  it('its llm_ms is the short answer at the calibrated decode; its vision stages stay', () => {
    const hw = engine.hardware({ tier: 'low-lp5x' });
    const quant = base.llm.quant;
    const p = engine.llm(hw, { quant, workload: base.llm.workload });
    const decode = engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: p.decodeTokS, source: p.source, multiplier: workloadDecodeMultiplier(p.workload) }, referenceModelShape(engine.catalog, quant)).decodeTokS;
    const expected = Math.round((llmFile.shortAnswerTokens / decode) * 1000 * 100) / 100;
    expect(reference.rows.length).toBeGreaterThan(0);
    for (const [i, row] of calibrated.rows.entries()) {
      expect(row[col('llm_ms')]).toBeCloseTo(expected, 2);
      expect(row[col('llm_ms')]).not.toBeCloseTo(reference.rows[i]![col('llm_ms')] as number, 0);
      expect(row[col('yolo_ms')]).toBe(reference.rows[i]![col('yolo_ms')]);
    }
  });
});
