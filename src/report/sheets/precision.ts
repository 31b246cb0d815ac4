/**
 * The precision what-if (the reference's "what if this NPU added FP8 / FP4?"): the configured
 * model on the configured Mid or High tier (memory upgrade kept) as INT-only, INT + FP8 and
 * INT + FP8 + FP4, side by side, with the speed-up over INT-only and the speed and accuracy notes of
 * data/precision-sets.json. The FP4 rung assumes the catalog's default runtime maturity (immature, as
 * the reference's radio starts); a second FP4 row shows the other maturity. The INT-only and FP8
 * rungs use a mature runtime, as the reference does.
 */
import type { Engine, PrecisionSetId } from '../../engine';
import { badgeRules, booleanColumn, FORMAT, numberColumn, textColumn } from '../columns';
import { basisOf, decodeBandColumns } from '../basis';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { hardwareOfConfig } from './shared';

type Maturity = 'mature' | 'immature';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function buildPrecisionSheet(engine: Engine, config: SizingConfig): SheetModel {
  const file = engine.catalog.files['precision-sets.json'];
  const l = config.llm;
  const stock = hardwareOfConfig(engine, { ...config, precisionSet: null });
  const fp4Default: Maturity = file.whatIfDefaultFp4Maturity;
  const fp4Other: Maturity = fp4Default === 'immature' ? 'mature' : 'immature';
  const rungs: { set: PrecisionSetId; maturity: Maturity }[] = [
    { set: 'int8', maturity: 'mature' },
    { set: 'int8_fp8', maturity: 'mature' },
    { set: 'int8_fp8_fp4', maturity: fp4Default },
    { set: 'int8_fp8_fp4', maturity: fp4Other },
  ];
  const notes = (set: PrecisionSetId, maturity: Maturity) => file.whatIfNotes.find((n) => n.set === set && (n.maturity === 'any' || n.maturity === maturity));
  const label = (set: PrecisionSetId) => file.sets.find((s) => s.id === set)?.label ?? set;

  let unavailable: string | null = null;
  let int8Ttft: number | null = null;
  const rows: CellValue[][] = [];
  for (const rung of rungs) {
    try {
      const hw = engine.hardware({ tier: config.tier, memory: config.memory, precisionSet: rung.set });
      const { projection: m, decode } = engine.onBasis(hw, engine.llmModel(hw, l.model, { quant: l.quant, workload: l.workload, npuShare: config.npuShare, fp4Maturity: rung.maturity }), basisOf(config), config.npuShare);
      const note = notes(rung.set, rung.maturity);
      const gated = !m.gate.supported;
      const ttftMs = gated ? null : m.ttft1kSec * 1000;
      if (rung.set === 'int8') int8Ttft = ttftMs;
      // As the reference: the speed-up is shown for the rungs above INT-only.
      const speedUp = rung.set !== 'int8' && ttftMs !== null && int8Ttft !== null && ttftMs > 0 ? int8Ttft / ttftMs : null;
      rows.push([
        label(rung.set),
        rung.set === 'int8_fp8_fp4' ? rung.maturity : null,
        rung.set === 'int8_fp8_fp4' && rung.maturity === fp4Default,
        ttftMs,
        gated ? null : m.decodeTokS,
        gated ? null : decode.decodeTokSLow,
        gated ? null : decode.decodeTokSHigh,
        speedUp,
        m.ggufSizeGb,
        gated ? null : m.source,
        note?.speed ?? null,
        note?.accuracy ?? null,
        gated ? `dtype mismatch: ${l.model} needs ${m.gate.computeDtype} compute` : null,
      ]);
    } catch (error) {
      unavailable = errorText(error);
      break;
    }
  }
  return {
    name: 'Precision what-if',
    basis: basisOf(config),
    title: `Precision what-if on ${stock.name}: ${l.model} ${l.quant}, ${l.workload}`,
    notes: [
      unavailable !== null
        ? `No precision what-if for ${stock.name}: ${unavailable} (the what-if applies to NPU Mid and NPU High, stock or memory-upgraded).`
        : `What if this NPU added FP8 or FP4? The FP4 rung assumes an ${fp4Default} runtime (the reference's default); the ${fp4Other} row shows the other case. "x vs INT8" is the INT-only TTFT over the rung's.`,
      'Weight memory is fixed by the quant, whatever the precision set.',
    ],
    tableName: 'SizerPrecisionWhatIf',
    columns: [
      textColumn('precision_set', 'Precision set', 20),
      textColumn('fp4_maturity', 'FP4 runtime', 12),
      booleanColumn('reference_default', 'Reference default', 12),
      numberColumn('ttft_1k_ms', 'Prefill / TTFT 1K', 'ms', FORMAT.integer, 16),
      numberColumn('decode_tok_s', 'Decode tok/s', 'tok/s', FORMAT.one, 13),
      ...decodeBandColumns(FORMAT.one),
      numberColumn('speedup_vs_int8', 'x vs INT8', 'x', FORMAT.one, 10),
      numberColumn('weights_gb', 'Weights (GB)', 'GB', FORMAT.one, 12),
      textColumn('source', 'Source', 20),
      textColumn('speed_note', 'Speed note', 44),
      textColumn('accuracy_note', 'Accuracy note', 48),
      textColumn('note', 'Note', 36),
    ],
    rows: unavailable !== null ? [] : rows,
    badges: badgeRules('source'),
    charts:
      unavailable !== null
        ? []
        : [{ kind: 'column', title: 'Prefill / TTFT 1K by precision set', categoryColumn: 'precision_set', seriesColumns: ['ttft_1k_ms'], xAxisTitle: 'Precision set', yAxisTitle: 'TTFT 1K (ms)' }],
  };
}
