/**
 * The full platform-budget matrix: every ladder tier with every pipeline, resolution and stream
 * count (vision rows), then every ladder tier with every quant, workload and answer kind (LLM rows),
 * at the tier defaults. Custom tiers and memory clones are not part of it.
 */
import { presetHardware } from '../hardware/preset';
import type { VisionContext } from '../vision/context';
import type { BasisChoice } from '../calibration/on-basis';
import { type BudgetRow, llmBudgetRow, visionBudgetRow } from './budget';

export interface MatrixProgress {
  (done: number, total: number): void;
}

export function matrixSize(ctx: VisionContext): number {
  const catalog = ctx.catalog;
  const axes = catalog.files['platform-budget.json'].matrix;
  const resolutions = catalog.files['vision.json'].resolutions.length;
  const tiers = catalog.ladder.length;
  const vision = tiers * catalog.pipelines.length * resolutions * axes.streams.length;
  const llm = tiers * Object.keys(catalog.quantByKey).length * Object.keys(catalog.workloadByKey).length * axes.answerKinds.length;
  return vision + llm;
}

/** `basis` absent: the reference's matrix; given, the LLM rows' decode is on that basis. */
export function buildMatrix(ctx: VisionContext, onProgress?: MatrixProgress, basis?: BasisChoice | null): BudgetRow[] {
  const catalog = ctx.catalog;
  const axes = catalog.files['platform-budget.json'].matrix;
  const total = matrixSize(ctx);
  const rows: BudgetRow[] = [];
  const hardware = catalog.ladder.map((tier) => presetHardware(catalog, tier));
  for (const hw of hardware) {
    for (const p of catalog.pipelines) {
      for (const resolution of catalog.files['vision.json'].resolutions) {
        for (const streams of axes.streams) {
          rows.push(visionBudgetRow(ctx, hw, { pipeline: p.key, resolution, streams, dutyCycle: 1 }));
        }
      }
    }
    onProgress?.(rows.length, total);
  }
  for (const hw of hardware) {
    for (const quant of Object.keys(catalog.quantByKey)) {
      for (const workload of Object.keys(catalog.workloadByKey)) {
        for (const answerKind of axes.answerKinds) {
          rows.push(llmBudgetRow(catalog, hw, { quant, workload, queriesPerMinute: axes.queriesPerMinute, answerKind, basis }));
        }
      }
    }
    onProgress?.(rows.length, total);
  }
  return rows;
}
