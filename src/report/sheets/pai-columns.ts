/**
 * The companion sizer's (PAI) columns on the cross-tier LLM sheet: per tier its memory (DDR type as
 * "<bits>b <type> @ <GT/s> GT/s"), total and usable bandwidth, and the token-shaped projection's
 * prefill tok/s, total seconds per request and host ms (see paiShapeOf). Tiers where the shape does
 * not run show no numbers and say why in the host column's note.
 */
import { effectiveBandwidthGbs, type Engine } from '../../engine';
import { FORMAT, numberColumn, textColumn } from '../columns';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { comparisonTiers, paiShapeOnBasisOf } from './shared';

export function withPaiColumns(engine: Engine, config: SizingConfig, sheet: SheetModel): SheetModel {
  const tiers = comparisonTiers(engine, config);
  const extra: CellValue[][] = tiers.map(({ hw }) => {
    const ddr = `${hw.memBusWidthBits}b ${hw.memType} @ ${hw.memDataRateGtps} GT/s`;
    const bw: CellValue[] = [ddr, hw.memBandwidthGbs, effectiveBandwidthGbs(hw)];
    try {
      const shape = paiShapeOnBasisOf(engine, hw, config).result;
      if (shape.resultType !== 'Projected') return [...bw, null, null, null, shape.resultType === 'WontFit' ? `won't fit: needs ${shape.feasibility.requiredGb.toFixed(1)} GB` : 'dtype mismatch'];
      // A shape with no prefill throughput has no compute path for its dtype on this tier.
      if (shape.prefillTokS <= 0) return [...bw, null, null, null, 'no prefill path for its compute dtype'];
      return [...bw, shape.prefillTokS, shape.totalS, shape.hostMs, null];
    } catch (error) {
      return [...bw, null, null, null, error instanceof Error ? error.message : String(error)];
    }
  });
  return {
    ...sheet,
    notes: [...sheet.notes, 'PAI columns: the companion sizer\'s token-shaped projection (its default prompt and answer) of the model\'s measured stand-in; total seconds include host time.'],
    columns: [
      ...sheet.columns,
      textColumn('ddr_type', 'DDR type', 24),
      numberColumn('bw_total_gbs', 'Total BW', 'GB/s', FORMAT.one, 14),
      numberColumn('bw_usable_gbs', 'Usable BW', 'GB/s', FORMAT.one, 14),
      numberColumn('prefill_tok_s', 'Prefill tok/s', 'tok/s', FORMAT.integer, 13),
      numberColumn('total_s', 'Total (s)', 's', FORMAT.two, 10),
      numberColumn('host_ms', 'Host (ms)', 'ms', FORMAT.integer, 10),
      textColumn('pai_note', 'PAI note', 30),
    ],
    rows: sheet.rows.map((row, i) => [...row, ...(extra[i] ?? [null, null, null, null, null, null, null])]),
  };
}
