/** Public surface of the engine for hosts (functions, task pane, CLI). */
import { BUNDLED_CATALOG_FILES } from './catalog/bundled';
import { type Catalog, loadCatalog } from './catalog/load';
import { createEngine, type Engine, type EngineOptions } from './engine';

export { loadCatalog, type Catalog } from './catalog/load';
export { createEngine, type Engine, type EngineOptions, type HardwareSpec } from './engine';
export * from './anchors';
export { SizerError, isSizerError, type SizerErrorCode } from './util/errors';
export type { CustomTierInput, Hardware } from './hardware/types';
export { effectiveBandwidthGbs, theoreticalBandwidthGbs } from './hardware/types';
export type { VisionProjection } from './vision/types';
export type { LlmProjection } from './llm/types';
export type { BudgetRow } from './platform/budget';
export { budgetRowsToCsv } from './platform/csv';
export { decodeAtContext } from './llm/context-curve';
export { projectWhatIfModel } from './llm/what-if';
export { decodeBytesPerTokenGb, perfScaleFactor } from './llm/models';
export type { ModelProjection } from './llm/models';
export { llmModelRecord, shapeRecord } from './llm/record';
export { formatCustomSpec } from './hardware/custom-spec';
export { visionRecord } from './vision/record';
export { vlaRecord } from './vla/record';
export * from './catalog/facts';
export { DEFAULT_CAMERA_MODE } from './vla/args';

/** Validates the catalog shipped with SIZER (throws a catalog_invalid SizerError naming the file and path). */
export function loadBundledCatalog(): Catalog {
  return loadCatalog(BUNDLED_CATALOG_FILES);
}

export function createBundledEngine(options: EngineOptions = {}): Engine {
  return createEngine(loadBundledCatalog(), options);
}
