/**
 * Calibration from the user's own lab rows as worksheet cells: the one layout SIZER.CALIBRATE reads
 * (a table whose header row names its columns), the one layout it spills (a label column and a value
 * column), and the one parser from that spilled result back to a calibration, which the `calibration`
 * argument of the projection functions and the workbook's stored named calibration both use.
 *
 * A table row becomes a lab row of the engine's schema (src/engine/calibration/user.ts, the same rows
 * `sizer calibrate FILE` reads): a tier stands for its memory facts, a catalog model for its parameter
 * counts, a catalog quant for its bytes per weight, so the fit is the CLI's fit. Errors name the row
 * (its number within the table, 1 = the first row under the header) and the field.
 * See docs/decisions/0031-calibration-from-lab-rows-in-excel.md.
 */
import {
  bundledCalibration,
  type CalibrationFile,
  calibrateFromRows,
  DEFAULT_LAB_CONTEXT_TOKENS,
  type Engine,
  isSizerError,
  memoryTypeOf,
  MIN_USER_ROWS,
  parseUserCalibrationRow,
  parseUserFit,
  SizerError,
  type UserCalibration,
  type UserCalibrationRow,
  type UserFit,
  userCalibrationFile,
} from '../engine';
import { isEmptyCell, type TableCell } from './table-cells';

export type CalibrationCell = TableCell;

type ColumnKind = 'text' | 'number' | 'boolean';

interface CalibrationColumn {
  readonly key: string;
  readonly kind: ColumnKind;
  readonly meaning: string;
}

/**
 * The columns a lab table may have, in the order the calibration sheet writes them. The names are
 * the CLI's JSON field names, plus tier, model, quant and bits_per_weight, which stand for facts the
 * catalog holds, and note, which the fit ignores.
 */
export const CALIBRATION_TABLE_COLUMNS: readonly CalibrationColumn[] = [
  { key: 'device', kind: 'text', meaning: 'Your label for the row (optional)' },
  { key: 'tier', kind: 'text', meaning: 'A SIZER tier name or SIZER.CUSTOMTIER text, instead of the memory facts' },
  { key: 'mem_bandwidth_gbs', kind: 'number', meaning: 'Peak memory bandwidth, GB/s' },
  { key: 'mem_bus_width_bits', kind: 'number', meaning: 'Memory bus width, bits' },
  { key: 'mem_type', kind: 'text', meaning: 'Memory type (LPDDR5X, GDDR6X, unified, ...)' },
  { key: 'model', kind: 'text', meaning: 'A catalog model key (see SIZER.MODELS), instead of the parameter counts' },
  { key: 'active_params_b', kind: 'number', meaning: 'Parameters read per token, billions' },
  { key: 'total_params_b', kind: 'number', meaning: 'Total parameters, billions (blank = active)' },
  { key: 'is_moe', kind: 'boolean', meaning: 'TRUE for a mixture-of-experts model (blank = TRUE when active < total)' },
  { key: 'quant', kind: 'text', meaning: 'A catalog quant key (Q4_K_M, ...), instead of bits per weight' },
  { key: 'bits_per_weight', kind: 'number', meaning: 'Bits per weight of the weights file (its size in bits / parameters)' },
  { key: 'context_tokens', kind: 'number', meaning: `Tokens in the context while decoding (blank = ${DEFAULT_LAB_CONTEXT_TOKENS}, llama-bench's tg${DEFAULT_LAB_CONTEXT_TOKENS})` },
  { key: 'decode_tok_s', kind: 'number', meaning: 'Your measured decode tokens per second' },
  { key: 'note', kind: 'text', meaning: 'Free text (the fit ignores it)' },
];

/** Columns a table may also have, as in the CLI's JSON rows (the calibration sheet does not write them). */
const MORE_COLUMNS: readonly CalibrationColumn[] = [
  { key: 'mem_data_rate_gtps', kind: 'number', meaning: 'Memory transfer rate, GT/s (with the bus width, instead of the peak bandwidth)' },
  { key: 'bytes_per_param', kind: 'number', meaning: 'Bytes per weight (instead of bits per weight)' },
  { key: 'num_layers', kind: 'number', meaning: 'Transformer layers' },
  { key: 'hidden_dim', kind: 'number', meaning: 'Hidden width' },
  { key: 'kv_head_ratio', kind: 'number', meaning: 'KV heads / attention heads' },
];

