/**
 * The reference's on-screen KPI table and its keyhole_kpis.csv: one row per enabled workload
 * ("Vision · <pipeline>", "LLM · <model>", "VLA · <model>") with per-camera and aggregate FPS, fit,
 * the DDR bandwidth ratio vs NPU Mid, decode, TTFT and control rate, blank where a column does not
 * apply; then the companion sizer's (PAI) KPI row: the token-shaped projection of the configured
 * model's measured stand-in (its catalog default prompt and answer), with end-to-end seconds, memory
 * required and its source. The numbers are the sizing projector's (the pane's tiles), so the sheet
 * and the pane agree.
 */
import { type Engine } from '../../engine';
import { badgeRules, booleanColumn, FORMAT, numberColumn, textColumn } from '../columns';
import type { SizingConfig } from '../config';
import { projectConfig } from '../project-config';
import type { CellValue, SheetModel } from '../types';
import { basisOf, decodeBandColumns } from '../basis';
import { hardwareOfConfig, paiShapeOnBasisOf } from './shared';

export function buildKpiSummarySheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  // The engine's one rule for the reference's "DDR bandwidth ratio vs NPU Mid".
  const ratio = engine.bandwidthRatio(hw);
  const p = projectConfig(engine, config);
  const rows: CellValue[][] = [];
  if (p.vision) {
    rows.push([`Vision · ${p.vision.pipeline}`, p.vision.fpsPerStreamUnderLlm, p.vision.totalFpsUnderLlm, p.vision.fitsInMemory, ratio, null, null, null, null, null, null, null, p.vision.source]);
  }
  if (p.llm) {
    rows.push([`LLM · ${p.llm.modelLabel.split(' (')[0]}`, null, null, p.llm.fitsInMemory, ratio, p.llm.decodeTokS, p.llm.decodeTokSLow, p.llm.decodeTokSHigh, p.llm.ttft1kSec * 1000, null, p.llm.answerSec, p.llm.ggufSizeGb, p.llm.source]);
  }
  if (p.vla) {
    rows.push([`VLA · ${p.vla.label}`, null, null, p.vla.fitsInMemory, ratio, null, null, null, null, p.vla.actionHz, null, p.vla.fleetSize > 1 ? p.vla.fleetMemoryGb : p.vla.dramGb, p.vla.source]);
  }
  // The companion sizer's KPI row: the configured model's measured stand-in as a token-shaped projection.
  const { result: shape, decode: shapeDecode } = paiShapeOnBasisOf(engine, hw, config);
  const shapeLabel = `PAI · ${shape.model} ${shape.quantScheme}`;
  // A shape with no prefill throughput has no compute path for its dtype on this tier.
  if (shape.resultType === 'Projected' && shape.prefillTokS > 0) {
    rows.push([shapeLabel, null, null, shape.feasibility.verdict !== 'wont_fit', ratio, shape.decodeTokS, shapeDecode?.decodeTokSLow ?? null, shapeDecode?.decodeTokSHigh ?? null, shape.ttftS * 1000, null, shape.totalS, shape.feasibility.requiredGb, shape.source]);
  } else {
    rows.push([shapeLabel, null, null, shape.resultType === 'WontFit' ? false : null, ratio, null, null, null, null, null, null, shape.feasibility.requiredGb, shape.resultType === 'WontFit' ? 'wont_fit' : shape.resultType === 'DtypeMismatch' ? 'dtype_mismatch' : 'no prefill path']);
  }
  return {
    name: 'KPI summary',
    basis: basisOf(config),
    title: `KPIs, current configuration: ${hw.name}`,
    notes: [
      'The reference\'s on-screen KPI table (keyhole_kpis.csv): blank cells do not apply to that workload. FPS is after the LLM\'s duty cycle when both run.',
      'The PAI row is the companion sizer\'s KPI row: the token-shaped projection at its default prompt and answer lengths; end-to-end and memory required are its figures.',
    ],
    tableName: 'SizerKpiSummary',
    columns: [
      textColumn('workload', 'Workload', 40),
      numberColumn('per_cam_fps', 'Per-cam FPS', 'FPS', FORMAT.one, 12),
      numberColumn('aggregate_fps', 'Aggregate FPS', 'FPS', FORMAT.integer, 13),
      booleanColumn('fits', 'Fits', 8),
      numberColumn('bw_ratio_vs_mid', 'BW ratio vs Mid', 'x', FORMAT.two, 14),
      numberColumn('decode_tok_s', 'Decode tok/s', 'tok/s', FORMAT.one, 13),
      ...decodeBandColumns(FORMAT.one),
      numberColumn('ttft_ms', 'TTFT ms', 'ms', FORMAT.integer, 10),
      numberColumn('control_hz', 'Control Hz', 'Hz', FORMAT.one, 11),
      numberColumn('end_to_end_s', 'End-to-end', 's', FORMAT.two, 12),
      numberColumn('mem_required_gb', 'Memory required', 'GB', FORMAT.one, 15),
      textColumn('source', 'Source', 22),
    ],
    rows,
    badges: badgeRules('source'),
    charts: [],
  };
}
