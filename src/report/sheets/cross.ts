/** Cross-tier (vision, LLM, VLA) and cross-model (LLM) comparison sheets, each with a chart spec. */
import { type Engine, explanationOnBasis, vlaRecord } from '../../engine';
import { badgeRules, booleanColumn, FORMAT, numberColumn, textColumn } from '../columns';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { FPS_THRESHOLDS, PALETTE, tierLadderChart } from '../charts';
import { bandCells, bandColumns } from '../bands';
import { basisOf, decodeBandColumns } from '../basis';
import { comparisonTiers, hardwareOfConfig, llmModelOnBasisOf, selectedTierLabel } from './shared';

/** How the row's number was derived (the engine's explanation). */
const EXPLANATION_COLUMN = textColumn('explanation', 'Explanation', 90);

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function buildCrossTierVisionSheet(engine: Engine, config: SizingConfig): SheetModel {
  const v = config.vision;
  const rows: CellValue[][] = comparisonTiers(engine, config).map(({ label, hw }) => {
    try {
      const p = engine.vision(hw, { pipeline: v.pipeline, resolution: v.resolution, streams: v.streams, npuShare: config.npuShare, compilerQuality: v.compilerQuality });
      return [label, p.perStreamMs, p.fpsPerStream, ...bandCells(engine, 'fps', p.source, p.fpsPerStream), p.totalFps, p.vramMb, p.fitsInMemory, p.source, p.regime, null, engine.explainVision(hw, p, v.compilerQuality).text];
    } catch (error) {
      return [label, null, null, null, null, null, null, null, null, null, errorText(error), null];
    }
  });
  return {
    name: 'Cross-tier vision',
    title: `Vision across tiers: ${v.pipeline}, ${v.streams} stream(s) at ${v.resolution}`,
    notes: ['Each tier at its default NPU share unless the configuration sets one. Batched multi-stream rows carry no badge (as in the reference).'],
    tableName: 'SizerCrossTierVision',
    columns: [
      textColumn('tier', 'Tier', 38),
      numberColumn('per_stream_ms', 'ms per frame', 'ms', FORMAT.two, 14),
      numberColumn('fps_per_stream', 'FPS per stream', 'FPS', FORMAT.two, 15),
      ...bandColumns('fps_per_stream', 'FPS per stream', 'FPS', FORMAT.two),
      numberColumn('total_fps', 'Total FPS', 'FPS', FORMAT.two, 12),
      numberColumn('vram_mb', 'Memory (MB)', 'MB', FORMAT.integer, 12),
      booleanColumn('fits_in_memory', 'Fits', 8),
      textColumn('source', 'Source', 22),
      textColumn('regime', 'Regime', 30),
      textColumn('note', 'Note', 40),
      EXPLANATION_COLUMN,
    ],
    rows,
    badges: badgeRules('source'),
    charts: [
      tierLadderChart({ title: 'Per-stream FPS vs NPU tier', categoryColumn: 'tier', valueColumn: 'fps_per_stream', yAxisTitle: 'FPS per stream', selectedTier: selectedTierLabel(engine, config), thresholds: FPS_THRESHOLDS }),
    ],
  };
}

export function buildCrossTierLlmSheet(engine: Engine, config: SizingConfig): SheetModel {
  const l = config.llm;
  const rows: CellValue[][] = comparisonTiers(engine, config).map(({ label, hw }) => {
    try {
      const reference = engine.llmModel(hw, l.model, { quant: l.quant, workload: l.workload, npuShare: config.npuShare, fp4Maturity: l.fp4Maturity });
      if (!reference.gate.supported) return [label, null, null, null, null, null, null, null, reference.fitsInMemory, reference.gate.level, null, `dtype mismatch: needs ${reference.gate.computeDtype} compute`, null];
      const { projection: m, decode } = engine.onBasis(hw, reference, basisOf(config), config.npuShare);
      const explanation = explanationOnBasis(engine.calibration, engine.explainModel(hw, reference), reference.decodeTokS, decode).text;
      const ttftBand = bandCells(engine, 'ttft', m.source, m.ttft1kSec, basisOf(config));
      return [label, m.decodeTokS, decode.decodeTokSLow, decode.decodeTokSHigh, m.ttft1kSec, ...ttftBand, m.shortAnswerSec, m.fitsInMemory, m.gate.level, m.source, null, explanation];
    } catch (error) {
      return [label, null, null, null, null, null, null, null, null, null, null, errorText(error), null];
    }
  });
  return {
    name: 'Cross-tier LLM',
    basis: basisOf(config),
    title: `LLM across tiers: ${l.model} ${l.quant}, ${l.workload}`,
    notes: ['Decode and TTFT per tier for the selected model (alias, per-model scaling and dtype gate applied). Tiers that cannot run the model show no numbers.'],
    tableName: 'SizerCrossTierLlm',
    columns: [
      textColumn('tier', 'Tier', 38),
      numberColumn('decode_tok_s', 'Decode tok/s', 'tok/s', FORMAT.two, 14),
      ...decodeBandColumns(),
      numberColumn('ttft_1k_sec', 'TTFT (1K prompt)', 's', FORMAT.three, 16),
      ...bandColumns('ttft_1k_sec', 'TTFT', 's', FORMAT.three),
      numberColumn('short_answer_sec', 'Short answer', 's', FORMAT.two, 14),
      booleanColumn('fits_in_memory', 'Fits', 8),
      textColumn('dtype_level', 'Dtype path', 16),
      textColumn('source', 'Source', 22),
      textColumn('note', 'Note', 40),
      EXPLANATION_COLUMN,
    ],
    rows,
    badges: badgeRules('source'),
    charts: [tierLadderChart({ title: `Decode tok/s vs NPU tier: ${l.workload}`, categoryColumn: 'tier', valueColumn: 'decode_tok_s', yAxisTitle: 'Decode tok/s', selectedTier: selectedTierLabel(engine, config) })],
  };
}

