/**
 * Platform-budget rows: one row per workload slot sharing the NPU, in the reference CSV's columns.
 * ss_* columns are steady-state and add up across rows; peak_* columns do not. Values are rounded
 * as the reference rounds them (Python round, ties to even) so the exported table matches cell for
 * cell; blanks are null.
 */
import type { Catalog } from '../catalog/load';
import type { Resolution } from '../catalog/schemas';
import { effectiveBandwidthGbs, type Hardware } from '../hardware/types';
import { projectLlm, quantRecord, workloadRecord } from '../llm/project';
import type { AnswerKind } from '../llm/types';
import { pyFixed, pyFloatRepr, pyRound } from '../util/pyround';
import type { VisionContext } from '../vision/context';
import { projectVision } from '../vision/project';
import { type BasisChoice, projectionOnBasis } from '../calibration/on-basis';
import { answerSeconds } from './duty';

export type BudgetCell = string | number | null;
export type BudgetRow = Readonly<Record<string, BudgetCell>>;

/**
 * A budget row in column order. Built with plain assignments: object spreads in this hot path
 * (2,250 rows per matrix) cost several times the projection itself.
 */
function budgetRow(id: string, category: string, summary: string, hw: Hardware, ss: Record<string, BudgetCell>): BudgetRow {
  const row: Record<string, BudgetCell> = {
    workload_id: id,
    workload_category: category,
    config_summary: summary,
    hw_name: hw.name,
    hw_bus_width_bits: hw.memBusWidthBits,
    hw_mem_type: hw.memType,
    hw_data_rate_gtps: hw.memDataRateGtps,
    hw_ddr_gbs_theoretical: pyRound(hw.memBandwidthGbs, 2),
    hw_ddr_gbs_effective: pyRound(effectiveBandwidthGbs(hw), 2),
    hw_peak_tops_bf16: hw.peakTops.bf16,
    hw_peak_tops_fp8: hw.peakTops.fp8,
    hw_dram_capacity_gb: hw.memCapacityGb,
    hw_tdp_watts: hw.tdpWatts,
  };
  for (const key of Object.keys(ss)) row[key] = ss[key] ?? null;
  return row;
}

export interface VisionBudgetInput {
  readonly pipeline: string;
  readonly resolution: Resolution;
  readonly streams: number;
  readonly dutyCycle: number;
}

export function visionBudgetRow(ctx: VisionContext, hw: Hardware, input: VisionBudgetInput): BudgetRow {
  const catalog = ctx.catalog;
  const p = catalog.pipelineByKey[input.pipeline];
  if (!p) throw new Error(`unknown pipeline ${input.pipeline}`);
  const duty = input.dutyCycle;
  const n = input.streams;
  const v = projectVision(ctx, hw, { pipeline: p.key, resolution: input.resolution, streams: n, npuShare: null, compilerQuality: 1 });
  const effBw = effectiveBandwidthGbs(hw);
  const dram = ctx.measuredDram.get(p.key) ?? null;
  const topsAtEfficiency = hw.peakTops.fp8 * hw.computeEfficiency;
  const summary = `${p.label} · ${n} stream(s) @ ${input.resolution} · ${hw.name}` + (duty < 1 ? ` · duty ${pyFixed(duty, 2)}` : '');
  return budgetRow(`vision_${p.key}_${input.resolution}_n${n}`, 'vision', summary, hw, {
    ss_duty_cycle_frac: pyRound(duty, 3),
    ss_ddr_gbs_avg: pyRound(effBw * duty, 2),
    ss_ddr_gbs_avg_measured: dram ? pyRound((dram.bytesPerFrame * v.fpsPerStream * duty * n) / 1e9, 2) : null,
    ss_dram_per_forward_mb: dram ? pyRound(dram.bytesPerFrame / 1e6, 2) : null,
    ss_tops_avg: pyRound(topsAtEfficiency * duty, 1),
    ss_dram_resident_mb: pyRound(v.vramMb),
    ss_power_avg_watts: pyRound(hw.tdpWatts * duty, 1),
    ss_throughput: pyRound(v.fpsPerStream * duty * n, 2),
    ss_throughput_unit: 'fps_total',
    peak_per_frame_ms: pyRound(v.perStreamMs, 2),
    peak_ddr_gbs: pyRound(effBw, 2),
    peak_tops: pyRound(topsAtEfficiency, 1),
    ncu_source_workloads: dram ? dram.sourceWorkloads : null,
    ncu_n_forwards: dram ? dram.nForwards : null,
    ncu_bundle_timestamp: dram ? catalog.files['ncu-bundle.json'].exportTimestampIso : null,
  });
}

export interface LlmBudgetInput {
  readonly quant: string;
  readonly workload: string;
  readonly queriesPerMinute: number;
  readonly answerKind: AnswerKind;
  /**
   * The basis the row's decode (and the duty cycle, bandwidth and times read from it) is on, with the
   * calibration it reads; absent: the reference's number (docs/decisions/0028-calibrated-basis.md).
   */
  readonly basis?: BasisChoice | null;
}


export function llmBudgetRow(catalog: Catalog, hw: Hardware, input: LlmBudgetInput): BudgetRow {
  const llmConstants = catalog.files['llm.json'];
  const quant = quantRecord(catalog, input.quant);
  const workload = workloadRecord(catalog, input.workload);
  const projected = projectLlm(catalog, hw, { quant: quant.key, workload: workload.key, npuShare: null, measurementKey: null, fp4Maturity: 'mature' });
  // The reference path (every parity row) never enters the calibration code.
  const l = projectionOnBasis(catalog, input.basis ?? null, hw, projected, null);
  const duty = Math.min(1, (input.queriesPerMinute / 60) * answerSeconds(l, input.answerKind));
  const effBw = effectiveBandwidthGbs(hw);
  const topsAtEfficiency = hw.peakTops.fp8 * hw.computeEfficiency;
  const bytesPerToken = llmConstants.referenceModel.activeParams * quant.bytesPerParam;
  const summary =
    `${llmConstants.referenceModel.label} ${quant.key} · ${workload.label} · ${pyFixed(input.queriesPerMinute, 1)} q/min · ` +
    `${input.answerKind} answer · ${hw.name}`;
  return budgetRow(`llm_${quant.key}_${workload.key}_${input.answerKind}`, 'llm', summary, hw, {
    ss_duty_cycle_frac: pyRound(duty, 3),
    ss_ddr_gbs_avg: pyRound(((bytesPerToken * l.decodeTokS) / 1e9) * duty, 2),
    ss_ddr_gbs_avg_measured: null,
    ss_dram_per_forward_mb: null,
    ss_tops_avg: pyRound(topsAtEfficiency * duty, 1),
    ss_dram_resident_mb: pyRound(quant.ggufSizeGb * 1024, 0),
    ss_power_avg_watts: pyRound(hw.tdpWatts * duty, 1),
    ss_throughput: pyRound(l.decodeTokS, 2),
    ss_throughput_unit: 'tok_per_sec',
    peak_per_frame_ms: pyRound(1000 / Math.max(l.decodeTokS, 1e-9), 2),
    peak_ddr_gbs: pyRound(effBw, 2),
    peak_tops: pyRound(topsAtEfficiency, 1),
    ncu_source_workloads: null,
    ncu_n_forwards: null,
    ncu_bundle_timestamp: null,
  });
}

/** Formats one cell as the reference's CSV writes it (Python str of ints and floats). */
export function formatBudgetCell(value: BudgetCell, kind: 'text' | 'int' | 'float'): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return kind === 'int' ? String(Math.round(value)) : pyFloatRepr(value);
}
