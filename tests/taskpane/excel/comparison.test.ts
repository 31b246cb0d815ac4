/**
 * "Insert procurement comparison": what reaches the workbook (named requirement inputs, the
 * requirements and prices tables, one SIZER.PLAN formula, chart data and a capex/TCO chart, the
 * sensitivity block), and that the written sheet computes: its cells and names are loaded into
 * HyperFormula with the SIZER functions installed, and it recalculates when a requirement or a price
 * changes, a tier's feasibility flipping when the requirement crosses the tier's limit.
 */
import { HyperFormula } from 'hyperformula';
import { catalogModelShape, PLAN_FIELDS } from '../../../src/engine';
import { type EmptyCellConvention, registerSizerFunctions } from '../../../src/functions/hyperformula/plugin';
import { SIZER_FUNCTIONS } from '../../../src/functions/registry';
import { createRunner, runFunction } from '../../../src/functions/registry/invoke';
import type { CellInput, CellScalar } from '../../../src/functions/registry/types';
import { type ComparisonInputs, comparisonLayout, SENSITIVITY_STEPS, writeProcurementComparison } from '../../../src/taskpane/excel/comparison';
import { type ExcelRun, OWNER_MARK } from '../../../src/taskpane/excel/writer';
import { testEngine } from '../../helpers/engine';
import { fakeExcelRun, FakeWorkbookState, type SheetState } from './fake-office';

const engine = testEngine();
const runner = createRunner({ engine });
let emptyCells: EmptyCellConvention = 'web';
registerSizerFunctions(HyperFormula, SIZER_FUNCTIONS, () => runner, () => emptyCells);

const INPUTS: ComparisonInputs = {
  sites: 12,
  pipeline: 'trt_fp8_1hz_clip',
  resolution: '1080p',
  cameras: 40,
  targetFps: 15,
  model: 'instruct_moe_stock',
  quant: 'Q4_K_M',
  workload: 'plain_chat',
  queriesPerMinute: 2,
  answerKind: 'short',
  unitPrice: 600,
  pricePerKwh: 0.3,
  years: 5,
  hoursPerDay: 24,
};
const SHEET = 'Procurement comparison';
const layout = comparisonLayout(INPUTS, engine.catalog);

async function written(inputs: ComparisonInputs = INPUTS): Promise<{ state: FakeWorkbookState; sheet: SheetState }> {
  const state = new FakeWorkbookState();
  await writeProcurementComparison(fakeExcelRun(state) as unknown as ExcelRun, inputs, engine.catalog);
  return { state, sheet: state.sheets.at(-1)! };
}

const parse = (address: string): { row: number; col: number } => {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
};

/** The fake sheet in HyperFormula: formulas where Excel holds formulas, names over cells and ranges. */
function toHyperFormula(sheet: SheetState): { hf: HyperFormula; id: number } {
  const grid: (string | number | boolean | null)[][] = [];
  for (const [address, cell] of sheet.cells) {
    const { row, col } = parse(address);
    while (grid.length <= row) grid.push([]);
    grid[row]![col] = cell.formula ?? (cell.value === '' ? null : cell.value);
  }
  // Names first, then the cells: a spilling formula is sized when it is entered, so its names must exist.
  const hf = HyperFormula.buildFromSheets({ [SHEET]: [] }, { licenseKey: 'gpl-v3' });
  const id = hf.getSheetId(SHEET)!;
  for (const name of sheet.names) {
    if (name.name === OWNER_MARK) continue;
    const target = /!([A-Z]+\d+(?::[A-Z]+\d+)?)$/.exec(name.reference)![1]!;
    const absolute = target.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    hf.addNamedExpression(name.name, `='${SHEET}'!${absolute}`, id);
  }
  hf.setSheetContent(id, grid.map((row) => Array.from(row, (v) => v ?? null)));
  return { hf, id };
}

function nameCell(sheet: SheetState, name: string): { row: number; col: number } {
  const ref = sheet.names.find((n) => n.name === name)!.reference;
  return parse(/!([A-Z]+\d+)$/.exec(ref)![1]!);
}

/** The plan spill as rows (header first). */
function spill(hf: HyperFormula, id: number): unknown[][] {
  return Array.from({ length: layout.plan.rows }, (_, r) => Array.from({ length: layout.plan.columns }, (_, c) => hf.getCellValue({ sheet: id, row: layout.plan.row + r, col: c })));
}

