/**
 * The loader's checks of internally consistent numbers (src/engine/catalog/checks): each test breaks
 * one number in a deep copy of the bundled catalog and asserts the error names the file, the JSON
 * path and what is wrong.
 */
import { BUNDLED_CATALOG_FILES } from '../../../src/engine/catalog/bundled';
import { passRecords } from '../../../src/engine/catalog/checks/pass-records';
import { loadCatalog } from '../../../src/engine/catalog/load';
import type { CatalogFiles } from '../../../src/engine/catalog/schemas';
import { editedCatalogFiles, rejectionOf } from './edited-catalog';

function model(files: CatalogFiles, i: number) {
  const found = files['llm-models.json'].models[i];
  if (!found) throw new Error(`no model ${i}`);
  return found;
}

describe('the shipped catalog', () => {
  const catalog = loadCatalog(BUNDLED_CATALOG_FILES);

  it('passes every consistency check', () => {
    expect(() => loadCatalog(BUNDLED_CATALOG_FILES)).not.toThrow();
  });

  it('has its accuracy figures found by the pass checks: overall, per category and per quant level', () => {
    const paths = passRecords(catalog.files).map((r) => r.path);
    expect(paths).toContain('models[0]');
    expect(paths).toContain('models[0].categories.rag_datasheet');
    expect(paths).toContain(`models[${catalog.models.length - 1}].categories.refusal`);
    expect(paths).toContain(`quantLevels.ladder[${catalog.files['llm-models.json'].quantLevels.ladder.length - 1}]`);
  });
});

describe('pass counts', () => {
  it('rejects a model passing more questions than it was asked', () => {
    expect(rejectionOf((f) => (model(f, 3).passCount = 133))).toBe(
      'data/llm-models.json: models[3].passCount: passCount 133 exceeds passTotal 132',
    );
  });

  it('rejects a category with more passes than questions', () => {
    expect(rejectionOf((f) => (model(f, 0).categories.coding!.passed = 7))).toBe(
      'data/llm-models.json: models[0].categories.coding.passed: passed 7 exceeds total 6',
    );
  });

  it('rejects a quant level with more passes than questions', () => {
    expect(rejectionOf((f) => (f['llm-models.json'].quantLevels.ladder[2]!.passTotal = 80))).toBe(
      'data/llm-models.json: quantLevels.ladder[2].passCount: passCount 81 exceeds passTotal 80',
    );
  });

  it('accepts every pass where the total allows it', () => {
    expect(() =>
      loadCatalog(
        editedCatalogFiles((f) => {
          const coding = model(f, 0).categories.coding!;
          coding.passed = coding.total;
        }),
      ),
    ).not.toThrow();
  });
});

