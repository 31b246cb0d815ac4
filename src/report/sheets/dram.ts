/**
 * The reference's "DRAM bandwidth: saturation model vs ncu measurement" for the configured pipeline,
 * on every tier: the measured traffic (Nsight Compute bytes per frame x frames per second over all
 * streams) against the tier's effective-bandwidth ceiling (the platform budget's saturation figure),
 * as utilisation and spare bandwidth. The per-component composition of a frame is listed in the notes.
 * Pipelines without a measurement get no rows and say so.
 */
import { effectiveBandwidthGbs, type Engine } from '../../engine';
import { FORMAT, numberColumn, textColumn } from '../columns';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { comparisonTiers } from './shared';

export function buildDramSheet(engine: Engine, config: SizingConfig): SheetModel {
  const v = config.vision;
  const pipeline = engine.names.pipelines.tryResolve(v.pipeline);
  const components = (pipeline?.ncu ?? []).map((c) => ({ ...c, measured: engine.catalog.ncuWorkloadById[c.workload] }));
  const bytesPerFrame = pipeline ? (engine.measuredDram(pipeline.key)?.bytesPerFrame ?? null) : null;
  const rows: CellValue[][] = [];
  if (bytesPerFrame !== null) {
    for (const { label, hw } of comparisonTiers(engine, config)) {
      const p = engine.vision(hw, { pipeline: v.pipeline, resolution: v.resolution, streams: v.streams, npuShare: config.npuShare, compilerQuality: v.compilerQuality });
      const ceiling = effectiveBandwidthGbs(hw);
      const measuredGbs = (bytesPerFrame * p.totalFps) / 1e9;
      rows.push([label, p.totalFps, bytesPerFrame / 1e6, measuredGbs, ceiling, measuredGbs / ceiling, Math.max(0, ceiling - measuredGbs)]);
    }
  }
  const bundle = engine.catalog.files['ncu-bundle.json'];
  const composition = components.map(
    (c) => `Component ${c.workload}: ${c.firesPerFrame.toPrecision(3)} fires per frame x ${c.measured ? (c.measured.dramBytesPerForward / 1e6).toFixed(1) : '?'} MB per fire${c.measured ? ` (${c.measured.nForwards} forwards measured)` : ' (not measured)'}.`,
  );
  return {
    name: 'DRAM bandwidth',
    title: `DRAM saturation vs measured: ${pipeline?.label ?? v.pipeline}, ${v.streams} stream(s) at ${v.resolution}`,
    notes: [
      bytesPerFrame === null
        ? `No Nsight Compute measurement is mapped for ${pipeline?.label ?? v.pipeline} yet: no rows.`
        : `Measured = DRAM bytes per frame x total FPS; ceiling = the tier's effective bandwidth (the saturation model the budget's ss_ddr_gbs_avg assumes); utilisation = measured / ceiling.`,
      ...composition,
      `ncu bundle ${bundle.exportTimestampIso}, ${bundle.workloads.length} workloads, host ${bundle.measurementHost}.`,
    ],
    tableName: 'SizerDram',
    columns: [
      textColumn('tier', 'Tier', 38),
      numberColumn('total_fps', 'Total FPS', 'FPS', FORMAT.one, 11),
      numberColumn('dram_mb_per_frame', 'DRAM per frame', 'MB', FORMAT.one, 15),
      numberColumn('measured_gbs', 'Measured', 'GB/s', FORMAT.two, 14),
      numberColumn('ceiling_gbs', 'Ceiling (saturation model)', 'GB/s', FORMAT.one, 18),
      numberColumn('utilisation', 'Utilisation', undefined, '0.0%', 12),
      numberColumn('spare_gbs', 'Spare bandwidth', 'GB/s', FORMAT.one, 16),
    ],
    rows,
    badges: [],
    charts: rows.length === 0 ? [] : [{ kind: 'column', title: 'DRAM GB/s: measured vs ceiling by tier', categoryColumn: 'tier', seriesColumns: ['measured_gbs', 'ceiling_gbs'], xAxisTitle: 'Tier', yAxisTitle: 'DRAM GB/s' }],
  };
}
