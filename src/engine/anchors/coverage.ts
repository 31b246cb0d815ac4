/**
 * Which anchor cells a file fills, for a status display ("NPU Mid INT8 · Qwen3-30B-A3B: anchored").
 * Keys and a flag only: never a number, date or note from the file.
 */
import { deepFreeze } from '../util/freeze';
import { CNN_ANCHOR_KEYS, LLM_ANCHOR_MODELS, TIER_CELLS, type AnchorSet, type CnnAnchorKey, type LlmAnchorModel, type TierCell } from './schema';

export interface LlmAnchorCoverage {
  readonly tierCell: TierCell;
  readonly model: LlmAnchorModel;
  /** True when the cell's source is "measured", i.e. the overlay will use it. */
  readonly measured: boolean;
}

export interface CnnAnchorCoverage {
  readonly tierCell: TierCell;
  readonly cnn: CnnAnchorKey;
  readonly measured: boolean;
}

export interface AnchorCoverage {
  readonly llm: readonly LlmAnchorCoverage[];
  readonly cnn: readonly CnnAnchorCoverage[];
}

/** The filled cells in grid order (tier cell, then model or CNN key), so displays are stable. */
export function describeAnchorCoverage(anchors: AnchorSet): AnchorCoverage {
  const llm: LlmAnchorCoverage[] = [];
  const cnn: CnnAnchorCoverage[] = [];
  for (const tierCell of TIER_CELLS) {
    for (const model of LLM_ANCHOR_MODELS) {
      const cell = anchors.llm[tierCell]?.[model];
      if (cell) llm.push({ tierCell, model, measured: cell.source === 'measured' });
    }
    for (const key of CNN_ANCHOR_KEYS) {
      const cell = anchors.cnn[tierCell]?.[key];
      if (cell) cnn.push({ tierCell, cnn: key, measured: cell.source === 'measured' });
    }
  }
  return deepFreeze({ llm, cnn });
}