const ALL_COLUMNS = [...CALIBRATION_TABLE_COLUMNS, ...MORE_COLUMNS];
const COLUMN_BY_KEY = new Map(ALL_COLUMNS.map((c) => [c.key, c]));

/** The facts a tier, a model or a quant stands for: a row gives one or the other, never both. */
const STANDS_FOR = {
  tier: ['mem_bandwidth_gbs', 'mem_bus_width_bits', 'mem_type', 'mem_data_rate_gtps'],
  model: ['active_params_b', 'total_params_b', 'is_moe'],
  quant: ['bits_per_weight', 'bytes_per_param'],
} as const;

/** One line of help for SIZER.CALIBRATE's table argument. */
export function calibrationTableHelp(): string {
  return `A table of your lab rows with its header row (e.g. LabRows[#All]); columns by name, in any order: ${CALIBRATION_TABLE_COLUMNS.map((c) => c.key).join(', ')} (also ${MORE_COLUMNS.map((c) => c.key).join(', ')}). Give a tier or the memory facts, a model or its parameter counts, a quant or its bits per weight; blank rows are skipped; at least ${MIN_USER_ROWS} rows`;
}

// No lab-table column takes 0 as a value, so a 0 is Excel desktop's empty cell (table-cells.ts).
const isBlank = isEmptyCell;

function headerKey(cell: CalibrationCell): string {
  return String(cell).trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function fail(message: string, field?: string): never {
  throw new SizerError('invalid_input', message, field);
}

/** The columns of the header row, by index (null: a blank header cell, whose column is ignored). */
const NO_HEADER = 'table: the first row must name the columns (at least decode_tok_s): give the table with its header row, e.g. LabRows[#All]';

function readHeader(header: readonly CalibrationCell[]): (CalibrationColumn | null)[] {
  // A first row that names no column at all is a table given without its header row.
  if (!header.some((cell) => !isBlank(cell) && COLUMN_BY_KEY.has(headerKey(cell)))) fail(NO_HEADER, 'table');
  const seen = new Set<string>();
  const columns = header.map((cell) => {
    if (isBlank(cell)) return null;
    const key = headerKey(cell);
    const column = COLUMN_BY_KEY.get(key);
    if (!column) fail(`table: unknown column "${String(cell).trim()}" in the header row; columns: ${ALL_COLUMNS.map((c) => c.key).join(', ')}`, 'table');
    if (seen.has(key)) fail(`table: column ${key} appears twice in the header row`, 'table');
    seen.add(key);
    return column;
  });
  if (!seen.has('decode_tok_s')) fail(NO_HEADER, 'table');
  return columns;
}

function cellValue(column: CalibrationColumn, cell: CalibrationCell, where: string): string | number | boolean {
  if (column.kind === 'text') return String(cell).trim();
  if (column.kind === 'boolean') {
    if (typeof cell === 'boolean') return cell;
    if (cell === 1) return true;
    const text = String(cell).trim().toLowerCase();
    if (text === 'true' || text === 'yes') return true;
    if (text === 'false' || text === 'no') return false;
    return fail(`${where}: ${column.key}: must be TRUE or FALSE, got ${JSON.stringify(cell)}`, column.key);
  }
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim()) : Number.NaN;
  if (!Number.isFinite(n)) fail(`${where}: ${column.key}: must be a number, got ${JSON.stringify(cell)}`, column.key);
  return n;
}

/** Runs a catalog lookup for one field of a row; its error names the row and the field. */
function lookup<T>(where: string, field: string, resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    if (isSizerError(error)) fail(`${where}: ${field}: ${error.message}`, field);
    throw error;
  }
}

