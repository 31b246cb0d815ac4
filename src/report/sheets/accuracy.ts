/**
 * The reference's Accuracy and Precision tabs as one sheet, in sections: every catalog model's
 * pass rate (passes / total) and delta against the production model; the selected model's
 * per-category breakdown with passes gained or lost against production; the quant ladder with each
 * rung's delta against dense FP16 + RAG (the W8A8 rung marked n/a where the tier's INT8 path is only
 * tensor-compatible); and the W8A8-vs-FP16 category deltas. The methodology and the W8A8 (SM120)
 * warning are catalog text (data/llm-models.json accuracyTexts).
 */
import type { Engine } from '../../engine';
import { booleanColumn, FORMAT, numberColumn, textColumn } from '../columns';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { hardwareOfConfig } from './shared';

function pp(rate: number, reference: number): number {
  return Math.round((rate - reference) * 1000) / 10;
}

export function buildAccuracySheet(engine: Engine, config: SizingConfig): SheetModel {
  const file = engine.catalog.files['llm-models.json'];
  const hw = hardwareOfConfig(engine, config);
  const production = engine.catalog.modelByKey[file.productionReference];
  const selected = engine.catalog.modelByKey[config.llm.model] ?? production;
  const label = (category: string) => file.categoryLabels[category] ?? category;
  const rows: CellValue[][] = [];

  for (const m of engine.catalog.models) {
    const isProduction = m.key === file.productionReference;
    const delta = m.passRate === null || !production || production.passRate === null ? null : pp(m.passRate, production.passRate);
    const note = m.passRate === null ? 'perf reference (no eval)' : isProduction ? 'production reference' : null;
    rows.push(['Model', m.label, null, m.key === selected?.key, m.passCount, m.passTotal, m.passRate, isProduction ? null : delta, null, `${m.totalParamsB}B / ${m.activeParamsB}B active`, note]);
  }
  if (selected) {
    for (const [category, c] of Object.entries(selected.categories)) {
      const prod = production?.categories[category];
      rows.push(['Category', selected.label, label(category), true, c.passed, c.total, c.rate, null, prod ? c.passed - prod.passed : null, null, prod ? null : 'production model has no prompts in this category']);
    }
  }
  const ladder = file.quantLevels.ladder;
  const fp16 = ladder.find((r) => r.key === file.quantLevels.fp16Reference);
  const int8Level = engine.capability(hw, 'int8');
  for (const rung of ladder) {
    const isW8a8 = /w8a8/i.test(rung.key);
    const note = isW8a8 && int8Level === 'tensor_compat' ? `n/a on ${hw.name}: INT8 is only tensor-compatible there` : null;
    rows.push(['Quant ladder', rung.label, rung.precision, false, rung.passCount, rung.passTotal, rung.passRate, fp16 && rung.key !== fp16.key ? pp(rung.passRate, fp16.passRate) : null, null, rung.measurementHost, note]);
  }
  for (const [category, delta] of Object.entries(file.quantLevels.w8a8VsFp16CategoryDeltasPp)) {
    rows.push(['W8A8 vs FP16', 'Dense W8A8 vs dense FP16', label(category), false, null, null, null, null, delta, null, null]);
  }
  return {
    name: 'Accuracy',
    title: `Accuracy: Skippy v2 evaluation (methodology ${file.methodologyVersion}), selected ${selected?.label ?? config.llm.model}`,
    notes: [...file.accuracyTexts.methodology, `Warning: ${file.accuracyTexts.w8a8Warning}`],
    tableName: 'SizerAccuracy',
    columns: [
      textColumn('section', 'Section', 14),
      textColumn('item', 'Model or configuration', 46),
      textColumn('category', 'Category or precision', 28),
      booleanColumn('selected', 'Selected', 10),
      numberColumn('passes', 'Passes', undefined, FORMAT.integer, 9, undefined, 'integer'),
      numberColumn('total', 'Prompts', undefined, FORMAT.integer, 9, undefined, 'integer'),
      numberColumn('pass_rate', 'Pass rate', undefined, '0.0%', 10),
      numberColumn('delta_pp', 'Delta vs production or FP16', 'pp', '+0.0;-0.0;0.0', 16),
      numberColumn('delta_passes', 'Delta passes', undefined, '+0;-0;0', 12, undefined, 'integer'),
      textColumn('detail', 'Architecture or host', 34),
      textColumn('note', 'Note', 40),
    ],
    rows,
    badges: [],
    charts: [],
  };
}
