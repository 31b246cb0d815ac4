/** Sheet models for every view a user can put in a workbook, built once for all hosts. */
import type { Engine } from '../engine';
import type { SizingConfig } from './config';
import { buildMatrixSheet, buildThisConfigSheet } from './sheets/budget';
import { buildCrossModelSheet, buildCrossTierLlmSheet, buildCrossTierVisionSheet, buildCrossTierVlaSheet } from './sheets/cross';
import { buildKpiSheet } from './sheets/kpi';
import { buildAccuracySheet } from './sheets/accuracy';
import { buildCoverSheet } from './sheets/cover';
import { buildCrossModelVlaSheet } from './sheets/cross-model-vla';
import { buildCrossPipelineSheet } from './sheets/cross-pipeline';
import { buildDramSheet } from './sheets/dram';
import { buildKpiSummarySheet } from './sheets/kpi-summary';
import { withPaiColumns } from './sheets/pai-columns';
import { buildPerformanceSheet } from './sheets/performance';
import { buildPrecisionSheet } from './sheets/precision';
import { buildWorkloadMixSheet } from './sheets/workload-mix';
import { buildReferenceSheet } from './sheets/reference';
import { buildDutyCurveSheet, buildStreamScalingSheet } from './sheets/scaling';
import { buildContextCurveSheet, buildLlmTimingSheet } from './sheets/chart-views';
import { pageSetupOf } from './page-setup';
import { basisOf, withBasisNote } from './basis';
import type { SheetModel } from './types';

export * from './types';
export * from './config';
export * from './layout';
export * from './badges';
export * from './charts';
export { buildContextCurveSheet, buildLlmTimingSheet } from './sheets/chart-views';
export { columnHeader } from './columns';
export { basisNote, basisOf, decodeBandColumns, type ModelOnBasis, withBasisNote } from './basis';
export { headerFooterStrings, pageSetupOf } from './page-setup';
export { buildMatrixSheet, buildThisConfigSheet } from './sheets/budget';
export { buildCrossModelSheet, buildCrossTierLlmSheet, buildCrossTierVisionSheet, buildCrossTierVlaSheet } from './sheets/cross';
export { buildKpiSheet } from './sheets/kpi';
export { buildAccuracySheet } from './sheets/accuracy';
export { buildCoverSheet } from './sheets/cover';
export { buildCrossModelVlaSheet } from './sheets/cross-model-vla';
export { buildCrossPipelineSheet } from './sheets/cross-pipeline';
export { buildDramSheet } from './sheets/dram';
export { buildKpiSummarySheet } from './sheets/kpi-summary';
export { buildPerformanceSheet } from './sheets/performance';
export { buildPrecisionSheet } from './sheets/precision';
export { buildWorkloadMixSheet } from './sheets/workload-mix';
export { buildReferenceSheet } from './sheets/reference';
export { buildDutyCurveSheet, buildStreamScalingSheet, dutyCurveQpm } from './sheets/scaling';

export function buildCrossTierSheets(engine: Engine, config: SizingConfig): SheetModel[] {
  return [buildCrossTierVisionSheet(engine, config), withPaiColumns(engine, config, buildCrossTierLlmSheet(engine, config)), buildCrossTierVlaSheet(engine, config)];
}

type Progress = (done: number, total: number) => void;
type SheetBuilder = (engine: Engine, config: SizingConfig, onProgress?: Progress) => SheetModel;

/** Every sheet by id, in workbook order (the Reference sheet last): the one list of sheets. */
const SHEET_BUILDERS = {
  'this-config': (engine, config) => buildThisConfigSheet(engine, config),
  kpi: (engine, config) => buildKpiSheet(engine, config, 'all'),
  matrix: (engine, config, onProgress) => buildMatrixSheet(engine, onProgress, basisOf(config)),
  'cross-tier-vision': (engine, config) => buildCrossTierVisionSheet(engine, config),
  'cross-tier-llm': (engine, config) => withPaiColumns(engine, config, buildCrossTierLlmSheet(engine, config)),
  'cross-tier-vla': (engine, config) => buildCrossTierVlaSheet(engine, config),
  'cross-model': (engine, config) => buildCrossModelSheet(engine, config),
  'stream-scaling': (engine, config) => buildStreamScalingSheet(engine, config),
  'duty-curve': (engine, config) => buildDutyCurveSheet(engine, config),
  'llm-timing': (engine, config) => buildLlmTimingSheet(engine, config),
  'context-curve': (engine, config) => buildContextCurveSheet(engine, config),
  // The reference's other views (docs/decisions/0024-reference-views-and-print-layout.md).
  'kpi-summary': (engine, config) => buildKpiSummarySheet(engine, config),
  precision: (engine, config) => buildPrecisionSheet(engine, config),
  performance: (engine) => buildPerformanceSheet(engine),
  'workload-mix': (engine, config) => buildWorkloadMixSheet(engine, config),
  accuracy: (engine, config) => buildAccuracySheet(engine, config),
  dram: (engine, config) => buildDramSheet(engine, config),
  'cross-pipeline': (engine, config) => buildCrossPipelineSheet(engine, config),
  'cross-model-vla': (engine, config) => buildCrossModelVlaSheet(engine, config),
  reference: (engine) => buildReferenceSheet(engine),
} as const satisfies Record<string, SheetBuilder>;

export type SheetId = keyof typeof SHEET_BUILDERS;
/** The sheets the CLI and the pane can build one at a time, by id, in workbook order. */
export const SHEET_IDS = Object.keys(SHEET_BUILDERS) as SheetId[];

export function buildSheet(engine: Engine, id: SheetId, config: SizingConfig, onProgress?: Progress): SheetModel {
  const build: SheetBuilder = SHEET_BUILDERS[id];
  const model = withBasisNote(engine, config, build(engine, config, onProgress));
  return { ...model, pageSetup: model.pageSetup ?? pageSetupOf(model) };
}

/** Every sheet, in workbook order: the cover sheet (configuration and contents) first, the Reference sheet last. */
export function buildWorkbook(engine: Engine, config: SizingConfig, onProgress?: Progress): SheetModel[] {
  const sheets = SHEET_IDS.map((id) => buildSheet(engine, id, config, onProgress));
  const cover = withBasisNote(engine, config, buildCoverSheet(engine, config, sheets));
  return [{ ...cover, pageSetup: pageSetupOf(cover) }, ...sheets];
}
export * from './project-config';
// The procurement plan's tables (requirements, tiers, prices): one layout for SIZER.PLAN, the CLI and the comparison sheet.
export * from './plan-table';
export * from './calibration-table';
export { buildPlanSheet } from './sheets/plan';
