/** Vision across pipelines: every catalog pipeline on the configured hardware, streams and resolution. */
import type { Engine } from '../../engine';
import { badgeRules, booleanColumn, FORMAT, numberColumn, textColumn } from '../columns';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { hardwareOfConfig } from './shared';

export function buildCrossPipelineSheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const v = config.vision;
  const trackLabel = new Map(engine.catalog.files['pipelines.json'].tracks.map((t) => [t.id, t.label]));
  const rows: CellValue[][] = engine.catalog.pipelines.map((p) => {
    try {
      const x = engine.vision(hw, { pipeline: p.key, resolution: v.resolution, streams: v.streams, npuShare: config.npuShare, compilerQuality: v.compilerQuality });
      return [p.label, p.key, trackLabel.get(p.track) ?? p.track, p.key === engine.names.pipelines.tryResolve(v.pipeline)?.key, x.perStreamMs, x.fpsPerStream, x.totalFps, x.vramMb, x.fitsInMemory, x.source, x.regime, null];
    } catch (error) {
      return [p.label, p.key, trackLabel.get(p.track) ?? p.track, false, null, null, null, null, null, null, null, error instanceof Error ? error.message : String(error)];
    }
  });
  return {
    name: 'Cross-pipeline vision',
    title: `Vision across pipelines on ${hw.name}: ${v.streams} stream(s) at ${v.resolution}`,
    notes: ['Every pipeline of the catalog in catalog order, the selected one marked. Batched multi-stream rows carry no badge (as in the reference).'],
    tableName: 'SizerCrossPipeline',
    columns: [
      textColumn('pipeline', 'Pipeline', 44),
      textColumn('pipeline_key', 'Key', 30),
      textColumn('track', 'Track', 26),
      booleanColumn('selected', 'Selected', 10),
      numberColumn('per_stream_ms', 'ms per frame', 'ms', FORMAT.two, 13),
      numberColumn('fps_per_stream', 'FPS per stream', 'FPS', FORMAT.one, 14),
      numberColumn('total_fps', 'Total FPS', 'FPS', FORMAT.one, 11),
      numberColumn('vram_mb', 'Memory (MB)', 'MB', FORMAT.integer, 12),
      booleanColumn('fits_in_memory', 'Fits', 8),
      textColumn('source', 'Source', 22),
      textColumn('regime', 'Regime', 24),
      textColumn('note', 'Note', 30),
    ],
    rows,
    badges: badgeRules('source'),
    charts: [{ kind: 'bar', title: `FPS per stream by pipeline on ${hw.name}`, categoryColumn: 'pipeline_key', seriesColumns: ['fps_per_stream'], xAxisTitle: 'Pipeline', yAxisTitle: 'FPS per stream' }],
  };
}
