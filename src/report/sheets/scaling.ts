/** Stream scaling (1 to 16 streams) and the duty curve (vision FPS against LLM queries per minute). */
import { type Engine, llmDutyCycle, visionFpsUnderLlmLoad } from '../../engine';
import { booleanColumn, FORMAT, numberColumn } from '../columns';
import { basisOf } from '../basis';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { dutyCurveChart, PALETTE, REAL_TIME_THRESHOLD } from '../charts';
import { hardwareOfConfig, llmModelOf } from './shared';

export function buildStreamScalingSheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const v = config.vision;
  const rows: CellValue[][] = engine
    .streamScaling(hw, { pipeline: v.pipeline, resolution: v.resolution, npuShare: config.npuShare, compilerQuality: v.compilerQuality })
    .map((p) => [p.streams, p.perStreamMs, p.fpsPerStream, p.totalFps, p.vramMb, p.fitsInMemory]);
  return {
    name: 'Stream scaling',
    title: `Stream scaling: ${v.pipeline} at ${v.resolution} on ${hw.name}`,
    notes: [
      'YOLO+CLIP pipelines batch the detector from two streams up, so the step from 1 to 2 streams follows a different projection path (a reference behaviour).',
      'Other pipelines time-slice: total FPS stays flat and each stream gets its share.',
    ],
    tableName: 'SizerStreamScaling',
    columns: [
      numberColumn('streams', 'Streams', undefined, FORMAT.integer, 9, undefined, 'integer'),
      numberColumn('per_stream_ms', 'ms per frame', 'ms', FORMAT.two, 14),
      numberColumn('fps_per_stream', 'FPS per stream', 'FPS', FORMAT.two, 15),
      numberColumn('total_fps', 'Total FPS', 'FPS', FORMAT.two, 12),
      numberColumn('vram_mb', 'Memory (MB)', 'MB', FORMAT.integer, 12),
      booleanColumn('fits_in_memory', 'Fits', 8),
    ],
    rows,
    badges: [],
    charts: [
      {
        kind: 'line',
        title: 'FPS against camera streams',
        categoryColumn: 'streams',
        seriesColumns: ['fps_per_stream', 'total_fps'],
        xAxisTitle: 'Concurrent streams',
        yAxisTitle: 'Per-stream FPS',
        secondaryAxisColumns: ['total_fps'],
        secondaryAxisTitle: 'Total system FPS',
        colors: { fps_per_stream: PALETTE.indigo, total_fps: PALETTE.green },
        dashedColumns: ['total_fps'],
        thresholds: [REAL_TIME_THRESHOLD],
      },
    ],
  };
}

/** Queries per minute plotted on the duty curve: 0 to the catalog's maximum in its steps (data/llm.json dutyCurve). */
export function dutyCurveQpm(engine: Engine): number[] {
  const c = engine.catalog.files['llm.json'].dutyCurve;
  const steps = Math.round(c.maxQueriesPerMinute / c.stepQueriesPerMinute);
  return Array.from({ length: steps + 1 }, (_, i) => i * c.stepQueriesPerMinute);
}

export function buildDutyCurveSheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const v = config.vision;
  const vision = engine.vision(hw, { pipeline: v.pipeline, resolution: v.resolution, streams: v.streams, npuShare: config.npuShare, compilerQuality: v.compilerQuality });
  const llm = llmModelOf(engine, hw, config);
  const gated = !llm.gate.supported;
  const warning = engine.catalog.files['llm.json'].dutyCurve.warningDutyCycle;
  // The configured answer kind, then both kinds side by side as the reference draws them, and the amber line.
  const rows: CellValue[][] = dutyCurveQpm(engine).map((qpm) =>
    gated
      ? [qpm, null, vision.fpsPerStream, null, vision.fpsPerStream, null, vision.fpsPerStream, warning]
      : [
          qpm,
          llmDutyCycle(llm, qpm, config.llm.answerKind),
          visionFpsUnderLlmLoad(vision.fpsPerStream, llm, qpm, config.llm.answerKind),
          llmDutyCycle(llm, qpm, 'short'),
          visionFpsUnderLlmLoad(vision.fpsPerStream, llm, qpm, 'short'),
          llmDutyCycle(llm, qpm, 'rag'),
          visionFpsUnderLlmLoad(vision.fpsPerStream, llm, qpm, 'rag'),
          warning,
        ],
  );
  return {
    basis: basisOf(config),
    name: 'Duty curve',
    title: `Vision FPS under LLM load: ${v.pipeline} with ${config.llm.model} (${config.llm.answerKind} answers) on ${hw.name}`,
    notes: [
      'Duty cycle = queries per second x answer time; the LLM time-slices the NPU with vision (no bandwidth contention is modelled).',
      'At a duty cycle of 1 or more the LLM alone fills the NPU and vision gets nothing.',
      `Short and RAG answers side by side over 0-${dutyCurveQpm(engine).at(-1) ?? 0} q/min; the amber line is the ${Math.round(warning * 100)}% duty cycle where the pane turns the duty tile amber.`,
      ...(gated ? [`${llm.gate.reason ?? ''}: vision keeps the whole NPU.`] : []),
    ],
    tableName: 'SizerDutyCurve',
    columns: [
      numberColumn('queries_per_minute', 'LLM queries per minute', 'q/min', FORMAT.one, 22),
      numberColumn('duty_cycle', 'LLM duty cycle', undefined, FORMAT.three, 15),
      numberColumn('vision_fps_per_stream', 'Vision FPS per stream', 'FPS', FORMAT.two, 20),
      numberColumn('duty_cycle_short', 'Duty cycle, short answers', undefined, FORMAT.three, 16),
      numberColumn('vision_fps_short', 'Vision FPS, short answers', 'FPS', FORMAT.two, 18),
      numberColumn('duty_cycle_rag', 'Duty cycle, RAG answers', undefined, FORMAT.three, 16),
      numberColumn('vision_fps_rag', 'Vision FPS, RAG answers', 'FPS', FORMAT.two, 18),
      numberColumn('duty_warning', 'Amber duty line', undefined, FORMAT.two, 12),
    ],
    rows,
    badges: [],
    charts: [dutyCurveChart({ qpmColumn: 'queries_per_minute', fpsColumns: ['vision_fps_short', 'vision_fps_rag'], dutyColumns: ['duty_cycle_short', 'duty_cycle_rag'] })],
  };
}
