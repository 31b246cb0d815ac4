/**
 * The procurement plan as a sheet model: one row per candidate tier (the columns SIZER.PLAN spills,
 * PLAN_FIELDS), the cheapest feasible tier and the refused ones coloured, and a chart of capex and
 * TCO by tier. `sizer export procurement` writes it; the pane's comparison sheet is the live-formula
 * version of the same table.
 */
import { type Engine, PLAN_FIELDS, type PlanOptions, planRecord, type PlanRequirements } from '../../engine';
import { TONE_COLORS } from '../badges';
import { booleanColumn, FORMAT, numberColumn, textColumn } from '../columns';
import type { CellValue, ColumnSpec, SheetModel } from '../types';

const MONEY = '#,##0';

/** The plan's columns, keyed by PLAN_FIELDS (one spec per field, in its order). */
const COLUMN_OF: Readonly<Record<(typeof PLAN_FIELDS)[number], ColumnSpec>> = {
  tier: textColumn('tier', 'Tier', 34),
  feasible: booleanColumn('feasible', 'Feasible', 10),
  verdict: textColumn('verdict', 'Verdict', 18),
  why: textColumn('why', 'Why', 60, 'Every reason a tier cannot do it, or how the workloads are placed'),
  devices_per_site: numberColumn('devices_per_site', 'Devices per site', 'devices', FORMAT.integer, 12, undefined, 'integer'),
  sites: numberColumn('sites', 'Sites', 'sites', FORMAT.integer, 8, undefined, 'integer'),
  total_devices: numberColumn('total_devices', 'Total devices', 'devices', FORMAT.integer, 12, undefined, 'integer'),
  binding_constraint: textColumn('binding_constraint', 'Binding constraint', 16, 'The constraint with the least headroom: fps, llm duty or memory'),
  fps_headroom: numberColumn('fps_headroom', 'FPS headroom', 'fraction', '0.0%', 12, 'Least FPS margin over the target on any vision device'),
  duty_headroom: numberColumn('duty_headroom', 'Duty headroom', 'fraction', '0.0%', 12, 'NPU time left on the device that runs the LLM'),
  memory_headroom_gb: numberColumn('memory_headroom_gb', 'Memory headroom (GB)', 'GB', FORMAT.two, 14, 'Least spare memory on any device'),
  llm_duty: numberColumn('llm_duty', 'LLM duty', 'fraction', FORMAT.three, 10),
  avg_watts_per_site: numberColumn('avg_watts_per_site', 'Average W per site', 'W', FORMAT.one, 14),
  unit_price: numberColumn('unit_price', 'Unit price', undefined, MONEY, 12),
  capex: numberColumn('capex', 'Capex', undefined, MONEY, 14),
  energy_kwh_per_year: numberColumn('energy_kwh_per_year', 'Energy (kWh/year)', 'kWh', MONEY, 16),
  energy_cost_per_year: numberColumn('energy_cost_per_year', 'Energy cost / year', undefined, MONEY, 16),
  tco: numberColumn('tco', 'TCO', undefined, MONEY, 14),
};

export function buildPlanSheet(engine: Engine, requirements: PlanRequirements, options: PlanOptions, description: readonly string[] = []): SheetModel {
  const rows: CellValue[][] = engine.plan(requirements, options).map((row) => {
    const record = planRecord(row);
    return PLAN_FIELDS.map((field) => record[field]);
  });
  return {
    // Its LLM duty (and what follows from it) is on the options' basis (decision 0033).
    ...(options.basis ? { basis: options.basis } : {}),
    name: 'Procurement plan',
    title: 'Procurement plan: the requirements tried on every candidate tier',
    notes: [
      ...description,
      'One row per tier: feasible or every reason not, devices per site and in total, the binding constraint and the headroom on each, capex, energy a year and TCO (capex + energy cost x years). Rules: docs/decisions/0027-procurement-plan.md.',
    ],
    tableName: 'SizerProcurementPlan',
    columns: PLAN_FIELDS.map((field) => COLUMN_OF[field]),
    rows,
    badges: [
      { column: 'verdict', equals: 'cheapest', ...TONE_COLORS.green },
      { column: 'verdict', equals: 'infeasible', ...TONE_COLORS.orange },
      { column: 'verdict', equals: 'no tier meets the requirements', ...TONE_COLORS.orange },
    ],
    charts: [{ kind: 'column', title: 'Capex and TCO by tier', categoryColumn: 'tier', seriesColumns: ['capex', 'tco'], xAxisTitle: 'Tier', yAxisTitle: 'Cost' }],
  };
}
