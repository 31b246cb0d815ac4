/**
 * The procurement plan's requirements, candidate tiers and prices as small tables of cells: the one
 * layout SIZER.PLAN reads, the procurement comparison sheet writes and docs/functions.md describes.
 * Every host turns its input into these rows (a worksheet range, a JSON file's rows), so a table
 * gives the same plan wherever it is typed. Problems are collected for every row before anything
 * is projected, each naming its row.
 *
 * Requirements: one row per requirement, columns in this order (a first row whose first cell is
 * "kind" is a header and is skipped; rows with a blank kind are skipped):
 *   kind    name      option       amount                      target                 answer_kind
 *   vision  pipeline  resolution   cameras per site            target FPS per stream
 *   llm     model     quant        queries per minute per site workload pattern       short | rag
 *   sites                          number of sites
 *
 * Prices: two columns, key and value, one row each (a single number is the unit price of every tier):
 *   unit_price | price_per_kwh | years | hours_per_day, or a tier (name, id or SIZER.CUSTOMTIER text)
 *   whose unit price differs.
 */
import { type Catalog, describeRange, type InputRange, isInRange, type PlanLlmRequirement, type PlanPrices, type PlanRequirements, type PlanVisionRequirement, SizerError } from '../engine';
import { isBlankCell, isEmptyCell, type TableCell } from './table-cells';

export type PlanCell = TableCell;

export const PLAN_REQUIREMENT_COLUMNS = ['kind', 'name', 'option', 'amount', 'target', 'answer_kind'] as const;
export const PLAN_REQUIREMENT_KINDS = ['vision', 'llm', 'sites'] as const;
export type PlanRequirementKind = (typeof PLAN_REQUIREMENT_KINDS)[number];

/** What each column means for each kind of row: the help text, the docs and the sheet's notes read this. */
export const PLAN_REQUIREMENT_LAYOUT: Readonly<Record<PlanRequirementKind, string>> = {
  vision: 'vision | pipeline | resolution (blank = default) | cameras per site | target FPS per stream',
  llm: 'llm | model | quant (blank = default) | queries per minute per site (blank = default) | workload (blank = default) | answer kind (blank = default)',
  sites: 'sites | | | number of sites (one sites row; none = 1 site)',
};

export const PLAN_PRICE_KEYS = ['unit_price', 'price_per_kwh', 'years', 'hours_per_day'] as const;

/** One line of help for the requirements argument, from the layout above. */
export function planRequirementsHelp(): string {
  return `A table, one row per requirement, columns ${PLAN_REQUIREMENT_COLUMNS.join(', ')} (a "kind" header row is skipped): ${PLAN_REQUIREMENT_KINDS.map((k) => PLAN_REQUIREMENT_LAYOUT[k]).join('; ')}`;
}

export function planPricesHelp(): string {
  return `A single unit price for every tier, or a two-column table of key and value: ${PLAN_PRICE_KEYS.join(', ')}, or a tier name with its own unit price; blank = no prices (devices and energy only)`;
}

/** Text of a cell; 0 in a text column is how Excel desktop passes an empty cell, so it is blank too. */
function textOf(cell: PlanCell): string | null {
  if (isEmptyCell(cell) || typeof cell === 'boolean') return null;
  return String(cell).trim();
}

function numberOf(cell: PlanCell): number | null | 'nan' {
  if (isBlankCell(cell)) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'nan';
  if (typeof cell === 'string') {
    const n = Number(cell.trim());
    return Number.isFinite(n) ? n : 'nan';
  }
  return 'nan';
}

/** Collects every row's problems, then throws them together. */
class Problems {
  private readonly list: string[] = [];
  add(row: number, what: string): void {
    this.list.push(`row ${row}: ${what}`);
  }
  check(row: number, field: string, range: InputRange, cell: PlanCell, required: boolean): number | null {
    const n = numberOf(cell);
    if (n === null) {
      if (required) this.add(row, `${field} is required (${describeRange(range)})`);
      return null;
    }
    if (n === 'nan' || !isInRange(range, n)) {
      this.add(row, `${field} must be ${describeRange(range)}, got ${JSON.stringify(cell)}`);
      return null;
    }
    return n;
  }
  throwIfAny(what: string): void {
    if (this.list.length > 0) throw new SizerError('invalid_input', `${what}: ${this.list.join('; ')}`, what);
  }
}

