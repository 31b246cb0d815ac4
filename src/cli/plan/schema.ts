/**
 * The procurement plan as JSON, for `sizer query` kind plan and `sizer export procurement
 * --requirements FILE`: requirements as rows ({ kind: vision | llm | sites, ... }), candidate tiers
 * and prices. zod checks the shape and names every bad row; the rows are then laid out as the
 * requirements table SIZER.PLAN reads (src/report/plan-table.ts), so the same requirements give the
 * same plan in a cell and on the command line.
 */
import { z } from 'zod';
import { type Engine, type PlanOptions, planRecord, type PlanRequirements, type ProjectionBasis } from '../../engine';
import { type PlanCell, pricesFromTable, requirementsFromTable, tiersFromTable } from '../../report/plan-table';
import { describeIssue } from '../zod-errors';

const name = z.string().min(1);
const optionalName = z.string().nullish();
const optionalNumber = z.number().nullish();

const visionRow = z.strictObject({ kind: z.literal('vision'), pipeline: name, resolution: optionalName, cameras: z.number(), target_fps: z.number() });
const llmRow = z.strictObject({ kind: z.literal('llm'), model: name, quant: optionalName, workload: optionalName, queries_per_minute: optionalNumber, answer_kind: optionalName });
const sitesRow = z.strictObject({ kind: z.literal('sites'), sites: z.number() });
const requirementRow = z.discriminatedUnion('kind', [visionRow, llmRow, sitesRow]);
export type PlanRequirementRow = z.infer<typeof requirementRow>;

export const planPricesSchema = z.strictObject({
  unit_price: optionalNumber,
  /** Unit prices by tier (name, id or SIZER.CUSTOMTIER text), for tiers whose price differs. */
  unit_prices: z.record(z.string(), z.number()).nullish(),
  price_per_kwh: optionalNumber,
  years: optionalNumber,
  hours_per_day: optionalNumber,
});

export const planFields = {
  requirements: z.array(z.unknown()),
  tiers: z.array(z.string()).nullish(),
  prices: planPricesSchema.nullish(),
};

export class PlanInputProblem extends Error {
  constructor(
    readonly code: ReturnType<typeof describeIssue>['code'],
    message: string,
  ) {
    super(message);
  }
}

/** Every bad requirement row, each named by its index and kind, in one message. */
export function parseRequirementRows(rows: readonly unknown[]): PlanRequirementRow[] {
  const problems: string[] = [];
  const parsed: PlanRequirementRow[] = [];
  rows.forEach((row, index) => {
    const result = requirementRow.safeParse(row);
    if (result.success) parsed.push(result.data);
    else {
      const kind = row !== null && typeof row === 'object' && 'kind' in row ? ` (${JSON.stringify((row as { kind: unknown }).kind)})` : '';
      const issues = result.error.issues.map((issue) => describeIssue(issue, row, 'requirements row').message);
      problems.push(`requirements[${index}]${kind}: ${issues.join('; ')}`);
    }
  });
  if (problems.length > 0) throw new PlanInputProblem('invalid_input', problems.join(' | '));
  return parsed;
}

/** A JSON requirement row as a row of the SIZER.PLAN requirements table. */
export function requirementTableRow(row: PlanRequirementRow): PlanCell[] {
  if (row.kind === 'vision') return ['vision', row.pipeline, row.resolution ?? null, row.cameras, row.target_fps, null];
  if (row.kind === 'llm') return ['llm', row.model, row.quant ?? null, row.queries_per_minute ?? null, row.workload ?? null, row.answer_kind ?? null];
  return ['sites', null, null, row.sites, null, null];
}

/** The prices as the SIZER.PLAN prices table (key, value rows). */
export function pricesTable(prices: z.infer<typeof planPricesSchema> | null | undefined): PlanCell[][] | null {
  if (!prices) return null;
  const rows: PlanCell[][] = [];
  for (const key of ['unit_price', 'price_per_kwh', 'years', 'hours_per_day'] as const) {
    const value = prices[key];
    if (value !== null && value !== undefined) rows.push([key, value]);
  }
  for (const [tier, price] of Object.entries(prices.unit_prices ?? {})) rows.push([tier, price]);
  return rows.length > 0 ? rows : null;
}

export interface PlanJson {
  readonly requirements: readonly unknown[];
  readonly tiers?: readonly string[] | null;
  readonly prices?: z.infer<typeof planPricesSchema> | null;
}

/** The requirements and options a JSON plan describes, through the same tables SIZER.PLAN reads. */
export function planInputsFromJson(engine: Engine, json: PlanJson): { requirements: PlanRequirements; options: PlanOptions } {
  const table = parseRequirementRows(json.requirements).map(requirementTableRow);
  return {
    requirements: requirementsFromTable(engine.catalog, table),
    options: { tiers: tiersFromTable(json.tiers ? json.tiers.map((t) => [t]) : null), prices: pricesFromTable(engine.catalog, pricesTable(json.prices)) },
  };
}

/** The plan's rows as records (planRecord), as SIZER.PLAN spills them, with the LLM's decode on a basis (null: reference). */
export function planRecordsFromJson(engine: Engine, json: PlanJson, basis: ProjectionBasis | null = null) {
  const { requirements, options } = planInputsFromJson(engine, json);
  return engine.plan(requirements, { ...options, basis }).map(planRecord);
}

/** A requirements file (`sizer export procurement --requirements FILE`): the plan query's fields without id and kind. */
export const planFileSchema = z.strictObject(planFields);

/** The file's plan, every top-level problem and every bad row named; throws PlanInputProblem. */
export function parsePlanFile(text: string, file: string): PlanJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PlanInputProblem('invalid_json', `${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = planFileSchema.safeParse(raw);
  const problems = result.success ? [] : result.error.issues.filter((issue) => !(issue.path[0] === 'requirements' && issue.path.length > 1)).map((issue) => describeIssue(issue, raw, 'requirements file').message);
  // The rows are checked even when the rest of the file is wrong, so one run names every bad row.
  const rows = raw !== null && typeof raw === 'object' && Array.isArray((raw as { requirements?: unknown }).requirements) ? (raw as { requirements: unknown[] }).requirements : null;
  if (rows !== null) {
    try {
      parseRequirementRows(rows);
    } catch (error) {
      if (!(error instanceof PlanInputProblem)) throw error;
      problems.push(error.message);
    }
  }
  if (!result.success || problems.length > 0) throw new PlanInputProblem('invalid_input', `${file}: ${problems.join('; ')}`);
  return result.data;
}
