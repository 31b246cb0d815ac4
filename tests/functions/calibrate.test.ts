/**
 * SIZER.CALIBRATE and the calibration argument of the projection functions: normal, blank, string,
 * error and too-few-rows tables, messages that name the row and the field, the spilled result read
 * back (round trip), and a calibration changing the projections that take a basis.
 */
import { bundledCalibration, createEngine } from '../../src/engine';
import { PUBLISHED_CALIBRATION } from '../../src/functions/defs/calibration';
import { SIZER_FUNCTIONS } from '../../src/functions/registry';
import { runFunction } from '../../src/functions/registry/invoke';
import type { CellInput, CellScalar, FunctionContext, FunctionResult } from '../../src/functions/registry/types';
import { CALIBRATION_RESULT_ROWS, CALIBRATION_TABLE_COLUMNS, calibrateTable, calibrationFromResult, calibrationResultCells } from '../../src/report/calibration-table';
import { calibrationExampleRows, calibrationExampleSourceRows, EXAMPLE_MARK } from '../../src/report/calibration-examples';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
const fn = (name: string) => SIZER_FUNCTIONS.find((f) => f.name === name)!;

function call(name: string, args: readonly CellInput[], ctx: FunctionContext = { engine }): FunctionResult {
  const outcome = runFunction(ctx, fn(name), args);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}
function message(name: string, args: readonly CellInput[], ctx: FunctionContext = { engine }): string {
  const outcome = runFunction(ctx, fn(name), args);
  if (outcome.ok) throw new Error(`SIZER.${name} answered ${JSON.stringify(outcome.value)}`);
  expect(outcome.error.kind).toBe('value');
  return outcome.error.message;
}

/** Lab rows as typed facts (five rows of the validation set: GDDR6X, unified LPDDR5/5X, LPDDR4X; dense and MoE; 4 and 16 bit). */
const HEADER = ['device', 'mem_bandwidth_gbs', 'mem_bus_width_bits', 'mem_type', 'active_params_b', 'total_params_b', 'bits_per_weight', 'context_tokens', 'decode_tok_s'];
const ROWS: CellScalar[][] = [
  ['RTX 4090', 1008, 384, 'GDDR6X', 8.03, 8.03, 4.563, 512, 130.58],
  ['Strix Halo', 256, 256, 'LPDDR5X', 3.3, 30.5, 4.6, 128, 78],
  ['Pi 5', 17.1, 32, 'LPDDR4X', 3.3, 30.53, 2.696, 128, 7.99],
  ['M3 Max', 400, 512, 'LPDDR5', 8.03, 8.03, 14.904, 512, 22.04],
];
const TABLE: CellScalar[][] = [HEADER, ...ROWS];

/** A projected (not measured) cell, so that a calibration moves it: Qwen3-30B MoE on NPU Low-LP5X. */
const TOKPS_ARGS: CellInput[] = ['low-lp5x', 'skippy_finetune', 'Q4_K_M'];
/** TOKPS's arguments up to basis (index 8); calibration is index 9. */
const withBasis = (basis: CellInput, calibration: CellInput = null): CellInput[] => [...TOKPS_ARGS, null, null, null, null, null, basis, calibration];

const result = call('CALIBRATE', [TABLE]) as (string | number)[][];
const value = (cells: readonly (readonly (string | number)[])[], label: string): number => cells.find((r) => r[0] === label)![1] as number;

