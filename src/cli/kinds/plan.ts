/** Kind plan: the procurement plan, one row per candidate tier, as SIZER.PLAN spills it. */
import { z } from 'zod';
import { planFields, PlanInputProblem, planRecordsFromJson } from '../plan/schema';
import { lineFields, parseWith, QueryProblem, type QueryKind } from './common';

const schema = z.strictObject({ ...lineFields, ...planFields });

export const planKind: QueryKind = {
  kind: 'plan',
  schema,
  help: () =>
    'requirements (rows: {kind:"vision", pipeline, resolution, cameras, target_fps} | {kind:"llm", model, quant, workload, queries_per_minute, answer_kind} | {kind:"sites", sites}), ' +
    'tiers (names; default every preset), prices ({unit_price, unit_prices: {tier: price}, price_per_kwh, years, hours_per_day}); answers rows, one per tier',
  answer(engine, raw) {
    const q = parseWith(schema, raw, 'plan');
    try {
      return { rows: planRecordsFromJson(engine, q) };
    } catch (error) {
      if (error instanceof PlanInputProblem) throw new QueryProblem(error.code, error.message);
      throw error;
    }
  },
};
