/**
 * "Insert procurement model": what reaches the workbook (named input cells, drop-downs fed by SIZER
 * lookups, live SIZER formulas, syncs), and that the written sheet actually computes: its cells and
 * names are loaded into HyperFormula with the SIZER functions installed, evaluated, and recalculated
 * when an input changes. The Office.js fake enforces the Excel behaviours listed (and cited) in
 * fake-office.ts: drop-downs that read a spill fail before that spill exists, select() needs the
 * active sheet, a formula in a text-formatted cell stays text, suspensions last until the next sync.
 */
import { HyperFormula } from 'hyperformula';
import { catalogModelShape } from '../../../src/engine';
import { type EmptyCellConvention, registerSizerFunctions } from '../../../src/functions/hyperformula/plugin';
import { SIZER_FUNCTIONS } from '../../../src/functions/registry';
import { createRunner } from '../../../src/functions/registry/invoke';
import { type ProcurementInputs, procurementLayout, writeProcurementModel } from '../../../src/taskpane/excel/procurement';
import { type ExcelRun, OWNER_MARK, OWNER_PROPERTY_VALUE } from '../../../src/taskpane/excel/writer';
import { CUSTOM_TIER_TEXT } from '../../functions/cases';
import { testEngine } from '../../helpers/engine';
import { a1, fakeExcelRun, FakeWorkbookState, type SheetState } from './fake-office';

const engine = testEngine();
const runner = createRunner({ engine });
/** How a reference to an empty cell reaches the functions: 0 on Excel desktop, null on the web (office-js#4702). */
let emptyCells: EmptyCellConvention = 'web';
registerSizerFunctions(HyperFormula, SIZER_FUNCTIONS, () => runner, () => emptyCells);

const INPUTS: ProcurementInputs = {
  tier: 'NPU High',
  memory: null,
  precisionSet: null,
  npuShare: 0.75,
  pipeline: 'trt_fp8_1hz_clip',
  resolution: '1080p',
  cameras: 40,
  targetFps: 15,
  model: 'skippy_finetune',
  quant: 'Q4_K_M',
  workload: 'plain_chat',
  queriesPerMinute: 2,
  answerKind: 'short',
  unitPrice: 180,
};

async function written(state = new FakeWorkbookState(), inputs: ProcurementInputs = INPUTS): Promise<{ state: FakeWorkbookState; sheet: SheetState }> {
  await writeProcurementModel(fakeExcelRun(state) as unknown as ExcelRun, inputs, engine.catalog);
  return { state, sheet: state.sheets.at(-1)! };
}

/** The fake sheet as HyperFormula content: formulas where Excel holds formulas, else values. */
function toHyperFormula(sheet: SheetState): { hf: HyperFormula; id: number } {
  const grid: (string | number | boolean | null)[][] = [];
  const parse = (address: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]) - 1, col - 1];
  };
  for (const [address, cell] of sheet.cells) {
    const [r, c] = parse(address);
    while (grid.length <= r) grid.push([]);
    grid[r]![c] = cell.formula ?? (cell.value === '' ? null : cell.value);
  }
  const hf = HyperFormula.buildFromSheets({ Inputs: grid.map((row) => Array.from(row, (v) => v ?? null)) }, { licenseKey: 'gpl-v3' });
  const id = hf.getSheetId('Inputs')!;
  for (const name of sheet.names) {
    if (name.name === OWNER_MARK) continue;
    const target = /!([A-Z]+)(\d+)$/.exec(name.reference)!;
    hf.addNamedExpression(name.name, `=Inputs!$${target[1]}$${target[2]}`, id);
  }
  return { hf, id };
}

/** A spilled list in the Lists area, read down from its anchor cell until the first empty cell. */
function spill(hf: HyperFormula, id: number, anchor: string): unknown[] {
  const m = /^([A-Z]+)(\d+)$/.exec(anchor)!;
  const col = m[1]!.charCodeAt(0) - 65; // single-letter columns are enough here
  const values: unknown[] = [];
  for (let row = Number(m[2]) - 1; ; row++) {
    const value = hf.getCellValue({ sheet: id, row, col });
    if (value === null || value === undefined) return values;
    values.push(value);
  }
}