export function buildCrossTierVlaSheet(engine: Engine, config: SizingConfig): SheetModel {
  const x = config.vla;
  const rows: CellValue[][] = comparisonTiers(engine, config).map(({ label, hw }) => {
    try {
      const projection = engine.vla(hw, { vla: x.model, cameras: x.cameras, fleetSize: x.fleetSize, cameraMode: x.cameraMode, npuShare: config.npuShare });
      const detail = engine.vlaDetail(hw, projection, { vlmHz: x.vlmHz ?? null, actionHz: x.actionHz ?? null, targetActionHz: x.targetActionHz ?? null });
      const p = vlaRecord(projection, { ...detail, bandwidthRatioVsRef: engine.bandwidthRatio(hw) });
      const runs = p.runs === true;
      const num = (k: string): CellValue => (runs && typeof p[k] === 'number' ? (p[k] as number) : null);
      return [label, runs, num('action_hz'), num('ms_per_action'), num('dram_gb'), (p.vla_source as string | null) ?? null, runs ? null : ((p.reason as string | null) ?? 'does not run'), detail.explanation.text];
    } catch (error) {
      return [label, false, null, null, null, null, errorText(error), null];
    }
  });
  return {
    name: 'Cross-tier VLA',
    title: `VLA across tiers: ${x.model}`,
    notes: ['Action rate per tier (per instance); setups that do not run say why.'],
    tableName: 'SizerCrossTierVla',
    columns: [
      textColumn('tier', 'Tier', 38),
      booleanColumn('runs', 'Runs', 8),
      numberColumn('action_hz', 'Actions per second', 'Hz', FORMAT.two, 18),
      numberColumn('ms_per_action', 'ms per action', 'ms', FORMAT.two, 14),
      numberColumn('dram_gb', 'Memory (GB)', 'GB', FORMAT.two, 12),
      textColumn('source', 'Source', 16),
      textColumn('reason', 'Why not', 50),
      EXPLANATION_COLUMN,
    ],
    rows,
    badges: badgeRules('source'),
    charts: [tierLadderChart({ title: 'VLA actions per second by tier', categoryColumn: 'tier', valueColumn: 'action_hz', yAxisTitle: 'Actions per second', selectedTier: selectedTierLabel(engine, config) })],
  };
}

export function buildCrossModelSheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const l = config.llm;
  const rows: CellValue[][] = engine.orderedModels(hw).map(({ model }) => {
    const { projection: m, decode } = llmModelOnBasisOf(engine, hw, { ...config, llm: { ...l, model: model.key } });
    const gated = !m.gate.supported;
    return [
      model.key,
      model.role,
      model.activeParamsB,
      model.sizeGb,
      m.perfScaleFactor,
      gated ? null : m.decodeTokS,
      gated ? null : decode.decodeTokSLow,
      gated ? null : decode.decodeTokSHigh,
      gated ? null : m.ttft1kSec,
      m.fitsInMemory,
      m.gate.level,
      gated ? null : m.source,
      model.passRate,
    ];
  });
  return {
    name: 'Cross-model LLM',
    basis: basisOf(config),
    title: `LLM models on ${hw.name}: ${l.quant}, ${l.workload}`,
    notes: ['Models this tier can run first, then by role; the dense FP16 models need an FP path (no numbers where the dtype gate blocks them).'],
    tableName: 'SizerCrossModel',
    columns: [
      textColumn('model', 'Model', 32),
      textColumn('role', 'Role', 14),
      numberColumn('active_params_b', 'Active params (B)', 'B', FORMAT.one, 16),
      numberColumn('size_gb', 'Size (GB, Q4)', 'GB', FORMAT.two, 13),
      numberColumn('perf_scale_factor', 'Perf scale', undefined, FORMAT.three, 11),
      numberColumn('decode_tok_s', 'Decode tok/s', 'tok/s', FORMAT.two, 14),
      ...decodeBandColumns(),
      numberColumn('ttft_1k_sec', 'TTFT (1K prompt)', 's', FORMAT.three, 16),
      booleanColumn('fits_in_memory', 'Fits', 8),
      textColumn('dtype_level', 'Dtype path', 16),
      textColumn('source', 'Source', 22),
      numberColumn('pass_rate', 'Eval pass rate', undefined, '0.0%', 14),
    ],
    rows,
    badges: badgeRules('source'),
    charts: [
      {
        kind: 'bar',
        title: `Decode tok/s by model on ${hw.name}`,
        categoryColumn: 'model',
        seriesColumns: ['decode_tok_s'],
        xAxisTitle: 'Model',
        yAxisTitle: 'Decode tok/s',
        colors: { decode_tok_s: PALETTE.neutral },
        highlightCategory: l.model,
        highlightColor: PALETTE.accent,
      },
    ],
  };
}