describe('SIZER.CALIBRATE: a normal table', () => {
  it('spills a header row and one labelled row per constant and figure, in the declared order', () => {
    expect(result[0]).toEqual(['calibration', 'value']);
    expect(result.slice(1).map((r) => r[0])).toEqual(CALIBRATION_RESULT_ROWS.map((r) => r.label));
    expect(result.every((r) => r.length === 2)).toBe(true);
    expect(value(result, 'rows')).toBe(4);
    for (const row of result.slice(1)) expect(Number.isFinite(row[1])).toBe(true);
  });

  it('reports leave-one-out figures: a median |error| and a geometric-mean ratio, and a band around 1', () => {
    expect(value(result, 'loo_median_abs_error')).toBeGreaterThanOrEqual(0);
    expect(value(result, 'loo_median_abs_error')).toBeLessThan(1);
    expect(value(result, 'loo_geomean_ratio')).toBeGreaterThan(0.5);
    expect(value(result, 'loo_geomean_ratio')).toBeLessThan(2);
    expect(value(result, 'band_low_ratio')).toBeLessThanOrEqual(value(result, 'band_high_ratio'));
  });

  it('refits toward the rows: constants differ from the shipped fit, which four rows cannot all pin down', () => {
    const shipped = bundledCalibration().constants;
    expect(value(result, 'bw_efficiency_4bit')).not.toBeCloseTo(shipped.bwEfficiency['4bit'], 6);
  });

  it('takes the columns in any order (by header name, with spaces or any case) and ignores the note column', () => {
    const order = [8, 3, 0, 7, 1, 2, 6, 5, 4];
    const shuffled = TABLE.map((row, r) => [...order.map((i) => (r === 0 ? String(row[i]).toUpperCase().replace(/_/g, ' ') : row[i])), r === 0 ? 'note' : 'anything at all']);
    expect(call('CALIBRATE', [shuffled])).toEqual(result);
  });

  it('a tier, a catalog model and a catalog quant stand for the facts the catalog holds for them', () => {
    const tier = engine.catalog.tiers.find((t) => t.id === 'low-lp5x')!;
    const model = engine.catalog.modelByKey['qwen25_7b_dense']!;
    const quant = engine.catalog.quantByKey['Q8_0']!;
    const byName = [['tier', 'model', 'quant', ...HEADER], ...ROWS.slice(0, 3).map((r) => [null, null, null, ...r]), ['low-lp5x', 'qwen25_7b_dense', 'Q8_0', ...HEADER.map((h) => (h === 'decode_tok_s' ? 9 : null))]];
    const typed = [
      [...HEADER, 'bytes_per_param'],
      ...ROWS.slice(0, 3).map((r) => [...r, null]),
      ['', tier.memory.bandwidthGbs, tier.memory.busWidthBits, tier.memory.type, model.activeParamsB, model.totalParamsB, null, null, 9, quant.bytesPerParam],
    ];
    expect(call('CALIBRATE', [byName])).toEqual(call('CALIBRATE', [typed]));
  });
});

describe('SIZER.CALIBRATE: blank cells and rows', () => {
  it('skips blank rows, as Excel on the web (null) and Excel desktop (0 or "") hand them over', () => {
    const web = [HEADER, ROWS[0]!, HEADER.map(() => null), ROWS[1]!, ROWS[2]!, HEADER.map(() => null), ROWS[3]!];
    const desktop = [HEADER, ROWS[0]!, HEADER.map(() => 0), ROWS[1]!, ROWS[2]!, HEADER.map(() => ''), ROWS[3]!];
    expect(call('CALIBRATE', [web])).toEqual(result);
    expect(call('CALIBRATE', [desktop])).toEqual(result);
  });

  it('an empty optional cell is blank whether it arrives as null, 0 or ""', () => {
    const noContext = (blank: CellScalar) => TABLE.map((row, r) => row.map((cell, i) => (r > 0 && i === 7 ? blank : cell)));
    const web = call('CALIBRATE', [noContext(null)]);
    expect(call('CALIBRATE', [noContext(0)])).toEqual(web);
    expect(call('CALIBRATE', [noContext('')])).toEqual(web);
    // Blank context = 128 tokens (llama-bench tg128), which is what two of the rows already say.
    expect(call('CALIBRATE', [noContext(128)])).toEqual(web);
  });

  it('a blank column header leaves that column out', () => {
    const extra = TABLE.map((row, r) => [...row, r === 0 ? null : 'ignored']);
    expect(call('CALIBRATE', [extra])).toEqual(result);
  });
});

