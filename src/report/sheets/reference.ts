/** The Reference sheet: what each column means, the badge legend, caveats and versions. */
import { basisMeaning, type Engine, PROJECTION_BASES } from '../../engine';
import { SIZER_COMMIT, SIZER_VERSION } from '../../version';
import { BADGES } from '../badges';
import { badgeRules, textColumn } from '../columns';
import type { CellValue, SheetModel } from '../types';

/** Meanings of the platform-budget columns (the budget CSV documents no more than its caveats). */
const BUDGET_COLUMN_MEANINGS: Readonly<Record<string, string>> = {
  workload_id: 'Row id: vision_<pipeline>_<resolution>_n<streams> or llm_<quant>_<workload>_<answer kind>.',
  workload_category: 'vision or llm.',
  config_summary: 'The configuration in words.',
  hw_name: 'Hardware tier.',
  hw_bus_width_bits: 'Memory bus width.',
  hw_mem_type: 'Memory type.',
  hw_data_rate_gtps: 'Memory data rate.',
  hw_ddr_gbs_theoretical: 'Theoretical memory bandwidth: bus bits x GT/s / 8.',
  hw_ddr_gbs_effective: 'Achievable bandwidth: theoretical x bandwidth efficiency.',
  hw_peak_tops_bf16: 'Peak BF16 TOPS.',
  hw_peak_tops_fp8: 'Peak FP8 TOPS (0 on INT8-only NPUs).',
  hw_dram_capacity_gb: 'Memory capacity.',
  hw_tdp_watts: 'Thermal design power.',
  ss_duty_cycle_frac: 'Share of NPU time this slot uses (additive).',
  ss_ddr_gbs_avg: 'Average DRAM traffic, assuming bandwidth-bound work (additive).',
  ss_ddr_gbs_avg_measured: 'Average DRAM traffic from measured bytes per frame (additive; blank without a measurement).',
  ss_dram_per_forward_mb: 'Measured DRAM bytes one frame moves.',
  ss_tops_avg: 'Average compute used: peak FP8 x compute efficiency x duty (additive).',
  ss_dram_resident_mb: 'Memory the workload keeps resident (additive: check against capacity).',
  ss_power_avg_watts: 'TDP x duty, an approximation (additive).',
  ss_throughput: 'Frames per second over all streams, or decode tokens per second.',
  ss_throughput_unit: 'fps_total or tok_per_sec.',
  peak_per_frame_ms: 'Time per frame (vision) or per token (LLM); not additive.',
  peak_ddr_gbs: 'Effective bandwidth while running; not additive.',
  peak_tops: 'Peak FP8 x compute efficiency; not additive.',
  ncu_source_workloads: 'Measured components a frame fires, with firings per frame.',
  ncu_n_forwards: 'Forwards measured per component.',
  ncu_bundle_timestamp: 'When the measurement bundle was made.',
};

export function buildReferenceSheet(engine: Engine): SheetModel {
  const rows: CellValue[][] = [];
  for (const c of engine.catalog.files['platform-budget.json'].columns) {
    if (BUDGET_COLUMN_MEANINGS[c.name]) rows.push(['Budget column', c.name, BUDGET_COLUMN_MEANINGS[c.name] ?? '', c.unit ?? null]);
  }
  for (const badge of BADGES) rows.push(['Source badge', badge.source, badge.help, badge.tone]);
  for (const caveat of engine.catalog.files['platform-budget.json'].caveats.filter((l) => l.trim() !== '')) rows.push(['Caveat', null, caveat.trim(), null]);
  // Which basis the numbers are on, and how far silicon may land from them (docs/decisions/0028-calibrated-basis.md).
  for (const basis of PROJECTION_BASES) rows.push(['Basis', basis, basisMeaning(engine.calibration, basis), null]);
  rows.push(['Version', 'add-in', `SIZER ${SIZER_VERSION} (${SIZER_COMMIT})`, null]);
  rows.push(['Version', 'catalog', engine.catalog.version, null]);
  rows.push(['Version', 'reference', engine.catalog.reference, null]);
  return {
    name: 'Reference',
    title: 'How to read these sheets',
    notes: ['Every number in this workbook comes from the SIZER engine; its badge says whether it was measured or projected.'],
    tableName: 'SizerReference',
    columns: [textColumn('topic', 'Topic', 16), textColumn('name', 'Name', 28), textColumn('meaning', 'Meaning', 90), textColumn('detail', 'Unit / colour', 14)],
    rows,
    // Colour the legend's own badge names, so the Reference sheet shows what each colour means.
    badges: badgeRules('name'),
    charts: [],
  };
}
