/**
 * The catalog's cross-checks, run in this order once every file has passed its schema and the
 * indexes are built (so no check needs to guard against duplicate keys). Each check throws the
 * first problem it finds as a catalog_invalid error naming the file and JSON path; the order
 * decides which problem is reported when a catalog has several. Adding a check is adding a module
 * and a line here.
 */
import { checkLlmBundle } from '../../llm/bundle-check';
import { checkVlaCatalog } from '../../vla/check';
import type { CatalogIndexes } from '../indexes';
import type { CatalogFiles } from '../schemas';
import { checkExplanations } from './explanations';
import { checkKpiStages } from './kpi-stages';
import { checkLadder } from './ladder';
import { checkLlmConstants } from './llm-constants';
import { checkLlmModels } from './llm-models';
import { checkLlmWorkloadPercentiles } from './llm-workload-percentiles';
import { checkMeasuredCells } from './measured-cells';
import { checkMemoryUpgrades } from './memory-upgrades';
import { checkPassCounts } from './pass-counts';
import { checkPassRates } from './pass-rates';
import { checkPipelines } from './pipelines';
import { checkPrecisionSets } from './precision-sets';
import { checkSiliconClasses } from './silicon-classes';
import { checkTierBandwidth } from './tier-bandwidth';
import { checkTiers } from './tiers';
import { checkVisionBatchCurves } from './vision-batch-curves';
import { checkVisionDefaultResolution } from './vision-default-resolution';
import { checkVlaRateRanges } from './vla-rate-ranges';

export type CatalogCheck = (files: CatalogFiles, indexes: CatalogIndexes) => void;

export const CATALOG_CHECKS: readonly CatalogCheck[] = [
  checkTiers,
  checkSiliconClasses,
  checkPrecisionSets,
  checkMemoryUpgrades,
  checkPipelines,
  checkVisionBatchCurves,
  checkVisionDefaultResolution,
  checkMeasuredCells,
  checkLlmConstants,
  checkLlmModels,
  checkKpiStages,
  checkLlmBundle,
  checkVlaCatalog,
  checkLadder,
  checkExplanations,
  // Internally consistent numbers. Counts before rates: a count above its total is the clearer message.
  checkPassCounts,
  checkPassRates,
  checkLlmWorkloadPercentiles,
  checkTierBandwidth,
  checkVlaRateRanges,
];
