/**
 * KPI spreadsheet rows: a pipeline's single-stream frame time split into ingest, detector and
 * segmenter stages (the split depends on the pipeline's category), plus the LLM's short-answer
 * time. Reproduces the reference KPI sheet, including its known inconsistencies: composed rows use
 * the batch-1 YOLO and CLIP terms rather than the projected frame time, SAM rows assume a fixed
 * detector time, the LLM is always the MoE reference at the tier default share, and total FPS
 * leaves the LLM out. See docs/decisions/0013-kpi-rows.md.
 */
import { type BasisChoice, projectionOnBasis } from '../calibration/on-basis';
import type { Catalog } from '../catalog/load';
import type { Resolution } from '../catalog/schemas';
import type { Hardware } from '../hardware/types';
import { projectLlm } from '../llm/project';
import { pyRound } from '../util/pyround';
import type { VisionContext } from '../vision/context';
import { projectVision } from '../vision/project';

export interface KpiQuery {
  readonly pipeline: string;
  readonly resolution: Resolution;
  readonly llmEnabled: boolean;
  readonly quant: string;
  readonly workload: string;
  readonly compilerQuality: number;
  /** The basis of the LLM's short-answer time (absent: the reference's number). */
  readonly basis?: BasisChoice | null;
}

export interface KpiRow {
  readonly model: string;
  readonly pipeline_key: string;
  readonly hw: string;
  readonly resolution: Resolution;
  readonly ingest_type: string;
  readonly ingest_ms: number;
  readonly yolo_type: string;
  readonly yolo_ms: number;
  readonly seg_type: string;
  readonly seg_ms: number | null;
  readonly llm_type: string;
  readonly llm_ms: number;
  readonly total_fps: number;
}

interface StageSplit {
  readonly detectorMs: number;
  readonly segmenterMs: number;
}

function stageSplit(catalog: Catalog, category: string, frameMs: number, yoloMs: number | null, clipMs: number | null): StageSplit {
  switch (category) {
    case 'composed':
      return { detectorMs: yoloMs ?? frameMs, segmenterMs: clipMs ?? 0 };
    case 'sam': {
      const detectorMs = catalog.files['kpi.json'].samDetectorMs;
      return { detectorMs, segmenterMs: Math.max(0, frameMs - detectorMs) };
    }
    default: // yolo_only and one_model: one stage does all the work
      return { detectorMs: frameMs, segmenterMs: 0 };
  }
}

export function kpiRow(ctx: VisionContext, hw: Hardware, q: KpiQuery): KpiRow {
  const catalog = ctx.catalog;
  const kpi = catalog.files['kpi.json'];
  const pipeline = catalog.pipelineByKey[q.pipeline];
  const stage = kpi.stages[q.pipeline];
  if (!pipeline || !stage) throw new Error(`no KPI stage for pipeline ${q.pipeline}`);
  const v = projectVision(ctx, hw, { pipeline: q.pipeline, resolution: q.resolution, streams: 1, npuShare: null, compilerQuality: q.compilerQuality });
  const split = stageSplit(catalog, stage.category, v.perStreamMs, v.yoloMs, v.clipMs);
  const ingestMs = kpi.ingestMs[q.resolution];
  let llmMs = 0;
  let llmType = 'off';
  if (q.llmEnabled) {
    const projected = projectLlm(catalog, hw, { quant: q.quant, workload: q.workload, npuShare: null, measurementKey: null, fp4Maturity: 'mature' });
    const llm = projectionOnBasis(catalog, q.basis ?? null, hw, projected, null);
    llmMs = llm.shortAnswerSec * 1000;
    llmType = `${catalog.files['llm.json'].referenceModel.label} ${q.quant}`;
  }
  const frameMs = ingestMs + split.detectorMs + split.segmenterMs;
  return {
    model: pipeline.label,
    pipeline_key: pipeline.key,
    hw: hw.name,
    resolution: q.resolution,
    ingest_type: kpi.ingestLabel,
    ingest_ms: pyRound(ingestMs, 2),
    yolo_type: stage.detector,
    yolo_ms: pyRound(split.detectorMs, 2),
    seg_type: stage.segmenter ?? 'n/a',
    seg_ms: stage.segmenter === null ? null : pyRound(split.segmenterMs, 2),
    llm_type: llmType,
    llm_ms: pyRound(llmMs, 2),
    total_fps: frameMs > 0 ? pyRound(1000 / frameMs, 2) : 0,
  };
}

/** Every pipeline's row, SAM lineage first, then one-model, composed and detector-only pipelines. */
export function allKpiRows(ctx: VisionContext, hw: Hardware, q: Omit<KpiQuery, 'pipeline'>): KpiRow[] {
  const kpi = ctx.catalog.files['kpi.json'];
  const rank = (key: string): number => kpi.categoryOrder.indexOf(kpi.stages[key]?.category ?? 'one_model');
  const keys = ctx.catalog.pipelines.map((p) => p.key).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((pipeline) => kpiRow(ctx, hw, { ...q, pipeline }));
}
