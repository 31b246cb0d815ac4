/** This config (the configuration's budget rows plus totals) and the full platform-budget matrix. */
import { oversubscriptionNote } from './oversubscription';
import { type BudgetRow, DEFAULT_BASIS, type Engine, explanationOnBasis, type ProjectionBasis, SizerError } from '../../engine';
import { basisOf } from '../basis';
import { FORMAT, textColumn } from '../columns';
import type { SizingConfig } from '../config';
import { type ConfigProjection, type ConfigWarning, projectConfig } from '../project-config';
import type { CellValue, ColumnSpec, SheetModel } from '../types';
import { hardwareOfConfig } from './shared';

const PROVENANCE_COLUMNS = new Set(['sizer_commit_sha', 'export_timestamp_iso']);

function budgetFormat(name: string, kind: 'text' | 'int' | 'float'): string {
  if (kind === 'text') return FORMAT.text;
  if (kind === 'int') return FORMAT.integer;
  if (name === 'ss_duty_cycle_frac') return FORMAT.three;
  if (name.endsWith('tops_avg') || name === 'peak_tops' || name === 'ss_power_avg_watts') return FORMAT.one;
  return FORMAT.general;
}

/** The budget CSV's columns (less the two provenance columns, which go in the notes). */
export function budgetColumns(engine: Engine): ColumnSpec[] {
  return engine.catalog.files['platform-budget.json'].columns
    .filter((c) => !PROVENANCE_COLUMNS.has(c.name))
    .map((c) => ({
      key: c.name,
      header: c.name,
      kind: c.kind === 'text' ? 'text' : c.kind === 'int' ? 'integer' : 'number',
      numberFormat: budgetFormat(c.name, c.kind),
      width: c.kind === 'text' ? (c.name === 'config_summary' ? 60 : 24) : 14,
      additive: c.additive,
      ...(c.unit ? { unit: c.unit } : {}),
    }));
}

export function budgetNotes(engine: Engine): string[] {
  // The pandas hint is for CSV readers; a worksheet needs only the caveats.
  return engine.catalog.files['platform-budget.json'].caveats.filter((line) => line.trim() !== '' && !line.includes('pandas'));
}

function rowsOf(columns: readonly ColumnSpec[], rows: readonly BudgetRow[]): CellValue[][] {
  return rows.map((r) => columns.map((c) => r[c.key] ?? null));
}

function digits(value: number, n: number): string {
  return value.toFixed(n);
}

const MEMORY_NAMES = { vision: 'vision', llm: 'LLM', vla: 'VLA' } as const;

/** The warnings as sheet notes, in the engine's own words where it gives a reason. */
function warningNote(w: ConfigWarning): string {
  switch (w.id) {
    case 'invalid-config':
      return `${w.workload} cannot be sized: ${w.reason}`;
    case 'dtype-mismatch':
      return `No LLM row: ${w.reason}.`;
    case 'llm-oversubscribed':
      return `LLM oversubscribes the NPU: duty cycle ${digits(w.dutyCycle, 3)}; at most ${digits(w.maxQueriesPerMinute, 2)} queries/min at ${w.answerKind} answers.`;
    case 'llm-wont-fit':
      return `${w.modelLabel} does not fit: ${digits(w.footprintGb, 2)} GB of weights, ${digits(w.capacityGb, 2)} GB on ${w.hardware}.`;
    case 'vla-does-not-run':
      return `${w.label} does not run on ${w.hardware}: ${w.reason ?? 'no reason given'}.`;
    case 'memory-spills':
      return `The workloads fit one at a time but not together: ${digits(w.neededGb, 2)} GB needed of ${digits(w.capacityGb, 2)} GB.`;
  }
}

/**
 * The pane's headline for this configuration (the sizing projector's numbers, at the configuration's
 * NPU share and with the engine's anchors), as notes above the budget rows.
 */
