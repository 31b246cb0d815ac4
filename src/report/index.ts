/** Sheet models for every view a user can put in a workbook, built once for all hosts. */
import type { Engine } from '../engine';
import type { SizingConfig } from './config';
import { buildMatrixSheet, buildThisConfigSheet } from './sheets/budget';
import { buildCrossModelSheet, buildCrossTierLlmSheet, buildCrossTierVisionSheet, buildCrossTierVlaSheet } from './sheets/cross';
import { buildKpiSheet } from './sheets/kpi';
import { buildReferenceSheet } from './sheets/reference';
import { buildDutyCurveSheet, buildStreamScalingSheet } from './sheets/scaling';
import type { SheetModel } from './types';

export * from './types';
export * from './config';
export * from './layout';
export * from './badges';
export { buildMatrixSheet, buildThisConfigSheet } from './sheets/budget';
export { buildCrossModelSheet, buildCrossTierLlmSheet, buildCrossTierVisionSheet, buildCrossTierVlaSheet } from './sheets/cross';
export { buildKpiSheet } from './sheets/kpi';
export { buildReferenceSheet } from './sheets/reference';
export { buildDutyCurveSheet, buildStreamScalingSheet, dutyCurveQpm } from './sheets/scaling';

export function buildCrossTierSheets(engine: Engine, config: SizingConfig): SheetModel[] {
  return [buildCrossTierVisionSheet(engine, config), buildCrossTierLlmSheet(engine, config), buildCrossTierVlaSheet(engine, config)];
}

type Progress = (done: number, total: number) => void;
type SheetBuilder = (engine: Engine, config: SizingConfig, onProgress?: Progress) => SheetModel;

/** Every sheet by id, in workbook order (the Reference sheet last): the one list of sheets. */
const SHEET_BUILDERS = {
  'this-config': (engine, config) => buildThisConfigSheet(engine, config),
  kpi: (engine, config) => buildKpiSheet(engine, config, 'all'),
  matrix: (engine, _config, onProgress) => buildMatrixSheet(engine, onProgress),
  'cross-tier-vision': (engine, config) => buildCrossTierVisionSheet(engine, config),
  'cross-tier-llm': (engine, config) => buildCrossTierLlmSheet(engine, config),
  'cross-tier-vla': (engine, config) => buildCrossTierVlaSheet(engine, config),
  'cross-model': (engine, config) => buildCrossModelSheet(engine, config),
  'stream-scaling': (engine, config) => buildStreamScalingSheet(engine, config),
  'duty-curve': (engine, config) => buildDutyCurveSheet(engine, config),
  reference: (engine) => buildReferenceSheet(engine),
} as const satisfies Record<string, SheetBuilder>;

export type SheetId = keyof typeof SHEET_BUILDERS;
/** The sheets the CLI and the pane can build one at a time, by id, in workbook order. */
export const SHEET_IDS = Object.keys(SHEET_BUILDERS) as SheetId[];

export function buildSheet(engine: Engine, id: SheetId, config: SizingConfig, onProgress?: Progress): SheetModel {
  const build: SheetBuilder = SHEET_BUILDERS[id];
  return build(engine, config, onProgress);
}

/** Every sheet, in workbook order, the Reference sheet last. */
export function buildWorkbook(engine: Engine, config: SizingConfig, onProgress?: Progress): SheetModel[] {
  return SHEET_IDS.map((id) => buildSheet(engine, id, config, onProgress));
}
export * from './project-config';
