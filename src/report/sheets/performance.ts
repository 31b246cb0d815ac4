/**
 * The reference's Performance view: the RTX 5090 bake-off per workload category (decode tok/s and
 * TTFT at p50 and p95, samples) and the multipliers the sizer applies to each category, from
 * data/llm.json. Measured on the perf reference model, so one table serves every tier.
 */
import type { Engine } from '../../engine';
import { FORMAT, numberColumn, textColumn } from '../columns';
import type { CellValue, SheetModel } from '../types';

export function buildPerformanceSheet(engine: Engine): SheetModel {
  const llm = engine.catalog.files['llm.json'];
  const rows: CellValue[][] = llm.workloads.map((w) => [
    w.label,
    w.key,
    w.samples,
    w.decode5090TokSP50,
    w.decode5090TokSP95,
    w.ttft5090SecP50 * 1000,
    w.ttft5090SecP95 * 1000,
    w.decodeMultiplier,
    w.ttftMultiplier,
  ]);
  return {
    name: 'Performance',
    title: `RTX 5090 bake-off per workload: ${llm.referenceModel.label}`,
    notes: [
      `Measured with ${llm.referenceModel.label} on the RTX 5090 (llama.cpp). The sizer scales a tier's plain-chat decode and TTFT by each category's multiplier (p50 relative to plain chat).`,
    ],
    tableName: 'SizerPerformance',
    columns: [
      textColumn('workload', 'Workload', 32),
      textColumn('workload_key', 'Key', 20),
      numberColumn('samples', 'Samples (n)', undefined, FORMAT.integer, 11, undefined, 'integer'),
      numberColumn('decode_5090_tok_s_p50', 'Decode p50', 'tok/s', FORMAT.one, 16),
      numberColumn('decode_5090_tok_s_p95', 'Decode p95', 'tok/s', FORMAT.one, 16),
      numberColumn('ttft_5090_ms_p50', 'TTFT p50', 'ms', FORMAT.integer, 13),
      numberColumn('ttft_5090_ms_p95', 'TTFT p95', 'ms', FORMAT.integer, 13),
      numberColumn('decode_multiplier', 'Decode multiplier', 'x', FORMAT.three, 16),
      numberColumn('ttft_multiplier', 'TTFT multiplier', 'x', FORMAT.two, 15),
    ],
    rows,
    badges: [],
    charts: [{ kind: 'bar', title: 'RTX 5090 decode tok/s (p50) by workload', categoryColumn: 'workload', seriesColumns: ['decode_5090_tok_s_p50'], xAxisTitle: 'Workload', yAxisTitle: 'Decode tok/s (p50)' }],
  };
}