describe('SIZER.CALIBRATE: text and bad values, with the row and the field named', () => {
  const edit = (row: number, column: string, cell: CellScalar): CellScalar[][] => TABLE.map((r, i) => (i === row ? r.map((c, j) => (HEADER[j] === column ? cell : c)) : r));

  it('numbers typed as text are numbers', () => {
    expect(call('CALIBRATE', [edit(2, 'decode_tok_s', '78')])).toEqual(result);
  });

  it('text where a number belongs names the row (1 = first under the header) and the field', () => {
    expect(message('CALIBRATE', [edit(3, 'decode_tok_s', 'fast')])).toBe('table row 3: decode_tok_s: must be a number, got "fast"');
    expect(message('CALIBRATE', [edit(1, 'mem_bandwidth_gbs', 'n/a')])).toBe('table row 1: mem_bandwidth_gbs: must be a number, got "n/a"');
  });

  it('values out of range name the row and the field', () => {
    expect(message('CALIBRATE', [edit(2, 'decode_tok_s', -5)])).toBe('table row 2: decode_tok_s: must be more than 0, got -5');
    expect(message('CALIBRATE', [edit(4, 'mem_type', null)])).toBe('table row 4: mem_type: is required');
    expect(message('CALIBRATE', [edit(3, 'context_tokens', 12.5)])).toBe('table row 3: context_tokens: must be a whole number, got 12.5');
    expect(message('CALIBRATE', [edit(1, 'bits_per_weight', null)])).toBe('table row 1: quant: give a quant, bits_per_weight or bytes_per_param');
  });

  it('blank rows still count in the row numbers the messages give', () => {
    const table = [HEADER, ROWS[0]!, HEADER.map(() => null), [...ROWS[1]!.slice(0, 8), 'n/a'], ROWS[2]!];
    expect(message('CALIBRATE', [table])).toBe('table row 3: decode_tok_s: must be a number, got "n/a"');
  });

  it('an unknown tier, model or quant names the row and the field, with the valid choices', () => {
    const table = [['tier', 'model', 'quant', 'decode_tok_s'], ['NPU Mid', 'skippy_finetune', 'Q4_K_M', 30], ['NPU Giga', 'skippy_finetune', 'Q4_K_M', 30]];
    expect(message('CALIBRATE', [table])).toMatch(/^table row 2: tier: unknown tier "NPU Giga"; valid: /);
    table[2] = ['NPU Mid', 'gpt-9', 'Q4_K_M', 30];
    expect(message('CALIBRATE', [table])).toMatch(/^table row 2: model: unknown model "gpt-9"/);
  });

  it('a tier and memory facts on the same row, or a quant and bits per weight, are refused', () => {
    const table = [['tier', 'mem_type', 'active_params_b', 'quant', 'decode_tok_s'], ['NPU Mid', 'LPDDR5', 3, 'Q4_K_M', 30]];
    expect(message('CALIBRATE', [table])).toBe('table row 1: tier: give a tier or mem_bandwidth_gbs / mem_bus_width_bits / mem_type / mem_data_rate_gtps, not both (mem_type is filled in)');
  });

  it('a header that names no decode_tok_s column (a table given without its header row) says how to give it', () => {
    expect(message('CALIBRATE', [ROWS])).toMatch(/first row must name the columns.*LabRows\[#All\]/);
    expect(message('CALIBRATE', [[[...HEADER, 'speed'], ...ROWS.map((r) => [...r, 1])]])).toMatch(/^table: unknown column "speed"/);
  });

  it('an error value in a cell is refused naming the argument', () => {
    const withError = TABLE.map((r) => [...r]) as CellInput[][];
    (withError[2] as unknown[])[8] = new Error('#DIV/0!');
    expect(message('CALIBRATE', [withError as unknown as CellInput])).toMatch(/table is an error value/);
  });
});

describe('SIZER.CALIBRATE: too few rows', () => {
  it('fits nothing from fewer than 3 rows and says how many it needs (blank rows do not count)', () => {
    expect(message('CALIBRATE', [[HEADER, ROWS[0]!, HEADER.map(() => null), ROWS[1]!]])).toBe(
      'table: nothing is fitted from fewer than 3 lab rows (leave-one-out needs two in every fold); the table has 2 (blank rows are skipped)',
    );
    expect(message('CALIBRATE', [[HEADER]])).toMatch(/the table has 0/);
    expect(call('CALIBRATE', [[HEADER, ...ROWS.slice(0, 3)]])).toHaveLength(CALIBRATION_RESULT_ROWS.length + 1);
  });

  it('an empty or missing table is #VALUE! naming the argument', () => {
    expect(message('CALIBRATE', [null])).toMatch(/^SIZER\.CALIBRATE: table is required/);
    expect(message('CALIBRATE', [[[null, null], [null, null]]])).toMatch(/^SIZER\.CALIBRATE: table is required/);
  });
});

describe('the spilled result read back (one parser)', () => {
  const base = bundledCalibration();

  it('round-trips: the cells SIZER.CALIBRATE spills give back exactly the calibration fitted', () => {
    const fitted = calibrateTable(engine, TABLE);
    const back = calibrationFromResult(base, result, 'calibration', fitted.calibration.provenance.validationFile);
    expect(back).toEqual(fitted.calibration);
    // And spilling what was read (the constants and band exactly, the figures as spilled) gives the same cells.
    const figures = { rows: value(result, 'rows'), looMedianAbsError: value(result, 'loo_median_abs_error'), looGeomeanRatio: value(result, 'loo_geomean_ratio') };
    expect(calibrationResultCells({ constants: back.constants, band: back.bands.calibrated, ...figures })).toEqual(result);
  });

  it('reads the result without its header row, and refuses ranges that are not a SIZER.CALIBRATE result', () => {
    expect(calibrationFromResult(base, result.slice(1), 'calibration', 'x').constants).toEqual(calibrationFromResult(base, result, 'calibration', 'x').constants);
    expect(() => calibrationFromResult(base, result.map((r) => [r[1]!]), 'calibration', 'x')).toThrow(/two columns, label and value/);
    expect(() => calibrationFromResult(base, result.filter((r) => r[0] !== 'gddr_factor'), 'calibration', 'x')).toThrow('calibration: not a SIZER.CALIBRATE result (no gddr_factor row)');
    expect(() => calibrationFromResult(base, result.map((r) => (r[0] === 'gddr_factor' ? [r[0], '#VALUE!'] : r)), 'calibration', 'x')).toThrow('calibration: gddr_factor must be a number, got "#VALUE!"');
    expect(() => calibrationFromResult(base, result.map((r) => (r[0] === 'gddr_factor' ? [r[0], -1] : r)), 'calibration', 'x')).toThrow(/^calibration: constants\.gddrFactor: /);
    expect(() => calibrationFromResult(base, [...result, ['speed', 3]], 'calibration', 'x')).toThrow('calibration: not a SIZER.CALIBRATE result (unknown row "speed")');
  });
});

describe('the calibration argument of the projections that take a basis', () => {
  const fitted = calibrateTable(engine, TABLE).calibration;
  /** The same projection from an engine built with the fitted calibration (an independent path: no calibration argument). */
  const refitEngine = createEngine(engine.catalog, { calibration: fitted });
  const published = call('TOKPS', withBasis('calibrated')) as number;
  const reference = call('TOKPS', TOKPS_ARGS) as number;

  it('moves a projected TOKPS to what an engine built with those constants gives on the calibrated basis', () => {
    const withCalibration = call('TOKPS', withBasis('calibrated', result)) as number;
    expect(withCalibration).toBeCloseTo(call('TOKPS', withBasis('calibrated'), { engine: refitEngine }) as number, 12);
    expect(Math.abs(withCalibration - published)).toBeGreaterThan(0.01);
  });

  it('a blank basis means calibrated when a calibration is given; basis "reference" keeps the reference number', () => {
    expect(call('TOKPS', withBasis(null, result))).toBe(call('TOKPS', withBasis('calibrated', result)));
    expect(call('TOKPS', withBasis(0, result))).toBe(call('TOKPS', withBasis('calibrated', result)));
    expect(call('TOKPS', withBasis('reference', result))).toBe(reference);
  });

  it('a blank calibration (left out, null, 0 or "") is the engine\'s own', () => {
    for (const blank of [null, 0, '', [['']], [[0]]] as CellInput[]) expect(call('TOKPS', withBasis('calibrated', blank))).toBe(published);
  });

  it('TOKPSRANGE carries the fit\'s own 80% band: low and high are the number times band_low_ratio and band_high_ratio', () => {
    const [low, mid, high] = (call('TOKPSRANGE', [...withBasis('calibrated').slice(0, 9), true, result]) as number[][])[1]!;
    expect(mid).toBe(call('TOKPS', withBasis('calibrated', result)));
    expect(low! / mid!).toBeCloseTo(value(result, 'band_low_ratio'), 12);
    expect(high! / mid!).toBeCloseTo(value(result, 'band_high_ratio'), 12);
  });

  it('LLM, CONTEXTTOKPS and WHATIF take it too, and agree with the refitted engine', () => {
    const llmArgs = ['low-lp5x', 'skippy_finetune', 'Q4_K_M', null, null, 'decode_tok_s', null, null, null, 'calibrated'];
    expect(call('LLM', [...llmArgs, result])).toEqual(call('LLM', llmArgs, { engine: refitEngine }));
    const contextArgs = ['low-lp5x', 8000, null, null, null, null, null, 'calibrated'];
    expect(call('CONTEXTTOKPS', [...contextArgs, result])).toBeCloseTo(call('CONTEXTTOKPS', contextArgs, { engine: refitEngine }) as number, 12);
    const whatIfArgs = ['low-lp5x', 3, 30, 0.57, true, 'decode_tok_s', null, null, null, null, null, null, null, 'calibrated'];
    expect(call('WHATIF', [...whatIfArgs, result])).toEqual(call('WHATIF', whatIfArgs, { engine: refitEngine }));
    expect(call('WHATIF', [...whatIfArgs, result])).not.toEqual(call('WHATIF', whatIfArgs));
  });

  it('a name is the workbook\'s named calibration (any case); "published" is the shipped fit; another name says which one the workbook has', () => {
    const named: FunctionContext = { engine: refitEngine, namedCalibration: { name: 'Calibration', calibration: fitted } };
    expect(call('TOKPS', withBasis(null, 'calibration '), named)).toBe(call('TOKPS', withBasis('calibrated', result)));
    expect(call('TOKPS', withBasis(null, [['Calibration']]), named)).toBe(call('TOKPS', withBasis('calibrated', result)));
    expect(call('TOKPS', withBasis(null, PUBLISHED_CALIBRATION), named)).toBe(published);
    expect(message('TOKPS', withBasis(null, 'Lab 2'), named)).toBe('calibration: this workbook has no calibration named "Lab 2" (its calibration is "Calibration"); give the range of a SIZER.CALIBRATE result, or "published"');
    expect(message('TOKPS', withBasis(null, 'Lab 2'))).toMatch(/it keeps none \(the pane's "Use this calibration" keeps one\)/);
  });

  it('a measured number stays measured whatever the calibration', () => {
    const measured: CellInput[] = ['NPU Mid', 'skippy_finetune', 'Q4_K_M', null, null, null, null, null, null, result];
    expect(call('TOKPS', measured)).toBe(call('TOKPS', ['NPU Mid', 'skippy_finetune', 'Q4_K_M']));
  });
});

describe('the calibration sheet\'s example rows', () => {
  it('are rows of the validation set, marked as examples with their citation, and fit as a table', () => {
    const rows = calibrationExampleRows();
    const sources = calibrationExampleSourceRows();
    const at = (row: CellScalar[], key: string) => row[CALIBRATION_TABLE_COLUMNS.findIndex((c) => c.key === key)];
    rows.forEach((row, i) => {
      expect(String(at(row, 'device'))).toMatch(new RegExp(`^${EXAMPLE_MARK}: `));
      expect(String(at(row, 'note'))).toContain(sources[i]!.citation);
      expect(at(row, 'decode_tok_s')).toBe(sources[i]!.decodeTokS);
    });
    const table = [CALIBRATION_TABLE_COLUMNS.map((c) => c.key), ...rows];
    expect(call('CALIBRATE', [table])).toHaveLength(CALIBRATION_RESULT_ROWS.length + 1);
  });
});