function cellOf(sheet: SheetState, name: string): { row: number; col: number } {
  const ref = sheet.names.find((n) => n.name === name)!.reference;
  const m = /!([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function valueOf(hf: HyperFormula, id: number, sheet: SheetState, name: string): unknown {
  return hf.getCellValue({ sheet: id, ...cellOf(sheet, name) });
}

describe('Insert procurement model', () => {
  it('adds an owned Inputs sheet in three syncs: plan; the cells, so the lookups spill; then the drop-downs', async () => {
    const { state, sheet } = await written();
    expect(sheet.name).toBe('Inputs');
    expect(state.syncs).toBe(3);
    // Screen updating suspended once, for the big batch; calculation never suspended, so nothing is
    // owed, but the action still ends with a recalculation request (see writer.ts).
    expect(state.screenSuspensions).toBe(1);
    expect(state.batches.map((b) => [b.screenUpdatingSuspended, b.calculationSuspended])).toEqual([
      [false, false],
      [true, false],
      [false, false],
    ]);
    expect(state.calculationOwed).toBe(false);
    expect(state.calculations).toEqual(['Recalculate']);
    expect(state.runOptions).toEqual([{ delayForCellEdit: true }]);
    // The spills exist before the batch that adds the drop-downs reading them.
    expect(state.batches[1]!.commands.some((c) => c.op === 'formulas' && c.address === 'F5:L6')).toBe(true);
    expect(state.batches[1]!.commands.some((c) => c.op.startsWith('dataValidation.rule'))).toBe(false);
    // Last batch: drop-downs, then activate the sheet, then select on it, then recalculate.
    const ops = state.batches[2]!.commands.map((c) => c.op).filter((op) => !op.startsWith('dataValidation'));
    expect(ops).toEqual(['activate', 'select', 'application.calculate']);
    expect(sheet.names.find((n) => n.name === OWNER_MARK)).toMatchObject({ visible: false });
    expect(sheet.customProperties).toEqual({ [OWNER_MARK]: OWNER_PROPERTY_VALUE });
    expect(state.active).toBe('Inputs');
    expect(sheet.selected).toBe('B6');
  });

  it('the fake refuses a drop-down that reads a spill added in the same batch (the spill does not exist yet)', async () => {
    const state = new FakeWorkbookState();
    const run = fakeExcelRun(state);
    await expect(
      run({}, async (context) => {
        const sheet = context.workbook.worksheets.add('Lists');
        sheet.getRange('F6').formulas = [['=SIZER.TIERS()']];
        sheet.getRange('B6').dataValidation.rule = { list: { inCellDropDown: true, source: '=$F$6#' } };
        await context.sync();
      }),
    ).rejects.toThrow(/spill that does not exist yet/);
  });

  it('names every input cell and result cell on the sheet, with its starting value', async () => {
    const { sheet } = await written();
    const layout = procurementLayout(INPUTS, engine.catalog);
    layout.inputs.forEach((input, i) => {
      const address = a1(layout.inputsHeaderRow + 1 + i, 1);
      expect(sheet.names).toContainEqual(expect.objectContaining({ name: input.name, reference: `='Inputs'!${address}` }));
      expect(sheet.cells.get(address)!.value).toBe(input.value);
      expect(sheet.cells.get(address)!.formula).toBeNull();
    });
    expect(sheet.cells.get('B6')!.value).toBe('NPU High');
    expect(layout.results.map((r) => r.name)).toEqual(expect.arrayContaining(['StreamsPerDevice', 'DevicesNeeded', 'TotalCost', 'DecodeTokS', 'DutyCycle']));
  });

  it('feeds the drop-downs from SIZER lookups spilled into the Lists area', async () => {
    const { sheet } = await written();
    expect(sheet.cells.get('F6')!.formula).toBe('=SIZER.TIERS()');
    expect(sheet.cells.get('G6')!.formula).toBe('=UNIQUE(VSTACK("stock", SIZER.MEMORY(Tier)))');
    expect(sheet.cells.get('J6')!.formula).toBe('=SIZER.MODELS(Tier)');
    expect(sheet.dataValidation.B6).toEqual({ list: { inCellDropDown: true, source: '=$F$6#' } });
    expect(sheet.dataValidation.B7).toEqual({ list: { inCellDropDown: true, source: '=$G$6#' } });
    expect(sheet.dataValidation.B8).toEqual({ list: { inCellDropDown: true, source: 'int8,int8_fp8,int8_fp8_fp4' } });
    expect(sheet.dataValidation.B10).toEqual({ list: { inCellDropDown: true, source: '=$H$6#' } });
    // Numbers take no list.
    expect(sheet.dataValidation.B9).toBeUndefined();
  });

  it('lets Tier and Memory take a typed value not in the list (Information alert); the other lists refuse one (Stop)', async () => {
    // "Only `stop` actually prevents the user from adding invalid data"; the default is Stop
    // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation).
    const { sheet } = await written();
    const style = (address: string): unknown => (sheet.validationAlerts[address] as { style?: unknown } | undefined)?.style;
    expect(style('B6')).toBe('Information'); // Tier: a custom tier
    expect(style('B7')).toBe('Information'); // Memory: a key such as lpddr6-14
    expect(sheet.validationAlerts.B6).toMatchObject({ showAlert: true, title: 'Tier' });
    for (const address of ['B8', 'B10', 'B11', 'B14', 'B15', 'B16', 'B18']) expect(style(address)).toBe('Stop');
    expect(Object.keys(sheet.validationAlerts).sort()).toEqual(Object.keys(sheet.dataValidation).sort());
  });

  it('leaves the input cells in the General format, so the Tier cell takes a =SIZER.CUSTOMTIER(...) formula', async () => {
    const { state, sheet } = await written();
    const layout = procurementLayout(INPUTS, engine.catalog);
    for (const input of layout.inputs) expect(input.numberFormat).not.toBe('@');
    expect(sheet.cells.get('B6')!.numberFormat).toBe('General');
    // The user puts a custom tier formula in the Tier cell: Excel keeps it a formula.
    const formula = '=SIZER.CUSTOMTIER(96, "LPDDR5X", 8.533, 16, 100)';
    await fakeExcelRun(state)({}, async (context) => {
      context.workbook.worksheets.getItemOrNullObject('Inputs').getRange('B6').formulas = [[formula]];
      await context.sync();
    });
    expect(sheet.cells.get('B6')).toMatchObject({ formula, numberFormat: 'General' });
    // The fake is faithful: the same formula in a text-formatted cell would have stayed text.
    await fakeExcelRun(state)({}, async (context) => {
      const cell = context.workbook.worksheets.getItemOrNullObject('Inputs').getRange('Z1');
      cell.numberFormat = [['@']];
      cell.formulas = [[formula]];
      await context.sync();
    });
    expect(sheet.cells.get('Z1')).toMatchObject({ value: formula, formula: null });
  });

  it('links to the procurement comparison sheet, below the results', async () => {
    const { sheet } = await written();
    const layout = procurementLayout(INPUTS, engine.catalog);
    const link = sheet.cells.get(`A${layout.comparisonLink.row + 1}`)!;
    expect(link.formula).toBe(`=HYPERLINK("#'Procurement comparison'!A1", "Every tier at once: the Procurement comparison sheet (pane: Insert procurement comparison)")`);
  });

  it('writes live SIZER formulas for capacity, devices needed and cost', async () => {
    const { sheet } = await written();
    const formulas = [...sheet.cells.values()].map((c) => c.formula).filter((f): f is string => f !== null);
    expect(formulas).toEqual(
      expect.arrayContaining([
        '=SIZER.MAXSTREAMS(Tier, Pipeline, Resolution, TargetFps, NpuShare, MemoryArg, PrecisionArg)',
        '=IF(StreamsPerDevice=0, NA(), ROUNDUP(Cameras/StreamsPerDevice, 0))',
        '=DevicesNeeded*UnitPrice',
      ]),
    );
  });

  it('computes in a spreadsheet engine, and recalculates when the tier input changes', async () => {
    const { sheet } = await written();
    const { hf, id } = toHyperFormula(sheet);
    const expected = (tier: string) => {
      const hw = engine.hardware({ tier });
      let streams = 0;
      for (let n = 1; n <= 16; n++) if (engine.vision(hw, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: n, npuShare: 0.75 }).fpsPerStream >= 15) streams = n;
      return { streams, tokps: engine.llmModel(hw, 'skippy_finetune', { quant: 'Q4_K_M', npuShare: 0.75 }).decodeTokS };
    };
    const high = expected('NPU High');
    expect(high.streams).toBeGreaterThan(0);
    expect(valueOf(hf, id, sheet, 'StreamsPerDevice')).toBe(high.streams);
    expect(valueOf(hf, id, sheet, 'DevicesNeeded')).toBe(Math.ceil(40 / high.streams));
    expect(valueOf(hf, id, sheet, 'TotalCost')).toBe(Math.ceil(40 / high.streams) * 180);
    expect(valueOf(hf, id, sheet, 'DecodeTokS')).toBeCloseTo(high.tokps, 9);
    expect(valueOf(hf, id, sheet, 'LlmFits')).toBe(true);
    expect(typeof valueOf(hf, id, sheet, 'DutyCycle')).toBe('number');
    expect(valueOf(hf, id, sheet, 'MemoryArg')).toBe('');

    hf.setCellContents({ sheet: id, row: 5, col: 1 }, 'NPU Mid');
    const mid = expected('NPU Mid');
    expect(valueOf(hf, id, sheet, 'StreamsPerDevice')).toBe(mid.streams);
    expect(valueOf(hf, id, sheet, 'DecodeTokS')).toBeCloseTo(mid.tokps, 9);

    // High and Mid give the same streams and tok/s here (same bandwidth, same MoE anchor), so also
    // switch to a tier whose answers differ, worked out by hand: Low-LP5X (67.2 x 0.7 = 47.04 GB/s)
    // keeps one 1080p stream at 15 FPS and projects the MoE cross-class at 47.04e9 / (3e9 x 0.57)
    // x 0.75 = 20.63 tok/s.
    hf.setCellContents({ sheet: id, row: 5, col: 1 }, 'NPU Low-LP5X');
    expect(valueOf(hf, id, sheet, 'StreamsPerDevice')).toBe(1);
    expect(valueOf(hf, id, sheet, 'DevicesNeeded')).toBe(40);
    expect(valueOf(hf, id, sheet, 'DecodeTokS')).toBeCloseTo(((47.04e9 / (3e9 * 0.57)) * 0.75), 9);
    hf.setCellContents({ sheet: id, row: 5, col: 1 }, 'NPU Mid');

    // "stock" from the memory list passes as stock memory; an upgrade label passes through.
    hf.setCellContents({ sheet: id, row: 6, col: 1 }, 'stock');
    expect(valueOf(hf, id, sheet, 'MemoryArg')).toBe('');
    hf.setCellContents({ sheet: id, row: 6, col: 1 }, 'LPDDR6 @ 14 GT/s');
    expect(valueOf(hf, id, sheet, 'DecodeTokS')).toBeGreaterThan(mid.tokps);
  });

  it('on the calibrated basis its LLM formulas pass the basis and compute the calibrated decode, duty and FPS left', async () => {
    const { sheet } = await written(new FakeWorkbookState(), { ...INPUTS, tier: 'NPU Low-LP5X', basis: 'calibrated' });
    const { hf, id } = toHyperFormula(sheet);
    // The calibrated decode from the engine's basis API, at the sheet's NPU share (given, so the calibrated model applies it).
    const hw = engine.hardware({ tier: 'low-lp5x' });
    const p = engine.llmModel(hw, 'skippy_finetune', { quant: 'Q4_K_M', npuShare: 0.75 });
    const decode = engine.decodeOnBasis(hw, 'calibrated', { decodeTokS: p.decodeTokS, source: p.source, multiplier: 1, npuShareGiven: 0.75 }, catalogModelShape(engine.catalog, 'skippy_finetune', 'Q4_K_M')).decodeTokS;
    expect(decode).not.toBeCloseTo(p.decodeTokS, 3);
    expect(valueOf(hf, id, sheet, 'DecodeTokS')).toBeCloseTo(decode, 9);
    // Two short answers (data/llm.json: 200 tokens) a minute: 2 / 60 x 200 / decode.
    const duty = (2 / 60) * (200 / decode);
    expect(valueOf(hf, id, sheet, 'DutyCycle')).toBeCloseTo(duty, 9);
    const visionFps = engine.vision(hw, { pipeline: 'trt_fp8_1hz_clip', resolution: '1080p', streams: 1, npuShare: 0.75 }).fpsPerStream;
    expect(valueOf(hf, id, sheet, 'FpsUnderLlm')).toBeCloseTo(visionFps * (1 - duty), 9);
    hf.destroy();
  });

  it.each(['desktop', 'web'] as const)('with its optional inputs left empty computes the defaults (empty cells as Excel %s passes them)', async (convention) => {
    const { sheet } = await written();
    const { hf, id } = toHyperFormula(sheet);
    emptyCells = convention;
    try {
      // The inputs whose hint says what a blank gives (the resolution is a required pick, as in SIZER.MAXSTREAMS).
      for (const name of ['MemoryUpgrade', 'PrecisionSet', 'NpuShare', 'Quant', 'Workload', 'AnswerKind']) {
        hf.setCellContents({ sheet: id, ...cellOf(sheet, name) }, null);
      }
      // The defaults written out: stock memory, the tier's own share, 1080p, the catalog's LLM defaults.
      const hw = engine.hardware({ tier: 'NPU High' });
      let streams = 0;
      for (let n = 1; n <= 16; n++) if (engine.vision(hw, { pipeline: 'trt_fp8_1hz_clip', streams: n }).fpsPerStream >= 15) streams = n;
      const llm = engine.llmModel(hw, 'skippy_finetune', {});
      expect(valueOf(hf, id, sheet, 'StreamsPerDevice')).toBe(streams);
      expect(valueOf(hf, id, sheet, 'DecodeTokS')).toBeCloseTo(llm.decodeTokS, 9);
      expect(valueOf(hf, id, sheet, 'DutyCycle')).toBeCloseTo(engine.llmDuty(llm, { queriesPerMinute: 2 }).dutyCycle, 12);
    } finally {
      emptyCells = 'web';
    }
  });

  it('lists "stock" first in the memory drop-down, once, for tiers with upgrades and without', async () => {
    const { sheet } = await written();
    // The Lists formula with the Tier name as a plain cell reference: inside VSTACK, HyperFormula hands
    // a named cell to a function as a range (Excel passes its value), so the name is replaced here.
    const formula = sheet.cells.get('G6')!.formula!.replace('Tier', 'A1');
    for (const [tier, upgrades] of [['NPU High', engine.catalog.memoryUpgrades.map((m) => m.label)], ['NPU Low-LP5X', []]] as const) {
      const hf = HyperFormula.buildFromSheets({ S: [[tier, formula]] }, { licenseKey: 'gpl-v3' });
      expect(spill(hf, 0, 'B1')).toEqual(['stock', ...upgrades]);
    }
  });

  it('computes with a =SIZER.CUSTOMTIER(...) formula in the Tier cell', async () => {
    const { sheet } = await written();
    const { hf, id } = toHyperFormula(sheet);
    hf.setCellContents({ sheet: id, row: 5, col: 1 }, '=SIZER.CUSTOMTIER(96, "LPDDR5X", 8.533, 16, 100, 50, 100, 0, "lp5x_128", , , 12, , "Test NPU")');
    expect(hf.getCellValue({ sheet: id, row: 5, col: 1 })).toBe(CUSTOM_TIER_TEXT);
    const hw = engine.hardware({ tier: CUSTOM_TIER_TEXT });
    expect(valueOf(hf, id, sheet, 'DecodeTokS')).toBeCloseTo(engine.llmModel(hw, 'skippy_finetune', { quant: 'Q4_K_M', npuShare: 0.75 }).decodeTokS, 9);
    expect(typeof valueOf(hf, id, sheet, 'StreamsPerDevice')).toBe('number');
  });

  it('never overwrites a user "Inputs" sheet: writes "Inputs (2)" with its own sheet-scoped names', async () => {
    const state = new FakeWorkbookState();
    state.addUserSheet('Inputs', { A1: 'my inputs' });
    const { sheet } = await written(state);
    expect(sheet.name).toBe('Inputs (2)');
    expect(state.sheet('Inputs')!.cells.get('A1')!.value).toBe('my inputs');
    expect(state.sheet('Inputs')!.names).toEqual([]);
    expect(sheet.names.find((n) => n.name === 'Tier')!.reference).toBe("='Inputs (2)'!B6");
    expect(state.syncs).toBe(4);
  });

  it('rewrites its own Inputs sheet in place the second time', async () => {
    const { state } = await written();
    await writeProcurementModel(fakeExcelRun(state) as unknown as ExcelRun, { ...INPUTS, tier: 'NPU Mid' }, engine.catalog);
    expect(state.sheets.map((s) => s.name)).toEqual(['Inputs']);
    const sheet = state.sheet('Inputs')!;
    expect(sheet.cells.get('B6')!.value).toBe('NPU Mid');
    // Names were re-added after the clear... and not duplicated.
    expect(sheet.names.filter((n) => n.name === 'Tier')).toHaveLength(1);
  });
});
