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
export { buildMatrixSheet, buildThisConfigSheet } from './sheets/budget';
export { buildCrossModelSheet, buildCrossTierLlmSheet, buildCrossTierVisionSheet, buildCrossTierVlaSheet } from './sheets/cross';
export { buildKpiSheet } from './sheets/kpi';
export { buildReferenceSheet } from './sheets/reference';
export { buildDutyCurveSheet, buildStreamScalingSheet, DUTY_CURVE_QPM } from './sheets/scaling';

export function buildCrossTierSheets(engine: Engine, config: SizingConfig): SheetModel[] {
  return [buildCrossTierVisionSheet(engine, config), buildCrossTierLlmSheet(engine, config), buildCrossTierVlaSheet(engine, config)];
}

/** Every sheet, in workbook order, the Reference sheet last. */
export function buildWorkbook(engine: Engine, config: SizingConfig, onProgress?: (done: number, total: number) => void): SheetModel[] {
  return [
    buildThisConfigSheet(engine, config),
    buildKpiSheet(engine, config, 'all'),
    buildMatrixSheet(engine, onProgress),
    ...buildCrossTierSheets(engine, config),
    buildCrossModelSheet(engine, config),
    buildStreamScalingSheet(engine, config),
    buildDutyCurveSheet(engine, config),
    buildReferenceSheet(engine),
  ];
}

/** The sheets the CLI and the pane can build one at a time, by id. */
export const SHEET_IDS = ['this-config', 'kpi', 'matrix', 'cross-tier-vision', 'cross-tier-llm', 'cross-tier-vla', 'cross-model', 'stream-scaling', 'duty-curve', 'reference'] as const;
export type SheetId = (typeof SHEET_IDS)[number];

export function buildSheet(engine: Engine, id: SheetId, config: SizingConfig, onProgress?: (done: number, total: number) => void): SheetModel {
  switch (id) {
    case 'this-config':
      return buildThisConfigSheet(engine, config);
    case 'kpi':
      return buildKpiSheet(engine, config, 'all');
    case 'matrix':
      return buildMatrixSheet(engine, onProgress);
    case 'cross-tier-vision':
      return buildCrossTierVisionSheet(engine, config);
    case 'cross-tier-llm':
      return buildCrossTierLlmSheet(engine, config);
    case 'cross-tier-vla':
      return buildCrossTierVlaSheet(engine, config);
    case 'cross-model':
      return buildCrossModelSheet(engine, config);
    case 'stream-scaling':
      return buildStreamScalingSheet(engine, config);
    case 'duty-curve':
      return buildDutyCurveSheet(engine, config);
    case 'reference':
      return buildReferenceSheet(engine);
  }
}
