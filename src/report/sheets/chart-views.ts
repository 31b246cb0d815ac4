/**
 * Views the reference shows only as charts, as sheets with their chart: the LLM timing breakdown
 * (prefill and decode of a short and a RAG answer, FEATURES.md §2.6.3) and the decode tok/s against
 * context length curve (PAI, FEATURES.md §4.3). Decision record 0025.
 */
import { answerKindText, bundleModelShape, contextCurveModels, type Engine } from '../../engine';
import { PALETTE } from '../charts';
import { FORMAT, numberColumn, textColumn } from '../columns';
import { basisOf } from '../basis';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { hardwareOfConfig, llmModelOf } from './shared';

const MS_PER_SECOND = 1000;

export function buildLlmTimingSheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const l = config.llm;
  const m = llmModelOf(engine, hw, config);
  const kinds = answerKindText(engine.catalog);
  const gated = !m.gate.supported;
  const ms = (sec: number): CellValue => (gated || !Number.isFinite(sec) ? null : sec * MS_PER_SECOND);
  const row = (label: string, prefillSec: number, decodeSec: number): CellValue[] => [label, ms(prefillSec), ms(decodeSec), ms(prefillSec + decodeSec)];
  return {
    basis: basisOf(config),
    name: 'LLM timing',
    title: `LLM timing per answer: ${l.model} ${l.quant}, ${l.workload} on ${hw.name}`,
    notes: [
      'Prefill is the time to the first token; decode is the answer tokens at the decode rate (as the reference\'s "LLM timing" chart stacks them).',
      ...(gated ? [`${m.gate.reason ?? 'dtype mismatch'}: no numbers.`] : []),
    ],
    tableName: 'SizerLlmTiming',
    columns: [
      textColumn('answer', 'Answer', 34),
      numberColumn('prefill_ms', 'Prefill', 'ms', FORMAT.integer, 12),
      numberColumn('decode_ms', 'Decode', 'ms', FORMAT.integer, 12),
      numberColumn('total_ms', 'Total', 'ms', FORMAT.integer, 12),
    ],
    rows: [row(`Short (${kinds.short})`, m.ttft1kSec, m.shortAnswerSec), row(`RAG (${kinds.rag})`, m.ragPrefillSec, m.ragDecodeSec)],
    badges: [],
    charts: [
      {
        kind: 'column',
        stacked: true,
        title: 'Per-answer latency: prefill + decode',
        categoryColumn: 'answer',
        seriesColumns: ['prefill_ms', 'decode_ms'],
        xAxisTitle: 'Answer',
        yAxisTitle: 'Per-answer latency (ms)',
        colors: { prefill_ms: PALETTE.indigo, decode_ms: PALETTE.green },
      },
    ],
  };
}

export function buildContextCurveSheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const models = contextCurveModels(engine.catalog).keys;
  const args = { npuShare: config.npuShare, compilerQuality: config.vision.compilerQuality };
  const curves = models.map((model) => engine.contextCurve(hw, null, { ...args, model }));
  const grid = curves[0]?.points.map((p) => p.contextTokens) ?? [];
  const basis = basisOf(config);
  // Each point's decode on the configuration's basis, read at the point's context length (the KV-cache term).
  const decodeOf = (c: (typeof curves)[number], i: number): number | null => {
    const p = c.points[i];
    return p ? engine.decodeOnBasis(hw, basis, { decodeTokS: p.decodeTokS, source: p.source, npuShareGiven: config.npuShare }, bundleModelShape(engine.catalog, c.modelName.key, p.contextTokens)).decodeTokS : null;
  };
  const rows: CellValue[][] = grid.map((ctx, i) => [ctx, ...curves.map((c) => decodeOf(c, i)), ...curves.map((c) => c.points[i]?.source ?? null)]);
  const colors = [PALETTE.indigo, PALETTE.green, PALETTE.amber, PALETTE.red, PALETTE.accent, PALETTE.neutral];
  return {
    name: 'Context curve',
    basis,
    title: `Decode tok/s against context length on ${hw.name}`,
    notes: [
      'Measured bake-off anchors interpolated log-linearly in context length; beyond the longest anchor the value is held (extrapolated_high), below the shortest likewise (extrapolated_low).',
      'Each model on this tier by the same three steps as SIZER.LLMCONTEXT: the measured curve on the reference GPU, a same-family tier anchor scaled by bandwidth, or the roofline.',
    ],
    tableName: 'SizerContextCurve',
    columns: [
      numberColumn('context_tokens', 'Context length', 'tokens', FORMAT.integer, 14),
      ...curves.map((c) => numberColumn(`decode_${c.modelName.key}`, c.modelName.displayName, 'tok/s', FORMAT.two, 18)),
      ...curves.map((c) => textColumn(`source_${c.modelName.key}`, `Source: ${c.modelName.displayName}`, 22)),
    ],
    rows,
    badges: [],
    charts: [
      {
        kind: 'scatter',
        title: 'Decode tok/s vs context length',
        categoryColumn: 'context_tokens',
        seriesColumns: curves.map((c) => `decode_${c.modelName.key}`),
        xAxisTitle: 'Context length (tokens)',
        yAxisTitle: 'Decode tok/s',
        xAxisLogBase: 10,
        colors: Object.fromEntries(curves.map((c, i) => [`decode_${c.modelName.key}`, colors[i % colors.length]!])),
      },
    ],
  };
}
