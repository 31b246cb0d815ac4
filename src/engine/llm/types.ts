import type { Source } from '../vision/types';

export type Fp4Maturity = 'mature' | 'immature';
export type AnswerKind = 'short' | 'rag';

export interface LlmQuery {
  readonly quant: string;
  readonly workload: string;
  readonly npuShare: number | null;
  /** Key of a measured per-model cell (e.g. qwen25_7b_dense); null projects the MoE reference model. */
  readonly measurementKey: string | null;
  readonly fp4Maturity: Fp4Maturity;
}

export interface LlmProjection {
  readonly quant: string;
  readonly workload: string;
  readonly decodeTokS: number;
  /** Time to first token for a 1,024-token prompt, seconds. */
  readonly ttft1kSec: number;
  /** Bandwidth ceiling at full share: every active weight read once per token. */
  readonly decodeCeilingTokS: number;
  readonly shortAnswerSec: number;
  readonly ragPrefillSec: number;
  readonly ragDecodeSec: number;
  readonly ragTotalSec: number;
  readonly ggufSizeGb: number;
  readonly fitsInMemory: boolean;
  readonly npuShareUsed: number;
  readonly precisionPrefillScale: number;
  readonly regime: 'bw_bound';
  readonly source: Source;
  /** Decode and TTFT before the workload multipliers (plain chat). */
  readonly baseDecodeTokS: number;
  readonly baseTtft1kSec: number;
}
