/**
 * Where the catalog states accuracy as passes out of a total with a rate: the LLM models' overall
 * score and per-category scores, and the quant-level ladder (all in llm-models.json). The pass-count
 * and pass-rate checks both read this list, so a new accuracy field is added here once.
 */
import type { CatalogFileName, CatalogFiles } from '../schemas';

export interface PassRecord {
  readonly file: CatalogFileName;
  /** JSON path of the object holding the three fields, e.g. `models[3].categories.coding`. */
  readonly path: string;
  readonly passedField: string;
  readonly totalField: string;
  readonly rateField: string;
  /** Null where the catalog leaves the figure out (a model not scored). */
  readonly passed: number | null;
  readonly total: number | null;
  readonly rate: number | null;
}

export function passRecords(files: CatalogFiles): PassRecord[] {
  const modelsFile = files['llm-models.json'];
  const records: PassRecord[] = [];
  const overall = { file: 'llm-models.json', passedField: 'passCount', totalField: 'passTotal', rateField: 'passRate' } as const;
  modelsFile.models.forEach((model, i) => {
    records.push({ ...overall, path: `models[${i}]`, passed: model.passCount, total: model.passTotal, rate: model.passRate });
    for (const [category, score] of Object.entries(model.categories)) {
      records.push({
        file: 'llm-models.json',
        path: `models[${i}].categories.${category}`,
        passedField: 'passed',
        totalField: 'total',
        rateField: 'rate',
        passed: score.passed,
        total: score.total,
        rate: score.rate,
      });
    }
  });
  modelsFile.quantLevels.ladder.forEach((level, i) => {
    records.push({ ...overall, path: `quantLevels.ladder[${i}]`, passed: level.passCount, total: level.passTotal, rate: level.passRate });
  });
  return records;
}