/** Requirements from table rows; row numbers count from 1 at the table's first row. */
export function requirementsFromTable(catalog: Catalog, rows: readonly (readonly PlanCell[])[]): PlanRequirements {
  const ranges = catalog.inputRanges;
  const problems = new Problems();
  const vision: PlanVisionRequirement[] = [];
  let llm: PlanLlmRequirement | null = null;
  let sites: number | null = null;
  let sitesSeen = false;
  rows.forEach((cells, index) => {
    const row = index + 1;
    const kindText = textOf(cells[0])?.toLowerCase() ?? null;
    if (kindText === null || (index === 0 && kindText === 'kind')) return;
    const kind = PLAN_REQUIREMENT_KINDS.find((k) => k === kindText);
    const label = `requirements row ${row}`;
    if (kind === undefined) {
      problems.add(row, `kind must be ${PLAN_REQUIREMENT_KINDS.join(', ')}, got ${JSON.stringify(cells[0])}`);
      return;
    }
    if (kind === 'vision') {
      const pipeline = textOf(cells[1]);
      if (pipeline === null) problems.add(row, 'a vision row needs a pipeline in the name column');
      const cameras = problems.check(row, 'cameras (amount)', ranges.siteCameras, cells[3], true);
      const targetFps = problems.check(row, 'target_fps (target)', ranges.targetFps, cells[4], true);
      if (pipeline !== null && cameras !== null && targetFps !== null) vision.push({ pipeline, resolution: textOf(cells[2]), cameras, targetFps, label });
    } else if (kind === 'llm') {
      const model = textOf(cells[1]);
      if (model === null) problems.add(row, 'an llm row needs a model in the name column');
      if (llm !== null) problems.add(row, 'only one llm row: every site runs one assistant');
      const queriesPerMinute = problems.check(row, 'queries_per_minute (amount)', ranges.queriesPerMinute, cells[3], false);
      if (model !== null && llm === null) llm = { model, quant: textOf(cells[2]), queriesPerMinute, workload: textOf(cells[4]), answerKind: textOf(cells[5]), label };
    } else {
      if (sitesSeen) problems.add(row, 'only one sites row');
      sitesSeen = true;
      sites = problems.check(row, 'sites (amount)', ranges.sites, cells[3], true);
    }
  });
  problems.throwIfAny('requirements');
  if (vision.length === 0 && llm === null) throw new SizerError('invalid_input', 'requirements: no vision or llm row (each row starts with its kind: vision, llm or sites)', 'requirements');
  return { vision, llm, sites };
}

/** Candidate tiers: every non-blank cell, row by row; none: null (every preset tier). */
export function tiersFromTable(rows: readonly (readonly PlanCell[])[] | null): string[] | null {
  if (rows === null) return null;
  const tiers = rows.flatMap((row) => row.map(textOf).filter((t): t is string => t !== null));
  return tiers.length > 0 ? tiers : null;
}

/** Prices from a single number or key/value rows. */
export function pricesFromTable(catalog: Catalog, rows: readonly (readonly PlanCell[])[] | null): PlanPrices | null {
  if (rows === null) return null;
  const ranges = catalog.inputRanges;
  const problems = new Problems();
  const only = rows.length === 1 && rows[0]?.length === 1 ? rows[0][0] : undefined;
  if (only !== undefined) {
    const unitPrice = problems.check(1, 'unit_price', ranges.unitPrice, only, true);
    problems.throwIfAny('prices');
    return { unitPrice };
  }
  const prices: { unitPrice?: number | null; pricePerKwh?: number | null; years?: number | null; hoursPerDay?: number | null } = {};
  const unitPrices: { tier: string; unitPrice: number }[] = [];
  const fieldOf = { unit_price: 'unitPrice', price_per_kwh: 'pricePerKwh', years: 'years', hours_per_day: 'hoursPerDay' } as const;
  const rangeOf = { unit_price: ranges.unitPrice, price_per_kwh: ranges.pricePerKwh, years: ranges.years, hours_per_day: ranges.hoursPerDay };
  rows.forEach((cells, index) => {
    const row = index + 1;
    const key = textOf(cells[0]);
    if (key === null || (index === 0 && ['key', 'item'].includes(key.toLowerCase()))) return;
    const known = PLAN_PRICE_KEYS.find((k) => k === key.toLowerCase());
    if (known) prices[fieldOf[known]] = problems.check(row, known, rangeOf[known], cells[1], true);
    else {
      const unitPrice = problems.check(row, `unit price of ${key}`, ranges.unitPrice, cells[1], true);
      if (unitPrice !== null) unitPrices.push({ tier: key, unitPrice });
    }
  });
  problems.throwIfAny('prices');
  return { ...prices, unitPrices };
}