export function headlineNotes(p: ConfigProjection): string[] {
  const notes: string[] = [];
  if (p.hardware === null) return p.warnings.map(warningNote);
  notes.push(`Headline for this configuration at ${digits((p.npuShare ?? 1) * 100, 1)}% NPU share (the budget rows below use the tier's default share, as the reference's export does):`);
  const { vision, llm, duty, vla, memoryFit } = p;
  if (vision) {
    notes.push(
      `Vision ${vision.pipeline} @ ${vision.resolution}: ${digits(vision.fpsPerStreamUnderLlm, 2)} FPS per stream` +
        (llm ? ` under LLM load (${digits(vision.fpsPerStream, 2)} alone), ` : ', ') +
        `${digits(vision.totalFpsUnderLlm, 2)} FPS total over ${vision.streams} stream(s); source ${vision.source ?? 'none'}, regime ${vision.regime ?? 'none'}.`,
    );
  }
  if (llm) {
    notes.push(
      `LLM ${llm.model} ${llm.quant}: ${digits(llm.decodeTokS, 2)} tok/s decode, TTFT ${digits(llm.ttft1kSec, 3)} s, ${digits(llm.answerSec, 2)} s per ${llm.answerKind} answer; source ${llm.source}, regime ${llm.regime}; ` +
        `80% band of decode ${digits(llm.decodeTokSLow, 2)} to ${digits(llm.decodeTokSHigh, 2)} tok/s (${llm.basis} basis).`,
    );
  }
  if (duty) {
    notes.push(`NPU duty cycle: ${digits(duty.dutyCycle, 3)} at ${digits(duty.queriesPerMinute, 2)} queries/min (the NPU is full at ${digits(duty.maxQueriesPerMinute, 2)}).`);
  }
  if (vla) {
    notes.push(
      vla.actionHz !== null && vla.msPerAction !== null
        ? `VLA ${vla.model}: ${digits(vla.actionHz, 2)} Hz, ${digits(vla.msPerAction, 2)} ms per action, fleet of ${vla.fleetSize}; source ${vla.source ?? 'none'}, regime ${vla.regime ?? 'none'}.`
        : `VLA ${vla.model}: no control loop (${vla.reason ?? 'no reason given'}).`,
    );
  }
  if (memoryFit) {
    const parts = memoryFit.needs.map((n) => `${digits(n.residentGb, 2)} GB ${MEMORY_NAMES[n.workload]}` + (n.marginGb > 0 ? ` + ${digits(n.marginGb, 2)} GB margin` : ''));
    notes.push(
      `Memory fit: ${parts.join(' + ')} = ${digits(memoryFit.neededGb, 2)} GB needed of ${digits(memoryFit.capacityGb, 2)} GB: ` +
        `${memoryFit.fits ? 'fits' : 'spills'} (${digits(memoryFit.headroomGb, 2)} GB headroom).`,
    );
  }
  for (const w of p.warnings) notes.push(warningNote(w));
  return notes;
}

export function buildThisConfigSheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const projection = projectConfig(engine, config);
  // The workloads the sheet has rows for cannot be left out silently: their problem is the sheet's.
  const broken = projection.warnings.find((w) => w.id === 'invalid-config' && w.workload !== 'vla');
  if (broken?.id === 'invalid-config') throw new SizerError(broken.code === 'internal_error' ? 'invalid_input' : broken.code, broken.reason);
  const columns = budgetColumns(engine);
  const rows: BudgetRow[] = [];
  if (projection.vision) {
    rows.push(engine.visionBudgetRow(hw, { pipeline: config.vision.pipeline, resolution: config.vision.resolution, streams: config.vision.streams, dutyCycle: config.vision.budgetDutyCycle ?? 1 }));
  }
  // A model the tier cannot run is off downstream (the projector's dtype gate): no LLM row.
  if (projection.llm) {
    rows.push(engine.llmBudgetRow(hw, { quant: config.llm.quant, workload: config.llm.workload, queriesPerMinute: config.llm.queriesPerMinute, answerKind: config.llm.answerKind, basis: basisOf(config) }));
  }
  const oversubscribed = oversubscriptionNote(rows);
  // How each row's number was derived: the rows are the reference's budget rows (tier-default share,
  // the MoE perf reference for the LLM row), so they are explained as such, not as the headline.
  const explanations: string[] = [];
  if (projection.vision) {
    const v = engine.vision(hw, { pipeline: config.vision.pipeline, resolution: config.vision.resolution, streams: config.vision.streams });
    explanations.push(engine.explainVision(hw, v).text);
  }
  if (projection.llm) {
    const reference = engine.llm(hw, { quant: config.llm.quant, workload: config.llm.workload });
    const { decode } = engine.onBasis(hw, reference, basisOf(config), null);
    explanations.push(explanationOnBasis(engine.calibration, engine.explainLlm(hw, reference), reference.decodeTokS, decode).text);
  }
  return {
    name: 'This config',
    basis: basisOf(config),
    // The over-subscription flag in the title and first among the notes, where a reader sees it first.
    title: `Platform budget: ${hw.name}${oversubscribed === null ? '' : ' (NPU over-subscribed)'}`,
    notes: [...(oversubscribed === null ? [] : [oversubscribed]), ...budgetNotes(engine), ...headlineNotes(projection)],
    tableName: 'SizerThisConfig',
    columns: [...columns, textColumn('explanation', 'Explanation', 90)],
    rows: rowsOf(columns, rows).map((row, i) => [...row, explanations[i] ?? null]),
    badges: [],
    charts: [],
    totals: { label: 'Platform total', sumColumns: columns.filter((c) => c.additive).map((c) => c.key) },
  };
}

export function buildMatrixSheet(engine: Engine, onProgress?: (done: number, total: number) => void, basis: ProjectionBasis = DEFAULT_BASIS): SheetModel {
  const columns = budgetColumns(engine);
  return {
    name: 'Full matrix',
    basis,
    title: 'Platform-budget matrix: every preset tier, pipeline, resolution and stream count, then every LLM slot',
    notes: budgetNotes(engine),
    tableName: 'SizerMatrix',
    columns,
    rows: rowsOf(columns, engine.matrix(onProgress, basis)),
    badges: [],
    charts: [],
  };
}
