/**
 * The catalog shipped with SIZER: the data/*.json files, bundled at build time (no file I/O at run
 * time, so the same code runs in Excel, in the browser and in the CLI).
 */
import catalogInfo from '../../../data/catalog.json';
import capability from '../../../data/capability.json';
import llm from '../../../data/llm.json';
import measured from '../../../data/measured.json';
import memoryUpgrades from '../../../data/memory-upgrades.json';
import ncuBundle from '../../../data/ncu-bundle.json';
import pipelines from '../../../data/pipelines.json';
import platformBudget from '../../../data/platform-budget.json';
import precisionSets from '../../../data/precision-sets.json';
import siliconClasses from '../../../data/silicon-classes.json';
import tiers from '../../../data/tiers.json';
import vision from '../../../data/vision.json';
import vla from '../../../data/vla.json';
import llmBundle from '../../../data/llm-bundle.json';
import anchorKeys from '../../../data/anchor-keys.json';
import llmModels from '../../../data/llm-models.json';
import kpi from '../../../data/kpi.json';
import explanations from '../../../data/explanations.json';
import type { RawCatalogFiles } from './schemas';

export const BUNDLED_CATALOG_FILES: RawCatalogFiles = {
  'catalog.json': catalogInfo,
  'tiers.json': tiers,
  'measured.json': measured,
  'silicon-classes.json': siliconClasses,
  'memory-upgrades.json': memoryUpgrades,
  'precision-sets.json': precisionSets,
  'capability.json': capability,
  'pipelines.json': pipelines,
  'vision.json': vision,
  'ncu-bundle.json': ncuBundle,
  'llm.json': llm,
  'platform-budget.json': platformBudget,
  'vla.json': vla,
  'llm-bundle.json': llmBundle,
  'anchor-keys.json': anchorKeys,
  'llm-models.json': llmModels,
  'kpi.json': kpi,
  'explanations.json': explanations,
};
