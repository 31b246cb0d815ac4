/**
 * Parity on the committed curated reference cells (tests/fixtures/parity-cells.jsonl, picked by
 * scripts/curate-parity-cells.mjs to cover every kind, tier, badge and regime), so a clone without
 * ../shared still checks the engine against the reference, cell by cell.
 */
import { join } from 'node:path';
import { answerLine } from '../../src/cli/query';
import { mismatches } from '../helpers/compare';
import { testEngine } from '../helpers/engine';
import { readCells } from '../helpers/reference';

const cells = readCells(join(__dirname, '..', 'fixtures', 'parity-cells.jsonl'));

describe('curated reference cells', () => {
  it('cover every kind, every ladder tier and every badge', () => {
    const kinds = new Set(cells.map((c) => c.query.kind));
    expect([...kinds].sort()).toEqual(['budget', 'capability', 'duty', 'kpi', 'llm', 'llm_model', 'llm_shape', 'vision', 'vla']);
    const tiers = new Set(cells.map((c) => c.query.tier).filter(Boolean));
    for (const tier of testEngine().catalog.ladder) expect(tiers).toContain(tier.name);
    const badges = new Set(cells.map((c) => c.expect.source).filter(Boolean));
    expect([...badges].sort()).toEqual(['cross_class', 'measured', 'measured_anchor', 'projected', 'same_class_anchor']);
    expect(cells.length).toBeGreaterThanOrEqual(200);
  });

  it.each(cells.map((c) => [String(c.query.id), c] as const))('%s matches the reference', (_id, cell) => {
    const result = answerLine(testEngine(), JSON.stringify(cell.query)) as Record<string, unknown>;
    expect(result.error).toBeUndefined();
    expect(mismatches(cell.expect, result)).toEqual([]);
  });
});
