/** Private measured-silicon anchors: parse a user's anchors file, overlay it on projections, describe its coverage. */
export { describeAnchorCoverage, type AnchorCoverage, type CnnAnchorCoverage, type LlmAnchorCoverage } from './coverage';
export {
  anchorBandwidthRatio,
  overlayCnnAnchor,
  overlayLlmAnchor,
  resolveCnnAnchor,
  resolveLlmAnchor,
  type LlmAnchorTarget,
  type ResolvedCnnAnchor,
  type ResolvedLlmAnchor,
} from './overlay';
export { formatFromFileName, MAX_ANCHORS_FILE_CHARS, NO_ANCHORS, parseAnchors, type AnchorFileFormat } from './parse';
export {
  CNN_ANCHOR_KEYS,
  LLM_ANCHOR_MODELS,
  TIER_CELLS,
  type AnchorSet,
  type AnchorSource,
  type CnnAnchorCell,
  type CnnAnchorKey,
  type LlmAnchorCell,
  type LlmAnchorModel,
  type TierCell,
} from './schema';
