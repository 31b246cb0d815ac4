/**
 * The reference's "LLM performance across real-workload mixes": the configured model and quant on
 * the configured hardware under each workload category, fastest first, the selected category marked,
 * and the spread caption (fastest over slowest positive decode). The engine's model projection
 * already applies the per-model scaling the reference multiplies the chart by.
 */
import type { Engine } from '../../engine';
import { badgeRules, booleanColumn, FORMAT, numberColumn, textColumn } from '../columns';
import { basisOf, decodeBandColumns } from '../basis';
import { workloadMixChart } from '../charts';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { hardwareOfConfig } from './shared';

export function buildWorkloadMixSheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const l = config.llm;
  const entries = engine.catalog.files['llm.json'].workloads.map((w) => {
    const { projection: m, decode } = engine.onBasis(hw, engine.llmModel(hw, l.model, { quant: l.quant, workload: w.key, npuShare: config.npuShare, fp4Maturity: l.fp4Maturity }), basisOf(config), config.npuShare);
    return { w, m, decode, gated: !m.gate.supported };
  });
  const runnable = entries.filter((e) => !e.gated);
  runnable.sort((a, b) => b.m.decodeTokS - a.m.decodeTokS);
  const ordered = [...runnable, ...entries.filter((e) => e.gated)];
  const rows: CellValue[][] = ordered.map(({ w, m, decode, gated }) => [
    w.label,
    w.samples,
    gated ? null : m.decodeTokS,
    gated ? null : decode.decodeTokSLow,
    gated ? null : decode.decodeTokSHigh,
    gated ? null : m.ttft1kSec * 1000,
    gated ? null : m.shortAnswerSec,
    w.key === l.workload,
    gated ? null : m.source,
  ]);
  const decodes = runnable.map((e) => e.m.decodeTokS).filter((d) => d > 0);
  const spread =
    decodes.length > 0
      ? `Spread: ${(Math.max(...decodes) / Math.min(...decodes)).toFixed(0)}x between the fastest category (${Math.max(...decodes).toFixed(0)} tok/s) and the slowest (${Math.min(...decodes).toFixed(1)} tok/s).`
      : `${l.model} cannot run on ${hw.name} (dtype gate): no workload mix.`;
  return {
    name: 'Workload mix',
    basis: basisOf(config),
    title: `LLM across workload mixes on ${hw.name}: ${l.model} ${l.quant}`,
    notes: [spread, 'Fastest first; the selected workload is marked. Per-model scaling applied (as the reference scales its chart).'],
    tableName: 'SizerWorkloadMix',
    columns: [
      textColumn('workload', 'Workload', 32),
      numberColumn('samples', 'Samples (n)', undefined, FORMAT.integer, 11, undefined, 'integer'),
      numberColumn('decode_tok_s', 'Decode tok/s', 'tok/s', FORMAT.one, 13),
      ...decodeBandColumns(FORMAT.one),
      numberColumn('ttft_1k_ms', 'TTFT 1K', 'ms', FORMAT.integer, 12),
      numberColumn('short_answer_sec', 'Short answer', 's', FORMAT.two, 14),
      booleanColumn('selected', 'Selected', 10),
      textColumn('source', 'Source', 20),
    ],
    rows,
    badges: badgeRules('source'),
    charts: [
      workloadMixChart({
        categoryColumn: 'workload',
        valueColumn: 'decode_tok_s',
        selectedWorkload: entries.find((e) => e.w.key === l.workload)?.w.label ?? null,
        hwName: hw.name,
        quant: l.quant,
      }),
    ],
  };
}