/** One table row as a lab row of the engine's schema (tier, model and quant replaced by their facts). */
function labRow(engine: Engine, values: Map<string, string | number | boolean>, where: string): UserCalibrationRow {
  const row: Record<string, string | number | boolean> = {};
  for (const [key, value] of values) if (key !== 'note' && key !== 'tier' && key !== 'model' && key !== 'quant' && key !== 'bits_per_weight') row[key] = value;
  for (const stand of ['tier', 'model', 'quant'] as const) {
    const both = STANDS_FOR[stand].find((key) => values.has(key));
    if (values.has(stand) && both !== undefined) fail(`${where}: ${stand}: give a ${stand} or ${STANDS_FOR[stand].join(' / ')}, not both (${both} is filled in)`, stand);
  }
  const tier = values.get('tier');
  if (tier !== undefined) {
    const hw = lookup(where, 'tier', () => engine.hardware({ tier: String(tier) }));
    row.mem_bandwidth_gbs = hw.memBandwidthGbs;
    if (hw.memBusWidthBits > 0) row.mem_bus_width_bits = hw.memBusWidthBits;
    // The memory type the calibrated model reads for this tier (a custom tier's silicon family when it names none), as projections read it.
    row.mem_type = memoryTypeOf(hw);
  }
  const modelName = values.get('model');
  if (modelName !== undefined) {
    const key = lookup(where, 'model', () => engine.names.models.resolve(String(modelName), 'model'));
    const model = engine.catalog.modelByKey[key]!;
    row.active_params_b = model.activeParamsB;
    row.total_params_b = model.totalParamsB;
  }
  const quantName = values.get('quant');
  if (quantName !== undefined) {
    const key = lookup(where, 'quant', () => engine.names.quants.resolve(String(quantName), 'quant'));
    row.bytes_per_param = engine.catalog.quantByKey[key]!.bytesPerParam;
  }
  const bits = values.get('bits_per_weight');
  if (bits !== undefined) {
    if (values.has('bytes_per_param')) fail(`${where}: bits_per_weight: give bits_per_weight or bytes_per_param, not both`, 'bits_per_weight');
    row.bytes_per_param = (bits as number) / 8;
  }
  if (row.bytes_per_param === undefined) fail(`${where}: quant: give a quant, bits_per_weight or bytes_per_param`, 'quant');
  return parseUserCalibrationRow(row, where);
}

/**
 * The lab rows of a table: the first row names the columns, blank rows are skipped, every other row
 * is checked (the first problem found is the error, naming its row and field).
 */
export function calibrationRowsFromTable(engine: Engine, table: readonly (readonly CalibrationCell[])[]): UserCalibrationRow[] {
  const [header, ...rows] = table;
  if (!header) fail('table: empty', 'table');
  const columns = readHeader(header);
  const labRows: UserCalibrationRow[] = [];
  rows.forEach((cells, index) => {
    if (cells.every(isBlank)) return;
    const where = `table row ${index + 1}`;
    const values = new Map<string, string | number | boolean>();
    columns.forEach((column, i) => {
      const cell = cells[i];
      if (column && !isBlank(cell)) values.set(column.key, cellValue(column, cell, where));
    });
    labRows.push(labRow(engine, values, where));
  });
  return labRows;
}

/**
 * The fit of a lab table: the same refit `sizer calibrate` makes of the same rows, always from the
 * shipped constants (never from a calibration the workbook already uses, so a fit does not depend on
 * the one before it).
 */
export function calibrateTable(engine: Engine, table: readonly (readonly CalibrationCell[])[]): UserCalibration {
  const rows = calibrationRowsFromTable(engine, table);
  if (rows.length < MIN_USER_ROWS) {
    fail(`table: nothing is fitted from fewer than ${MIN_USER_ROWS} lab rows (leave-one-out needs two in every fold); the table has ${rows.length} (blank rows are skipped)`, 'table');
  }
  return calibrateFromRows(bundledCalibration(), rows, 'lab table');
}

// The spilled result -------------------------------------------------------------------------------

interface ResultRow {
  readonly label: string;
  readonly meaning: string;
  readonly read: (fit: UserFit) => number;
}