describe('pass rates', () => {
  it('rejects a model rate that is not its passes over its total', () => {
    expect(rejectionOf((f) => (model(f, 5).passRate = 0.7))).toBe(
      'data/llm-models.json: models[5].passRate: 0.7 does not match passCount / passTotal = 85 / 132 = 0.6439 ' +
        '(rates are rounded to 3 decimals, so they may differ by at most 0.0005)',
    );
  });

  it('rejects a category rate and a quant-level rate that do not match their counts', () => {
    expect(rejectionOf((f) => (model(f, 1).categories.multihop!.rate = 0.6))).toMatch(
      /^data\/llm-models\.json: models\[1\]\.categories\.multihop\.rate: 0\.6 does not match passed \/ total = 6 \/ 9 = 0\.6667 /,
    );
    expect(rejectionOf((f) => (f['llm-models.json'].quantLevels.ladder[0]!.passRate = 0.31))).toMatch(
      /^data\/llm-models\.json: quantLevels\.ladder\[0\]\.passRate: 0\.31 does not match passCount \/ passTotal = 40 \/ 132 = 0\.3030 /,
    );
  });

  it('rejects a count edited without its rate', () => {
    expect(rejectionOf((f) => (model(f, 0).passCount = 90))).toMatch(/^data\/llm-models\.json: models\[0\]\.passRate: 0\.606 does not match .* 90 \/ 132 /);
  });

  it('allows half a unit in the third decimal, no more (80 / 132 = 0.60606...)', () => {
    for (const rate of [80 / 132, 0.606, 0.6065, 0.6057]) {
      expect(() => loadCatalog(editedCatalogFiles((f) => (model(f, 0).passRate = rate)))).not.toThrow();
    }
    for (const rate of [0.6066, 0.6055, 0.61]) {
      expect(rejectionOf((f) => (model(f, 0).passRate = rate))).toMatch(/^data\/llm-models\.json: models\[0\]\.passRate: /);
    }
  });

  it('rejects a rate over a total of zero', () => {
    expect(
      rejectionOf((f) => {
        const email = model(f, 0).categories.rag_email!;
        email.passed = 0;
        email.total = 0;
      }),
    ).toBe('data/llm-models.json: models[0].categories.rag_email.rate: a rate is stated over a total of 0');
  });

  it('leaves a rate unchecked when its counts are not stated', () => {
    expect(() =>
      loadCatalog(
        editedCatalogFiles((f) => {
          model(f, 0).passCount = null;
          model(f, 0).passRate = 0.9;
        }),
      ),
    ).not.toThrow();
  });
});

describe('LLM workload percentiles', () => {
  it('rejects a 95th-percentile time to first token below the median', () => {
    expect(rejectionOf((f) => (f['llm.json'].workloads[1]!.ttft5090SecP95 = 0.05))).toBe(
      'data/llm.json: workloads[1].ttft5090SecP95: 0.05 is below ttft5090SecP50 0.06: a 95th percentile cannot be below the median',
    );
  });

  it('rejects a 95th-percentile decode speed below the median', () => {
    expect(rejectionOf((f) => (f['llm.json'].workloads[0]!.decode5090TokSP95 = 100))).toBe(
      'data/llm.json: workloads[0].decode5090TokSP95: 100 is below decode5090TokSP50 147: a 95th percentile cannot be below the median',
    );
  });

  it('accepts a single-sample workload whose percentiles are equal', () => {
    expect(() =>
      loadCatalog(
        editedCatalogFiles((f) => {
          const workload = f['llm.json'].workloads[0]!;
          workload.decode5090TokSP95 = workload.decode5090TokSP50;
        }),
      ),
    ).not.toThrow();
  });
});

describe('tier memory bandwidth', () => {
  it('rejects a stated bandwidth that is not bus width x data rate / 8', () => {
    expect(rejectionOf((f) => (f['tiers.json'].tiers[3]!.memory.bandwidthGbs = 150))).toBe(
      'data/tiers.json: tiers[3].memory.bandwidthGbs: 150 does not match busWidthBits x dataRateGtps / 8 = 128 x 8.4 / 8 = 134.4',
    );
  });

  it('rejects a data rate edited without the bandwidth', () => {
    expect(rejectionOf((f) => (f['tiers.json'].tiers[6]!.memory.dataRateGtps = 4.8))).toMatch(
      /^data\/tiers\.json: tiers\[6\]\.memory\.bandwidthGbs: 17\.064 does not match .* = 32 x 4\.8 \/ 8 = 19\.2$/,
    );
  });
});

describe('VLA rate ranges', () => {
  it('rejects a default rate outside its range', () => {
    expect(rejectionOf((f) => (f['vla.json'].models[3]!.rates.defaultVlmHz = 7))).toBe(
      'data/vla.json: models[3].rates.defaultVlmHz: 7 is outside vlmHzMin..vlmHzMax (1..5)',
    );
  });

  it('rejects a range whose minimum exceeds its maximum', () => {
    expect(rejectionOf((f) => (f['vla.json'].models[4]!.rates.actionHzMin = 55))).toBe(
      'data/vla.json: models[4].rates.actionHzMin: 55 exceeds actionHzMax 50',
    );
  });
});