/** SIZER.PLAN called directly with the sheet's requirements as a literal table (the reference for the spill). */
function directPlan(inputs: ComparisonInputs): unknown[][] {
  const requirements: CellScalar[][] = [
    ['vision', inputs.pipeline, inputs.resolution, inputs.cameras, inputs.targetFps],
    ['llm', inputs.model, inputs.quant, inputs.queriesPerMinute, inputs.workload, inputs.answerKind],
    ['sites', '', '', inputs.sites],
  ];
  const prices: CellScalar[][] = [['unit_price', inputs.unitPrice], ['price_per_kwh', inputs.pricePerKwh], ['years', inputs.years], ['hours_per_day', inputs.hoursPerDay]];
  const fn = SIZER_FUNCTIONS.find((f) => f.name === 'PLAN')!;
  const outcome = runFunction({ engine }, fn, [requirements, null, prices, null, inputs.basis ?? null] as CellInput[]);
  if (!outcome.ok) throw new Error(outcome.error.message);
  // HyperFormula shows a blank string cell as an empty string; numbers and booleans as themselves.
  return outcome.value as unknown[][];
}

/** HyperFormula rounds what it shows to 11 significant digits (its precisionRounding): numbers compare closely, the rest exactly. */
function expectSamePlan(got: unknown[][], want: unknown[][]): void {
  expect(got.length).toBe(want.length);
  got.forEach((row, r) =>
    row.forEach((cell, c) => {
      const expected = want[r]![c];
      if (typeof expected === 'number') expect(Math.abs((cell as number) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-9 + 1e-9);
      else expect(cell).toEqual(expected);
    }),
  );
}

const column = (field: (typeof PLAN_FIELDS)[number]): number => PLAN_FIELDS.indexOf(field);
const rowOf = (plan: unknown[][], tier: string): unknown[] => plan.find((r) => r[0] === tier)!;

describe('Insert procurement comparison', () => {
  it('writes named requirement inputs, the two tables in SIZER.PLAN layout, one SIZER.PLAN formula and a capex/TCO chart', async () => {
    const { state, sheet } = await written();
    expect(sheet.name).toBe(SHEET);
    expect(sheet.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['Sites', 'Cameras', 'TargetFps', 'Pipeline', 'Model', 'QueriesPerMinute', 'UnitPrice', 'PricePerKwh', 'Years', 'HoursPerDay', 'Requirements', 'Prices', 'CheapestTier']),
    );
    const planCell = `A${layout.plan.row + 1}`;
    expect(sheet.cells.get(planCell)!.formula).toBe('=SIZER.PLAN(Requirements, , Prices)');
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]!.series.map((s) => s.name)).toEqual(['Capex (feasible)', 'TCO (feasible)', 'TCO (cheapest)']);
    expect(state.calculations).toEqual(['Recalculate']);
  });

  it('evaluates in HyperFormula: the spill is SIZER.PLAN over the named inputs, the sensitivity block prices the cheapest tier', async () => {
    const { sheet } = await written();
    const { hf, id } = toHyperFormula(sheet);
    const plan = spill(hf, id);
    expect(plan[0]).toEqual([...PLAN_FIELDS]);
    expectSamePlan(plan, directPlan(INPUTS));
    const cheapest = plan.find((r) => r[column('verdict')] === 'cheapest')!;
    expect(hf.getCellValue({ sheet: id, ...nameCell(sheet, 'CheapestTier') })).toBe(cheapest[0]);
    // The middle of the grid is today's prices: the cheapest row's own TCO.
    const middle = SENSITIVITY_STEPS.indexOf(1);
    const centre = hf.getCellValue({ sheet: id, row: layout.sensitivity.row + 1 + middle, col: 1 + middle }) as number;
    expect(centre).toBeCloseTo(cheapest[column('tco')] as number, 4);
    // Half the electricity price, same unit price: capex + half the energy cost.
    const halfPower = hf.getCellValue({ sheet: id, row: layout.sensitivity.row + 1 + SENSITIVITY_STEPS.indexOf(0.5), col: 1 + middle }) as number;
    expect(halfPower).toBeCloseTo((cheapest[column('capex')] as number) + (cheapest[column('energy_cost_per_year')] as number) * 0.5 * INPUTS.years, 4);
    // Chart data: refused tiers are labelled, feasible tiers carry their capex.
    const chartRows = Array.from({ length: layout.chartData.cells.length - 1 }, (_, i) => [0, 1].map((c) => hf.getCellValue({ sheet: id, row: layout.chartData.row + 1 + i, col: c })));
    expect(chartRows.some(([tier]) => String(tier).endsWith('(not feasible)'))).toBe(true);
    expect(chartRows.find(([tier]) => tier === cheapest[0])![1]).toBe(cheapest[column('capex')]);
    hf.destroy();
  });

  it('recalculates when a requirement or a price changes', async () => {
    const { sheet } = await written();
    const { hf, id } = toHyperFormula(sheet);
    hf.setCellContents({ sheet: id, ...nameCell(sheet, 'Cameras') }, 80);
    expectSamePlan(spill(hf, id), directPlan({ ...INPUTS, cameras: 80 }));
    expect(rowOf(spill(hf, id), 'NPU Mid')[column('devices_per_site')]).not.toBe(rowOf(directPlan(INPUTS), 'NPU Mid')[column('devices_per_site')]);
    const mid = rowOf(spill(hf, id), 'NPU Mid');
    hf.setCellContents({ sheet: id, ...nameCell(sheet, 'UnitPrice') }, 1000);
    const midAfter = rowOf(spill(hf, id), 'NPU Mid');
    expect(midAfter[column('capex')]).toBe(1000 * (mid[column('total_devices')] as number));
    expectSamePlan(spill(hf, id), directPlan({ ...INPUTS, cameras: 80, unitPrice: 1000 }));
    hf.destroy();
  });

  it('on the calibrated basis its SIZER.PLAN passes the basis, and evaluates in HyperFormula to the plan on that basis', async () => {
    const calibrated: ComparisonInputs = { ...INPUTS, basis: 'calibrated' };
    const { sheet } = await written(calibrated);
    expect(sheet.cells.get(`A${layout.plan.row + 1}`)!.formula).toBe('=SIZER.PLAN(Requirements, , Prices, , "calibrated")');
    const { hf, id } = toHyperFormula(sheet);
    const plan = spill(hf, id);
    expectSamePlan(plan, directPlan(calibrated));
    // NPU Low-LP5X's decode of the model is projected: its LLM duty is the calibrated decode's,
    // queries per second x the short answer's tokens (data/llm.json: 200) / calibrated tok/s.
    const hw = engine.hardware({ tier: 'low-lp5x' });
    const p = engine.llmModel(hw, INPUTS.model, { quant: INPUTS.quant });
    const decode = engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: p.decodeTokS, source: p.source, multiplier: 1 }, catalogModelShape(engine.catalog, p.model, INPUTS.quant)).decodeTokS;
    const duty = rowOf(plan, hw.name)[column('llm_duty')] as number;
    expect(duty).toBeCloseTo((INPUTS.queriesPerMinute / 60) * (200 / decode), 9);
    expect(duty).not.toBeCloseTo(rowOf(directPlan(INPUTS), hw.name)[column('llm_duty')] as number, 4);
    hf.destroy();
  });

  it.each(['web', 'desktop'] as const)('a tier turns infeasible when the query rate crosses its duty limit (empty cells as on %s)', async (convention) => {
    emptyCells = convention;
    try {
      const { sheet } = await written();
      const { hf, id } = toHyperFormula(sheet);
      // SIZER.DUTY at one query a minute: the rate that fills NPU Mid's time is its inverse.
      const duty = SIZER_FUNCTIONS.find((f) => f.name === 'DUTY')!;
      const perQuery = runFunction({ engine }, duty, ['NPU Mid', 1, INPUTS.answerKind, INPUTS.quant, INPUTS.workload, INPUTS.model]);
      if (!perQuery.ok) throw new Error(perQuery.error.message);
      const limit = 1 / (perQuery.value as number);
      const qpm = nameCell(sheet, 'QueriesPerMinute');
      hf.setCellContents({ sheet: id, ...qpm }, limit * 0.97);
      expect(rowOf(spill(hf, id), 'NPU Mid')[column('feasible')]).toBe(true);
      hf.setCellContents({ sheet: id, ...qpm }, limit * 1.03);
      const refused = rowOf(spill(hf, id), 'NPU Mid');
      expect(refused[column('feasible')]).toBe(false);
      expect(refused[column('why')]).toMatch(/duty cycle above 1/);
      hf.destroy();
    } finally {
      emptyCells = 'web';
    }
  });
});