/** The rows of SIZER.CALIBRATE's result, under its header row: one home for their labels and order. */
export const CALIBRATION_RESULT_ROWS: readonly ResultRow[] = [
  { label: 'rows', meaning: 'lab rows fitted', read: (f) => f.rows },
  { label: 'loo_median_abs_error', meaning: 'leave-one-out median |projected / measured - 1|', read: (f) => f.looMedianAbsError },
  { label: 'loo_geomean_ratio', meaning: 'leave-one-out geometric mean of projected / measured', read: (f) => f.looGeomeanRatio },
  { label: 'bw_efficiency_4bit', meaning: 'share of peak bandwidth decode reaches, 4-bit weights', read: (f) => f.constants.bwEfficiency['4bit'] },
  { label: 'bw_efficiency_8bit', meaning: 'the same, 8-bit weights', read: (f) => f.constants.bwEfficiency['8bit'] },
  { label: 'bw_efficiency_16bit', meaning: 'the same, 16-bit weights (and the KV cache)', read: (f) => f.constants.bwEfficiency['16bit'] },
  { label: 'gddr_factor', meaning: 'multiplier on that share for GDDR memory', read: (f) => f.constants.gddrFactor },
  { label: 'per_layer_overhead_ms', meaning: 'fixed time per token per layer, ms', read: (f) => f.constants.perLayerOverheadMs },
  { label: 'gddr_overhead_factor', meaning: 'multiplier on that per-layer time for GDDR memory (discrete GPUs)', read: (f) => f.constants.gddrOverheadFactor },
  { label: 'moe_routing_factor', meaning: "multiplier on a MoE model's weight-read time", read: (f) => f.constants.moeRoutingFactor },
  { label: 'narrow_bus_factor', meaning: 'multiplier on the share for a narrow bus (single-board computers, phones)', read: (f) => f.constants.narrowBusFactor },
  { label: 'band_low_ratio', meaning: "80% band's low end, measured / projected", read: (f) => f.band.lowRatio },
  { label: 'band_high_ratio', meaning: "80% band's high end, measured / projected", read: (f) => f.band.highRatio },
];

export const CALIBRATION_RESULT_HEADER = ['calibration', 'value'] as const;

/** A fit as SIZER.CALIBRATE spills it: a header row, then a label and a value per row. */
export function calibrationResultCells(fit: UserFit): (string | number)[][] {
  return [[...CALIBRATION_RESULT_HEADER], ...CALIBRATION_RESULT_ROWS.map((r) => [r.label, r.read(fit)])];
}

/** The fit of a user calibration, as the result cells show it. */
export function userFitOf(calibration: UserCalibration): UserFit {
  return {
    constants: calibration.calibration.constants,
    band: calibration.calibration.bands.calibrated,
    rows: calibration.rows,
    looMedianAbsError: calibration.looMedianAbsError,
    looGeomeanRatio: calibration.looGeomeanRatio,
  };
}

/**
 * A calibration from SIZER.CALIBRATE's spilled result (the header row may be left out; rows by
 * label). `what` names the input in messages ("calibration", "the stored calibration").
 */
export function calibrationFromResult(base: CalibrationFile, cells: readonly (readonly CalibrationCell[])[], what: string, source: string): CalibrationFile {
  if (cells.some((row) => row.length < 2)) fail(`${what}: a SIZER.CALIBRATE result has two columns, label and value: give its whole spill (its cell followed by #)`, what);
  const byLabel = new Map<string, CalibrationCell>();
  for (const row of cells) {
    const label = isBlank(row[0]) ? '' : String(row[0]).trim().toLowerCase();
    if (label === CALIBRATION_RESULT_HEADER[0] || label === '') continue;
    if (!CALIBRATION_RESULT_ROWS.some((r) => r.label === label)) fail(`${what}: not a SIZER.CALIBRATE result (unknown row "${String(row[0])}")`, what);
    byLabel.set(label, row[1]);
  }
  const number = (label: string): number => {
    if (!byLabel.has(label)) fail(`${what}: not a SIZER.CALIBRATE result (no ${label} row)`, what);
    const value = byLabel.get(label);
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
    if (!Number.isFinite(n)) fail(`${what}: ${label} must be a number, got ${JSON.stringify(value)}`, what);
    return n;
  };
  const rows = number('rows');
  const fit = parseUserFit(
    {
      constants: {
        bwEfficiency: { '4bit': number('bw_efficiency_4bit'), '8bit': number('bw_efficiency_8bit'), '16bit': number('bw_efficiency_16bit') },
        gddrFactor: number('gddr_factor'),
        perLayerOverheadMs: number('per_layer_overhead_ms'),
        gddrOverheadFactor: number('gddr_overhead_factor'),
        moeRoutingFactor: number('moe_routing_factor'),
        narrowBusFactor: number('narrow_bus_factor'),
      },
      band: { lowRatio: number('band_low_ratio'), highRatio: number('band_high_ratio'), rows },
      rows,
      looMedianAbsError: number('loo_median_abs_error'),
      looGeomeanRatio: number('loo_geomean_ratio'),
    },
    what,
  );
  return userCalibrationFile(base, fit, source);
}
